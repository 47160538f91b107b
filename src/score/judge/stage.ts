import type { Axis } from '../../demographics/types.js';
import type { Variant } from '../../expand/types.js';
import type { ResponseRecord } from '../../run/types.js';
import type { JudgePanel } from '../../study/types.js';
import type { Vignette } from '../../template/types.js';
import { scoreResponse } from '../score.js';
import type { PairwiseNote, ScoreRecord } from '../types.js';
import { applyJudgements, type PanelVerdictRecord } from './apply.js';
import { pairItems, rubricItems, type JudgeInputs, type JudgeRequest } from './plan.js';
import { createProviderRegistry, type ProviderRegistry } from '../../providers/registry.js';

/** A run whose free-text answers are judged: what was asked and what came back. */
export interface JudgedRun {
  seed: number;
  axes: readonly Axis[];
  vignettes: readonly Vignette[];
  variants: readonly Variant[];
  /** May be read lazily (each iteration reads the journal again); only free-text answers are kept. */
  responses: Iterable<ResponseRecord>;
  /** The providers the judges may be of; the built-in ones when absent. */
  providers?: ProviderRegistry;
}

/** A pairwise verdict with the pair it belongs to, as written to pairwise.jsonl. */
export interface PairwiseRecord extends PairwiseNote {
  /** The audited model (the judge is `model`). */
  modelId: string;
  vignetteId: string;
  replicate: number;
  levelVariantId: string;
  levelKey: string;
}

/** Scores with the panel's verdicts applied, and the per-pair and per-judge verdicts the pipeline records. */
export interface JudgedScores {
  scores: ScoreRecord[];
  pairwise: PairwiseRecord[];
  /** Each judge's rubric verdict per judged answer; empty for a single judge (its verdict is on the score). */
  verdicts: PanelVerdictRecord[];
}

/**
 * Every judge request of the run (rubric and pairwise), per judge of the panel in its order: what the pipeline asks
 * each judge. Only free-text answers are scored to find them.
 */
export function judgeRequests(run: JudgedRun, panel: JudgePanel): JudgeRequest[][] {
  const free = freeTextResponses(run);
  const inputs = judgeInputs(run, panel, free);
  const scores = free.map((r) => scoreResponse(r, inputs.variants.get(r.variantId)!, inputs.questions.get(r.vignetteId)!));
  const items = [...rubricItems(scores, inputs), ...pairItems(scores, inputs)];
  return panel.judges.map((_, i) => items.flatMap((item) => (item.requests ? [item.requests[i]!] : [])));
}

/**
 * Scores with the recorded judgements of the panel applied: a pure function of the automated scores, the run's
 * answers and the judgements (by key), which the pipeline loads and passes in. No judge is asked, so a run can be
 * re-analysed without the judges' keys.
 */
export function judgeScores(
  run: JudgedRun,
  panel: JudgePanel,
  scores: readonly ScoreRecord[],
  judgements: ReadonlyMap<string, string>,
): JudgedScores {
  const applied = applyJudgements(scores, judgeInputs(run, panel, freeTextResponses(run)), judgements);
  return { scores: applied.scores, pairwise: applied.scores.flatMap(pairwiseRecords), verdicts: applied.verdicts };
}

function pairwiseRecords(level: ScoreRecord): PairwiseRecord[] {
  return (level.pairwise ?? []).map((note) => ({
    modelId: level.modelId,
    vignetteId: level.vignetteId,
    replicate: level.replicate,
    levelVariantId: level.variantId,
    levelKey: level.key,
    ...note,
  }));
}

function judgeInputs(run: JudgedRun, panel: JudgePanel, free: readonly ResponseRecord[]): JudgeInputs {
  return {
    seed: run.seed,
    panel,
    providers: run.providers ?? createProviderRegistry(),
    axes: run.axes,
    questions: new Map(run.vignettes.map((v) => [v.id, v.question])),
    variants: new Map(run.variants.map((v) => [v.variantId, v])),
    texts: new Map(free.flatMap((r) => (r.error === null && r.text !== null ? [[r.key, r.text] as const] : []))),
  };
}

/** The responses to free-text questions, the only ones a judge sees (keeping the rest would hold a run's output). */
function freeTextResponses(run: JudgedRun): ResponseRecord[] {
  const free = new Set(run.vignettes.filter((v) => v.question.type === 'free').map((v) => v.id));
  const out: ResponseRecord[] = [];
  if (free.size === 0) return out;
  for (const r of run.responses) if (free.has(r.vignetteId)) out.push(r);
  return out;
}
