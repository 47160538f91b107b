import { basename, extname, join } from 'node:path';
import { analyzeRun } from './analyzeRun.js';
import type { DataQuality } from '../analysis/dataQuality.js';
import type { Finding } from '../analysis/types.js';
import { combinationExclusions, expandStudy } from '../expand/expand.js';
import { createProvider, requiredVariables } from '../providers/registry.js';
import { createRegistry, type Registry } from '../registry.js';
import { cacheDirFromEnv, ResponseCache } from '../run/cache.js';
import { systemContext } from '../run/context.js';
import type { ProgressSink } from '../run/progressDisplay.js';
import { collectResponses, runModels, type RunModel } from '../run/runner.js';
import { ResponseJournal } from '../run/store.js';
import type { LoadedStudy, ModelSpec, Study } from '../study/types.js';
import { InputError, type Problem } from '../util/problems.js';
import { runJudge } from '../score/judge/stage.js';
import { buildManifest } from './manifest.js';
import { VariantFile } from './variantFile.js';
import { ensureDir, runFile, writeFileAtomic, writeJsonl } from './runDir.js';

export interface RunOptions {
  /** The run directory; `<output>/<study file name>` by default. Re-running into it resumes. */
  outDir?: string;
  /** Where API keys are read from (each model's `api_key_env`): pass `process.env`, or only the keys needed. */
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds since the epoch; `Date.now` by default. */
  clock?: () => number;
  /** One line of news at a time (what is being asked, where the report went); silent by default. */
  log?: (line: string) => void;
  /** Aborting stops sending after the requests in flight; the run then returns `complete: false`. */
  signal?: AbortSignal;
  /**
   * Where progress goes: a display (`write`, stderr in the CLI) and/or a callback (`onProgress`) given the counts
   * as they change; without it, progress is logged as plain lines through `log`.
   */
  progress?: ProgressSink;
  /** The providers (and question types) the study was loaded with, when it uses extensions; the built-ins by default. */
  registry?: Registry;
}

type ResolvedRunOptions = RunOptions & Required<Pick<RunOptions, 'clock' | 'log' | 'registry'>>;

export interface RunResult {
  runDir: string;
  findings: Finding[];
  /** Each model's failed requests and unreadable answers against the study's thresholds; absent when interrupted. */
  dataQuality?: DataQuality;
  /** False when the run was interrupted before every request was answered; resume with the same --out. */
  complete: boolean;
}

export function defaultRunDir(study: Study): string {
  return join(study.outputDir, basename(study.file, extname(study.file)));
}

/**
 * Creates (or refreshes) a run directory with everything but the answers: manifest, vignettes, variants.
 * `run` starts with it; `batch export` prepares the directory that `batch import` then fills. The variants
 * are written as they are expanded and read back from the file (close it when done).
 */
export function prepareRunDir({ study, vignettes }: LoadedStudy, runDir: string, clock: () => number, registry: Registry = createRegistry()): { variants: VariantFile } {
  ensureDir(runDir);
  writeJsonl(runFile(runDir, 'vignettes'), vignettes);
  const variants = VariantFile.write(runFile(runDir, 'variants'), expandStudy(study, vignettes, study.systemPrompt, registry.questionTypes));
  const manifest = buildManifest(study, runDir, clock, combinationExclusions(study, vignettes));
  writeFileAtomic(runFile(runDir, 'manifest'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { variants };
}

/** Expand, ask every model, score, analyse and report. Resumable: finished requests are never re-sent. */
export async function runStudy({ study, vignettes }: LoadedStudy, given: RunOptions): Promise<RunResult> {
  const options: ResolvedRunOptions = { ...given, clock: given.clock ?? Date.now, log: given.log ?? (() => {}), registry: given.registry ?? createRegistry() };
  checkKeys(study, options);
  const runDir = options.outDir ?? defaultRunDir(study);
  const { variants } = prepareRunDir({ study, vignettes }, runDir, options.clock, options.registry);
  try {
    return await askAndAnalyse({ study, vignettes }, runDir, variants, options);
  } finally {
    variants.close();
  }
}

async function askAndAnalyse({ study, vignettes }: LoadedStudy, runDir: string, variants: VariantFile, options: ResolvedRunOptions): Promise<RunResult> {
  const questions = new Map(vignettes.map((v) => [v.id, v.question]));
  const models: RunModel[] = study.models.map((spec) => ({ spec, provider: createProvider(spec, { studySeed: study.seed, env: options.env, questionTypes: options.registry.questionTypes }, options.registry.providers) }));
  const journal = ResponseJournal.open(runFile(runDir, 'responses'));
  const cacheDir = cacheDirFromEnv(options.env);
  const cache = cacheDir === undefined ? undefined : new ResponseCache(cacheDir);
  let analysed: Pick<RunResult, 'findings' | 'dataQuality'>;
  options.log(`counterfair: ${vignettes.length} vignettes -> ${variants.length} variants x ${study.replicates} replicate(s) x ${models.length} model(s); ${journal.answeredCount} responses already recorded; response cache ${cacheDir ?? 'off'}`);
  try {
    const ctx = systemContext({ clock: options.clock, signal: options.signal, log: options.log });
    const progress = options.progress ?? { isTTY: false, write: (text: string) => options.log(text.trimEnd()) };
    await runModels(models, variants, questions, study.replicates, { journal, cache, ctx, progress });
    // Responses are read back from the journal as they are scored, so it stays open until the analysis is done.
    const responses = collectResponses(models, variants, study.replicates, journal);
    const interrupted = (): RunResult => {
      options.log(`counterfair: interrupted; re-run with --out ${runDir} to resume (finished requests are not sent again)`);
      return { runDir, findings: [], complete: false };
    };
    if (options.signal?.aborted || responses === undefined) return interrupted();
    // Judging and analysis look variants up across the whole study: from here on they are held in memory.
    const variantList = [...variants];
    await runJudge({ runDir, seed: study.seed, axes: study.axes, vignettes, variants: variantList, responses, providers: options.registry.providers }, study, { ...options, cache, progress });
    if (options.signal?.aborted) return interrupted();
    const { findings, dataQuality } = await analyzeRun(runDir, { ...study, modelIds: study.models.map((m) => m.id) }, vignettes, variantList, responses, options.registry);
    analysed = { findings, dataQuality };
  } finally {
    await cache?.close();
    await journal.close();
  }
  options.log(`counterfair: report written to ${join(runDir, 'report.html')}`);
  return { runDir, ...analysed, complete: true };
}

/** Every environment variable a model or the judge needs (an API key), checked before anything is sent. */
function checkKeys(study: Study, { env, registry }: ResolvedRunOptions): void {
  const problems: Problem[] = [];
  const missing = (spec: ModelSpec) => requiredVariables(spec, registry.providers).filter((v) => !env[v.name]);
  for (const [i, model] of study.models.entries()) {
    for (const v of missing(model)) problems.push({ file: study.file, field: `models[${i}].${v.field}`, message: `environment variable ${v.name} is not set; export it with the API key for model ${model.id}` });
  }
  // The judge answers last: a missing key must stop the run before any audited model is paid for.
  const judge = study.judge?.model;
  if (judge) for (const v of missing(judge)) problems.push({ file: study.file, field: `judge.model.${v.field}`, message: `environment variable ${v.name} is not set; export it with the API key for the judge ${judge.id}` });
  if (problems.length) throw new InputError(problems);
}
