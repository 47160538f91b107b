/**
 * Adapter for `stuart_maxwell_bowker.json`. statsmodels reports the Stuart–Maxwell
 * p-value as `1 - chi2.cdf(x, df)`; that convention is reproduced here from the
 * accurate CDF (the function itself returns the directly computed upper tail).
 * The `r` block of Bowker cases (`mcnemar.test(correct=FALSE)` on the k x k table) is checked with R's
 * convention: a pair of cells with n_ij + n_ji = 0 makes the statistic NaN.
 */
import { bowker } from '../../bowker.js';
import { chiSquareCdf } from '../../distributions.js';
import { stuartMaxwell } from '../../stuartMaxwell.js';
import { numberMatrix, oneOf, stringField, type ReferenceAdapter } from '../types.js';

export const stuartMaxwellBowkerAdapter: ReferenceAdapter = {
  test: 'stuart_maxwell_bowker',
  optionKeys: ['method'],
  run(input, options) {
    const table = numberMatrix(input, 'table');
    const method = oneOf(stringField(options, 'method'), ['stuart_maxwell', 'bowker'], 'stuart_maxwell_bowker method');
    if (method === 'stuart_maxwell') {
      const r = stuartMaxwell(table);
      const pvalue = r.df === 0 || Number.isNaN(r.statistic) ? r.pValue : 1 - chiSquareCdf(r.statistic, r.df);
      return { statistic: r.statistic, pvalue, df: r.df };
    }
    const r = bowker(table);
    return { statistic: r.statistic, pvalue: r.pValue, df: r.df };
  },
  runR(call, input) {
    if (call !== 'mcnemar.test(correct=FALSE)') return undefined;
    const r = bowker(numberMatrix(input, 'table'), { emptyPairs: 'nan' });
    return { statistic: r.statistic, pvalue: r.pValue, df: r.df };
  },
};
