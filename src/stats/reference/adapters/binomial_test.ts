/** Adapter for `binomial_test.json`; the `r` block is `binom.test` (exact Clopper–Pearson limits). */
import { binomialTest } from '../../binomialTest.js';
import type { Alternative } from '../../types.js';
import { numberField, oneOf, optionalNumber, stringField, type Json, type ReferenceAdapter } from '../types.js';

const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];

function run(input: Record<string, Json>, options: Record<string, Json>, ciSolver: 'exact' | 'scipy') {
  return binomialTest(numberField(input, 'k'), numberField(input, 'n'), {
    p: optionalNumber(options, 'p') ?? 0.5,
    alternative: oneOf(stringField(options, 'alternative', 'two-sided'), ALTERNATIVES, 'alternative'),
    confLevel: optionalNumber(options, 'conf_level') ?? 0.95,
    ciSolver,
  });
}

export const binomialTestAdapter: ReferenceAdapter = {
  test: 'binomial_test',
  optionKeys: ['p', 'alternative', 'conf_level'],
  run(input, options) {
    // SciPy solves the Clopper-Pearson limits with brentq(xtol=2e-12); reproduce its digits
    const r = run(input, options, 'scipy');
    return {
      pvalue: r.pValue,
      proportion_estimate: r.estimate,
      ci_exact_low: r.ciExact.low,
      ci_exact_high: r.ciExact.high,
      ci_wilson_low: r.ciWilson.low,
      ci_wilson_high: r.ciWilson.high,
    };
  },
  runR(call, input, options) {
    if (call !== 'binom.test') return undefined;
    const r = run(input, options, 'exact');
    return { pvalue: r.pValue, ci_low: r.ciExact.low, ci_high: r.ciExact.high };
  },
};
