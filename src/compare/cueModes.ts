import type { Axis } from '../demographics/types.js';
import { scoresWhere, type ScoreList } from '../score/rows.js';
import { pairContrasts } from '../pairing/pairs.js';
import { CUE_MODES, type CueMode } from '../template/render.js';
import { deriveSeed } from '../util/hash.js';
import { compareModels, PERMUTATIONS } from './compareRuns.js';
import type { ComparisonOptions, ComparisonSide, DisparityChange } from './types.js';

/**
 * One model, one pair of cue modes: every axis level both modes contrast, with its disparity (error-rate difference
 * against the reference) in mode A and in mode B and the change B − A, paired by vignette. A is the mode listed first
 * in explicit, implicit, both, so the change reads "implicit minus explicit". Public contract (results.json
 * `cueModes`): fields are added, never renamed.
 */
export interface CueModeComparison {
  model: string;
  a: CueMode;
  b: CueMode;
  /** Each level's change, as `counterfair compare` states a change between two runs (A and B are the modes). */
  changes: DisparityChange[];
  /** Which mode is less disparate, where and by how much, in plain words. */
  summary: string;
  /** Levels that could not be compared (pairs in one mode only, no vignette usable in both). */
  skipped: string[];
}

/** results.json `cueModes`: the options of every comparison, and one comparison per model and pair of modes. */
export interface CueModeResults {
  options: ComparisonOptions;
  comparisons: CueModeComparison[];
}

export interface CueModeInput {
  runDir: string;
  study: { name: string; sha256: string };
  scores: ScoreList;
  axes: readonly Axis[];
  modelIds: readonly string[];
  modes: readonly CueMode[];
  analysis: Pick<ComparisonOptions, 'alpha' | 'adjustment' | 'bootstrapResamples'>;
  seed: number;
}

/**
 * How each level's disparity differs between two cue modes of one run, per model. The two modes' variants render
 * the same vignettes (the same filler, the same levels), so each mode's score set is one side of `counterfair
 * compare`'s run-against-run comparison and the statistics are its own: the change of the pooled paired error-rate
 * difference over the vignettes usable in both modes, a cluster bootstrap interval resampling vignettes jointly for
 * both modes, a paired permutation test swapping the modes' labels per vignette (or, in designs without exact
 * partners, both modes in one within-vignette model). One adjustment family per model and pair of modes.
 */
export function compareCueModes(input: CueModeInput): CueModeResults {
  const options: ComparisonOptions = { ...input.analysis, permutations: PERMUTATIONS, seed: input.seed };
  const ordered = CUE_MODES.filter((m) => input.modes.includes(m));
  const comparisons: CueModeComparison[] = [];
  for (const model of input.modelIds) {
    const contrasts = pairContrasts(
      scoresWhere(input.scores, (s) => s.modelId === model),
      input.axes,
    );
    for (const [i, a] of ordered.entries()) {
      for (const b of ordered.slice(i + 1)) {
        const side = (which: 'A' | 'B', cues: CueMode): ComparisonSide => ({
          side: which,
          label: `${model} · ${cues} cues`,
          runDir: input.runDir,
          model,
          study: input.study,
        });
        const seeded = { ...options, seed: deriveSeed(input.seed, 'cue-modes', a, b) };
        const compared = compareModels(
          side('A', a),
          side('B', b),
          contrasts.filter((c) => c.cues === a),
          contrasts.filter((c) => c.cues === b),
          input.axes,
          seeded,
        );
        comparisons.push({ model, a, b, changes: compared.changes, summary: compared.summary, skipped: compared.skipped });
      }
    }
  }
  return { options, comparisons };
}
