import { loadRun, type LoadedRun } from '../pipeline/loadRun.js';
import { readLeanScores } from '../pipeline/scoresSource.js';
import type { ScoreRecord } from '../score/types.js';

/** A run directory with the scores its findings were computed from. */
export interface ScoredRun extends LoadedRun {
  scores: ScoreRecord[];
}

/**
 * Reads a run and its scores.jsonl. Comparisons and per-domain gates work from the scores the run's own findings
 * came from, so their numbers agree with the run's report; `counterfair analyze` refreshes them.
 */
export function loadScoredRun(dir: string): ScoredRun {
  const run = loadRun(dir);
  return { ...run, scores: readLeanScores(dir, run.variants) };
}
