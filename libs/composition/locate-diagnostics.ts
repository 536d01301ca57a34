import type { Diagnostic } from '../diagnostics/index.js';
import type { AppSpecSource } from '../manifest/index.js';

/**
 * Gives composition's diagnostics (paths like `web.inputs.port`, relative to the
 * instances) the file, line and column of that node in the app spec, as parsing does
 * for its own. A path is followed as far as the document has it.
 */
export function locateDiagnostics(diagnostics: readonly Diagnostic[], source: AppSpecSource | undefined): Diagnostic[] {
  if (!source) return [...diagnostics];
  return diagnostics.map((d) => {
    if (d.line !== undefined) return d;
    // instance, section, then the key whole: an env name may hold a dot.
    const [instance, section, ...rest] = d.path.split('.');
    const path = ['instances', instance!, ...(section === undefined ? [] : [section]), ...(rest.length > 0 ? [rest.join('.')] : [])];
    const position = source.locate(path);
    return { ...d, file: d.file ?? source.file, ...(position ? { line: position.line, column: position.column } : {}) };
  });
}
