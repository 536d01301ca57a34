import { formatDiagnostic, type Diagnostic } from '../../../libs/diagnostics/index.js';
import type { Io } from './command.js';

/** The CLI's one printer of problems on stderr, one line each, its level first: `error: ` or `warning: `. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(`${d.severity}: ${formatDiagnostic(d)}\n`);
}
