import type { Document, Node } from 'yaml';
import { documentPath, error, type Diagnostic, type DiagnosticCode } from '../diagnostics/index.js';
import { FORBIDDEN_KEYS } from './plain-data-problems.js';
import { dottedPath } from './schema-diagnostics.js';
import { deepNestingLine } from './yaml-nesting.js';
import { locateIn, offsetOf, pathAt } from './yaml-paths.js';
import { yamlErrorMessage } from './yaml-error-message.js';
import { yamlLibrary } from './yaml-library.js';

/** Manifests and app specs are small; anything larger is refused before parsing. */
export const MAX_DOCUMENT_BYTES = 1_000_000;
/** Enough for legitimate anchors; a "billion laughs" document needs far more. */
const MAX_ALIAS_COUNT = 100;
/** Deeper than any manifest or app spec needs (they nest about 7 deep); the parser's cost grows with depth. */
export const MAX_YAML_DEPTH = 64;
/** What the lexer lets through to the parser: flow nesting, and content columns (which bound block nesting). */
const MAX_LEXED_DEPTH = 4 * MAX_YAML_DEPTH;

export interface ParsedYaml {
  value: unknown;
  diagnostics: Diagnostic[];
  /** Line/column of a dotted path in the source, for diagnostics found later (schema checks). */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

export interface ParseYamlOptions {
  file?: string;
  /** Refused unparsed above this many bytes (default MAX_DOCUMENT_BYTES). */
  maxBytes?: number;
  /**
   * True for a path whose content may be secret (an app spec's input values). When set,
   * no diagnostic path goes below such a node and no message quotes the document.
   */
  isPrivate?: (path: readonly string[]) => boolean;
}

/**
 * Parses one YAML document into plain data. Syntax errors, duplicate keys, unknown tags,
 * alias bombs, deep nesting, oversized input and prototype-polluting keys come back as
 * diagnostics with file, line and path; nothing is thrown for bad input.
 */
export function parseYaml(text: string, fileOrOptions?: string | ParseYamlOptions): ParsedYaml {
  const options: ParseYamlOptions = typeof fileOrOptions === 'string' ? { file: fileOrOptions } : (fileOrOptions ?? {});
  const { file } = options;
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  const none: ParsedYaml = { value: undefined, diagnostics: [], locate: () => undefined };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    none.diagnostics.push(error('YAML_TOO_LARGE', documentPath(file), `document is ${bytes} bytes; the limit is ${maxBytes}`, { file }));
    return none;
  }
  const deepLine = deepNestingLine(text, MAX_LEXED_DEPTH);
  if (deepLine !== undefined) {
    none.diagnostics.push(
      error('YAML_TOO_LARGE', documentPath(file), `nests collections, or indents a line, more than ${MAX_LEXED_DEPTH} deep`, { file, line: deepLine }),
    );
    return none;
  }
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  // Duplicate keys are found below in one pass; the library's own check compares every pair of keys.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' });
  const locate = (path: readonly (string | number)[]) => locateIn(doc, path, lineCounter);
  // Below a private node nothing is shown. Its own key is shown only when it begins its line:
  // a key further along a line is value text that broken YAML turned into a key.
  const shown = (path: string[]) => {
    if (!options.isPrivate) return path;
    const end = path.findIndex((_, i) => options.isPrivate!(path.slice(0, i + 1)));
    if (end < 0) return path;
    const key = offsetOf(doc, path.slice(0, end + 1));
    const beginsLine = key !== undefined && /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', key - 1) + 1, key));
    return path.slice(0, beginsLine ? end + 1 : end);
  };
  const report = (code: DiagnosticCode, path: string[], message: string, offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return error(code, path.length === 0 ? documentPath(file) : dottedPath(shown(path)), message, { file, line, column: col });
  };

  const diagnostics: Diagnostic[] = [];
  // Unknown tags are warnings to the library, but they silently drop a value's text.
  for (const e of [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')]) {
    const tooDeep = e.code === 'RESOURCE_EXHAUSTION';
    const message = tooDeep ? `nests collections more than ${MAX_YAML_DEPTH} deep` : options.isPrivate ? yamlErrorMessage(e.code) : libraryMessage(e.message);
    diagnostics.push(report(tooDeep ? 'YAML_TOO_LARGE' : 'YAML_SYNTAX', tooDeep ? [] : pathAt(doc, e.pos[0]), message, e.pos[0]));
  }
  if (diagnostics.length === 0) diagnostics.push(...structureProblems(doc, options, report));
  if (diagnostics.length > 0) return { value: undefined, diagnostics, locate };

  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics, locate };
  } catch (e) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount.
    if (e instanceof ReferenceError) {
      diagnostics.push(
        error('YAML_ALIAS_LIMIT', documentPath(file), `aliases expand too far (more than ${MAX_ALIAS_COUNT}); refusing a possible "billion laughs" document`, {
          file,
          line: 1,
        }),
      );
      return { value: undefined, diagnostics, locate };
    }
    throw e;
  }
}

type Report = (code: DiagnosticCode, path: string[], message: string, offset: number) => Diagnostic;

/**
 * One walk over the parsed nodes in document order, without recursion: nesting deeper than
 * MAX_YAML_DEPTH, duplicate keys, forbidden keys, and aliases to anchors not defined
 * before them (found by name as the walk goes: the library's own lookup rescans the
 * document for every alias).
 */
function structureProblems(doc: Document, options: ParseYamlOptions, report: Report): Diagnostic[] {
  const { isAlias, isMap, isScalar, isSeq } = yamlLibrary();
  const found: Diagnostic[] = [];
  const anchors = new Set<string>();
  const stack: Array<{ node: unknown; path: string[] }> = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    const offset = (node as Node | null)?.range?.[0] ?? 0;
    if (path.length > MAX_YAML_DEPTH) {
      found.push(report('YAML_TOO_LARGE', [], `nests collections more than ${MAX_YAML_DEPTH} deep`, offset));
      break;
    }
    const anchor = (node as { anchor?: unknown } | null)?.anchor;
    if (typeof anchor === 'string') anchors.add(anchor);
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        found.push(
          report(
            'YAML_SYNTAX',
            path,
            options.isPrivate ? yamlErrorMessage('BAD_ALIAS') : 'refers to an anchor that is not defined (a value that starts with "*" is an alias)',
            offset,
          ),
        );
      }
    } else if (isMap(node)) {
      const seen = new Set<string>();
      const children: Array<{ node: unknown; path: string[] }> = [];
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const at = (pair.key as Node | null)?.range?.[0] ?? offset;
        if (FORBIDDEN_KEYS.has(key)) found.push(report('YAML_FORBIDDEN_KEY', [...path, key], `the key "${key}" is not allowed`, at));
        else if (seen.has(key))
          found.push(report('YAML_DUPLICATE_KEY', [...path, key], options.isPrivate ? yamlErrorMessage('DUPLICATE_KEY') : 'map keys must be unique', at));
        seen.add(key);
        // A key can carry an anchor or be an alias too.
        children.push({ node: pair.key, path }, { node: pair.value, path: [...path, key] });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, String(i)] });
    }
  }
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function libraryMessage(message: string): string {
  const text = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}
