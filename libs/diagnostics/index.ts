export type { DiagnosticCode, Severity } from './diagnostic-code.js';
export { error, warning, hasErrors, prefixPath, joinPath } from './diagnostic.js';
export type { Diagnostic, DiagnosticDetail } from './diagnostic.js';
export { formatDiagnostic } from './format-diagnostic.js';
export { closestMatches, didYouMean, editDistance } from './closest-match.js';
export { shownValue } from './shown-value.js';
export { documentPath } from './document-path.js';
