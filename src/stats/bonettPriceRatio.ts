/**
 * Bonett–Price hybrid Wilson score interval for the ratio of two paired proportions
 * φ = p_x / p_y = (n11 + n10)/(n11 + n01), from the paired 2×2 table [[n11, n10], [n01, n00]]
 * (rows x = 1/0, columns y = 1/0).
 *
 * With n* = n11 + n10 + n01 (pairs with an event on either side), n1+ = n11 + n10, n+1 = n11 + n01:
 *   A = √[(n10 + n01 + 2) / ((n1+ + 1)(n+1 + 1))]
 *   B = √[(1 − (n1+ + 1)/(n* + 2)) / (n1+ + 1)],  C = √[(1 − (n+1 + 1)/(n* + 2)) / (n+1 + 1)]
 *   z' = z_{1−α/2}·A/(B + C);  (l1, u1), (l2, u2) = Wilson limits of n1+/n* and n+1/n* with z'
 *   CI = [l1/u2, u1/l2].
 * Unlike a percentile bootstrap or a log-Wald interval it keeps its width when no pair is discordant (all
 * events shared by both sides), the case where those collapse to [1, 1]. n* = 0 (no events on either side):
 * the ratio is 0/0 and the interval is [0, Infinity] (estimate NaN). Only one side with events: one limit is
 * 0 or Infinity. Recommended for paired ratios by Fagerland, Lydersen & Laake (2014).
 * `criticalValue` replaces z_{1−α/2} (e.g. a t quantile) and `effectiveCounts: true` accepts real-valued
 * counts (divided by a design effect), for clustered data (see `raoScottPairedIntervals`).
 *
 * References: Bonett D.G., Price R.M. (2006) Stat Med 25:3039-3047; Fagerland M.W., Lydersen S., Laake P.
 * (2014) Stat Med 33:2850-2875; R package `contingencytables`, BonettPrice_hybrid_Wilson_score_CI_paired_2x2.
 *
 * @example
 * bonettPriceRatio({ n11: 59, n10: 6, n01: 16, n00: 80 }); // Cavo 2012: estimate 0.8667, about 0.78 to 0.96
 */
import { normalQuantile } from './distributions.js';
import type { PairedTable, ProportionInterval } from './types.js';
import { checkPairedTable } from './validate.js';
import { wilsonLimits } from './wilson.js';

export interface BonettPriceOptions {
  confLevel?: number;
  /** Critical value instead of z_{1−α/2}. */
  criticalValue?: number;
  /** Accept real-valued (effective) counts. Default false: counts must be integers. */
  effectiveCounts?: boolean;
}

export function bonettPriceRatio(table: PairedTable, options: BonettPriceOptions = {}): ProportionInterval {
  const confLevel = options.confLevel ?? 0.95;
  checkPairedTable('bonettPriceRatio', table, confLevel, !options.effectiveCounts);
  const z = options.criticalValue ?? normalQuantile(0.5 + 0.5 * confLevel);
  if (!(z > 0)) throw new Error(`bonettPriceRatio: criticalValue must be positive (got ${z})`);
  const { n11, n10, n01 } = table;
  const nStar = n11 + n10 + n01;
  const n1p = n11 + n10;
  const np1 = n11 + n01;
  const estimate = n1p / np1;
  if (nStar === 0) return { estimate, low: 0, high: Infinity };
  const A = Math.sqrt((n10 + n01 + 2) / ((n1p + 1) * (np1 + 1)));
  const B = Math.sqrt((1 - (n1p + 1) / (nStar + 2)) / (n1p + 1));
  const C = Math.sqrt((1 - (np1 + 1) / (nStar + 2)) / (np1 + 1));
  const zAdjusted = (A / (B + C)) * z;
  const x = wilsonLimits(n1p, nStar, zAdjusted);
  const y = wilsonLimits(np1, nStar, zAdjusted);
  return { estimate, low: x.low / y.high, high: y.low === 0 ? Infinity : x.high / y.low };
}
