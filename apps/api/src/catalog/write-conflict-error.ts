import { IntrinsicException } from '@nestjs/common';

/**
 * A write that lost a race: what the caller decided on (the component absent, the
 * version free) changed before it was stored, and nothing of it was written. The
 * caller decides again on what is there now. Intrinsic: not a fault of ours, not logged.
 */
export class WriteConflictError extends IntrinsicException {
  constructor(readonly subject: string) {
    super(`${subject} changed while it was being written`);
  }
}
