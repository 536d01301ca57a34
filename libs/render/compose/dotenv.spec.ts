import { describe, expect, it } from 'vitest';
import { dotenvChunks, quoteChunk } from './dotenv-chunks.js';
import { parseDotenv } from './parse-dotenv.js';

const write = (value: string) =>
  dotenvChunks(value)
    .map((c, i) => `# x.y ${i}\nV${i}=${quoteChunk(c)}\n`)
    .join('');

describe('.env chunks', () => {
  it.each(['plain', '', "it's", 'a\\', 'a\\\\', 'x${HOME}y', '${A}${', 'cr\r\nlf', '#: "', 'ünï 🚀', ' lead and trail '])(
    '%j survives writing and reading back',
    (value) => {
      const read = parseDotenv(write(value))
        .map((e) => e.value)
        .join('');
      expect(read).toBe(value);
    },
  );

  it('never leaves ${ inside one chunk (docker-compose would expand it)', () => {
    for (const c of dotenvChunks('a${b}c${d}')) expect(c.text).not.toContain('${');
  });

  it('keeps quotes and backslashes out of single quotes, where Compose v1 and v2 read them differently', () => {
    expect(dotenvChunks("it's a\\b")).toEqual([
      { text: 'it', form: 'single' },
      { text: "'", form: 'double' },
      { text: 's a', form: 'single' },
      { text: '\\', form: 'bare' },
      { text: 'b', form: 'single' },
    ]);
  });

  it('reads comments above entries and bare values with trailing comments', () => {
    expect(parseDotenv("# db.password\nA='x'\n\nB=plain # note\n")).toEqual([
      { name: 'A', value: 'x', comment: 'db.password' },
      { name: 'B', value: 'plain' },
    ]);
  });
});
