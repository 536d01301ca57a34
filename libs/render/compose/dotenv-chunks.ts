/** One variable's worth of a value, in the quoting both Compose .env readers read back exactly. */
export interface DotenvChunk {
  text: string;
  /** `single`: '…' (no ' or \ inside); `double`: "…" holding only ' and carriage returns; `bare`: unquoted backslashes. */
  form: 'single' | 'double' | 'bare';
}

/**
 * Splits a value into chunks that each survive both docker-compose v1's .env reader
 * (python-dotenv: expands `${…}` even in single quotes, decodes \\ and \' there, turns
 * a carriage return into a newline) and Compose v2's (single quotes fully literal).
 * So single-quoted text never holds `'`, `\`, a carriage return or `${` (values are
 * cut between `$` and `{`); quotes and carriage returns go double-quoted, backslashes
 * unquoted. Compose joins the chunks with `${A}${B}` and never expands the result again.
 */
export function dotenvChunks(value: string): DotenvChunk[] {
  const chunks: DotenvChunk[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const form: DotenvChunk['form'] = c === "'" || c === '\r' ? 'double' : c === '\\' ? 'bare' : 'single';
    const last = chunks[chunks.length - 1];
    const cutHere = c === '{' && value[i - 1] === '$';
    if (last && last.form === form && !cutHere) last.text += c;
    else chunks.push({ text: c, form });
  }
  if (chunks.length === 0) chunks.push({ text: '', form: 'single' });
  return chunks;
}

/** The text to write after `NAME=` for a chunk. */
export function quoteChunk(chunk: DotenvChunk): string {
  switch (chunk.form) {
    case 'single':
      return `'${chunk.text}'`;
    case 'double':
      return `"${chunk.text.replace(/\r/g, '\\r')}"`;
    case 'bare':
      return chunk.text;
  }
}
