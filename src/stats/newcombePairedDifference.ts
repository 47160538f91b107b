/**
 * Newcombe (1998) hybrid-score interval (method 10) for the difference of two
 * paired proportions D = p_x − p_y = (n10 − n01)/n, from the paired 2×2 table
 * [[n11, n10], [n01, n00]] (rows x = 1/0, columns y = 1/0).
 *
 *   p_x = (n11+n10)/n, p_y = (n11+n01)/n with Wilson limits (l_x,u_x), (l_y,u_y);
 *   L = D − √[(p_x−l_x)² − 2φ(p_x−l_x)(u_y−p_y) + (u_y−p_y)²]
 *   U = D + √[(p_y−l_y)² − 2φ(p_y−l_y)(u_x−p_x) + (u_x−p_x)²]
 * with A = n11·n00 − n10·n01 and the margins product M = (n11+n10)(n01+n00)(n11+n01)(n10+n00):
 *   φ = (A − n/2)/√M if A > n/2;  0 if 0 ≤ A ≤ n/2;  A/√M if A < 0;  φ = 0 if M = 0.
 * Two-sided at `confLevel` (default 0.95); the interval is not truncated. With no discordant pairs, or no
 * events at all, it still has width (the Wilson limits do). n = 0 gives NaN limits (a value, not an error).
 * Options for clustered data (see `raoScottPairedIntervals`): `criticalValue` replaces z_{1−α/2} (e.g. a
 * t quantile) and `effectiveCounts: true` accepts real-valued counts (counts divided by a design effect).
 * Reproduces the Cavo (2012) example of Fagerland, Lydersen & Laake (2017),
 * R package `contingencytables`: −0.0621 (−0.1186 to −0.0046).
 *
 * References: Newcombe R.G. (1998) Stat Med 17:2635-2650; Fagerland M.W.,
 * Lydersen S., Laake P. (2017) Statistical Analysis of Contingency Tables, ch. 8.
 *
 * @example
 * newcombePairedDifference({ n11: 59, n10: 6, n01: 16, n00: 80 });
 * // { estimate: -0.0621…, low: -0.11862119563870999, high: -0.004625113933050047, phi: 0.7161737195063973 }
 */
import type { PairedDifferenceInterval, PairedTable } from './types.js';
import { checkPairedTable } from './validate.js';
import { wilsonLimits } from './wilson.js';
import { normalQuantile } from './distributions.js';

export type { PairedDifferenceInterval, PairedTable } from './types.js';

export interface NewcombeOptions {
  confLevel?: number;
  /** Critical value used for the Wilson limits instead of z_{1−α/2}. */
  criticalValue?: number;
  /** Accept real-valued (effective) counts. Default false: counts must be integers. */
  effectiveCounts?: boolean;
}

export function newcombePairedDifference(table: PairedTable, options: NewcombeOptions = {}): PairedDifferenceInterval & { phi: number } {
  const confLevel = options.confLevel ?? 0.95;
  const n = checkPairedTable('newcombePairedDifference', table, confLevel, !options.effectiveCounts);
  const z = options.criticalValue ?? normalQuantile(0.5 + 0.5 * confLevel);
  if (!(z > 0)) throw new Error(`newcombePairedDifference: criticalValue must be positive (got ${z})`);
  const { n11, n10, n01, n00 } = table;
  const estimate = (n10 - n01) / n;
  if (n === 0) return { estimate, low: NaN, high: NaN, confLevel, phi: NaN };
  const px = (n11 + n10) / n;
  const py = (n11 + n01) / n;
  const wx = wilsonLimits(n11 + n10, n, z);
  const wy = wilsonLimits(n11 + n01, n, z);
  const A = n11 * n00 - n10 * n01;
  const margins = (n11 + n10) * (n01 + n00) * (n11 + n01) * (n10 + n00);
  let phi: number;
  if (margins === 0) phi = 0;
  else if (A > n / 2) phi = (A - n / 2) / Math.sqrt(margins);
  else if (A >= 0) phi = 0;
  else phi = A / Math.sqrt(margins);
  const dlx = px - wx.low;
  const duy = wy.high - py;
  const dly = py - wy.low;
  const dux = wx.high - px;
  const low = estimate - Math.sqrt(dlx * dlx - 2 * phi * dlx * duy + duy * duy);
  const high = estimate + Math.sqrt(dly * dly - 2 * phi * dly * dux + dux * dux);
  return { estimate, low, high, confLevel, phi };
}
