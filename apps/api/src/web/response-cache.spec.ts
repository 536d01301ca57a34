import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.js';

const body = (bytes: number) => Buffer.allocUnsafe(bytes);

describe('ResponseCache bounds', () => {
  it('keeps at most 1000 answers, the least recently used going first', () => {
    const cache = new ResponseCache();
    for (let i = 0; i < 1000; i += 1) cache.set(`q${i}`, 1, body(10));
    expect(cache.get('q0', 1)).toBeDefined(); // q0 is now the most recently used
    cache.set('q1000', 1, body(10));
    expect(cache.get('q0', 1)).toBeDefined();
    expect(cache.get('q1', 1)).toBeUndefined();
    expect(cache.get('q1000', 1)).toBeDefined();
  });

  it('drops an answer of another catalog generation', () => {
    const cache = new ResponseCache();
    cache.set('q', 1, body(10));
    expect(cache.get('q', 2)).toBeUndefined();
    expect(cache.get('q', 1)).toBeUndefined();
  });

  it('holds a bounded number of bytes, however large the answers', () => {
    const cache = new ResponseCache();
    const large = 1024 * 1024;
    for (let i = 0; i < 80; i += 1) cache.set(`q${i}`, 1, body(large));
    let held = 0;
    for (let i = 0; i < 80; i += 1) held += cache.get(`q${i}`, 1)?.length ?? 0;
    expect(held).toBeLessThanOrEqual(ResponseCache.MAX_BYTES);
    expect(cache.get('q79', 1)).toBeDefined();
  });
});
