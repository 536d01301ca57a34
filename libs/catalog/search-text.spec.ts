import { describe, expect, it } from 'vitest';
import type { ComponentManifest } from '../manifest/index.js';
import { searchText } from './search-text.js';
import { MAX_SEARCH_WORD_LENGTH, MAX_SEARCH_WORDS, searchWords } from './search-words.js';
import { compareSearchResults, searchRank } from './search-rank.js';

const manifest = {
  metadata: { name: 'vault', title: 'Vault', description: 'Secrets, Leased', keywords: ['KMS'], aisle: 'secrets' },
  spec: { provides: ['http'] },
} as unknown as ComponentManifest;

describe('searchText and searchWords', () => {
  it('hold the name, the manifest name when it differs, title, description, keywords, provides and aisle, lower-case', () => {
    expect(searchText(manifest, 'vault')).toBe('vault vault secrets, leased kms http secrets');
    expect(searchText(manifest, 'acme/vault')).toBe('acme/vault vault vault secrets, leased kms http secrets');
  });

  it('read at most ten lower-case words', () => {
    expect(searchWords('  Relational   SQL ')).toEqual(['relational', 'sql']);
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords(Array.from({ length: 12 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_SEARCH_WORDS);
  });

  it('read at most MAX_SEARCH_WORD_LENGTH characters of a word, never half a surrogate pair', () => {
    expect(searchWords(`${'A'.repeat(100_000)} b`)).toEqual(['a'.repeat(MAX_SEARCH_WORD_LENGTH), 'b']);
    expect(searchWords('😀'.repeat(MAX_SEARCH_WORD_LENGTH + 1))).toEqual(['😀'.repeat(MAX_SEARCH_WORD_LENGTH)]);
  });
});

describe('searchRank and compareSearchResults', () => {
  it('rank a name a word is, then one a word begins, then one a word is in, then the rest', () => {
    const words = ['sql', 'postgresql'];
    expect(searchRank('postgresql', words)).toBe(0);
    expect(searchRank('sqlite', words)).toBe(1);
    expect(searchRank('mysql', words)).toBe(2);
    expect(searchRank('redis', words)).toBe(3);
  });

  it('order by rank, then by name in code-unit order (as SQLite BINARY and PostgreSQL "C")', () => {
    const sorted = [
      { rank: 2 as const, name: 'b' },
      { rank: 1 as const, name: 'ab' },
      { rank: 1 as const, name: 'a-b' },
      { rank: 1 as const, name: 'A' },
    ].sort(compareSearchResults);
    expect(sorted.map((r) => r.name)).toEqual(['A', 'a-b', 'ab', 'b']);
  });
});
