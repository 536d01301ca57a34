import { error, type Diagnostic, type DiagnosticDetail } from '../../../../libs/diagnostics/index.js';
import { isDiagnosticCode } from '../exit-code.js';
import { RegistryError } from './registry-error.js';
import { graphqlEndpoint } from './registry-url.js';

/** A service to talk to, and the token to send it (none: anonymous). */
export interface RegistryConnection {
  /** Normalized, see normalizeRegistryUrl. */
  url: string;
  token?: string;
}

/** Answers larger than this are refused unread: a catalog page of manifests is far smaller. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

interface GraphqlAnswer {
  data?: unknown;
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown; problems?: unknown } }>;
}

/**
 * Sends one GraphQL request with Node's fetch and returns its `data`. Every failure
 * (unreachable, timed out, an HTTP or GraphQL error, a body too large or not GraphQL)
 * throws a RegistryError whose diagnostics carry the service's own codes when it sent
 * known ones. The token goes in the Authorization header only, never into a message.
 */
export async function graphqlRequest<T>(connection: RegistryConnection, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const endpoint = graphqlEndpoint(connection.url);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(connection.token ? { authorization: `Bearer ${connection.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    throw failure('REGISTRY_UNREACHABLE', `cannot reach ${connection.url}: ${unreachableReason(e)}`);
  }
  const text = await boundedText(response, connection.url);
  let answer: GraphqlAnswer;
  try {
    answer = JSON.parse(text) as GraphqlAnswer;
  } catch {
    throw failure(
      'REGISTRY_FAILED',
      `${connection.url} answered HTTP ${response.status} without a GraphQL response; is it an Aisle service (its endpoint is ${endpoint})?`,
    );
  }
  if (Array.isArray(answer?.errors) && answer.errors.length > 0) throw new RegistryError(answer.errors.flatMap((e) => problemsOf(e, connection.url)));
  if (!response.ok || answer?.data === undefined || answer.data === null) {
    throw failure('REGISTRY_FAILED', `${connection.url} answered HTTP ${response.status} without data`);
  }
  return answer.data as T;
}

function failure(code: 'REGISTRY_UNREACHABLE' | 'REGISTRY_FAILED', message: string): RegistryError {
  return new RegistryError([error(code, '', message)]);
}

// The service's diagnostics keep their codes (so exit codes are the local mode's); anything else is REGISTRY_FAILED.
function problemsOf(e: NonNullable<GraphqlAnswer['errors']>[number], url: string): Diagnostic[] {
  const problems = e?.extensions?.problems;
  if (Array.isArray(problems) && problems.length > 0) {
    return problems.map((p: { code?: unknown; path?: unknown; message?: unknown; rule?: unknown; detail?: unknown }) => {
      const message = printable(p?.message);
      const path = printable(p?.path);
      const extra = { ...(typeof p?.rule === 'string' ? { rule: printable(p.rule) } : {}), ...detailOf(p?.detail) };
      return isDiagnosticCode(p?.code) ? error(p.code, path, message, extra) : error('REGISTRY_FAILED', path, `${url} refused the request: ${message}`);
    });
  }
  const code = typeof e?.extensions?.code === 'string' ? ` (${printable(e.extensions.code)})` : '';
  return [error('REGISTRY_FAILED', url, `refused the request${code}: ${printable(e?.message)}`)];
}

// Most of a problem's detail (a keyword and its parameters) kept: more is not a schema's.
const MAX_DETAIL_CHARS = 4000;

/** A problem's detail for tools (`--json` only, never printed to a terminal), as the local mode gives it; bounded. */
function detailOf(value: unknown): { detail?: DiagnosticDetail } {
  const d = value as { keyword?: unknown; params?: unknown } | undefined;
  if (typeof d?.keyword !== 'string' || typeof d.params !== 'object' || d.params === null || Array.isArray(d.params)) return {};
  const detail = { keyword: printable(d.keyword), params: d.params as Record<string, unknown> };
  return JSON.stringify(detail).length <= MAX_DETAIL_CHARS ? { detail } : {};
}

// What a service says is printed to a terminal: no control characters (escape sequences), and not without end.
function printable(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > 2000 ? `${clean.slice(0, 2000)}…` : clean;
}

function unreachableReason(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const code = err?.cause?.code;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the service running, and is the address right?)',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'the host name could not be resolved right now',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
  };
  if (code && reasons[code]) return reasons[code]!;
  // fetch wraps the network's own error as its cause: that one says what happened.
  const detail = err instanceof TypeError ? err.cause?.message : undefined;
  if (detail) return printable(detail);
  return printable(err?.message) || 'the request failed';
}

async function boundedText(response: Response, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_RESPONSE_BYTES) {
    await response.body?.cancel();
    throw failure('REGISTRY_FAILED', `${url} answered with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB; refused`);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch (e) {
      throw failure('REGISTRY_UNREACHABLE', `${url} stopped answering midway: ${unreachableReason(e)}`);
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw failure('REGISTRY_FAILED', `${url} answered with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB; refused`);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
