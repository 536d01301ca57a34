/** Levenshtein distance, for "did you mean" suggestions on short names. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The known names closest to `wanted`, best first; only those close enough to be a
 * plausible typo (or sharing a prefix), at most `limit` of them.
 */
export function closestMatches(wanted: string, known: Iterable<string>, limit = 3): string[] {
  const w = wanted.toLowerCase();
  const scored: Array<{ name: string; score: number }> = [];
  for (const name of known) {
    const n = name.toLowerCase();
    const distance = editDistance(w, n);
    const related = n.startsWith(w) || w.startsWith(n) || n.includes(w);
    const threshold = Math.max(2, Math.floor(Math.max(w.length, n.length) / 3));
    if (distance <= threshold || related) scored.push({ name, score: related ? Math.min(distance, 1) : distance });
  }
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name));
  return scored.slice(0, limit).map((s) => s.name);
}

/** ` (did you mean "a" or "b"?)` or an empty string. */
export function didYouMean(wanted: string, known: Iterable<string>): string {
  const matches = closestMatches(wanted, known);
  if (matches.length === 0) return '';
  const quoted = matches.map((m) => `"${m}"`);
  const last = quoted.pop()!;
  return ` (did you mean ${quoted.length ? `${quoted.join(', ')} or ${last}` : last}?)`;
}
