/**
 * Paired t-test with confidence interval for the mean difference.
 *
 * d_i = x_i − y_i, n pairs, d̄ the mean, s the sample SD (n − 1 divisor):
 *   t = d̄ / (s/√n),  df = n − 1.
 * p-values: two-sided 2·P(T ≥ |t|); 'greater' P(T ≥ t); 'less' P(T ≤ t).
 * CI (level 1 − α): two-sided d̄ ± t_{1−α/2, n−1}·s/√n; 'greater' [d̄ − t_{1−α}·s/√n, ∞);
 * 'less' (−∞, d̄ + t_{1−α}·s/√n].
 * Matches `scipy.stats.ttest_rel` (+ `confidence_interval`) and R
 * `t.test(x, y, paired = TRUE)`.
 * Degenerate data follow SciPy: zero-variance nonzero differences give
 * t = ±Infinity, p = 0 and CI = [d̄, d̄] (R errors: "data are essentially
 * constant"); the infinite end of a one-sided CI is then ∞·0 = NaN, as in
 * SciPy. All-zero differences give t = NaN, p = NaN. n = 1 gives NaN.
 *
 * Reference: Student (1908) Biometrika 6:1-25; Zar J.H. (2010) Biostatistical Analysis, 5th ed., §9.1.
 *
 * @example
 * pairedT([1, 3], [0.5, 1]);
 * // { statistic: 1.6666666666666667, df: 1, pValue: 0.3440417392452613, ciLow: -8.2796…, ciHigh: 10.7796… }
 */
import { isArray, pairwiseSum } from './numeric.js';
import { studentTCdf, studentTQuantile, studentTSf } from './distributions.js';
import { cdflibStudentTQuantile } from './scipyCompat.js';
import type { Alternative } from './types.js';

export interface PairedTOptions {
  alternative?: Alternative;
  /** Confidence level of the interval, default 0.95. */
  confLevel?: number;
  /**
   * t quantile for the CI: 'exact' (default, full precision = R `qt`) or 'scipy'
   * (CDFLIB inversion with relative tolerance 1e-8, as SciPy 1.10 `stdtrit`,
   * to reproduce SciPy's CI digits; differs from exact by up to ~1e-10 relative).
   */
  tQuantile?: 'exact' | 'scipy';
}

export interface PairedTResult {
  statistic: number;
  df: number;
  pValue: number;
  meanDiff: number;
  sdDiff: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  confLevel: number;
  alternative: Alternative;
  n: number;
}

export function pairedT(x: readonly number[], y: readonly number[], options: PairedTOptions = {}): PairedTResult {
  if (!isArray(x) || !isArray(y)) throw new Error('pairedT: x and y must be arrays of numbers');
  if (x.length !== y.length) throw new Error(`pairedT: x and y must have the same length (got ${x.length} and ${y.length})`);
  if (x.length === 0) throw new Error('pairedT: x and y must not be empty');
  const alternative = options.alternative ?? 'two-sided';
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new Error(`pairedT: alternative must be 'two-sided', 'less' or 'greater' (got ${String(alternative)})`);
  }
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`pairedT: confLevel must be in (0, 1) (got ${confLevel})`);
  const tQuantile = options.tQuantile ?? 'exact';
  if (tQuantile !== 'exact' && tQuantile !== 'scipy')
    throw new Error(`pairedT: tQuantile must be 'exact' or 'scipy' (got ${String(tQuantile)})`);
  const qt = tQuantile === 'exact' ? studentTQuantile : cdflibStudentTQuantile;
  const n = x.length;
  const d = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (typeof xi !== 'number' || typeof yi !== 'number' || !Number.isFinite(xi) || !Number.isFinite(yi)) {
      throw new Error(`pairedT: values must be finite numbers (got x[${i}]=${String(xi)}, y[${i}]=${String(yi)})`);
    }
    d[i] = xi - yi;
  }
  // NumPy/SciPy operation order (pairwise sums; var = mean((d − d̄)²)·n/(n − 1)) so that
  // degenerate cases (e.g. constant differences) round exactly as the reference does.
  const mean = pairwiseSum(d) / n;
  const df = n - 1;
  const variance = df > 0 ? (pairwiseSum(d.map((v) => (v - mean) ** 2)) / n) * (n / df) : NaN;
  const sd = Math.sqrt(variance);
  const se = Math.sqrt(variance / n);
  const t = mean / se;
  let pValue: number;
  if (Number.isNaN(t)) pValue = NaN;
  else if (alternative === 'two-sided') pValue = Math.min(1, 2 * studentTSf(Math.abs(t), df));
  else if (alternative === 'greater') pValue = studentTSf(t, df);
  else pValue = studentTCdf(t, df);

  let ciLow: number;
  let ciHigh: number;
  if (alternative === 'two-sided') {
    // as SciPy: lower and upper quantiles evaluated separately
    const tail = (1 - confLevel) / 2;
    ciLow = qt(tail, df) * se + mean;
    ciHigh = qt(1 - tail, df) * se + mean;
  } else if (alternative === 'greater') {
    ciLow = qt(1 - confLevel, df) * se + mean;
    ciHigh = Infinity * se + mean; // SciPy: ∞·se + d̄ (NaN when se = 0)
  } else {
    ciLow = -Infinity * se + mean;
    ciHigh = qt(confLevel, df) * se + mean;
  }
  return { statistic: t, df, pValue, meanDiff: mean, sdDiff: sd, se, ciLow, ciHigh, confLevel, alternative, n };
}
