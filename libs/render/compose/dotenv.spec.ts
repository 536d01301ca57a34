import { describe, expect, it } from 'vitest';
import { dotenvChunks, quoteChunk } from './dotenv-chunks.js';
import { parseDotenv } from './parse-dotenv.js';

const write = (value: string) =>
  dotenvChunks(value)
    .map((c, i) => `# x.y ${i}\nV${i}=${quoteChunk(c)}\n`)
    .join('');

describe('.env chunks', () => {
  it.each(['plain', '', "it's", 'a\\', 'a\\\\', 'x${HOME}y', '${A}${', 'cr\r\nlf', '#: "', 'ünï 🚀', ' lead and trail '])('%j survives writing and reading back', (value) => {
    const read = parseDotenv(write(value)).map((e) => e.value).join('');
    expect(read).toBe(value);
  });

  it('never leaves ${ inside one chunk (docker-compose would expand it)', () => {
    for (const c of dotenvChunks('a${b}c${d}')) expect(c.text).not.toContain('${');
  });

  it('keeps a trailing backslash out of quotes (the parser would read past the closing quote)', () => {
    expect(dotenvChunks('ab\\\\')).toEqual([
      { text: 'ab', form: 'single' },
      { text: '\\\\', form: 'bare' },
    ]);
  });

  it('reads comments above entries and bare values with trailing comments', () => {
    expect(parseDotenv("# db.password\nA='x'\n\nB=plain # note\n")).toEqual([
      { name: 'A', value: 'x', comment: 'db.password' },
      { name: 'B', value: 'plain' },
    ]);
  });
});
