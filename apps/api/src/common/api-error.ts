import { IntrinsicException } from '@nestjs/common';
import { error, type Diagnostic, type DiagnosticCode } from '../../../../libs/diagnostics/index.js';

/**
 * A user-facing failure of a resolver: the diagnostics the libraries (or the service)
 * reported. Turned into a GraphQL error with a code by format-graphql-errors.ts.
 * Intrinsic: Nest does not log it, for it is the client's problem, not ours.
 */
export class ApiError extends IntrinsicException {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.find((d) => d.severity === 'error')?.message ?? diagnostics[0]?.message ?? 'invalid request');
  }

  /** One diagnostic as an error. */
  static of(code: DiagnosticCode, path: string, message: string): ApiError {
    return new ApiError([error(code, path, message)]);
  }
}
