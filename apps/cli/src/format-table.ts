/**
 * Rows as aligned columns under a header row, as `kubectl get` prints them: two spaces
 * between columns, the last column unpadded, no trailing spaces. Empty cells show `-`.
 */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, indent = ''): string {
  const cells = [header, ...rows].map((row) => header.map((_, i) => oneLine(row[i] ?? '') || '-'));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => `${indent}${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd()).join('\n') + '\n';
}

// A newline inside a cell would break every column after it.
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
