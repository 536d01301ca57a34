/** How well a name matches a search: 0 a word is the name, 1 a word begins it, 2 a word is in it, 3 none is. */
export type SearchRank = 0 | 1 | 2 | 3;

/**
 * The rank a result of a search sits at (name matches first), the one rule of `aisle search` and GraphQL
 * `components(search:)` on both databases (apps/api search-query.ts writes it as SQL); ties go by name.
 */
export function searchRank(name: string, words: readonly string[]): SearchRank {
  if (words.includes(name)) return 0;
  if (words.some((w) => name.startsWith(w))) return 1;
  if (words.some((w) => name.includes(w))) return 2;
  return 3;
}

/**
 * Orders search results by rank, then by name in code-unit order: the order of SQLite's BINARY collation and
 * PostgreSQL's "C", which search-query.ts sorts by, so the CLI and both databases list the same sequence.
 */
export function compareSearchResults(a: { rank: SearchRank; name: string }, b: { rank: SearchRank; name: string }): number {
  return a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
