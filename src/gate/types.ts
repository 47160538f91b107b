import type { SimultaneousKind } from '../analysis/simultaneous.js';
import type { AdjustMethod } from '../stats/adjust.js';
import type { CueMode } from '../template/render.js';
import type { StudySubset } from '../study/subset.js';

/**
 * `superiority` (default): a contrast fails when it is significant and beyond a threshold. `equivalence` (TOST):
 * a contrast passes only when its 1 − 2·alpha interval lies inside the margins.
 */
export type GateMode = 'superiority' | 'equivalence';
export const GATE_MODES: readonly GateMode[] = ['superiority', 'equivalence'];
/** Largest share of a contrast's pairs that may be lost (no answer on one side) before the gate refuses the run. */
export const DEFAULT_MAX_LOST_PAIRS = 0.2;

/** How one contrast came out: within the thresholds, beyond them, or (equivalence mode) not shown either way. */
export type GateVerdict = 'pass' | 'exceeds' | 'inconclusive';

/** The effective thresholds of one gate: flags over the study's `gate:` section, field by field. */
export interface GateThresholds {
  /** Largest acceptable |error-rate difference|, in percentage points; null: not gated on the difference. */
  maxDifferencePoints: number | null;
  /** Largest acceptable error-rate ratio, either way (max(r, 1/r)); null: not gated on the ratio. */
  maxRatio: number | null;
  alpha: number;
  /** Axes gated; null: every axis of the run. */
  axes: string[] | null;
  /** Domains gated one by one; null: the whole run at once. */
  domains: string[] | null;
  /**
   * Compare the bound nearer "no difference" of each contrast's family interval (see `GateContrast.family`) with the
   * thresholds instead of the point estimate: the disparity exceeds a threshold with the family's confidence.
   */
  useCiBound: boolean;
  mode: GateMode;
  /** The gate refuses a run where a judged contrast lost more than this share of its pairs. */
  maxLostPairs: number;
  /** Equivalence mode: the level of the intervals held inside the margins, 1 − 2·alpha (TOST); null otherwise. */
  equivalenceConfLevel: number | null;
}

/** One contrast as the gate judged it. Differences in points; a ratio or CI bound of Infinity is null in JSON. */
export interface GateContrast {
  model: string;
  axis: string;
  level: string;
  reference: string;
  /** The declared contrast family of the finding (`contrasts:`); absent when none is declared. */
  contrast?: string;
  /** The cue mode of the contrast, in a run that crosses cue modes (each mode is gated); absent otherwise. */
  cues?: CueMode;
  /** `more-care`: a care-intensity recommendation contrast (rates are of recommending more care); absent: error amplification. */
  measure?: 'more-care';
  /** The clinical domain of a per-domain contrast; null for the whole run. */
  domain: string | null;
  nVignettes: number;
  nPairs: number;
  /** Pairs lost because one side had no answer, and their share of all the contrast's pairs. */
  nExcludedPairs: number;
  lostPairsShare: number;
  rateReference: number;
  rateLevel: number;
  differencePoints: number;
  differenceCiPoints: [number, number] | null;
  ratio: number;
  ratioCi: [number, number] | null;
  p: number;
  pAdjusted: number;
  adjustment: AdjustMethod;
  significant: boolean;
  /**
   * The contrast's intervals at the level of its multiple-comparison family (the family whose adjustment gave
   * `pAdjusted`), so the interval and the adjusted test beside it answer the same question; null when none could be
   * computed (a care contrast gated at another alpha than the analysis's, an older results.json), in which case `differenceCiPoints` / `ratioCi` (95%, unadjusted) stand in.
   */
  family: FamilyIntervals | null;
  /** What was held against each threshold: |difference| (points) and max(ratio, 1/ratio), or their CI bounds nearer no difference. */
  testedDifferencePoints: number;
  testedRatio: number;
  exceeds: { difference: boolean; ratio: boolean };
  /** Superiority: significant and beyond at least one threshold. Equivalence: not shown within every margin. */
  failed: boolean;
  /** `exceeds` also in equivalence mode when a whole interval lies beyond a margin; `inconclusive` when it straddles one. */
  verdict: GateVerdict;
  /** Why the contrast failed, in words; null when it passed. */
  reason: string | null;
  /**
   * A warning to read beside the verdict, null when none: most of a significant disparity's extra errors are answers
   * that could not be read, which may be the extractor failing on one level's replies rather than the model.
   */
  caution: string | null;
  /** Equivalence mode: the 1 − 2·alpha intervals held against the margins (difference in points); null otherwise. */
  equivalenceDifferenceCiPoints: [number, number] | null;
  equivalenceRatioCi: [number, number] | null;
}

/** A contrast's intervals at its family's level: Bonferroni 1 − α/m (Holm, Bonferroni), FCR-adjusted (BH, BY) or 1 − α (none). */
export interface FamilyIntervals {
  differenceCiPoints: [number, number] | null;
  ratioCi: [number, number] | null;
  level: number;
  kind: SimultaneousKind;
  /** Contrasts in the family. */
  size: number;
}

/** `counterfair gate --json`: a stable shape for pipelines (fields are added, never renamed). */
export interface GateResult {
  schema: 'counterfair.gate/1';
  passed: boolean;
  /** The run cannot support a verdict (nothing to judge, or pairs lost): exit 2, whatever the contrasts say. */
  refused: boolean;
  /** Why the gate refused, one sentence each; empty when it did not. */
  refusals: string[];
  runDir: string;
  thresholds: GateThresholds & {
    /** The multiple-comparison adjustment behind `pAdjusted` (the run's). */
    adjustment: AdjustMethod;
    /** The study file whose `gate:` section was read, or null (imported run, flags only). */
    studyFile: string | null;
  };
  /** Why the study's `gate:` section was not read, when it was not. */
  notes: string[];
  /** The subset the run asked (smoke test: `run --limit`, `--sample`, ...); null for a run of the whole study. */
  subset: StudySubset | null;
  checked: number;
  failed: number;
  /** Of the failed contrasts, those whose interval straddles a margin (equivalence mode): more vignettes needed. */
  inconclusive: number;
  contrasts: GateContrast[];
}
