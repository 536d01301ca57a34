import { IntrinsicException } from '@nestjs/common';

/**
 * A database operation that failed transiently, and again when tried once more (or too
 * slowly to try again): the client may send its request again in a moment. The driver's
 * error is its cause. Intrinsic: Nest does not log it; toClientError logs one line.
 */
export class DatabaseUnavailableError extends IntrinsicException {
  constructor(override readonly cause: unknown) {
    super('the database is unavailable for a moment');
  }
}
