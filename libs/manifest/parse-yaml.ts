import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { error, type Diagnostic } from '../diagnostics/index.js';

/** Manifests and app specs are small; anything larger is refused before parsing. */
export const MAX_DOCUMENT_BYTES = 1_000_000;
/** Enough for legitimate anchors; a "billion laughs" document needs far more. */
const MAX_ALIAS_COUNT = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedYaml {
  value: unknown;
  diagnostics: Diagnostic[];
  /** Line/column of a dotted path in the source, for diagnostics found later (schema checks). */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

/**
 * Parses one YAML document into plain data. Syntax errors, duplicate keys, alias
 * bombs, oversized input and prototype-polluting keys come back as diagnostics with
 * file, line and path; nothing is thrown for bad input.
 */
export function parseYaml(text: string, file?: string): ParsedYaml {
  const none: ParsedYaml = { value: undefined, diagnostics: [], locate: () => undefined };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    none.diagnostics.push(
      error('YAML_TOO_LARGE', '', `document is ${bytes} bytes; the limit is ${MAX_DOCUMENT_BYTES}`, { file }),
    );
    return none;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  const at = (offset: number | undefined) => (offset === undefined ? {} : lineCounter.linePos(offset));
  const locate = (path: readonly (string | number)[]) => locateIn(doc, path, lineCounter);

  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const { line, col } = at(e.pos[0]) as { line?: number; col?: number };
    const code = e.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX';
    const message = firstLine(e.message);
    diagnostics.push(error(code, pathAt(doc, e.pos[0]), message, { file, line, column: col }));
  }
  diagnostics.push(...forbiddenKeys(doc, file, lineCounter));
  if (diagnostics.length > 0) return { value: undefined, diagnostics, locate };

  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { value, diagnostics, locate };
  } catch (e) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount.
    if (e instanceof ReferenceError) {
      diagnostics.push(
        error('YAML_ALIAS_LIMIT', '', `aliases expand too far (more than ${MAX_ALIAS_COUNT}); refusing a possible "billion laughs" document`, { file, line: 1 }),
      );
      return { value: undefined, diagnostics, locate };
    }
    throw e;
  }
}

function firstLine(message: string): string {
  const text = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function forbiddenKeys(doc: Document, file: string | undefined, lc: LineCounter): Diagnostic[] {
  const found: Diagnostic[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (FORBIDDEN_KEYS.has(key)) {
          const { line, col } = lc.linePos((pair.key as Node).range?.[0] ?? 0);
          found.push(error('YAML_FORBIDDEN_KEY', [...path, key].join('.'), `the key "${key}" is not allowed`, { file, line, column: col }));
        }
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, String(i)]));
    }
  };
  walk(doc.contents, []);
  return found;
}

function locateIn(doc: Document, path: readonly (string | number)[], lc: LineCounter) {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
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
  if (offset === undefined) return undefined;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

/** The dotted path of the deepest map key or sequence item that contains `offset`. */
function pathAt(doc: Document, offset: number): string {
  const path: string[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && within(p.key, offset, p.value));
      if (!pair) break;
      path.push(isScalar(pair.key) ? String(pair.key.value) : '?');
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => within(item, offset));
      if (index < 0) break;
      path.push(String(index));
      node = node.items[index];
    } else break;
  }
  return path.join('.');
}

function within(start: unknown, offset: number, end: unknown = start): boolean {
  const from = (start as Node | null)?.range?.[0];
  const to = ((end as Node | null)?.range ?? (start as Node | null)?.range)?.[2];
  return from !== undefined && to !== undefined && offset >= from && offset <= to;
}
