/**
 * Wald interval for the difference of two paired proportions
 * D = p_x − p_y = (n10 − n01)/n from the paired 2×2 table [[n11, n10], [n01, n00]]:
 *   SE = √((n10 + n01) − (n10 − n01)²/n) / n,   D ± z_{1−α/2}·SE,
 * not truncated to [−1, 1] (it can overshoot, and has zero width when there are
 * no discordant pairs — prefer `newcombePairedDifference` for small samples). n = 0 gives NaN (a value, not
 * an error).
 *
 * Reference: Agresti A. (2013) Categorical Data Analysis, 3rd ed., §11.1.1;
 * Fagerland M.W., Lydersen S., Laake P. (2017) Statistical Analysis of Contingency Tables, §8.5.
 *
 * @example
 * waldPairedDifference({ n11: 59, n10: 6, n01: 16, n00: 80 });
 * // { estimate: -0.0621…, se: 0.028718821806591993, low: -0.1183996…, high: -0.0058239… }
 */
import { normalQuantile } from './distributions.js';
import type { PairedDifferenceInterval, PairedTable } from './types.js';
import { checkPairedTable } from './validate.js';

export function waldPairedDifference(table: PairedTable, options: { confLevel?: number } = {}): PairedDifferenceInterval & { se: number } {
  const confLevel = options.confLevel ?? 0.95;
  const n = checkPairedTable('waldPairedDifference', table, confLevel);
  const { n10, n01 } = table;
  const estimate = (n10 - n01) / n;
  const se = Math.sqrt(n10 + n01 - ((n10 - n01) * (n10 - n01)) / n) / n;
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  return { estimate, low: estimate - z * se, high: estimate + z * se, confLevel, se };
}
