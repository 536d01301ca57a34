import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './component-cursor.js';

describe('component cursors', () => {
  it('round-trip a name and are opaque', () => {
    const cursor = encodeCursor('postgresql');
    expect(cursor).not.toContain('postgresql');
    expect(decodeCursor(cursor)).toBe('postgresql');
    expect(encodeCursor('postgresql')).toBe(cursor);
  });

  it('refuse anything they did not make', () => {
    expect(decodeCursor('')).toBeUndefined();
    expect(decodeCursor('not a cursor!')).toBeUndefined();
    expect(decodeCursor(Buffer.from('other:postgresql').toString('base64url'))).toBeUndefined();
    expect(decodeCursor('A'.repeat(500))).toBeUndefined();
  });
});
