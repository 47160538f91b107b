/**
 * Friedman rank test for n blocks × k treatments (k ≥ 3), e.g. a continuous
 * score for each vignette (block) under k demographic variants.
 *
 * Values are ranked within each block with average ranks for ties. With R_j the
 * rank sum of treatment j:
 *   χ²_F = [12/(n·k·(k+1))·Σ R_j² − 3n(k+1)] / C,
 *   C = 1 − Σ(t³ − t) / (n·k·(k² − 1))   (tie correction over all tie groups),
 * referred to χ²(k − 1). Matches `scipy.stats.friedmanchisquare` and R
 * `friedman.test`. If every block is fully tied, C = 0 and the result is NaN.
 *
 * Reference: Friedman M. (1937) JASA 32:675-701; Hollander, Wolfe & Chicken (2014)
 * Nonparametric Statistical Methods, 3rd ed., §7.1.
 *
 * @example
 * friedman([[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]);
 * // { statistic: 18, df: 3, pValue: 0.0004398496528388289 }
 */
import { chiSquareSf } from './distributions.js';
import { averageRanks, isArray } from './numeric.js';

export interface FriedmanResult {
  statistic: number;
  df: number;
  pValue: number;
  nBlocks: number;
  k: number;
  /** Rank sum of each treatment. */
  rankSums: number[];
}

export function friedman(data: readonly (readonly number[])[]): FriedmanResult {
  if (!isArray(data) || data.length === 0) throw new Error('friedman: data must be a non-empty n x k matrix (blocks x treatments)');
  const k = data[0]!.length;
  if (k < 3) throw new Error(`friedman: need at least 3 treatments (got k=${k})`);
  const n = data.length;
  const rankSums = new Array<number>(k).fill(0);
  let ties = 0;
  data.forEach((row, i) => {
    if (!isArray(row) || row.length !== k) throw new Error(`friedman: every block must have k=${k} values (block ${i} differs)`);
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Error(`friedman: values must be finite numbers (got data[${i}][${j}]=${String(v)})`);
    });
    const { ranks, ties: t } = averageRanks(row);
    ranks.forEach((r, j) => (rankSums[j]! += r));
    for (const s of t) ties += s * (s * s - 1);
  });
  const c = 1 - ties / (k * (k * k - 1) * n);
  let ssbn = 0;
  for (const r of rankSums) ssbn += r * r;
  const df = k - 1;
  if (c <= 0) return { statistic: NaN, df, pValue: NaN, nBlocks: n, k, rankSums };
  const statistic = ((12 / (k * n * (k + 1))) * ssbn - 3 * n * (k + 1)) / c;
  return { statistic, df, pValue: chiSquareSf(statistic, df), nBlocks: n, k, rankSums };
}
