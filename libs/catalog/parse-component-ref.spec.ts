import { describe, expect, it } from 'vitest';
import { parseComponentRef } from './parse-component-ref.js';

describe('parseComponentRef', () => {
  it('reads global and scoped names, with or without a range', () => {
    expect(parseComponentRef('postgresql').ref).toEqual({ name: 'postgresql', range: '*' });
    expect(parseComponentRef('postgresql@^16').ref).toEqual({ name: 'postgresql', range: '^16' });
    expect(parseComponentRef('acme/vault@^1').ref).toEqual({ name: 'acme/vault', range: '^1' });
    expect(parseComponentRef('acme/vault').ref).toEqual({ name: 'acme/vault', range: '*' });
  });

  it.each(['acme/', '/vault', 'acme/vault/x@1', '../vault@1', 'Acme/vault', 'acme//vault'])('refuses the name in %j with a sentence', (text) => {
    const { ref, diagnostics } = parseComponentRef(text, 'db.component');
    expect(ref).toBeUndefined();
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'REFERENCE_INVALID', path: 'db.component', message: `"${text}" is not a component reference like postgresql, postgresql@^16 or acme/vault@^1` },
    ]);
  });

  it('refuses a bad range', () => {
    expect(parseComponentRef('acme/vault@one').diagnostics[0]).toMatchObject({ code: 'REFERENCE_INVALID', message: '"one" is not a valid semver range (try ^16, 16.x, 16.4.0 or latest)' });
  });

  it('quotes only the start of a huge reference', () => {
    const message = parseComponentRef('x'.repeat(100_000)).diagnostics[0]!.message;
    expect(message.length).toBeLessThan(200);
  });
});
