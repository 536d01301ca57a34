import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { error, type Diagnostic } from '../../../libs/diagnostics/index.js';
import { MAX_DOCUMENT_BYTES, parseAppSpec, type AppSpec } from '../../../libs/manifest/index.js';

/** Reads and validates an app spec file; I/O problems are diagnostics like any other. */
export function loadAppSpec(file: string, cwd: string): { spec?: AppSpec; diagnostics: Diagnostic[] } {
  const path = resolve(cwd, file);
  const shown = relative(cwd, path) || path;
  let text: string;
  try {
    if (statSync(path).size > MAX_DOCUMENT_BYTES)
      return { diagnostics: [error('YAML_TOO_LARGE', shown, `is larger than ${MAX_DOCUMENT_BYTES} bytes`, { file: shown })] };
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return { diagnostics: [error('FILE_UNREADABLE', shown, `cannot read: ${reason}`, { file: shown })] };
  }
  const parsed = parseAppSpec(text, shown);
  return { spec: parsed.value, diagnostics: parsed.diagnostics };
}
