import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { searchRank } from '../../../../libs/catalog/index.js';
import type { ComponentEntity } from '../database/entities/component.entity.js';

// FTS5's trigram tokenizer looks up sequences of three characters: a shorter word cannot be looked up, only checked.
const TRIGRAM = 3;

const isPostgres = (db: DataSource) => db.options.type === 'postgres';

/**
 * Keeps the components whose search text holds every word as a substring, as `aisle search` does, through the
 * trigram indexes of migration SearchIndex: on PostgreSQL a LIKE per word, which pg_trgm's GIN index serves (a word
 * under three characters is checked on the rows the others leave); on SQLite the FTS5 trigram table narrows the rows
 * by the words of three characters or more, and `instr` checks every word exactly on what is left.
 */
export function whereSearchMatches(db: DataSource, q: SelectQueryBuilder<ComponentEntity>, words: readonly string[]): void {
  if (words.length === 0) return;
  if (isPostgres(db)) {
    words.forEach((w, i) => q.andWhere(`c.search_text LIKE :sw${i} ESCAPE '\\'`, { [`sw${i}`]: `%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` }));
    return;
  }
  const indexed = words.filter((w) => Array.from(w).length >= TRIGRAM);
  // A phrase in double quotes is taken literally by FTS5, but for a double quote, which is doubled.
  if (indexed.length > 0) q.andWhere('c.id IN (SELECT rowid FROM component_search WHERE component_search MATCH :smatch)', { smatch: indexed.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ') });
  words.forEach((w, i) => q.andWhere(`instr(c.search_text, :sw${i}) > 0`, { [`sw${i}`]: w }));
}

/**
 * Orders a search's page by searchRank, then by name in code-unit order ("C" on PostgreSQL, whatever the database's
 * collation), after a name from an earlier page: the rank of that name is worked out again from the words, so the
 * cursor stays a name.
 */
export function orderBySearchRank(db: DataSource, q: SelectQueryBuilder<ComponentEntity>, words: readonly string[], after: string | undefined): void {
  const position = isPostgres(db) ? 'strpos' : 'instr';
  const any = (test: (p: string) => string) => words.map((_, i) => test(`:sr${i}`)).join(' OR ');
  const rank = `(CASE WHEN ${any((p) => `c.name = ${p}`)} THEN 0 WHEN ${any((p) => `${position}(c.name, ${p}) = 1`)} THEN 1 WHEN ${any((p) => `${position}(c.name, ${p}) > 0`)} THEN 2 ELSE 3 END)`;
  const name = isPostgres(db) ? 'c.name COLLATE "C"' : 'c.name';
  q.setParameters(Object.fromEntries(words.map((w, i) => [`sr${i}`, w])));
  q.addSelect(rank, 'search_rank').orderBy('search_rank', 'ASC').addOrderBy(name, 'ASC');
  if (after !== undefined) q.andWhere(`(${rank} > :afterRank OR (${rank} = :afterRank AND ${name} > :after))`, { after, afterRank: searchRank(after, words) });
}

/** What sets a search's SQL apart besides its parameters: how many words, and which can be looked up by trigrams. */
export function searchShape(words: readonly string[]): string {
  return words.map((w) => (Array.from(w).length >= TRIGRAM ? 'L' : 'S')).join('');
}
