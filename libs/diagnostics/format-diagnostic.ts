import type { Diagnostic } from './diagnostic.js';

/**
 * One line per diagnostic: `catalog/x/1.0.0/component.yaml:12:5: spec.image.tag: must not be "latest"`.
 * Its level is the printer's to add (the CLI writes `error: ` or `warning: ` first; the service logs a level).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : '';
  // A whole-document problem's path is its file, already shown.
  const path = d.path && d.path !== d.file ? `${d.path}: ` : '';
  return `${where}${path}${d.message}`;
}
