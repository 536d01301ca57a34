import { describe, expect, it } from 'vitest';
import { documentNesting } from './document-nesting.js';

describe('documentNesting', () => {
  it('counts brackets, braces and parentheses, not those in strings or comments', () => {
    expect(documentNesting('{ a(b: [[1]]) { c } }', 64)).toBe(4);
    expect(documentNesting('{ a(b: "[[[[{{{{(((\\"[[[") }', 64)).toBe(2);
    expect(documentNesting('{ a(b: """ [[[[ \\""" {{{{ """) }', 64)).toBe(2);
    expect(documentNesting('# {{{{{{{{\n{ a }', 64)).toBe(1);
    expect(documentNesting('{ a(b: "unterminated [[[[[[', 64)).toBe(2);
  });

  it('stops as soon as it is past the limit, however deep the text goes', () => {
    expect(documentNesting(`${'['.repeat(1_000_000)}`, 64)).toBe(65);
  });
});
