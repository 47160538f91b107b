import { basename, extname, join } from 'node:path';
import { analyseScoredRun, scoreRun } from './analyzeRun.js';
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
import { runJudges } from './judges.js';
import { studyPanel } from '../study/judges.js';
import { buildManifest, type Manifest } from './manifest.js';
import { VariantFile } from './variantFile.js';
import { builtinScoringOnly, scoringWorkersFor } from '../score/parallel.js';
import { ScoringAhead } from '../score/ahead.js';
import { claimRunDirectory, runFile, writeManifest, writeVignettes, type RunDirectoryClaim } from './runDir.js';

export interface RunOptions {
  /** The run directory; `<output>/<study file name>` by default. Re-running into it resumes. */
  outDir?: string;
  /** Where API keys are read from (each model's `api_key_env`): pass `process.env`, or only the keys needed. */
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds since the epoch; `Date.now` by default. */
  clock?: () => number;
  /** One line of news at a time (what is being asked, an interruption); silent by default. */
  log?: (line: string) => void;
  /** Aborting stops sending after the requests in flight; the run then returns `complete: false`. */
  signal?: AbortSignal;
  /**
   * Where progress goes: a display (`write`, stderr in the CLI) and/or a callback (`onProgress`) given the counts
   * as they change; without it, progress is logged as plain lines through `log`.
   */
  progress?: ProgressSink;
  /**
   * False neither reads nor writes the response cache shared by all runs ($COUNTERFAIR_CACHE_DIR, see
   * `cacheDirFromEnv`): every request not yet answered in this run directory is sent. True by default.
   */
  cache?: boolean;
  /**
   * Replace a run of a different study in the run directory (its recorded files, responses included, are deleted
   * first); without it such a directory is refused.
   */
  force?: boolean;
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
 * Claims a run directory for writing a study's run into it (see `claimRunDirectory`: a foreign folder, or a run of
 * another study without `force`, is refused before anything is written). Release the claim when done.
 */
export function claimStudyRunDir(study: Study, runDir: string, force = false): RunDirectoryClaim {
  return claimRunDirectory(runDir, { writes: { kind: 'run', name: study.name }, force });
}

/**
 * Creates (or refreshes) a claimed run directory with everything but the answers: manifest, vignettes, variants.
 * `run` starts with it; `batch export` prepares the directory that `batch import` then fills. The manifest comes
 * first, so a kill mid-expansion leaves a directory that is recognisably a run. The variants are written as they
 * are expanded and read back from the file (close it when done).
 */
export function prepareRunDir(
  { study, vignettes }: LoadedStudy,
  runDir: string,
  previous: Manifest | undefined,
  clock: () => number,
  registry: Registry = createRegistry(),
): { variants: VariantFile } {
  writeManifest(runDir, buildManifest(study, previous, clock, combinationExclusions(study, vignettes)));
  writeVignettes(runDir, vignettes);
  const variants = VariantFile.write(
    runFile(runDir, 'variants'),
    expandStudy(study, vignettes, study.systemPrompt, registry.questionTypes),
  );
  return { variants };
}

/** Expand, ask every model, score, analyse and report. Resumable: finished requests are never re-sent. */
export async function runStudy({ study, vignettes }: LoadedStudy, given: RunOptions): Promise<RunResult> {
  const options: ResolvedRunOptions = {
    ...given,
    clock: given.clock ?? Date.now,
    log: given.log ?? (() => {}),
    registry: given.registry ?? createRegistry(),
  };
  checkKeys(study, options);
  const runDir = options.outDir ?? defaultRunDir(study);
  const claim = claimStudyRunDir(study, runDir, options.force);
  try {
    const { variants } = prepareRunDir({ study, vignettes }, runDir, claim.previous, options.clock, options.registry);
    try {
      return await askAndAnalyse({ study, vignettes }, runDir, variants, options);
    } finally {
      variants.close();
    }
  } finally {
    claim.release();
  }
}

