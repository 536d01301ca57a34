import type { CatalogIndex } from '../../libs/catalog/index.js';

/** Every shipped component once, with the wiring the examples use: keycloak and a web app on PostgreSQL, HAProxy and Varnish in front of httpd, the Collector into Jaeger. */
export function everyComponentSpec(catalog: CatalogIndex): string {
  const names = [...new Set(catalog.search().map((c) => c.name))].sort();
  const lines = ['apiVersion: aisle.dev/v1', 'kind: App', 'metadata: { name: store }', 'instances:'];
  for (const name of names) {
    lines.push(`  ${name}:`, `    component: ${name}`);
    if (name === 'postgresql') lines.push('    inputs: { database: shop }');
    if (name === 'keycloak')
      lines.push(
        '    inputs: { dbHost: "${{ postgresql.host }}", dbPassword: "${{ postgresql.password }}", dbUsername: "${{ postgresql.username }}", dbName: "${{ postgresql.database }}" }',
      );
    if (name === 'web-app')
      lines.push('    inputs: { image: "ghcr.io/acme/shop:1.4.2" }', '    env: { DATABASE_URL: "${{ postgresql.url }}", CACHE_URL: "${{ redis.url }}" }');
    if (name === 'haproxy') lines.push('    inputs: { backendHost: "${{ httpd.host }}", backendPort: "${{ httpd.port }}" }');
    if (name === 'varnish') lines.push('    inputs: { backendHost: "${{ httpd.host }}", backendPort: "${{ httpd.port }}" }');
    if (name === 'otel-collector') lines.push('    inputs: { exportEndpoint: "${{ jaeger.otlpGrpcEndpoint }}" }');
    if (name === 'dex') lines.push('    inputs: { redirectUri: "http://localhost:8080/oauth2/callback" }');
  }
  return `${lines.join('\n')}\n`;
}
