import { describe, expect, it } from 'vitest';
import { composeCpus, composeMemory } from './compose-quantities.js';

describe('Compose quantities', () => {
  it.each([
    ['100m', '0.1'],
    ['1', '1'],
    ['0.5', '0.5'],
    ['2500m', '2.5'],
  ])('cpu %s → %s', (q, c) => expect(composeCpus(q)).toBe(c));
  it.each([
    ['256Mi', '256m'],
    ['1Gi', '1g'],
    ['64Ki', '64k'],
    ['1Ti', '1024g'],
    ['500M', '500000000b'],
    ['1.5Gi', '1610612736b'],
    ['1024', '1024b'],
  ])('memory %s → %s', (q, m) => expect(composeMemory(q)).toBe(m));
});
