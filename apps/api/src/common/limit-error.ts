import { IntrinsicException } from '@nestjs/common';

/**
 * A request over one of the service's limits: what was asked, the limit, and what to do
 * instead, with its GraphQL code (kept by toClientError). Intrinsic: Nest does not log
 * it, for it is the client's request, not our bug.
 */
export class LimitError extends IntrinsicException {
  readonly extensions: { code: 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX' };

  constructor(code: 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX', message: string) {
    super(message);
    this.extensions = { code };
  }
}
