import { describe, expect, it } from 'vitest';
import { CompositionBudget } from './composition-budget.js';

const limits = { compositionText: 1000, instancesPerApp: 5, instancesPerRequest: 8 };
const refusal = (spend: () => void) => {
  try {
    spend();
  } catch (e) {
    return { code: (e as { extensions: { code: string } }).extensions.code, message: (e as Error).message };
  }
  return undefined;
};

describe('CompositionBudget', () => {
  it('refuses an app over the per-app limit, and the request once its instances are spent, with the numbers', () => {
    const budget = new CompositionBudget(limits);
    expect(refusal(() => budget.spendInstances(6))).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringContaining('the app has 6 instances; the service composes at most 5 per app'),
    });
    budget.spendInstances(5);
    budget.spendInstances(1, false);
    budget.spendInstances(2);
    expect(refusal(() => budget.spendInstances(1, false))?.message).toContain(
      'would compose or check 9 instances; the service composes or checks at most 8 instances per request',
    );
  });

  it('pays for text before it is read, a JSON value only as far as the budget reaches', () => {
    const budget = new CompositionBudget(limits);
    budget.spendText(600);
    expect(refusal(() => budget.spendText(401))?.message).toContain('would have 1,001 characters');
    budget.spendJson({ a: 'x'.repeat(100) });
    expect(refusal(() => budget.spendJson(Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])))))?.toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
    });
  });
});
