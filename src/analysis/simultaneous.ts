import type { AdjustMethod } from '../stats/adjust.js';

/** How a family's intervals are made consistent with its multiple-comparison adjustment. */
export type SimultaneousKind = 'bonferroni' | 'fcr' | 'unadjusted';

export interface SimultaneousLevel {
  /** Confidence level of each interval of the family (e.g. 0.995 for alpha 0.05 over 10 contrasts). */
  level: number;
  /** Contrasts in the family with a p-value (NaN p-values are not counted, as in the adjustment). */
  familySize: number;
  kind: SimultaneousKind;
}

/**
 * The per-interval confidence level that matches a family's adjustment, so an interval and the adjusted test beside
 * it answer the same question.
 *
 * - `holm`, `bonferroni` (family-wise error): Bonferroni level 1 − α/m. The m intervals then cover their true
 *   values simultaneously with probability ≥ 1 − α. Holm's step-down test can reject a hypothesis whose
 *   Bonferroni-level interval still contains 0 (its later steps test at α/(m − j + 1)); such findings are worded
 *   as borderline, never as a contradiction.
 * - `bh` (false discovery rate): the FCR-adjusted level 1 − R·α/m of Benjamini & Yekutieli (2005), R the number of
 *   contrasts the adjustment selects (adjusted p < α); `by`: 1 − R·α/(m·c(m)), c(m) = Σ 1/i, the same construction
 *   at BY's selection thresholds. The selected intervals then have false coverage rate ≤ α. With R = 0 the level is
 *   that of R = 1 (1 − α/m): nothing is selected, and the unselected intervals are shown at the strictest level.
 * With these levels an interval built by the test's own inversion excludes 0 exactly when the adjusted test rejects;
 * counterfair's intervals (Newcombe, cluster bootstrap) are not inversions of its tests, so near the boundary the two
 * can still disagree, which the sentences say.
 *
 * - `none` (a contrast family declared without correction): the unadjusted level 1 − α, kind `unadjusted`.
 *
 * Reference: Benjamini Y., Yekutieli D. (2005) False discovery rate-adjusted multiple confidence intervals for
 * selected parameters. JASA 100:71-81.
 */
export function simultaneousLevel(
  pValues: readonly number[],
  pAdjusted: readonly number[],
  adjustment: AdjustMethod,
  alpha: number,
): SimultaneousLevel {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`simultaneousLevel: alpha must be in (0, 1) (got ${alpha})`);
  if (pValues.length !== pAdjusted.length) throw new Error('simultaneousLevel: pValues and pAdjusted must have the same length');
  const m = pValues.filter((p) => !Number.isNaN(p)).length;
  if (m === 0) return { level: NaN, familySize: 0, kind: adjustment === 'bh' || adjustment === 'by' ? 'fcr' : 'bonferroni' };
  switch (adjustment) {
    case 'none':
      return { level: 1 - alpha, familySize: m, kind: 'unadjusted' };
    case 'holm':
    case 'bonferroni':
      return { level: 1 - alpha / m, familySize: m, kind: 'bonferroni' };
    case 'bh':
    case 'by': {
      const selected = Math.max(1, pAdjusted.filter((p) => p < alpha).length);
      let harmonic = 1;
      if (adjustment === 'by') {
        harmonic = 0;
        for (let i = 1; i <= m; i++) harmonic += 1 / i;
      }
      return { level: 1 - (selected * alpha) / (m * harmonic), familySize: m, kind: 'fcr' };
    }
  }
}

/** Whether an interval rules out no difference (0 for a difference): strictly, an end at 0 does not. */
export function excludesNull(ci: readonly [number, number] | null | undefined, nullValue = 0): boolean | null {
  if (!ci || (!Number.isFinite(ci[0]) && !Number.isFinite(ci[1]))) return null;
  return ci[0] > nullValue || ci[1] < nullValue;
}
