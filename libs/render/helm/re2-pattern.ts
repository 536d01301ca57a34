type Schema = Record<string, unknown>;

/** A group `(?!…)` found at the top level of a pattern: where it starts and ends. */
interface Lookahead {
  start: number;
  end: number;
}

/**
 * Schema keywords for an input's `pattern` that Helm can check: Helm validates values.schema.json
 * with Go's RE2 regexps, which refuse lookarounds and backreferences, and then refuses the whole
 * chart. `^P(?!L)R` becomes `pattern: ^PR` with `not: {pattern: ^P(?:L)}` (the same strings for
 * the catalog's patterns, whose P cannot end early); a pattern that cannot be rewritten is left
 * out (aisle itself still checks it when composing).
 */
export function re2Pattern(pattern: string): Schema {
  if (!unsupported(pattern)) return { pattern };
  const groups = lookaheads(pattern);
  if (groups.length !== 1 || !pattern.startsWith('^')) return {};
  const { start, end } = groups[0]!;
  const prefix = pattern.slice(0, start);
  const forbidden = pattern.slice(start + 3, end);
  const allowed = prefix + pattern.slice(end + 1);
  const not = `${prefix}(?:${forbidden})`;
  if (unsupported(allowed) || unsupported(not)) return {};
  return { pattern: allowed, not: { pattern: not } };
}

/** True when the pattern uses syntax RE2 lacks: lookahead, lookbehind or a backreference. */
function unsupported(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (!inClass && /[1-9k]/.test(pattern[i + 1] ?? '')) return true;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === ']') i++;
    } else if (c === '(' && pattern[i + 1] === '?' && /^(=|!|<=|<!)/.test(pattern.slice(i + 2, i + 4))) return true;
  }
  return false;
}

/** The negative lookaheads outside any other group; -1 ends mean an unbalanced pattern. */
function lookaheads(pattern: string): Lookahead[] {
  const found: Lookahead[] = [];
  const open: Array<{ at: number; lookahead: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === ']') i++;
    } else if (c === '(') open.push({ at: i, lookahead: pattern.startsWith('(?!', i) && open.length === 0 });
    else if (c === ')') {
      const group = open.pop();
      if (!group) return [{ start: -1, end: -1 }, { start: -1, end: -1 }];
      if (group.lookahead) found.push({ start: group.at, end: i });
    }
  }
  return open.length === 0 ? found : [{ start: -1, end: -1 }, { start: -1, end: -1 }];
}
