import { describe, expect, it } from 'vitest';
import type { ComponentManifest } from '../manifest/index.js';
import { searchText } from './search-text.js';
import { MAX_SEARCH_WORDS, searchWords } from './search-words.js';

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
});
