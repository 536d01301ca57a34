import { error, type Diagnostic, type DiagnosticCode } from '../../../../libs/diagnostics/index.js';

/**
 * A user-facing failure of a resolver: the diagnostics the libraries (or the service)
 * reported. Turned into a GraphQL error with a code by format-graphql-error.ts.
 */
export class ApiError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.find((d) => d.severity === 'error')?.message ?? diagnostics[0]?.message ?? 'invalid request');
  }

  /** One diagnostic as an error. */
  static of(code: DiagnosticCode, path: string, message: string): ApiError {
    return new ApiError([error(code, path, message)]);
  }
}
