import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestServer, type TestServer } from './support/test-server.js';

// Issue 14, build 5: `replicas` travels in the app document GraphQL compose takes, and is refused as the CLI refuses it.
type Problem = { path: string; code: string; message: string; line?: number; column?: number };
const COMPOSE = 'query C($app: String!, $target: Target) { compose(app: $app, target: $target) { files { path content } } }';
const HEAD = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n';

describe('GraphQL compose with replicas', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(async () => t?.stop());

  const problems = async (app: string) => {
    const r = await t.gql(COMPOSE, { app });
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    return r.body.errors![0]!.extensions!.problems as Problem[];
  };

  it('a stateless instance at 3 replicas becomes a Deployment of 3 with its PodDisruptionBudget', async () => {
    const app = `${HEAD}  db: { component: postgresql }\n  aisle:\n    component: aisle\n    replicas: 3\n    inputs: { databaseUrl: "\${{ db.url }}" }\n`;
    const r = await t.gql(COMPOSE, { app, target: 'KUBERNETES' });
    expect(r.body.errors).toBeUndefined();
    const files = (r.body.data as { compose: { files: Array<{ path: string; content: string }> } }).compose.files;
    const content = (path: string) => files.find((f) => f.path === path)?.content;
    expect(parse(content('aisle/deployment.yaml')!).spec.replicas).toBe(3);
    expect(parse(content('aisle/poddisruptionbudget.yaml')!).spec).toMatchObject({ maxUnavailable: 1 });
  });

  it('replicas on a component with a volume is REPLICAS_STATEFUL at db.replicas, with line and column', async () => {
    expect(await problems(`${HEAD}  db:\n    component: postgresql\n    replicas: 2\n`)).toEqual([
      {
        path: 'db.replicas',
        code: 'REPLICAS_STATEFUL',
        message: 'postgresql keeps its data on a volume (data), so only one copy of it can run: remove replicas or set it to 1',
        line: 7,
        column: 5,
      },
    ]);
  });

  it('a count out of bounds is a schema problem that says the bound', async () => {
    const found = await problems(`${HEAD}  web:\n    component: web-app\n    replicas: 0\n    inputs: { image: "ghcr.io/acme/shop:1.4.2" }\n`);
    expect(found).toEqual([expect.objectContaining({ path: 'instances.web.replicas', code: 'SCHEMA_VIOLATION', message: 'must be at least 1' })]);
  });
});
