import { describe, expect, it } from 'vitest';
import { error, warning } from './diagnostic.js';
import { documentPath } from './document-path.js';
import { formatDiagnostic } from './format-diagnostic.js';

describe('formatDiagnostic', () => {
  it('prints file:line:col, then the path, then the message', () => {
    expect(formatDiagnostic(error('INPUT_INVALID', 'web.inputs.port', 'must be an integer', { file: 'app.yaml', line: 9, column: 7 }))).toBe(
      'app.yaml:9:7: web.inputs.port: must be an integer',
    );
    expect(formatDiagnostic(warning('VERSION_DEPRECATED', 'db.component', 'is deprecated', { file: 'app.yaml', line: 6 }))).toBe(
      'app.yaml:6: db.component: is deprecated',
    );
  });

  it('does not repeat a whole-document path that is the file itself (issue 10: no path is empty)', () => {
    expect(formatDiagnostic(error('FILE_UNREADABLE', documentPath('app.yaml'), 'cannot read: no such file', { file: 'app.yaml' }))).toBe(
      'app.yaml: cannot read: no such file',
    );
    expect(documentPath(undefined)).toBe('document');
    expect(documentPath('')).toBe('document');
  });
});
