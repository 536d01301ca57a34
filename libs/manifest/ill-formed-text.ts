/** What a string that is not well-formed Unicode is told, wherever it sits. */
export const ILL_FORMED_TEXT = 'must be well-formed Unicode text (it contains an unpaired surrogate)';

// Enough to show the problem; a hostile document could otherwise ask for one per string.
const MAX_FOUND = 20;

/**
 * Paths of the strings (and keys) in plain data that are not well-formed Unicode: lone
 * surrogates, which JSON and YAML escapes can spell but no UTF-8 file, URL or YAML
 * library can carry. Walks without recursion, so depth costs no stack.
 */
export function illFormedTextPaths(value: unknown): string[][] {
  const found: string[][] = [];
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (stack.length > 0 && found.length < MAX_FOUND) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (!v.isWellFormed()) found.push(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, String(i)] });
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        // The key is shown well-formed: the path itself must be printable.
        if (!key.isWellFormed()) found.push([...path, key.toWellFormed()]);
        else stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return found;
}
