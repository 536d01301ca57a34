import type { Diagnostic } from '../../../../libs/diagnostics/index.js';

/**
 * A service could not answer, or refused what was sent: the diagnostics to show, as the
 * CLI shows its own. Thrown from deep in a request and reported once, by main.ts.
 */
export class RegistryError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics[0]?.message ?? 'the service refused the request');
  }
}
