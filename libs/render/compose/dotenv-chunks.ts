/** One variable's worth of a value, with the quoting docker-compose's .env parser reads back exactly. */
export interface DotenvChunk {
  text: string;
  /** `single`: '…' with \\ and \' escaped; `double`: "…" (only for a carriage return); `bare`: unquoted (only for backslashes). */
  form: 'single' | 'double' | 'bare';
}

/**
 * Splits a value into chunks that each survive docker-compose v1's .env parsing
 * (python-dotenv) unchanged. That parser expands `${…}` inside any value, reads a
 * quoted value ending in a backslash past its closing quote, and turns a carriage
 * return into a newline; so values are cut between `$` and `{`, a trailing run of
 * backslashes goes unquoted, and carriage returns go double-quoted. Compose then
 * joins the chunks with `${A}${B}`, and interpolated text is never expanded again.
 */
export function dotenvChunks(value: string): DotenvChunk[] {
  const chunks: DotenvChunk[] = [];
  const pushSingle = (text: string) => {
    if (text === '') return;
    const trailing = /\\+$/.exec(text)?.[0] ?? '';
    if (trailing.length < text.length) chunks.push({ text: text.slice(0, text.length - trailing.length), form: 'single' });
    if (trailing) chunks.push({ text: trailing, form: 'bare' });
  };
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\r') {
      pushSingle(current);
      current = '';
      chunks.push({ text: '\r', form: 'double' });
      continue;
    }
    current += c;
    if (c === '$' && value[i + 1] === '{') {
      pushSingle(current);
      current = '';
    }
  }
  pushSingle(current);
  if (chunks.length === 0) chunks.push({ text: '', form: 'single' });
  return mergeCarriageReturns(chunks);
}

/** The text to write after `NAME=` for a chunk. */
export function quoteChunk(chunk: DotenvChunk): string {
  switch (chunk.form) {
    case 'single':
      return `'${chunk.text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'double':
      return `"${chunk.text.replace(/\r/g, '\\r')}"`;
    case 'bare':
      return chunk.text;
  }
}

// Consecutive carriage returns share one double-quoted chunk.
function mergeCarriageReturns(chunks: DotenvChunk[]): DotenvChunk[] {
  const out: DotenvChunk[] = [];
  for (const c of chunks) {
    const last = out[out.length - 1];
    if (last && last.form === 'double' && c.form === 'double') last.text += c.text;
    else out.push({ ...c });
  }
  return out;
}
