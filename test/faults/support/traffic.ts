import type { Answer } from './graphql.js';

const APP = [
  'apiVersion: aisle.dev/v1',
  'kind: App',
  'metadata: { name: shop }',
  'instances:',
  '  db:',
  '    component: postgresql@^16',
  '    inputs: { database: shop }',
  '  cache:',
  '    component: redis',
  '',
].join('\n');

/** Anonymous requests of each kind the storefront and the CLI send: browse, look up, validate, compose. */
export const MIXED_READS: Array<{ query: string; variables?: Record<string, unknown> }> = [
  { query: '{ aisles { name components } }' },
  { query: '{ components(first: 20) { edges { node { name aisle latest { version digest inputs { name type } } } } pageInfo { hasNextPage } } }' },
  { query: 'query C($n: String!) { component(name: $n) { name versions { version digest } } }', variables: { n: 'redis' } },
  {
    query: 'query V($i: JSONObject!) { validateInputs(component: "postgresql", range: "^16", inputs: $i) { valid errors { path code } } }',
    variables: { i: { database: 'shop' } },
  },
  { query: 'query C($app: String!) { compose(app: $app, target: COMPOSE) { files { path } lock } }', variables: { app: APP } },
];

/** The tally of a stretch of traffic: what the answers were, and any that a client should never see. */
export class Tally {
  answers = 0;
  succeeded = 0;
  retryable = 0;
  readonly statuses = new Map<number, number>();
  /** Answers other than success or a clean, retryable SERVICE_UNAVAILABLE (with the right HTTP status). */
  readonly unexpected: string[] = [];

  /** Counts one answer. */
  add(r: Answer): void {
    this.answers++;
    this.statuses.set(r.status, (this.statuses.get(r.status) ?? 0) + 1);
    const errors = r.body.errors ?? [];
    if (errors.length === 0 && r.status === 200) {
      this.succeeded++;
      return;
    }
    const clean = errors.length > 0 && errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE' && e.extensions.retryable === true);
    // The whole operation failed (no data): 503 and a Retry-After; some data: 200, as GraphQL-over-HTTP asks.
    const status = r.body.data ? 200 : 503;
    if (clean && r.status === status && (status === 200 || r.headers.get('retry-after') !== null)) this.retryable++;
    else this.unexpected.push(`${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
  }
}
