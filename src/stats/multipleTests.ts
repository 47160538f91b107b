/**
 * Multiple-testing adjustment plus rejection decisions, as statsmodels
 * `multipletests(pvals, alpha, method)` (bonferroni, holm, fdr_bh → 'bh',
 * fdr_by → 'by').
 *
 * Adjusted p-values come from `adjustPValues` (input order, capped at 1, NaN
 * kept and excluded from m). Decisions use statsmodels' criteria on the sorted
 * raw p-values p(1) ≤ … ≤ p(m):
 * - bonferroni: reject p(i) ≤ α/m;
 * - holm: reject p(1..j−1) where j is the first i with p(i) > α/(m − i + 1);
 * - bh / by: reject p(1..j) where j is the largest i with p(i) ≤ α·i/(m·c), c = 1 or Σ1/i.
 * These coincide with "adjusted ≤ α" up to floating-point ties. NaN → false.
 *
 * References: Holm S. (1979) Scand J Stat 6:65-70; Benjamini Y., Hochberg Y. (1995)
 * JRSS-B 57:289-300; Benjamini Y., Yekutieli D. (2001) Ann Stat 29:1165-1188.
 *
 * @example
 * multipleTests([0.01, 0.02, 0.03, 0.04, 0.05], 'bh');
 * // { adjusted: [0.05, 0.05, 0.05, 0.05, 0.05], reject: [true, true, true, true, true], ... }
 */
import { adjustPValues, checkAdjustInput, sortedFiniteIndices, type AdjustMethod } from './adjust.js';

export interface MultipleTestsResult {
  method: AdjustMethod;
  alpha: number;
  /** Adjusted p-values, input order, capped at 1 (NaN stays NaN). */
  adjusted: number[];
  /** Rejection decisions at family-wise / FDR level alpha (false for NaN inputs). */
  reject: boolean[];
}

export function multipleTests(pValues: readonly number[], method: AdjustMethod, alpha = 0.05): MultipleTestsResult {
  checkAdjustInput('multipleTests', pValues, method);
  if (!(alpha > 0 && alpha < 1)) throw new Error(`multipleTests: alpha must be in (0, 1) (got alpha=${alpha})`);
  const idx = sortedFiniteIndices(pValues);
  const m = idx.length;
  const sorted = idx.map((i) => pValues[i]!);
  let nReject = 0; // the first nReject sorted p-values are rejected
  if (method === 'bonferroni') {
    const alphaBonf = alpha / m;
    nReject = sorted.filter((p) => p <= alphaBonf).length;
  } else if (method === 'holm') {
    nReject = m;
    for (let i = 0; i < m; i++) {
      if (sorted[i]! > alpha / (m - i)) {
        nReject = i;
        break;
      }
    }
  } else {
    let cm = 1;
    if (method === 'by') {
      cm = 0;
      for (let i = 1; i <= m; i++) cm += 1 / i;
    }
    for (let i = 0; i < m; i++) if (sorted[i]! <= ((i + 1) / m / cm) * alpha) nReject = i + 1;
  }
  const reject = pValues.map(() => false);
  idx.forEach((orig, r) => {
    reject[orig] = r < nReject;
  });
  return { method, alpha, adjusted: adjustPValues(pValues, method), reject };
}
