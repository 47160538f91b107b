import type { Axis } from '../demographics/types.js';
import { adjustPValues, type AdjustMethod } from '../stats/adjust.js';
import { stuartMaxwell } from '../stats/stuart-maxwell.js';
import type { Question } from '../template/types.js';
import type { ContrastPairs, ScorePair } from './pairs.js';

/** Where an ordinal answer lies against the correct one: the categories of the cross-tabulation, in order. */
export const CARE_CATEGORIES = ['less care', 'correct level', 'more care'] as const;

/**
 * Stuart-Maxwell test of marginal homogeneity for ordinal answers: does the distribution of answers below, at and
 * above the correct level differ between the reference and the level? Per model and axis level, the 3 × 3 table
 * crosses each vignette's reference answer category (rows) with its level answer category (columns).
 *
 * Clusters: the test needs independent pairs, so each vignette contributes one pair — its first usable pair by
 * replicate (then variant) order; replicates and factorial cells of a vignette are not counted again. The shift
 * analysis (`shifts`) uses every pair, averaged per vignette.
 */
export interface MarginalHomogeneity {
  model: string;
  axis: string;
  level: string;
  reference: string;
  test: 'stuart-maxwell';
  categories: readonly string[];
  /** table[i][j]: vignettes whose reference answer is in category i and level answer in category j. */
  table: number[][];
  nVignettes: number;
  /** How clusters are handled: one pair per vignette. */
  clusters: 'first-pair-per-vignette';
  statistic: number;
  df: number;
  p: number;
  /** Adjusted across the Stuart-Maxwell tests of one model (the run's adjustment); NaN when the test is undefined. */
  pAdjusted: number;
  adjustment: AdjustMethod;
  significant: boolean;
}

export function analyzeMarginalHomogeneity(contrasts: readonly ContrastPairs[], axes: readonly Axis[], questions: ReadonlyMap<string, Question>, options: { alpha: number; adjustment: AdjustMethod }): MarginalHomogeneity[] {
  const out: MarginalHomogeneity[] = [];
  for (const group of contrasts) {
    const axis = axes.find((a) => a.id === group.axis);
    if (!axis) continue;
    const first = new Map<string, ScorePair>();
    for (const pair of group.pairs) {
      if (questions.get(pair.vignetteId)?.type !== 'ordinal' || pair.reference.signedDeviation === null || pair.level.signedDeviation === null) continue;
      const held = first.get(pair.vignetteId);
      if (!held || pair.replicate < held.replicate || (pair.replicate === held.replicate && pair.level.key < held.level.key)) first.set(pair.vignetteId, pair);
    }
    if (first.size === 0) continue;
    const table = CARE_CATEGORIES.map(() => CARE_CATEGORIES.map(() => 0));
    for (const pair of first.values()) table[category(pair.reference.signedDeviation!)]![category(pair.level.signedDeviation!)]!++;
    const test = stuartMaxwell(table);
    out.push({ model: group.modelId, axis: group.axis, level: group.level, reference: axis.reference, test: 'stuart-maxwell', categories: CARE_CATEGORIES, table, nVignettes: first.size, clusters: 'first-pair-per-vignette', statistic: test.statistic, df: test.df, p: test.pValue, pAdjusted: NaN, adjustment: options.adjustment, significant: false });
  }
  for (const model of new Set(out.map((m) => m.model))) {
    const family = out.filter((m) => m.model === model);
    const adjusted = adjustPValues(family.map((m) => m.p), options.adjustment);
    family.forEach((m, i) => {
      m.pAdjusted = adjusted[i]!;
      m.significant = adjusted[i]! < options.alpha;
    });
  }
  return out;
}

function category(signedDeviation: number): number {
  return signedDeviation < 0 ? 0 : signedDeviation === 0 ? 1 : 2;
}
