import type { CatalogIndex } from '../../libs/catalog/index.js';

/** The database each app component runs on, as its kit wires it. */
export const DATABASE_OF: Readonly<Record<string, string>> = {
  keycloak: 'postgresql',
  wordpress: 'mariadb',
  ghost: 'mysql',
  gitea: 'postgresql',
  nextcloud: 'postgresql',
  aisle: 'postgresql',
};

/**
 * The `inputs: { … }` line that wires an app component to a database instance (and a
 * cache instance, for inputs named redis…): every db…/redis… input the component
 * declares, from the instance's outputs. Undefined for a component that needs no wiring.
 */
export function wiringLine(catalog: CatalogIndex, name: string, db: string, cache: string): string | undefined {
  if (DATABASE_OF[name] === undefined) return undefined;
  const inputs = Object.keys(catalog.latest(name)!.manifest.spec.inputs.properties);
  const from: Record<string, string> = {
    dbHost: `${db}.host`,
    dbPort: `${db}.port`,
    dbName: `${db}.database`,
    dbUser: `${db}.username`,
    dbUsername: `${db}.username`,
    dbPassword: `${db}.password`,
    databaseUrl: `${db}.url`,
    redisHost: `${cache}.host`,
    redisPort: `${cache}.port`,
    redisPassword: `${cache}.password`,
  };
  const wired = inputs.filter((i) => from[i] !== undefined).map((i) => `${i}: "\${{ ${from[i]} }}"`);
  return `    inputs: { ${wired.join(', ')} }`;
}

/** Every shipped component once, with the wiring the examples use: app components on the catalog's databases, a web app on PostgreSQL and Redis, HAProxy and Varnish in front of httpd, the Collector into Jaeger. */
export function everyComponentSpec(catalog: CatalogIndex): string {
  const names = [...new Set(catalog.search().map((c) => c.name))].sort();
  const lines = ['apiVersion: aisle.dev/v1', 'kind: App', 'metadata: { name: store }', 'instances:'];
  for (const name of names) {
    lines.push(`  ${name}:`, `    component: ${name}`);
    if (name === 'postgresql') lines.push('    inputs: { database: shop }');
    const wiring = wiringLine(catalog, name, DATABASE_OF[name] ?? '', 'redis');
    if (wiring) lines.push(wiring);
    if (name === 'web-app')
      lines.push('    inputs: { image: "ghcr.io/acme/shop:1.4.2" }', '    env: { DATABASE_URL: "${{ postgresql.url }}", CACHE_URL: "${{ redis.url }}" }');
    if (name === 'haproxy') lines.push('    inputs: { backendHost: "${{ httpd.host }}", backendPort: "${{ httpd.port }}" }');
    if (name === 'varnish') lines.push('    inputs: { backendHost: "${{ httpd.host }}", backendPort: "${{ httpd.port }}" }');
    if (name === 'otel-collector') lines.push('    inputs: { exportEndpoint: "${{ jaeger.otlpGrpcEndpoint }}" }');
    if (name === 'dex') lines.push('    inputs: { redirectUri: "http://localhost:8080/oauth2/callback" }');
  }
  return `${lines.join('\n')}\n`;
}
