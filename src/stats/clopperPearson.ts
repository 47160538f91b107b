/**
 * Clopper–Pearson ("exact") confidence interval for a binomial proportion.
 *
 * Two-sided at level 1 − α: lower = B⁻¹(α/2; k, n − k + 1) (0 if k = 0),
 * upper = B⁻¹(1 − α/2; k + 1, n − k) (1 if k = n), B⁻¹ the beta quantile —
 * equivalently the p solving P(X ≥ k | p) = α/2 and P(X ≤ k | p) = α/2.
 * One-sided (as R `binom.test` and SciPy): 'greater' → [B⁻¹(α; k, n−k+1), 1],
 * 'less' → [0, B⁻¹(1 − α; k+1, n−k)].
 * By default the beta quantile is solved to full double precision (= R). With
 * `solver: 'scipy'` the binomial tail equations are solved by SciPy's brentq
 * (xtol = 2e-12) exactly as SciPy 1.10 `binomtest(...).proportion_ci()` does,
 * reproducing its digits (its limits can be ~1e-12 off absolutely).
 *
 * Reference: Clopper C.J., Pearson E.S. (1934) Biometrika 26:404-413.
 *
 * @example
 * clopperPearsonInterval(3, 10); // { estimate: 0.3, low: 0.0667395111777345, high: 0.6524528500599972 }
 */
import { betaQuantile, binomialCdf, binomialSf } from './distributions.js';
import { brentq } from './scipyCompat.js';
import type { IntervalOptions, ProportionInterval } from './types.js';
import { checkCountAndTrials, checkIntervalOptions } from './validate.js';

export interface ClopperPearsonOptions extends IntervalOptions {
  /**
   * 'exact' (default): beta quantiles to full precision (= R `binom.test`).
   * 'scipy': SciPy's brentq(xtol=2e-12) on the binomial tails, to reproduce SciPy 1.10 digits.
   */
  solver?: 'exact' | 'scipy';
}

export function clopperPearsonInterval(k: number, n: number, options: ClopperPearsonOptions = {}): ProportionInterval {
  checkCountAndTrials('clopperPearsonInterval', k, n);
  const { confLevel, alternative } = checkIntervalOptions('clopperPearsonInterval', options);
  const solver = options.solver ?? 'exact';
  if (solver !== 'exact' && solver !== 'scipy')
    throw new Error(`clopperPearsonInterval: solver must be 'exact' or 'scipy' (got ${String(solver)})`);
  const alpha = alternative === 'two-sided' ? (1 - confLevel) / 2 : 1 - confLevel;
  let low: number;
  let high: number;
  if (solver === 'exact') {
    low = alternative === 'less' || k === 0 ? 0 : betaQuantile(alpha, k, n - k + 1);
    high = alternative === 'greater' || k === n ? 1 : betaQuantile(1 - alpha, k + 1, n - k);
  } else {
    low = alternative === 'less' || k === 0 ? 0 : brentq((p) => binomialSf(k - 1, n, p) - alpha, 0, 1);
    high = alternative === 'greater' || k === n ? 1 : brentq((p) => binomialCdf(k, n, p) - alpha, 0, 1);
  }
  return { estimate: k / n, low, high };
}
