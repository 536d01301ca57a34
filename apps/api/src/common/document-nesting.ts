/**
 * How deeply brackets, braces and parentheses nest in a GraphQL document's text,
 * strings and comments aside; the scan stops once past `stopAbove`. graphql-js parses
 * by recursion, so a list literal nested 2,000 deep overflows the stack before its
 * token limit is reached: this linear scan runs first and refuses it as a syntax error.
 */
export function documentNesting(text: string, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"') {
      i = text.startsWith('"""', i) ? endOfBlockString(text, i + 3) : endOfString(text, i + 1);
      continue;
    } else if (c === '{' || c === '[' || c === '(') {
      deepest = Math.max(deepest, ++depth);
      if (deepest > stopAbove) return deepest;
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(depth - 1, 0);
    }
    i++;
  }
  return deepest;
}

// Positions just after the closing quote; an unterminated string runs to the end (the parser reports it).
function endOfString(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"' || text[i] === '\n' || text[i] === '\r') return i + 1;
  }
  return text.length;
}

function endOfBlockString(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text.startsWith('\\"""', i)) i += 3;
    else if (text.startsWith('"""', i)) return i + 3;
  }
  return text.length;
}
