import type { SafePattern } from './safe-pattern.js';

/** How one budgeted check came out: matched, did not, or was not run because the text is too long. */
export type PatternCheck = 'match' | 'mismatch' | 'too-long' | 'over-budget';

/**
 * A store of pattern work (characters × program size) shared by the checks of one
 * operation, so that many values, or many patterns, cannot add up to a stall: each check
 * draws on it, and a check it cannot pay for is not run.
 */
export class PatternBudget {
  constructor(private steps: number) {}

  /** Runs one check if the text is short enough for the pattern and the budget can pay for it. */
  check(pattern: SafePattern, text: string): PatternCheck {
    if (text.length > pattern.maxTextLength) return 'too-long';
    const cost = text.length * pattern.cost;
    if (cost > this.steps) return 'over-budget';
    this.steps -= cost;
    return pattern.test(text) ? 'match' : 'mismatch';
  }
}
