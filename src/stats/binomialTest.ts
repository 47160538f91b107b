/**
 * Exact binomial test (sign test when p = ½) with Clopper–Pearson and Wilson CIs.
 *
 * X ~ Binomial(n, p0), observed k.
 * - 'less': P(X ≤ k); 'greater': P(X ≥ k).
 * - 'two-sided' ("minlike", R `binom.test`, SciPy `binomtest`):
 *   p = Σ_{i: P(X=i) ≤ P(X=k)·(1 + 1e-7)} P(X = i), capped at 1; k = n·p0 gives 1.
 *   The sum is evaluated as one tail CDF on each side of the mode.
 * CIs are at `confLevel` (default 0.95) and one-sided for one-sided alternatives.
 *
 * Reference: Clopper & Pearson (1934) Biometrika 26:404-413; Hollander, Wolfe &
 * Chicken (2014) Nonparametric Statistical Methods, §2.1 (sign test).
 *
 * @example
 * binomialTest(3, 10).pValue;                       // 0.34375
 * binomialTest(7, 20, { p: 0.3 }).pValue;           // 0.6294979666766769
 * binomialTest(8, 10, { alternative: 'greater' }).pValue; // 0.0546875
 */
import { binomialCdf, binomialPmf, binomialSf } from './distributions.js';
import { clopperPearsonInterval } from './clopperPearson.js';
import type { Alternative, ProportionInterval } from './types.js';
import { checkCountAndTrials } from './validate.js';
import { wilsonInterval } from './wilson.js';

export interface BinomialTestOptions {
  /** Hypothesised success probability, default 0.5. */
  p?: number;
  alternative?: Alternative;
  confLevel?: number;
  /** Root finder for the Clopper–Pearson limits, see `clopperPearsonInterval` (default 'exact'). */
  ciSolver?: 'exact' | 'scipy';
}

export interface BinomialTestResult {
  k: number;
  n: number;
  p: number;
  alternative: Alternative;
  pValue: number;
  estimate: number;
  ciExact: ProportionInterval;
  ciWilson: ProportionInterval;
  confLevel: number;
}

const RERR = 1 + 1e-7;

export function binomialTest(k: number, n: number, options: BinomialTestOptions = {}): BinomialTestResult {
  checkCountAndTrials('binomialTest', k, n);
  const p = options.p ?? 0.5;
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new Error(`binomialTest: p must be in [0, 1] (got p=${String(p)})`);
  const alternative = options.alternative ?? 'two-sided';
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new Error(`binomialTest: alternative must be 'two-sided', 'less' or 'greater' (got ${String(alternative)})`);
  }
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`binomialTest: confLevel must be in (0, 1) (got ${confLevel})`);

  let pValue: number;
  if (alternative === 'less') pValue = binomialCdf(k, n, p);
  else if (alternative === 'greater') pValue = binomialSf(k - 1, n, p);
  else {
    const d = binomialPmf(k, n, p) * RERR;
    const pn = p * n;
    if (k === pn) pValue = 1;
    else if (k < pn) {
      // smallest i in [ceil(pn), n] with pmf(i) <= d (pmf is non-increasing there)
      let lo = Math.ceil(pn);
      let hi = n + 1;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (binomialPmf(mid, n, p) <= d) hi = mid;
        else lo = mid + 1;
      }
      pValue = binomialCdf(k, n, p) + (lo <= n ? binomialSf(lo - 1, n, p) : 0);
    } else {
      // largest i in [0, floor(pn)] with pmf(i) <= d (pmf is non-decreasing there)
      let lo = -1;
      let hi = Math.floor(pn);
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (binomialPmf(mid, n, p) <= d) lo = mid;
        else hi = mid - 1;
      }
      pValue = (lo >= 0 ? binomialCdf(lo, n, p) : 0) + binomialSf(k - 1, n, p);
    }
    pValue = Math.min(1, pValue);
  }
  const ciOpts = { confLevel, alternative };
  return {
    k,
    n,
    p,
    alternative,
    pValue,
    estimate: k / n,
    ciExact: clopperPearsonInterval(k, n, { ...ciOpts, solver: options.ciSolver ?? 'exact' }),
    ciWilson: wilsonInterval(k, n, ciOpts),
    confLevel,
  };
}
