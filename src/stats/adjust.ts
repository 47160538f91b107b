/**
 * Multiple-comparison adjustment of p-values.
 *
 * With m finite p-values sorted ascending p(1) ≤ … ≤ p(m):
 * - `bonferroni`: p̃(i) = min(1, m·p(i)).
 * - `holm` (step-down, Holm 1979): p̃(i) = min(1, max_{j ≤ i} (m − j + 1)·p(j)).
 * - `bh` (Benjamini & Hochberg 1995, FDR, independent/PRDS tests):
 *   p̃(i) = min(1, min_{j ≥ i} p(j) / (j/m)).
 * - `by` (Benjamini & Yekutieli 2001, FDR under arbitrary dependence):
 *   as `bh` with j/m replaced by j/(m·c(m)), c(m) = Σ_{i=1..m} 1/i.
 * - `none`: p̃(i) = p(i), for a contrast family declared unadjusted (its findings say so).
 *
 * Results are returned in input order and capped at 1; the arithmetic follows
 * statsmodels `multipletests` (method names bonferroni, holm, fdr_bh, fdr_by)
 * operation by operation and agrees with R `p.adjust`.
 *
 * NaN convention (decided here, as R's `p.adjust` does for NA): NaN p-values
 * stay NaN in the output and are excluded from m. (statsmodels has no defined
 * behaviour for NaN.) p-values outside [0, 1] or ±Infinity throw.
 *
 * References: Holm S. (1979) Scand J Stat 6:65-70; Benjamini Y., Hochberg Y.
 * (1995) JRSS-B 57:289-300; Benjamini Y., Yekutieli D. (2001) Ann Stat 29:1165-1188.
 *
 * For statsmodels-style rejection decisions at a level α see `multipleTests`.
 *
 * @example
 * adjustPValues([0.01, 0.02, 0.03, 0.04, 0.05], 'holm'); // [0.05, 0.08, 0.09, 0.09, 0.09]
 * adjustPValues([0.01, 0.04, 0.03], 'bh');              // [0.03, 0.04, 0.04]
 */
import { isArray } from './numeric.js';

export type AdjustMethod = 'holm' | 'bonferroni' | 'bh' | 'by' | 'none';

export const ADJUST_METHODS: readonly AdjustMethod[] = ['holm', 'bonferroni', 'bh', 'by', 'none'];

/** Throws unless `pValues` are in [0, 1] or NaN and `method` is known. */
export function checkAdjustInput(fn: string, pValues: readonly number[], method: AdjustMethod): void {
  if (!isArray(pValues)) throw new Error(`${fn}: pValues must be an array of numbers`);
  if (!ADJUST_METHODS.includes(method))
    throw new Error(`${fn}: method must be one of ${ADJUST_METHODS.join(', ')} (got ${String(method)})`);
  pValues.forEach((p, i) => {
    if (typeof p !== 'number' || (!Number.isNaN(p) && !(p >= 0 && p <= 1))) {
      throw new Error(`${fn}: p-values must be in [0, 1] or NaN (got pValues[${i}]=${String(p)})`);
    }
  });
}

/** Indices of the non-NaN p-values, stably sorted by p ascending. */
export function sortedFiniteIndices(pValues: readonly number[]): number[] {
  const idx: number[] = [];
  pValues.forEach((p, i) => {
    if (!Number.isNaN(p)) idx.push(i);
  });
  return idx.sort((i, j) => pValues[i]! - pValues[j]! || i - j);
}

/** Adjusted p-values in input order, capped at 1; NaN inputs stay NaN and do not count in m. */
export function adjustPValues(pValues: readonly number[], method: AdjustMethod): number[] {
  checkAdjustInput('adjustPValues', pValues, method);
  const idx = sortedFiniteIndices(pValues);
  const m = idx.length;
  const sorted = idx.map((i) => pValues[i]!);
  const adj = new Array<number>(m);
  if (method === 'none') {
    for (let i = 0; i < m; i++) adj[i] = sorted[i]!;
  } else if (method === 'bonferroni') {
    for (let i = 0; i < m; i++) adj[i] = sorted[i]! * m;
  } else if (method === 'holm') {
    let running = -Infinity;
    for (let i = 0; i < m; i++) {
      running = Math.max(running, sorted[i]! * (m - i));
      adj[i] = running;
    }
  } else {
    let cm = 1;
    if (method === 'by') {
      cm = 0;
      for (let i = 1; i <= m; i++) cm += 1 / i;
    }
    let running = Infinity;
    for (let i = m - 1; i >= 0; i--) {
      // statsmodels: p / ecdffactor with ecdffactor = ((i+1)/m)/c(m)
      running = Math.min(running, sorted[i]! / ((i + 1) / m / cm));
      adj[i] = running;
    }
  }
  const out = pValues.map(() => NaN);
  idx.forEach((orig, r) => {
    out[orig] = Math.min(1, adj[r]!);
  });
  return out;
}
