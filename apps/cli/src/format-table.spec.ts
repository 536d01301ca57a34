import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table.js';

describe('formatTable', () => {
  it('aligns columns under a header, leaves the last column unpadded, shows empty cells as -', () => {
    expect(
      formatTable(
        ['NAME', 'TYPE', 'NOTE'],
        [
          ['database', 'string', ''],
          ['port', 'integer', 'a\nb'],
        ],
        '  ',
      ),
    ).toBe(['  NAME      TYPE     NOTE', '  database  string   -', '  port      integer  a b', ''].join('\n'));
  });
});
