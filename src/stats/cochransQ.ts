/**
 * Cochran's Q test for k ≥ 2 paired binary outcomes (e.g. one vignette answered
 * under k demographic variants).
 *
 * x is an N × k matrix of 0/1. With column totals C_j, row totals R_i and grand
 * total T:
 *   Q = (k − 1)·[k·Σ C_j² − T²] / (k·T − Σ R_i²)  ~  χ²(k − 1) under H0
 * (equal success probability in all k conditions). Rows that are all 0 or all 1
 * contribute nothing. If every row is constant, Q = 0/0 = NaN (p NaN), as in
 * statsmodels; R's `DescTools::CochranQTest` behaves the same. For k = 2, Q equals
 * the uncorrected McNemar statistic.
 *
 * Reference: Cochran W.G. (1950) Biometrika 37:256-266; SAS/STAT FREQ documentation.
 *
 * @example
 * cochransQ([[1,1,0],[1,0,0],[1,1,1],[0,0,0],[1,0,1],[1,1,0],[1,0,0],[0,1,0]]);
 * // { statistic: 4, df: 2, pValue: 0.1353352832366127 }
 */
import { isArray } from './numeric.js';
import { chiSquareSf } from './distributions.js';

export interface CochransQResult {
  statistic: number;
  df: number;
  pValue: number;
  nSubjects: number;
  k: number;
}

export function cochransQ(x: readonly (readonly number[])[]): CochransQResult {
  if (!isArray(x) || x.length === 0) throw new Error('cochransQ: x must be a non-empty N x k matrix of 0/1');
  const k = x[0]!.length;
  if (k < 2) throw new Error(`cochransQ: need at least 2 conditions (got k=${k})`);
  const colTotals = new Array<number>(k).fill(0);
  let T = 0;
  let sumR2 = 0;
  x.forEach((row, i) => {
    if (!isArray(row) || row.length !== k) {
      throw new Error(`cochransQ: every row must have k=${k} entries (row ${i} has ${isArray(row) ? row.length : 'none'})`);
    }
    let r = 0;
    row.forEach((v, j) => {
      if (v !== 0 && v !== 1) throw new Error(`cochransQ: entries must be 0 or 1 (got x[${i}][${j}]=${String(v)})`);
      r += v;
      colTotals[j]! += v;
    });
    T += r;
    sumR2 += r * r;
  });
  let sumC2 = 0;
  for (const c of colTotals) sumC2 += c * c;
  const statistic = ((k - 1) * (k * sumC2 - T * T)) / (k * T - sumR2);
  const df = k - 1;
  return { statistic, df, pValue: chiSquareSf(statistic, df), nSubjects: x.length, k };
}
