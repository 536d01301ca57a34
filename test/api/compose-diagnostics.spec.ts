import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

// Issue 10: GraphQL compose says what the CLI says, once, with line and column, and never echoes a value.
type Problem = { path: string; code: string; message: string; line?: number; column?: number };
const COMPOSE = 'query C($app: String!) { compose(app: $app) { lock warnings { path code line column } } }';
const HEAD = 'apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n';

describe('GraphQL compose diagnostics (issue 10)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(async () => t?.stop());

  const problems = async (app: string) => {
    const r = await t.gql(COMPOSE, { app });
    expect(r.body.errors).toHaveLength(1);
    return { problems: r.body.errors![0]!.extensions!.problems as Problem[], text: r.text };
  };

  it('a wrong-typed input is one problem on its path, with line and column, and its value is not echoed', async () => {
    const r = await problems(`${HEAD}  web:\n    component: web-app\n    inputs:\n      image: docker.io/traefik/whoami:v1.10\n      port: "eighty"\n`);
    expect(r.problems).toEqual([
      {
        path: 'web.inputs.port',
        code: 'INPUT_INVALID',
        message: 'must be an integer',
        line: 9,
        column: 7,
        detail: { keyword: 'type', params: { type: 'integer' } },
      },
    ]);
    expect(r.text).not.toContain('eighty');
  });

  it('a YAML syntax error keeps its line and column', async () => {
    const r = await problems(`${HEAD}  db:\n    component: [postgresql\n`);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'YAML_SYNTAX', line: expect.any(Number), column: expect.any(Number) });
  });

  it('a wiring problem has line and column', async () => {
    const r = await problems(`${HEAD}  web:\n    component: web-app\n    inputs: { image: a/b:1 }\n    env:\n      URL: \${{ dbb.url }}\n`);
    expect(r.problems).toEqual([expect.objectContaining({ path: 'web.env.URL', code: 'WIRING_UNKNOWN_INSTANCE', line: 9, column: 7 })]);
  });
});
