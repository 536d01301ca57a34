import { it } from 'vitest';
import { loadCatalog, shippedCatalogDir } from '../../libs/catalog/index.js';
import { composeApp } from '../../libs/compose/index.js';
import { parseAppSpec } from '../../libs/manifest/index.js';
import { renderKubernetes } from '../../libs/render/kubernetes/index.js';
import { renderHelm } from '../../libs/render/helm/index.js';
it('perf', () => {
  const catalog = loadCatalog(shippedCatalogDir()).index;
  for (const n of [10, 100, 200, 1000, 10, 100, 200, 1000]) {
    const lines = ['apiVersion: aisle.dev/v1', 'kind: App', 'metadata: { name: big }', 'instances:'];
    for (let i = 0; i < n / 2; i++) {
      lines.push(`  db${i}:`, '    component: postgresql', '    inputs: { database: shop }');
      lines.push(`  web${i}:`, '    component: web-app', '    inputs: { image: "ghcr.io/acme/shop:1.4.2" }', `    env: { DATABASE_URL: "\${{ db${i}.url }}" }`);
    }
    const app = composeApp(parseAppSpec(lines.join('\n')).value!, catalog).app!;
    for (const [name, r] of [['kubernetes', renderKubernetes], ['helm', renderHelm]] as const) {
      r(app);
      const t = performance.now();
      const reps = n <= 100 ? 20 : 3;
      for (let k = 0; k < reps; k++) r(app);
      const ms = (performance.now() - t) / reps;
      console.log(name, n, ms.toFixed(1), 'ms', (ms / n * 1000).toFixed(0), 'µs/instance');
    }
  }
});
