/**
 * Fleiss' kappa for m raters classifying N subjects into k categories.
 *
 * Input: an N × k table of counts n_ij (raters putting subject i in category j),
 * every row summing to the same number of raters m ≥ 2.
 *   p_j = Σ_i n_ij / (N·m),  P_i = (Σ_j n_ij² − m)/(m(m − 1)),
 *   P̄ = mean P_i,  P̄_e = Σ p_j²,  κ = (P̄ − P̄_e)/(1 − P̄_e).
 * κ is NaN when P̄_e = 1 (everyone always uses one category). Unequal rater
 * counts per subject throw (statsmodels asserts the same).
 * Matches statsmodels `fleiss_kappa(table, method='fleiss')`.
 *
 * Reference: Fleiss J.L. (1971) Psychol Bull 76:378-382.
 *
 * @example
 * fleissKappa([[3, 0], [0, 3], [3, 0], [0, 3]]); // 1
 */
import { isArray } from './numeric.js';

export function fleissKappa(table: readonly (readonly number[])[]): number {
  if (!isArray(table) || table.length === 0)
    throw new Error('fleissKappa: table must be a non-empty subjects x categories array of counts');
  const k = table[0]!.length;
  if (k < 1) throw new Error('fleissKappa: table must have at least one category column');
  let m = -1;
  table.forEach((row, i) => {
    if (!isArray(row) || row.length !== k) throw new Error(`fleissKappa: every row must have k=${k} category counts (row ${i} differs)`);
    let s = 0;
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
        throw new Error(`fleissKappa: counts must be non-negative integers (got table[${i}][${j}]=${String(v)})`);
      s += v;
    });
    if (m === -1) m = s;
    else if (s !== m) throw new Error(`fleissKappa: every subject must have the same number of raters (row 0 has ${m}, row ${i} has ${s})`);
  });
  if (m < 2) throw new Error(`fleissKappa: need at least 2 raters per subject (got ${m})`);
  const nSub = table.length;
  const nTotal = nSub * m;
  const pCat = Array.from({ length: k }, (_, j) => table.reduce((s, row) => s + row[j]!, 0) / nTotal);
  let pMean = 0;
  for (const row of table) {
    let sq = 0;
    for (const v of row) sq += v * v;
    pMean += (sq - m) / (m * (m - 1));
  }
  pMean /= nSub;
  let pExp = 0;
  for (const p of pCat) pExp += p * p;
  return (pMean - pExp) / (1 - pExp);
}
