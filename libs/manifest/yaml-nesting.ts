import { yamlLibrary } from './yaml-library.js';

/**
 * Where YAML text nests flow collections (`[`, `{`) more than `limit` deep, or starts a
 * line's content past column `limit` (block collections nest by indentation, so the
 * column bounds their depth): the 1-based line, or undefined when it does neither.
 * It runs the library's lexer only, which is linear and keeps no stack: the parser's
 * cost grows with depth, and composing deep documents recurses until the stack runs
 * out (at which point V8 can abort the whole process compiling a regular expression).
 */
export function deepNestingLine(text: string, limit: number): number | undefined {
  const { CST, Lexer } = yamlLibrary();
  let line = 1;
  let flow = 0;
  let column = 0;
  let lineStart = true;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    // The lexer marks a scalar with a control token; the next token is its text, whatever it looks like.
    if (scalarNext) {
      scalarNext = false;
      lineStart = false;
      line += countNewlines(token);
      continue;
    }
    const type = CST.tokenType(token);
    switch (type) {
      case 'scalar':
        scalarNext = true;
        if (lineStart && column > limit) return line;
        break;
      case 'newline':
        line += 1;
        column = 0;
        lineStart = true;
        break;
      case 'space':
        if (lineStart) column += token.length;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        // Each indicator at the start of a line may open a collection: stop as soon as they go too far.
        if (lineStart) column += token.length;
        if (lineStart && column > limit) return line;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        flow += 1;
        if (flow > limit || (lineStart && column > limit)) return line;
        lineStart = false;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        lineStart = false;
        break;
      case 'doc-mode':
      case 'byte-order-mark':
      case 'flow-error-end':
        break;
      default:
        if (lineStart && column > limit) return line;
        lineStart = false;
        line += countNewlines(token);
    }
  }
  return undefined;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}
