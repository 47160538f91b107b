/** Adapter for `paired_t.json`; the `r` block is `t.test(paired=TRUE)` (exact t quantile, as R's `qt`). */
import { pairedT } from '../../pairedT.js';
import type { Alternative } from '../../types.js';
import { numberArray, oneOf, optionalNumber, stringField, type Json, type ReferenceAdapter } from '../types.js';

const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];

function run(input: Record<string, Json>, options: Record<string, Json>, tQuantile: 'exact' | 'scipy') {
  return pairedT(numberArray(input, 'x'), numberArray(input, 'y'), {
    alternative: oneOf(stringField(options, 'alternative', 'two-sided'), ALTERNATIVES, 'alternative'),
    confLevel: optionalNumber(options, 'conf_level') ?? 0.95,
    tQuantile,
  });
}

export const pairedTAdapter: ReferenceAdapter = {
  test: 'paired_t',
  optionKeys: ['alternative', 'conf_level'],
  run(input, options) {
    // SciPy 1.10 computes the CI quantile with CDFLIB (rel. tolerance 1e-8); reproduce its digits
    const r = run(input, options, 'scipy');
    return {
      statistic: r.statistic,
      pvalue: r.pValue,
      df: r.df,
      mean_diff: r.meanDiff,
      sd_diff: r.sdDiff,
      ci_low: r.ciLow,
      ci_high: r.ciHigh,
      conf_level: r.confLevel,
    };
  },
  runR(call, input, options) {
    if (call !== 't.test(paired=TRUE)') return undefined;
    const r = run(input, options, 'exact');
    // R stops on constant differences ("data are essentially constant") where SciPy returns ±Infinity or NaN
    if (!Number.isFinite(r.statistic)) throw new Error('t.test: data are essentially constant');
    return { statistic: r.statistic, pvalue: r.pValue, ci_low: r.ciLow, ci_high: r.ciHigh };
  },
};
