/** One assignment read from a .env file, with the comment line just above it. */
export interface DotenvEntry {
  name: string;
  value: string;
  comment?: string;
}

/**
 * Reads a .env file the way docker-compose v1 does for the forms Aisle writes
 * ('…' with \\ and \' escapes, "…" with backslash escapes, bare text), keeping the
 * comment above each entry (Aisle writes `# instance.input` there).
 */
export function parseDotenv(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  let comment: string | undefined;
  let i = 0;
  while (i < text.length) {
    const lineEnd = endOfLine(text, i);
    const line = text.slice(i, lineEnd);
    const trimmed = line.trim();
    if (trimmed === '') {
      comment = undefined;
      i = lineEnd + 1;
      continue;
    }
    if (trimmed.startsWith('#')) {
      comment = trimmed.slice(1).trim();
      i = lineEnd + 1;
      continue;
    }
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*/.exec(line);
    if (!match) {
      i = lineEnd + 1;
      comment = undefined;
      continue;
    }
    let j = i + match[0].length;
    const quote = text[j];
    let value = '';
    if (quote === "'" || quote === '"') {
      j += 1;
      while (j < text.length && text[j] !== quote) {
        if (text[j] === '\\' && j + 1 < text.length) {
          const next = text[j + 1]!;
          const decoded = quote === "'" ? SINGLE_ESCAPES[next] : DOUBLE_ESCAPES[next];
          if (decoded !== undefined) {
            value += decoded;
            j += 2;
            continue;
          }
        }
        value += text[j];
        j += 1;
      }
      i = endOfLine(text, j + 1) + 1;
    } else {
      value = text
        .slice(j, lineEnd)
        .replace(/\s+#.*/, '')
        .trimEnd();
      i = lineEnd + 1;
    }
    entries.push({ name: match[1]!, value, ...(comment !== undefined ? { comment } : {}) });
    comment = undefined;
  }
  return entries;
}

const SINGLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'" };
const DOUBLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function endOfLine(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}
