import type { Variant } from '../expand/types.js';
import { loadRun, readFinalResponses, type LoadedRun } from '../pipeline/loadRun.js';
import { readScores } from '../pipeline/runDir.js';
import type { ScoreRecord } from '../score/types.js';
import type { Question } from '../template/types.js';

/** An analysed run directory, read back for review: no study file and no model needed. */
export interface ReviewRun {
  run: LoadedRun;
  /** The scores of the last analysis (judge verdicts and earlier labels included). */
  scores: ScoreRecord[];
  variants: ReadonlyMap<string, Variant>;
  questions: ReadonlyMap<string, Question>;
  /** Answer text by response key. */
  texts: ReadonlyMap<string, string>;
}

export function loadReviewRun(runDir: string): ReviewRun {
  const run = loadRun(runDir);
  return {
    run,
    scores: readScores(runDir),
    variants: new Map(run.variants.map((v) => [v.variantId, v])),
    questions: new Map(run.vignettes.map((v) => [v.id, v.question])),
    texts: new Map(
      Array.from(readFinalResponses(run)).flatMap((r) => (r.error === null && r.text !== null ? [[r.key, r.text] as const] : [])),
    ),
  };
}
