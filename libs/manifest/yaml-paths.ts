import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { yamlLibrary } from './yaml-library.js';

/** Line and column of a dotted path in a parsed document: where its key (or item) starts. */
export function locateIn(doc: Document, path: readonly (string | number)[], lc: LineCounter): { line: number; column: number } | undefined {
  const offset = offsetOf(doc, path);
  if (offset === undefined) return undefined;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

// Pairs of each map by key, built on first use: locating every key of a wide map stays linear.
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    const { isScalar } = yamlLibrary();
    index = new Map();
    for (const pair of map.items) if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

/** Where the key (or item) at the end of a path starts in the source, as far as the path can be followed. */
export function offsetOf(doc: Document, path: readonly (string | number)[]): number | undefined {
  const { isMap, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

/**
 * The path of the deepest map value or sequence item containing `offset`. A key the
 * offset falls on is left out: when YAML is broken, what the parser took for a key may
 * be the text of a value that was meant to stay private.
 */
export function pathAt(doc: Document, offset: number): string[] {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  const path: string[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && within(p.key, offset, p.value));
      if (!pair || within(pair.key, offset)) break;
      path.push(isScalar(pair.key) ? String(pair.key.value) : '?');
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => within(item, offset));
      if (index < 0) break;
      path.push(String(index));
      node = node.items[index];
    } else break;
  }
  return path;
}

function within(start: unknown, offset: number, end: unknown = start): boolean {
  const from = (start as Node | null)?.range?.[0];
  const to = ((end as Node | null)?.range ?? (start as Node | null)?.range)?.[2];
  return from !== undefined && to !== undefined && offset >= from && offset <= to;
}
