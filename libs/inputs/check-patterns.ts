import { error, type Diagnostic } from '../diagnostics/index.js';
import { describePatternMismatch, PatternBudget, type SafePattern } from '../manifest/index.js';
import type { PlannedPattern } from './inputs-plan.js';

/**
 * Most pattern work one call may do, as characters × program size, over all its values
 * (MAX_PATTERN_STEPS bounds each value alone): at the slowest measured ~130 ns a step,
 * about 130 ms on a loaded machine, a few ms for ordinary patterns and values.
 */
export const MAX_PATTERN_STEPS_PER_CALL = 1_000_000;

/**
 * Checks string values against their inputs' patterns on RE2, in declaration order, from
 * one budget of work for the whole call: a value too long to check is refused as such,
 * never run. A stored pattern no linear-time engine can run refuses its value too.
 */
export function checkPatterns(patterns: readonly PlannedPattern[], values: Record<string, unknown>, skip: ReadonlySet<string>): Diagnostic[] {
  // The usual call: every value short enough and the call's work within budget, every pattern safe, all matching.
  // Checked in one tight pass first (this runs on every validation); anything else takes the careful way below.
  if (allMatchWithinBudget(patterns, values, skip)) return [];
  const diagnostics: Diagnostic[] = [];
  const budget = new PatternBudget(MAX_PATTERN_STEPS_PER_CALL);
  for (const { name, property, verdict } of patterns) {
    const value = values[name];
    if (skip.has(name) || typeof value !== 'string') continue;
    if ('problem' in verdict) {
      diagnostics.push(
        error(
          'INPUTS_SCHEMA_INVALID',
          name,
          'cannot be checked: the pattern its component declares is not one Aisle can run safely; ask the publisher for a new version',
        ),
      );
      continue;
    }
    switch (budget.check(verdict.pattern, value)) {
      case 'mismatch':
        // The publisher's sentence for the pattern; the expression itself only for tools.
        diagnostics.push(
          error('INPUT_INVALID', name, describePatternMismatch(property), { detail: { keyword: 'pattern', params: { pattern: property.pattern } } }),
        );
        break;
      case 'too-long':
        diagnostics.push(error('INPUT_INVALID', name, `is too long to check against its pattern: at most ${verdict.pattern.maxTextLength} characters`));
        break;
      case 'over-budget':
        diagnostics.push(error('INPUT_INVALID', name, 'is too long to check against its pattern together with the other values given; shorten the values'));
        break;
      case 'match':
        break;
    }
  }
  return diagnostics;
}

/** True when every checked value fits its pattern's length and the call's budget, and matches. */
function allMatchWithinBudget(patterns: readonly PlannedPattern[], values: Record<string, unknown>, skip: ReadonlySet<string>): boolean {
  let steps = 0;
  for (const { name, verdict } of patterns) {
    const value = values[name];
    if (typeof value !== 'string' || (skip.size > 0 && skip.has(name))) continue;
    if (!('pattern' in verdict) || value.length > verdict.pattern.maxTextLength) return false;
    steps += value.length * verdict.pattern.cost;
  }
  if (steps > MAX_PATTERN_STEPS_PER_CALL) return false;
  for (const { name, verdict } of patterns) {
    const value = values[name];
    if (typeof value !== 'string' || (skip.size > 0 && skip.has(name))) continue;
    if (!(verdict as { pattern: SafePattern }).pattern.test(value)) return false;
  }
  return true;
}
