import type { DetectableEffect } from '../power/detectable.js';
import type { AdjustMethod } from '../stats/adjust.js';
import type { BinaryContrastStats } from './binary.js';
import type { DiscordantOutcomes } from './discordantOutcomes.js';
import type { Endpoint } from './endpoints.js';
import type { SimultaneousKind } from './simultaneous.js';
import type { CueMode } from '../template/render.js';

/**
 * The cue mode a result was computed in, in a run that crosses cue modes (`cues: [explicit, implicit]`): each mode
 * is analysed on its own (its pairs, its multiple-comparison families). Absent in a run with one mode.
 */
export interface CueTag {
  cues?: CueMode;
}

/**
 * One tested contrast: a demographic level against its axis's reference (or, in a declared contrast family, against
 * the level `reference` names), for one model; the statistics are
 * `BinaryContrastStats`; error findings also state what they could have detected (`DetectableEffect`).
 * Public contract (findings.json): fields are added over time, never renamed.
 */
export interface Finding extends BinaryContrastStats, SimultaneousIntervals, Partial<DetectableEffect>, CueTag {
  /** What is counted: `error` (wrong, refused or unparseable: error amplification), or a secondary endpoint. */
  endpoint: Endpoint;
  model: string;
  axis: string;
  level: string;
  /** The level compared against: the axis's reference, or the level a declared contrast compares with. */
  reference: string;
  /**
   * The declared contrast family (`contrasts:` in the study, import mapping or analysis file) the finding belongs to:
   * its multiple-comparison family and adjustment. Absent when none is declared (one family per model and endpoint).
   */
  contrast?: string;
  pAdjusted: number;
  adjustment: AdjustMethod;
  significant: boolean;
  /** Pairs dropped because one side of the pair had no answer (request error or unscored). */
  nExcludedPairs: number;
  /** Error findings: the discordant pairs by how the erring side erred (wrong, refused, unreadable). */
  discordantOutcomes?: DiscordantOutcomes;
  sentence: string;
}

/**
 * Intervals at the level of the finding's multiple-comparison family (see `simultaneousLevel`), by the same methods
 * as `differenceCi` and `ratioCi`: these, not the unadjusted 95% intervals, are the ones to read beside `pAdjusted`.
 */
export interface SimultaneousIntervals {
  differenceCiSimultaneous: [number, number] | null;
  ratioCiSimultaneous: [number, number] | null;
  /** Confidence level of each simultaneous interval: 1 − α/m (Holm, Bonferroni) or the FCR-adjusted level (BH, BY). */
  simultaneousLevel: number;
  /** `bonferroni`: the family's intervals cover simultaneously with probability ≥ 1 − α; `fcr`: false coverage rate ≤ α. */
  simultaneousKind: SimultaneousKind;
  /** Contrasts in the family (one model and endpoint) with a p-value. */
  familySize: number;
}
