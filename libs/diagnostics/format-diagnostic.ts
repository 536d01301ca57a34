import type { Diagnostic } from './diagnostic.js';

/**
 * One line per diagnostic, the way compilers print them:
 * `catalog/x/1.0.0/component.yaml:12:5: error: spec.image.tag: must not be "latest"`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : '';
  // A whole-document problem's path is its file, already shown.
  const path = d.path && d.path !== d.file ? `${d.path}: ` : '';
  const level = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}${level}${path}${d.message}`;
}
