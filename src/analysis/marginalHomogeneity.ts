import type { Axis } from '../demographics/types.js';
import { adjustPValues, type AdjustMethod } from '../stats/adjust.js';
import { stuartMaxwell } from '../stats/stuartMaxwell.js';
import type { Question } from '../template/types.js';
import { eachPair, type ContrastPairs, type ScorePair } from '../pairing/pairs.js';

/** Where an ordinal answer lies against the correct one: the categories of the cross-tabulation, in order. */
export const CARE_CATEGORIES = ['less care', 'correct level', 'more care'] as const;
/** What became of any answer (every question type): the categories of the outcome cross-tabulation. */
export const OUTCOME_CATEGORIES = ['correct', 'incorrect', 'refusal', 'unparseable'] as const;

/**
 * `ordinal-care`: ordinal answers below, at or above the correct level. `outcome`: every scored answer (choice
 * letters are not comparable across vignettes, so categorical answers are compared by what became of them).
 */
export type MarginalScale = 'ordinal-care' | 'outcome';

/**
 * Stuart-Maxwell test of marginal homogeneity: does the distribution of answer categories differ between the
 * reference and the level? Per model, axis level and scale, the k × k table crosses each vignette's reference answer
 * category (rows) with its level answer category (columns): for ordinal answers less care / correct level / more
 * care; for every answer correct / incorrect / refusal / unparseable (so a shift from wrong answers to refusals shows
 * even when the error rate does not move). Categories with no off-diagonal count carry no information about
 * marginal change and make the covariance singular, so they are left out of the test (`categoriesTested`; df =
 * their number − 1); with none left no answer changed category, and the statistic is 0 with p = 1.
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
  scale: MarginalScale;
  categories: readonly string[];
  /** The categories the test used: those with at least one pair that moved into or out of them. */
  categoriesTested: string[];
  /** table[i][j]: vignettes whose reference answer is in category i and level answer in category j. */
  table: number[][];
  nVignettes: number;
  /** How clusters are handled: one pair per vignette. */
  clusters: 'first-pair-per-vignette';
  statistic: number;
  df: number;
  p: number;
  /** Adjusted across the Stuart-Maxwell tests of one model, both scales (the run's adjustment); NaN when the test is undefined. */
  pAdjusted: number;
  adjustment: AdjustMethod;
  significant: boolean;
}

export function analyzeMarginalHomogeneity(
  contrasts: readonly ContrastPairs[],
  axes: readonly Axis[],
  questions: ReadonlyMap<string, Question>,
  options: { alpha: number; adjustment: AdjustMethod },
): MarginalHomogeneity[] {
  const out: MarginalHomogeneity[] = [];
  for (const group of contrasts) {
    const axis = axes.find((a) => a.id === group.axis);
    if (!axis) continue;
    for (const scale of ['ordinal-care', 'outcome'] as const) {
      const categoryOf = scale === 'ordinal-care' ? careCategory : outcomeCategory;
      const usable = (pair: ScorePair) =>
        (scale === 'outcome' || questions.get(pair.vignetteId)?.type === 'ordinal') &&
        categoryOf(pair.reference) !== undefined &&
        categoryOf(pair.level) !== undefined;
      const first = firstPairPerVignette(eachPair(group), usable);
      if (first.length === 0) continue;
      const categories = scale === 'ordinal-care' ? CARE_CATEGORIES : OUTCOME_CATEGORIES;
      const table = categories.map(() => categories.map(() => 0));
      for (const pair of first) table[categoryOf(pair.reference)!]![categoryOf(pair.level)!]!++;
      const tested = categories.map((_, i) => i).filter((i) => categories.some((_, j) => j !== i && table[i]![j]! + table[j]![i]! > 0));
      const test =
        tested.length < 2 ? { statistic: 0, df: 0, pValue: 1 } : stuartMaxwell(tested.map((i) => tested.map((j) => table[i]![j]!)));
      out.push({
        model: group.modelId,
        axis: group.axis,
        level: group.level,
        reference: axis.reference,
        test: 'stuart-maxwell',
        scale,
        categories,
        categoriesTested: tested.map((i) => categories[i]!),
        table,
        nVignettes: first.length,
        clusters: 'first-pair-per-vignette',
        statistic: test.statistic,
        df: test.df,
        p: test.pValue,
        pAdjusted: NaN,
        adjustment: options.adjustment,
        significant: false,
      });
    }
  }
  for (const model of new Set(out.map((m) => m.model))) {
    const family = out.filter((m) => m.model === model);
    const adjusted = adjustPValues(
      family.map((m) => m.p),
      options.adjustment,
    );
    family.forEach((m, i) => {
      m.pAdjusted = adjusted[i]!;
      m.significant = adjusted[i]! < options.alpha;
    });
  }
  return out;
}

/** Each vignette's first usable pair by replicate, then level variant key: one independent pair per vignette. */
function firstPairPerVignette(pairs: Iterable<ScorePair>, usable: (pair: ScorePair) => boolean): ScorePair[] {
  const first = new Map<string, ScorePair>();
  for (const pair of pairs) {
    if (!usable(pair)) continue;
    const held = first.get(pair.vignetteId);
    if (!held || pair.replicate < held.replicate || (pair.replicate === held.replicate && pair.level.key < held.level.key))
      first.set(pair.vignetteId, pair);
  }
  return [...first.values()];
}

function careCategory(score: ScorePair['reference']): number | undefined {
  const d = score.signedDeviation;
  if (d === null) return undefined;
  return d < 0 ? 0 : d === 0 ? 1 : 2;
}

function outcomeCategory(score: ScorePair['reference']): number | undefined {
  const i = (OUTCOME_CATEGORIES as readonly string[]).indexOf(score.outcome);
  return i < 0 ? undefined : i;
}