async function askAndAnalyse(
  { study, vignettes }: LoadedStudy,
  runDir: string,
  variants: VariantFile,
  options: ResolvedRunOptions,
): Promise<RunResult> {
  const questions = new Map(vignettes.map((v) => [v.id, v.question]));
  const models: RunModel[] = study.models.map((spec) => ({
    spec,
    provider: createProvider(
      spec,
      { studySeed: study.seed, env: options.env, questionTypes: options.registry.questionTypes },
      options.registry.providers,
    ),
  }));
  const journal = ResponseJournal.open(runFile(runDir, 'responses'));
  const cacheDir = options.cache === false ? undefined : cacheDirFromEnv(options.env);
  const cache = cacheDir === undefined ? undefined : new ResponseCache(cacheDir, options.clock);
  let analysed: Pick<RunResult, 'findings' | 'dataQuality'>;
  // The simulated model's answers are never cached: the cache is news only when an endpoint is asked.
  const cached = study.models.some((m) => m.kind !== 'simulated');
  options.log(
    `counterfair: ${vignettes.length} vignettes -> ${variants.length} variants x ${study.replicates} replicate(s) x ${models.length} model(s)${journal.answeredCount > 0 ? `; resuming: ${journal.answeredCount} responses already recorded (failed requests are sent again)` : ''}${cacheDir === undefined || !cached ? '' : `; response cache ${cacheDir}`}`,
  );
  const requests = models.length * variants.length * study.replicates;
  // A run small enough to hold its scores is scored on a second core while its requests are in flight; its variants
  // are then read into memory first, which the scoring below does anyway.
  const aheadVariants = ScoringAhead.pays(requests, builtinScoringOnly(vignettes, options.registry.questionTypes))
    ? [...variants]
    : undefined;
  const ahead = aheadVariants && ScoringAhead.start({ variants: aheadVariants, vignettes });
  try {
    const ctx = systemContext({ clock: options.clock, signal: options.signal, log: options.log });
    const progress = options.progress ?? { isTTY: false, write: (text: string) => options.log(text.trimEnd()) };
    const asked = await runModels(models, variants, questions, study.replicates, {
      journal,
      cache,
      ctx,
      progress,
      onRecorded: ahead?.offer,
    });
    // Responses are read back from the journal as they are scored, so it stays open until the analysis is done.
    const responses = collectResponses(models, variants, study.replicates, journal, asked);
    const interrupted = (): RunResult => {
      options.log(`counterfair: interrupted; re-run with --out ${runDir} to resume (finished requests are not sent again)`);
      return { runDir, findings: [], complete: false };
    };
    if (options.signal?.aborted || responses === undefined) return interrupted();
    // Judging and analysis look variants up across the whole study: from here on they are held in memory.
    const variantList = aheadVariants ?? [...variants];
    await runJudges(
      { runDir, seed: study.seed, axes: study.axes, vignettes, variants: variantList, responses, providers: options.registry.providers },
      study,
      { ...options, cache, progress },
    );
    if (options.signal?.aborted) return interrupted();
    const analysedStudy = { ...study, modelIds: study.models.map((m) => m.id) };
    const scored = await scoreRun(runDir, analysedStudy, vignettes, variantList, responses, options.registry, {
      // A large run scores on one thread per core, as `analyze` does.
      scoringWorkers: scoringWorkersFor(requests),
      scoredAhead: await ahead?.finish(),
      log: options.log,
      clock: options.clock,
    });
    // Every answer is scored: the journal (and its index of every request) is not needed by the analysis.
    await journal.close();
    const { findings, dataQuality } = await analyseScoredRun(runDir, analysedStudy, vignettes, scored, options.registry, options.log);
    analysed = { findings, dataQuality };
  } finally {
    await ahead?.close();
    await cache?.close();
    await journal.close();
  }
  return { runDir, ...analysed, complete: true };
}

/** Every environment variable a model or the judge needs (an API key), checked before anything is sent. */
function checkKeys(study: Study, { env, registry }: ResolvedRunOptions): void {
  const problems: Problem[] = [];
  const missing = (spec: ModelSpec) => requiredVariables(spec, registry.providers).filter((v) => !env[v.name]);
  for (const [i, model] of study.models.entries()) {
    for (const v of missing(model))
      problems.push({
        file: study.file,
        field: `models[${i}].${v.field}`,
        message: `environment variable ${v.name} is not set; export it with the API key for model ${model.id}`,
      });
  }
  // The judges answer last: a missing key must stop the run before any audited model is paid for.
  for (const [i, { spec }] of (studyPanel(study)?.judges ?? []).entries())
    for (const v of missing(spec.model))
      problems.push({
        file: study.file,
        field: study.panel ? `judges[${i}].model.${v.field}` : `judge.model.${v.field}`,
        message: `environment variable ${v.name} is not set; export it with the API key for the judge ${spec.model.id}`,
      });
  if (problems.length) throw new InputError(problems);
}
