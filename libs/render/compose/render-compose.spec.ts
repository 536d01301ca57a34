import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog, shippedCatalogDir } from '../../catalog/index.js';
import { composeApp } from '../../composition/index.js';
import { filesByPath } from '../index.js';
import { readComposeSecrets } from './read-compose-secrets.js';
import { renderCompose } from './render-compose.js';

const catalog = loadCatalog(shippedCatalogDir()).index;
const composed = composeApp(
  {
    apiVersion: 'aisle.dev/v1',
    kind: 'App',
    metadata: { name: 'shop' },
    instances: {
      db: { component: 'postgresql@^17', inputs: { password: 'Secret$pass#1234' } },
      web: { component: 'web-app', inputs: { image: 'a/b:1' }, env: { URL: '${{ db.url }}', COST: '$5' } },
      front: { component: 'nginx', dependsOn: ['web'] },
    },
  },
  catalog,
);

describe('renderCompose', () => {
  const files = renderCompose(composed.app!);
  const compose = parse(files.find((f) => f.path === 'compose.yaml')!.content);

  it('writes compose.yaml, a private .env and aisle.lock, sorted', () => {
    expect(files.map((f) => [f.path, f.mode])).toEqual([
      ['.env', 0o600],
      ['aisle.lock', undefined],
      ['compose.yaml', undefined],
    ]);
  });

  it('references secrets from .env and escapes every other $', () => {
    expect(compose.services.db.environment.POSTGRES_PASSWORD).toBe('${DB_PASSWORD}');
    expect(compose.services.web.environment.URL).toBe('postgresql://app:${DB_PASSWORD_URLENCODE}@db:5432/app');
    expect(compose.services.web.environment.COST).toBe('$$5');
    expect(compose.services.db.healthcheck.test).toEqual(['CMD-SHELL', 'pg_isready -U "$$POSTGRES_USER" -d "$$POSTGRES_DB" -h 127.0.0.1']);
    for (const f of files.filter((f) => f.path !== '.env')) expect(f.content).not.toContain('Secret$pass#1234');
    expect(readComposeSecrets(filesByPath(files))).toEqual({ db: { password: 'Secret$pass#1234' } });
    expect(files.find((f) => f.path === 'aisle.lock')!.content).toContain('ref: .env#DB_PASSWORD');
  });

  it('waits for healthy dependencies, or started ones when they have no health command', () => {
    expect(compose.services.web.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(compose.services.front.depends_on).toEqual({ web: { condition: 'service_started' } });
  });

  it('maps volumes, user, resources and grace period', () => {
    expect(compose.services.db.volumes).toEqual(['db-data:/var/lib/postgresql/data']);
    expect(compose.volumes).toEqual({ 'db-data': {} });
    expect(compose.services.db.user).toBe('999:999');
    expect(compose.services.db.deploy.resources.limits).toEqual({ cpus: '1', memory: '1g' });
    expect(compose.services.db.stop_grace_period).toBe('30s');
    expect(compose).not.toHaveProperty('name');
  });
});

describe('renderCompose with a secret no secret input explains', () => {
  it('keeps the whole value in .env under its own variable', () => {
    const base = composed.app!.instances.find((i) => i.name === 'front')!;
    const app = {
      name: 'x',
      instances: [
        { ...base, name: 'front', dependsOn: [], env: [{ name: 'TOKEN', value: 'tok$en', secret: true, parts: [{ kind: 'text' as const, text: 'tok$en' }] }] },
      ],
    };
    const files = renderCompose(app);
    const compose = parse(files.find((f) => f.path === 'compose.yaml')!.content);
    expect(compose.services.front.environment.TOKEN).toBe('${FRONT_TOKEN}');
    expect(files.find((f) => f.path === '.env')!.content).toContain("# front.env.TOKEN\nFRONT_TOKEN='tok$en'\n");
    expect(files.find((f) => f.path === 'compose.yaml')!.content).not.toContain('tok$en');
  });
});
