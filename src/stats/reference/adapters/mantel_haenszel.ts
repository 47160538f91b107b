/**
 * Adapter for `mantel_haenszel.json`. statsmodels reports `pvalue` as
 * `1 - chi2.cdf(x, df)` (the fixtures also give `pvalue_sf`); that convention is
 * reproduced here from the accurate CDF, while the library returns upper tails.
 * The `r` block (`mantelhaen.test`) is checked with R's continuity correction (only when |Σa − ΣE[a]| ≥ ½);
 * R needs at least 2 strata and raises an error otherwise.
 */
import { chiSquareCdf } from '../../distributions.js';
import { mantelHaenszel, type ChiSquareTest } from '../../mantelHaenszel.js';
import { booleanField, numberCube, optionalNumber, type ReferenceAdapter } from '../types.js';

function oneMinusCdf(t: ChiSquareTest): number {
  return Number.isNaN(t.statistic) || !(t.df > 0) ? NaN : 1 - chiSquareCdf(t.statistic, t.df);
}

export const mantelHaenszelAdapter: ReferenceAdapter = {
  test: 'mantel_haenszel',
  optionKeys: ['conf_level', 'shift_zeros'],
  run(input, options) {
    const r = mantelHaenszel(numberCube(input, 'tables'), {
      confLevel: optionalNumber(options, 'conf_level') ?? 0.95,
      shiftZeros: booleanField(options, 'shift_zeros', false),
    });
    const nullTest = (t: ChiSquareTest) => ({ statistic: t.statistic, pvalue: oneMinusCdf(t), pvalue_sf: t.pValue, df: t.df });
    const eqTest = (t: ChiSquareTest) => ({ statistic: t.statistic, pvalue: oneMinusCdf(t), df: t.df });
    return {
      oddsratio_pooled: r.oddsRatio,
      logodds_pooled: r.logOddsRatio,
      logodds_pooled_se: r.logOddsRatioSe,
      oddsratio_pooled_confint: r.oddsRatioCi,
      riskratio_pooled: r.riskRatio,
      test_null_odds_nocc: nullTest(r.cmh),
      test_null_odds_cc: nullTest(r.cmhCorrected),
      test_equal_odds_breslow_day: eqTest(r.breslowDay),
      test_equal_odds_tarone: eqTest(r.breslowDayTarone),
    };
  },
  runR(call, input, options) {
    if (call !== 'mantelhaen.test') return undefined;
    const tables = numberCube(input, 'tables');
    if (tables.length < 2) throw new Error('mantelhaen.test: each dimension in table must be >= 2');
    const r = mantelHaenszel(tables, { confLevel: optionalNumber(options, 'conf_level') ?? 0.95, ccConvention: 'r' });
    return {
      estimate: r.oddsRatio,
      ci_low: r.oddsRatioCi[0],
      ci_high: r.oddsRatioCi[1],
      statistic_cc: r.cmhCorrected.statistic,
      pvalue_cc: r.cmhCorrected.pValue,
      statistic_nocc: r.cmh.statistic,
      pvalue_nocc: r.cmh.pValue,
    };
  },
};
