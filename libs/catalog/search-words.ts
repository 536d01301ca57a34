/** A search reads at most this many words: each is a condition (a LIKE in SQL), and ten narrow enough. */
export const MAX_SEARCH_WORDS = 10;

/** The words of a free-text search, lower-case, at most MAX_SEARCH_WORDS; a component matches when its searchText contains every one. */
export function searchWords(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
}
