import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, shippedCatalogDir } from '../../libs/catalog/index.js';
import { composeApp } from '../../libs/composition/index.js';
import type { ResolvedApp } from '../../libs/composition/resolved-app.js';
import { parseAppSpec } from '../../libs/manifest/index.js';
import { RENDERERS, type BundleFile } from '../../libs/render/index.js';
import { everyComponentSpec } from './catalog-wiring.js';
import { composeSchemaErrors, dockerComposeConfig, unescapeCompose, writeTemp } from './compose-checks.js';

describe('a Compose bundle of every shipped component', () => {
  let app: ResolvedApp;
  let files: BundleFile[];
  beforeAll(() => {
    const catalog = loadCatalog(shippedCatalogDir()).index;
    const spec = parseAppSpec(everyComponentSpec(catalog));
    expect(spec.diagnostics).toEqual([]);
    const composed = composeApp(spec.value!, catalog);
    expect(composed.diagnostics).toEqual([]);
    app = composed.app!;
    files = RENDERERS.compose(app);
  });

  it('passes the Compose spec JSON schema', () => {
    expect(composeSchemaErrors(files.find((f) => f.path === 'compose.yaml')!.content)).toEqual([]);
  });

  it('docker-compose config accepts it, and every health command and secret reaches the service as written', () => {
    const { config } = dockerComposeConfig(writeTemp(files));
    expect(Object.keys(config.services).sort()).toEqual(app.instances.map((i) => i.name).sort());
    for (const instance of app.instances) {
      const service = config.services[instance.name];
      if (instance.health.command !== undefined) {
        const test = (service.healthcheck.test as string[]).map(unescapeCompose);
        expect(test.at(-1), instance.name).toBe(instance.health.command);
      }
      for (const [input, value] of Object.entries(instance.inputs)) {
        if (!instance.generatedInputs.includes(input)) continue;
        const environment = Object.values(service.environment ?? {}).map((v) => unescapeCompose(String(v)));
        expect(
          environment.some((v) => v.includes(String(value))),
          `${instance.name}.${input}`,
        ).toBe(true);
      }
    }
  });
});
