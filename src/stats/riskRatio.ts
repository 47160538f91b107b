/**
 * Risk ratio for a 2×2 table [[a, b], [c, d]] (rows: group 1/2, columns:
 * event/no event) with the log-scale (Katz) Wald interval.
 *
 *   RR = [a/(a+b)] / [c/(c+d)],  SE(log RR)² = 1/a − 1/(a+b) + 1/c − 1/(c+d),
 *   CI = exp(log RR ± z_{1−α/2}·SE).
 * Zeros: by default no adjustment (a = 0 gives RR = 0 and an undefined upper
 * limit, c = 0 gives RR = ∞), as statsmodels `Table2x2(shift_zeros=False)`.
 * With `shiftZeros: true`, every zero cell is replaced by 0.5 (the other cells
 * are left unchanged) — this is what statsmodels 0.13.5 `Table2x2(shift_zeros=True)`
 * (its default) actually does (`table[table == 0] = 0.5`, see statsmodels
 * issue #7011), even though its docstring and the fixture README describe adding
 * 0.5 to all cells (the Haldane–Anscombe correction; use `haldane` for that).
 * `zeroCorrection: 'haldane'` adds 0.5 to all four cells when any cell is 0.
 *
 * Reference: Katz D., Baptista J., Azen S.P., Pike M.C. (1978) Biometrics 34:469-474;
 * Agresti A. (2013) Categorical Data Analysis, §3.1.
 *
 * @example
 * riskRatio([[20, 80], [10, 90]]);
 * // { estimate: 2, logEstimate: 0.693…, logSe: 0.36055512754639896, low: 0.9865632067317821, high: 4.054479198804628 }
 */
import { isArray } from './numeric.js';
import { normalQuantile } from './distributions.js';

export interface RiskRatioOptions {
  confLevel?: number;
  /** statsmodels `shift_zeros`: replace zero cells by 0.5 when any cell is 0. Default false. */
  shiftZeros?: boolean;
  /** Alternatively 'haldane': add 0.5 to all cells when any cell is 0. */
  zeroCorrection?: 'none' | 'haldane';
}

export interface RiskRatioResult {
  estimate: number;
  logEstimate: number;
  logSe: number;
  low: number;
  high: number;
  confLevel: number;
}

export function riskRatio(table: readonly (readonly number[])[], options: RiskRatioOptions = {}): RiskRatioResult {
  if (!isArray(table) || table.length !== 2 || !table.every((r) => isArray(r) && r.length === 2)) {
    throw new Error('riskRatio: table must be a 2x2 array [[a, b], [c, d]]');
  }
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`riskRatio: confLevel must be in (0, 1) (got ${confLevel})`);
  let cells = [table[0]![0]!, table[0]![1]!, table[1]![0]!, table[1]![1]!];
  cells.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new Error(`riskRatio: counts must be finite and non-negative (got cell ${i}=${String(v)})`);
  });
  const zeroCorrection = options.zeroCorrection ?? 'none';
  if (zeroCorrection !== 'none' && zeroCorrection !== 'haldane') {
    throw new Error(`riskRatio: zeroCorrection must be 'none' or 'haldane' (got ${String(zeroCorrection)})`);
  }
  if (Math.min(...cells) === 0) {
    if (zeroCorrection === 'haldane') cells = cells.map((v) => v + 0.5);
    else if (options.shiftZeros) cells = cells.map((v) => (v === 0 ? 0.5 : v));
  }
  const [a, b, c, d] = cells as [number, number, number, number];
  const n1 = a + b;
  const n2 = c + d;
  const p1 = a / n1;
  const p2 = c / n2;
  const estimate = p1 / p2;
  const logEstimate = Math.log(estimate);
  const logSe = Math.sqrt((1 - p1) / (n1 * p1) + (1 - p2) / (n2 * p2));
  const f = -normalQuantile((1 - confLevel) / 2);
  return {
    estimate,
    logEstimate,
    logSe,
    low: Math.exp(logEstimate - f * logSe),
    high: Math.exp(logEstimate + f * logSe),
    confLevel,
  };
}
