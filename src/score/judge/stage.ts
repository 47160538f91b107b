import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Axis } from '../../demographics/types.js';
import type { Variant } from '../../expand/types.js';
import { readOptionalJson, RUN_FILES, runFile, writeFileAtomic, writeJsonl } from '../../pipeline/runDir.js';
import type { ResponseRecord } from '../../run/types.js';
import type { JudgeSpec, Study } from '../../study/types.js';
import type { Vignette } from '../../template/types.js';
import { InputError } from '../../util/problems.js';
import { scoreResponse } from '../score.js';
import type { PairwiseNote, ScoreRecord } from '../types.js';
import { applyJudgements } from './apply.js';
import { systemContext } from '../../run/context.js';
import { askJudge } from './ask.js';
import type { ResponseCache } from '../../run/cache.js';
import type { ProgressSink } from '../../run/progressDisplay.js';
import { stableStringify } from '../../util/hash.js';
import { readJudgements } from './journal.js';
import { pairItems, rubricItems, type JudgeInputs } from './plan.js';
import {
  createJudgeProvider,
  createProviderRegistry,
  judgeFingerprint,
  requiredVariables,
  type ProviderRegistry,
} from '../../providers/registry.js';

/** The study's judge as last run, so a run directory can be re-analysed without its study (no secrets: key names only). */
export const JUDGE_SPEC_FILE = RUN_FILES.judgeSpec;
/** Every pairwise verdict of a run, one line per reference/level pair (also on each level score as `pairwise`). */
export const PAIRWISE_FILE = RUN_FILES.pairwise;

/** A run whose free-text answers are judged: what was asked and what came back. */
export interface JudgedRun {
  runDir: string;
  seed: number;
  axes: readonly Axis[];
  vignettes: readonly Vignette[];
  variants: readonly Variant[];
  /** May be read lazily (each iteration reads the journal again); only free-text answers are kept. */
  responses: Iterable<ResponseRecord>;
  /** The providers the judge may be of; the built-in ones when absent. */
  providers?: ProviderRegistry;
}

export interface JudgeRunOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** The shared response cache, when enabled: judgements are cached like the audited models' answers. */
  cache?: ResponseCache;
  /** Where the judge's progress goes. */
  progress?: ProgressSink;
  clock: () => number;
  log: (line: string) => void;
  signal?: AbortSignal;
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

/**
 * The judge's part of a run: records the study's judge in judge.json (or removes it when the study has none) and asks
 * the judge for every free-text verdict (rubric and pairwise) not yet in judgements.jsonl.
 */
export async function runJudge(run: JudgedRun, study: Pick<Study, 'file' | 'judge'>, options: JudgeRunOptions): Promise<void> {
  const specFile = join(run.runDir, JUDGE_SPEC_FILE);
  if (!study.judge) {
    rmSync(specFile, { force: true });
    return;
  }
  writeFileAtomic(specFile, `${JSON.stringify(study.judge, null, 2)}\n`);
  // Only free-text answers go to the judge: one pass picks them, and only they are scored here.
  const free = freeTextResponses(run);
  const inputs = judgeInputs(run, study.judge, free);
  const scores = free.map((r) => scoreResponse(r, inputs.variants.get(r.variantId)!, inputs.questions.get(r.vignetteId)!));
  const requests = [...rubricItems(scores, inputs), ...pairItems(scores, inputs)].flatMap((item) => (item.request ? [item.request] : []));
  if (requests.length === 0) return;
  const model = study.judge.model;
  const providers = run.providers ?? createProviderRegistry();
  const missing = requiredVariables(model, providers).filter((v) => !options.env[v.name]);
  if (missing.length > 0)
    throw new InputError(
      missing.map((v) => ({
        file: study.file,
        field: `judge.model.${v.field}`,
        message: `environment variable ${v.name} is not set; export it with the API key for the judge ${model.id}`,
      })),
    );
  const provider = createJudgeProvider(model, { studySeed: run.seed, env: options.env }, providers);
  // A shard per judge fingerprint: what decides its verdicts, as a provider identity decides its answers.
  const cache = provider.uncached
    ? undefined
    : options.cache?.shard(`judge:${stableStringify(judgeFingerprint(model, run.seed, providers))}`);
  const summary = await askJudge(requests, run.runDir, {
    provider,
    spec: model,
    run: systemContext({ clock: options.clock, signal: options.signal, log: options.log }),
    cache,
    progress: options.progress,
  });
  const cached = summary.cached ? `, ${summary.cached} from the response cache` : '';
  options.log(
    `counterfair: judge ${model.id}: ${summary.total} judgements, ${summary.alreadyRecorded} already recorded${cached}, ${summary.sent} sent, ${summary.failed} failed${summary.failed ? ' (asked again on the next run)' : ''}`,
  );
}

/**
 * Scores with the recorded judgements of the run's judge (judge.json) applied, and pairwise.jsonl written. No judge is
 * asked, so a run can be re-analysed without the judge's key. A run without a judge gets its scores back unchanged.
 */
export function judgedScores(run: JudgedRun, scores: readonly ScoreRecord[]): ScoreRecord[] {
  const judge = readOptionalJson<JudgeSpec>(run.runDir, 'judgeSpec');
  if (judge === undefined) return [...scores];
  const providers = run.providers ?? createProviderRegistry();
  if (!providers.get(judge.model.kind))
    throw new InputError([
      {
        file: runFile(run.runDir, 'judgeSpec'),
        field: 'model.kind',
        message: `the judge's provider "${judge.model.kind}" is not registered (${providers.ids.join(', ')}); analyse this run with the registry it was run with`,
      },
    ]);
  const judged = applyJudgements(scores, judgeInputs(run, judge, freeTextResponses(run)), readJudgements(run.runDir));
  writeJsonl(join(run.runDir, PAIRWISE_FILE), judged.flatMap(pairwiseRecords));
  return judged;
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

function judgeInputs(run: JudgedRun, judge: JudgeSpec, free: readonly ResponseRecord[]): JudgeInputs {
  return {
    seed: run.seed,
    judge,
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
