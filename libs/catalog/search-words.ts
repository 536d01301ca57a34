/** A search reads at most this many words: each is a condition in SQL, and ten narrow enough. */
export const MAX_SEARCH_WORDS = 10;

/**
 * A search reads at most this many characters of each word (code points, so a pair of surrogates is never split):
 * every word is a condition the database runs (a trigram query, a LIKE pattern, which SQLite refuses beyond 50,000
 * characters), so its cost is bounded here, the same for `aisle search` and GraphQL. Longer is pasted text, not a word.
 */
export const MAX_SEARCH_WORD_LENGTH = 100;

/**
 * The words of a free-text search, lower-case, at most MAX_SEARCH_WORDS of at most MAX_SEARCH_WORD_LENGTH characters
 * each; a component matches when its searchText contains every one.
 */
export function searchWords(text: string | undefined): string[] {
  return (text ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_SEARCH_WORDS)
    .map((w) => (w.length > MAX_SEARCH_WORD_LENGTH ? Array.from(w).slice(0, MAX_SEARCH_WORD_LENGTH).join('') : w));
}
