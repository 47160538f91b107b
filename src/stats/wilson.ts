/**
 * Wilson score interval for a binomial proportion (no continuity correction).
 *
 * With p̂ = k/n and z = Φ⁻¹(1 − α/2) (two-sided) or Φ⁻¹(1 − α) (one-sided):
 *   centre = (2np̂ + z²) / (2(n + z²)),  half-width = z·√(4np̂(1 − p̂) + z²) / (2(n + z²)).
 * k = 0 gives lower limit exactly 0 and k = n upper limit exactly 1. For
 * `alternative: 'greater'` the interval is [lower, 1]; for 'less' it is [0, upper]. n = 0 (no observations) is
 * a value, not an error: estimate and limits are NaN (nothing is known about the proportion).
 * `wilsonLimits(k, n, z)` is the same interval for any critical value z and real-valued k ≤ n (effective counts,
 * e.g. divided by a design effect), used by the paired intervals built from Wilson limits.
 * Matches SciPy `binomtest(...).proportion_ci(method='wilson')`, statsmodels
 * `proportion_confint(method='wilson')` and R `prop.test(correct=FALSE)`'s interval.
 *
 * Reference: Wilson E.B. (1927) JASA 22:209-212; Newcombe R.G. (1998) Stat Med 17:857-872.
 *
 * @example
 * wilsonInterval(5, 10); // { estimate: 0.5, low: 0.23659309051256394, high: 0.7634069094874361 }
 */
import { normalQuantile } from './distributions.js';
import type { IntervalOptions, ProportionInterval } from './types.js';
import { checkCountAndTrials, checkIntervalOptions } from './validate.js';

export type { IntervalOptions, ProportionInterval } from './types.js';

export function wilsonInterval(k: number, n: number, options: IntervalOptions = {}): ProportionInterval {
  const { confLevel, alternative } = checkIntervalOptions('wilsonInterval', options);
  if (n === 0 && k === 0) return { estimate: NaN, low: NaN, high: NaN };
  checkCountAndTrials('wilsonInterval', k, n);
  const z = alternative === 'two-sided' ? normalQuantile(0.5 + 0.5 * confLevel) : normalQuantile(confLevel);
  const { low, high } = wilsonLimits(k, n, z);
  return { estimate: k / n, low: alternative === 'less' ? 0 : low, high: alternative === 'greater' ? 1 : high };
}

/** Two-sided Wilson limits with critical value z for k of n (reals allowed, 0 ≤ k ≤ n); k = 0 and k = n give exactly 0 and 1. */
export function wilsonLimits(k: number, n: number, z: number): { low: number; high: number } {
  if (!(n > 0)) return { low: NaN, high: NaN };
  const p = k / n;
  const denom = 2 * (n + z * z);
  const center = (2 * n * p + z * z) / denom;
  const delta = (z / denom) * Math.sqrt(4 * n * p * (1 - p) + z * z);
  return { low: k === 0 ? 0 : center - delta, high: k === n ? 1 : center + delta };
}
