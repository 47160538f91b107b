import type { SimultaneousKind } from '../analysis/simultaneous.js';
import type { AdjustMethod } from '../stats/adjust.js';
import type { CueMode } from '../template/render.js';
import type { MitigationEvidence } from './mitigation.js';

/** One side of a comparison: one model in one run directory. */
export interface ComparisonSide {
  /** "A" or "B": which side of the difference (B − A) this is. */
  side: 'A' | 'B';
  /** How readers see it: `<run folder> · <model>`. */
  label: string;
  runDir: string;
  model: string;
  study: { name: string; sha256: string };
}

/**
 * How the error amplification of one axis level changed between A and B, over the vignettes usable in both.
 * Proportions like findings.json (×100 for points). Public contract (compare.json): fields are added, never renamed.
 */
export interface DisparityChange {
  axis: string;
  level: string;
  reference: string;
  /** Vignettes with at least one usable reference/level pair in A and in B: the comparison's clusters. */
  nVignettes: number;
  nPairsA: number;
  nPairsB: number;
  rateReferenceA: number;
  rateLevelA: number;
  rateReferenceB: number;
  rateLevelB: number;
  /** Error amplification (rateLevel − rateReference) in A and in B over those vignettes. */
  disparityA: number;
  disparityB: number;
  /** disparityB − disparityA. */
  change: number;
  /** 95% cluster bootstrap percentile interval of `change`, vignettes resampled jointly for A and B. */
  changeCi: [number, number] | null;
  /**
   * 95% intervals of `disparityA` and `disparityB` on their own (the same bootstrap resamples as `changeCi`; the
   * cluster-robust t interval of each run's effect for `vignette-fixed-effects`): how precisely each run's disparity
   * is measured. Overlapping intervals do not mean no change: read `changeCi` for that.
   */
  disparityCiA: [number, number] | null;
  disparityCiB: [number, number] | null;
  /**
   * The same bootstrap interval at the family's level (Bonferroni 1 − α/m for Holm and Bonferroni, the FCR-adjusted
   * level for BH and BY; m = the contrasts of the model pair): the interval to read beside `pAdjusted`.
   */
  changeCiSimultaneous: [number, number] | null;
  simultaneousLevel: number;
  simultaneousKind: SimultaneousKind;
  familySize: number;
  /**
   * `paired-permutation` (exact partners: one-at-a-time and factorial designs) or `vignette-fixed-effects` (sampled and
   * list designs: both runs in one within-vignette model, the change is the run-B term of the level, t(vignettes − 1)).
   */
  test: 'paired-permutation' | 'vignette-fixed-effects';
  p: number;
  pAdjusted: number;
  adjustment: AdjustMethod;
  significant: boolean;
  /** The side whose absolute disparity is smaller when the change is significant; null otherwise. */
  lessDisparate: 'A' | 'B' | null;
  sentence: string;
}

/**
 * Overall accuracy of each side over the matched items (variant and replicate scoreable in both) and the paired
 * difference B − A, with 95% cluster bootstrap intervals over vignettes. Proportions (×100 for percent).
 */
export interface AccuracyChange {
  nItems: number;
  nVignettes: number;
  accuracyA: number;
  accuracyCiA: [number, number] | null;
  accuracyB: number;
  accuracyCiB: [number, number] | null;
  /** accuracyB − accuracyA over the same items. */
  difference: number;
  differenceCi: [number, number] | null;
}

/** One model pair: A's model against B's model, every axis level both can contrast. */
export interface ModelComparison {
  a: ComparisonSide;
  b: ComparisonSide;
  changes: DisparityChange[];
  /** Which side is less disparate, where and by how much, in plain words. */
  summary: string;
  /** Contrasts that could not be compared (a level only one side has, no vignette usable in both). */
  skipped: string[];
  /** Runs that cross cue modes: the mode both sides were compared in (one comparison per mode); absent otherwise. */
  cues?: CueMode;
  /** Overall accuracy in A and in B and the paired change (compare.json only; null when no item matches). */
  accuracy?: AccuracyChange | null;
}

export interface ComparisonOptions {
  alpha: number;
  adjustment: AdjustMethod;
  bootstrapResamples: number;
  permutations: number;
  seed: number;
}

/** compare.json. */
export interface ComparisonResults {
  schema: 'counterfair.compare/1';
  options: ComparisonOptions;
  /** What differs between the runs (study file, model settings, variants only one side has) and why it is fine. */
  notes: string[];
  comparisons: ModelComparison[];
  /** Two run directories compared: the disparity before (A) and after (B) a change, and B's equivalence within a margin. */
  mitigation?: MitigationEvidence;
}
