import { ApiError } from '../common/api-error.js';

/**
 * The code a refused request is logged under: the first error diagnostic's code, else the
 * error's own code. Never its message: a diagnostic may quote what the caller sent.
 */
export function refusalCode(e: unknown): string {
  if (e instanceof ApiError) return (e.diagnostics.find((d) => d.severity === 'error') ?? e.diagnostics[0])?.code ?? 'INPUT_INVALID';
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}
