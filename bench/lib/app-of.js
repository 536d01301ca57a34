'use strict';
// The bench apps: one generator, so the composition bench and the CLI bench compose the same app.

/** An app of `n` instances: databases, caches and web apps wired to the ones before them. */
function appOf(n) {
  const instances = {};
  const pad = (i) => String(i).padStart(4, '0');
  for (let i = 0; i < n; i++) {
    const group = Math.floor(i / 3);
    switch (i % 3) {
      case 0:
        instances[`db-${pad(group)}`] = { component: 'postgresql@^16', inputs: { database: 'shop' } };
        break;
      case 1:
        instances[`cache-${pad(group)}`] = { component: 'redis@^8' };
        break;
      default:
        instances[`web-${pad(group)}`] = {
          component: 'web-app@^1',
          inputs: { image: 'docker.io/traefik/whoami:v1.10', port: 80 },
          env: { DATABASE_URL: `\${{ db-${pad(group)}.url }}`, REDIS_URL: `\${{ cache-${pad(group)}.url }}` },
        };
    }
  }
  return { apiVersion: 'aisle.dev/v1', kind: 'App', metadata: { name: `bench-${n}` }, instances };
}

module.exports = { appOf };
