import type { DetectableEffect } from '../power/detectable.js';
import type { AdjustMethod } from '../stats/adjust.js';
import type { BinaryContrastStats } from './binary.js';
import type { Endpoint } from './endpoints.js';

/**
 * One tested contrast: a demographic level against its axis's reference, for one model; the statistics are
 * `BinaryContrastStats`; error findings also state what they could have detected (`DetectableEffect`).
 * Public contract (findings.json): fields are added over time, never renamed.
 */
export interface Finding extends BinaryContrastStats, Partial<DetectableEffect> {
  /** What is counted: `error` (wrong, refused or unparseable: error amplification), or a secondary endpoint. */
  endpoint: Endpoint;
  model: string;
  axis: string;
  level: string;
  reference: string;
  pAdjusted: number;
  adjustment: AdjustMethod;
  significant: boolean;
  /** Pairs dropped because one side of the pair had no answer (request error or unscored). */
  nExcludedPairs: number;
  sentence: string;
}
