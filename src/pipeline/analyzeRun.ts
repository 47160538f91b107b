import type { AnalysisResults } from '../analysis/analyze.js';
import { analyzeByCueMode } from '../analysis/cueModes.js';
import { compareCueModes } from '../compare/cueModes.js';
import { pooledScores } from '../analysis/probes.js';
import { crossesCueModes } from '../study/cues.js';
import { assessDataQuality, RequestErrorTally } from '../analysis/dataQuality.js';
import type { Variant } from '../expand/types.js';
import type { ResponseRecord } from '../run/types.js';
import type { FinalResponses } from './loadRun.js';
import { createScorer } from '../score/score.js';
import type { ScoreRecord } from '../score/types.js';
import { judgedScores } from './judges.js';
import { judgePanelResults } from './judgePanel.js';
import { applyAdjudications, readAdjudications } from '../review/adjudications.js';
import { DEFAULT_QUALITY } from '../study/load.js';
import type { Study } from '../study/types.js';
import type { Vignette } from '../template/types.js';
import { createRegistry, type Registry } from '../registry.js';
import { writeReport } from './report.js';
import {
  readManifest,
  readScoresSource,
  readScoreTable,
  scoreKeysFile,
  runFile,
  writeFindingsJson,
  writeResults,
  writeScores,
  writeScoreTable,
} from './runDir.js';
import { currentScoresSource, sameScoresSource } from './scoresSource.js';
import { ScoreTable } from '../score/table.js';
import { builtinScoringOnly, scoreInWorkers } from '../score/parallel.js';
import { scoreAhead } from '../score/ahead.js';
import { existsSync } from 'node:fs';

/** The responses to score: any records, or a run directory's (`FinalResponses`), which can be looked up by key. */
type Responses = Iterable<ResponseRecord> & { size?: number; finalOf?: FinalResponses['finalOf'] };

/** Worker threads that score the answers: a number, or one for a number of answers (asked only when scoring). */
type ScoringWorkers = number | ((answers: number) => number);

/** What the analysis needs of a study; a run directory's manifest provides all of it (quality: defaults when older). */
export type AnalyzedStudy = Pick<Study, 'axes' | 'analysis' | 'name' | 'seed' | 'design'> &
  Partial<Pick<Study, 'quality' | 'cueModes'>> & { modelIds: string[] };

/**
 * Score every response (as the registry's question types read and grade answers, with the verdicts of a judge of its
 * providers; the built-ins by default), analyse, and write scores, findings, results and the report. No model is
 * asked anything. Scores recorded from exactly the same source (scores-source.json: extractor and question-type
 * versions, judge, input digests) are read back instead of scored again, unless `rescore`.
 */
export async function analyzeRun(
  runDir: string,
  study: AnalyzedStudy,
  vignettes: readonly Vignette[],
  variants: readonly Variant[],
  responses: Responses,
  registry: Registry = createRegistry(),
  options: ScoringOptions = {},
): Promise<AnalysisResults> {
  return analyseScoredRun(
    runDir,
    study,
    vignettes,
    await scoreRun(runDir, study, vignettes, variants, responses, registry, options),
    registry,
  );
}

interface ScoringOptions {
  rescore?: boolean;
  scoringWorkers?: ScoringWorkers;
  /** Where a run of ANNOUNCED_STEPS_FROM answers or more says which step it is in; silent by default. */
  log?: (line: string) => void;
  /** Milliseconds since the epoch, for the pace of progress lines; `Date.now` by default. */
  clock?: () => number;
  /** Scores made while the requests were in flight (`ScoringAhead`), by request key: taken instead of scoring again. */
  scoredAhead?: ReadonlyMap<string, ScoreRecord>;
}

/**
 * From this many answers a run announces each step after the requests (scoring, analysis, report), each of which
 * then takes seconds to minutes; a smaller run's steps pass too quickly to be news.
 */
export const ANNOUNCED_STEPS_FROM = 100_000;

/** A line of progress while scoring, at most this often (as the request progress writes to a log). */
const SCORING_PROGRESS_MS = 10_000;

/** A run's scores, in a table, and the failed requests among its responses: all the analysis needs of the answers. */
export interface ScoredRun {
  table: ScoreTable;
  errors: RequestErrorTally;
}

/**
 * Scores every response (or reads the scores back, see `analyzeRun`) and writes scores.jsonl and scores-table.bin.
 * The responses are not needed after it: a caller that drops its source (a journal's index of every request) before
 * `analyseScoredRun` keeps it out of the analysis's memory, which at ten million answers is a quarter of a gigabyte.
 * With `scoringWorkers` above one, and only the built-in question types, answers are scored on that many worker
 * threads, in the same order.
 */
export async function scoreRun(
  runDir: string,
  study: Pick<AnalyzedStudy, 'seed' | 'axes'>,
  vignettes: readonly Vignette[],
  variants: readonly Variant[],
  responses: Responses,
  registry: Registry,
  options: ScoringOptions = {},
): Promise<ScoredRun> {
  const { questionTypes, providers } = registry;
  const byVariant = new Map(variants.map((v) => [v.variantId, v]));
  const byVignette = new Map(vignettes.map((v) => [v.id, v]));
  // One pass, one response at a time: a lazily read source never holds a run's texts in memory, and every score
  // goes into the table's columns as it is read or made.
  const errors = new RequestErrorTally();
  const source = currentScoresSource(runDir, vignettes, questionTypes);
  const automated = (): Iterable<ScoreRecord> => {
    const score = createScorer(questionTypes);
    const scored = (r: ResponseRecord) =>
      scoreAhead(options.scoredAhead, r) ?? score(r, byVariant.get(r.variantId)!, byVignette.get(r.vignetteId)!.question);
    return mapIterable(responses, (r) => (errors.add(r), scored(r)));
  };
  const total = responses.size ?? 0;
  const log = options.log ?? (() => {});
  const announce = stepLog(total, log);
  const scoredStream = (): AsyncIterable<ScoreRecord> | Iterable<ScoreRecord> => {
    const { scoringWorkers = 1 } = options;
    const workers = typeof scoringWorkers === 'number' ? scoringWorkers : scoringWorkers(total);
    // Scores made ahead leave little to do: the rest is scored here rather than on threads started for it.
    const parallel = workers > 1 && options.scoredAhead === undefined && builtinScoringOnly(vignettes, questionTypes);
    announce(`counterfair: scoring ${total.toLocaleString('en-US')} answers${parallel ? ` on ${workers} threads` : ''}`);
    return parallel ? scoreInWorkers(responses, { variants, vignettes }, workers, (r) => errors.add(r)) : automated();
  };
  if (!options.rescore && existsSync(runFile(runDir, 'scores')) && sameScoresSource(readScoresSource(runDir), source)) {
    // Nothing the scores are a function of has changed: read back, not scored again.
    announce('counterfair: scores read back from scores.jsonl (same extractors, judge and inputs; --rescore scores again)');
    const table = readScoreTable(runDir);
    for (const r of failedResponses(table, responses)) errors.add(r);
    return { table, errors };
  }
  if (source.judge === null && source.inputs.adjudications === null) {
    // No judge and no clinician labels: each score is final when made, written and tabled on the way. The table is
    // sized once when the number of responses is known; its keys wait in a file until scores-table.bin holds them.
    const keys = scoreKeysFile(runDir);
    try {
      const table = new ScoreTable(responses.size, keys);
      const paced = progressLines(total, log, options.clock ?? Date.now);
      await writeScores(runDir, tabled(scoredStream(), table, paced), source);
      writeScoreTable(runDir, table);
      return { table, errors };
    } finally {
      keys.dispose();
    }
  }
  // A judge pairs free-text answers and labels name scores by key: both need every score first. Scoring is a pure
  // function of the answers, the judges' verdicts and the clinicians' labels, loaded here.
  const judged = judgedScores({ runDir, seed: study.seed, axes: study.axes, vignettes, variants, responses, providers }, [...automated()]);
  const scores = applyAdjudications(judged.scores, readAdjudications(runDir));
  await writeScores(runDir, scores, source);
  const table = ScoreTable.of(scores);
  writeScoreTable(runDir, table);
  return { table, errors };
}

/** Analyses a run's scores and writes findings, results and the report (which renders the scores just analysed). */
export async function analyseScoredRun(
  runDir: string,
  study: AnalyzedStudy,
  vignettes: readonly Vignette[],
  { table, errors }: ScoredRun,
  registry: Registry = createRegistry(),
  log: (line: string) => void = () => {},
): Promise<AnalysisResults> {
  const announce = stepLog(table.length, log);
  announce(`counterfair: analysing ${table.length.toLocaleString('en-US')} scores`);
  const scores = table.rows();
  const questions = new Map(vignettes.map((v) => [v.id, v.question]));
  const cueModes = study.cueModes ?? ['explicit'];
  const analysis = analyzeByCueMode(
    { scores, vignettes, axes: study.axes, modelIds: study.modelIds, design: study.design },
    { ...study.analysis, seed: study.analysis.bootstrapSeed ?? study.seed },
    cueModes,
  );
  const manifest = readManifest(runDir);
  const judgePanel = judgePanelResults(runDir, study.analysis, study.seed);
  const results: AnalysisResults = {
    ...analysis,
    // The variants an implausible combination ruled out were never rendered; the manifest lists them, per vignette.
    exclusions: [...analysis.exclusions, ...(manifest?.implausible?.excluded ?? [])],
    dataQuality: assessDataQuality({ modelIds: study.modelIds, scores, errors, questions, thresholds: study.quality ?? DEFAULT_QUALITY }),
    ...(crossesCueModes(cueModes)
      ? {
          cueModes: compareCueModes({
            runDir,
            study: { name: study.name, sha256: manifest?.study.sha256 ?? '' },
            // Race-myth probes stay out of every pooled comparison, as out of the findings.
            scores: pooledScores(scores, vignettes),
            axes: study.axes,
            modelIds: study.modelIds,
            modes: cueModes,
            analysis: study.analysis,
            seed: study.analysis.bootstrapSeed ?? study.seed,
          }),
        }
      : {}),
    ...(judgePanel ? { judgePanel } : {}),
  };
  writeFindingsJson(runDir, results.findings);
  writeResults(runDir, results);
  announce('counterfair: writing the report');
  await writeReport(runDir, { questionTypes: registry.questionTypes, scores: table });
  return results;
}

/** `log` for a run of ANNOUNCED_STEPS_FROM answers or more; silence for a smaller one. */
function stepLog(answers: number, log: (line: string) => void): (line: string) => void {
  return answers >= ANNOUNCED_STEPS_FROM ? log : () => {};
}

/** The records as they pass, each added to the table on the way (and counted for the progress lines). */
async function* tabled(
  records: AsyncIterable<ScoreRecord> | Iterable<ScoreRecord>,
  table: ScoreTable,
  progress: (done: number) => void,
): AsyncGenerator<ScoreRecord> {
  for await (const r of records) {
    table.add(r);
    progress(table.length);
    yield r;
  }
}

/**
 * "counterfair: scored 1,234,567/9,979,260 answers (12%)" at most every SCORING_PROGRESS_MS, the clock read once every
 * 4,096 answers: scoring ten million answers takes minutes, and a run that went quiet after its requests looks hung.
 */
function progressLines(total: number, log: (line: string) => void, clock: () => number): (done: number) => void {
  let last = clock();
  return (done) => {
    if (done % 4096 !== 0) return;
    const now = clock();
    if (now - last < SCORING_PROGRESS_MS) return;
    last = now;
    const share = total > 0 ? ` (${Math.floor((100 * done) / total)}%)` : '';
    log(`counterfair: scored ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} answers${share}`);
  };
}

/**
 * The responses whose request failed (the only ones an error tally counts), in the scores' order: the requests the
 * scores record as failed, looked up by key when the source can (`FinalResponses`) instead of reading every response.
 */
function* failedResponses(table: ScoreTable, responses: Responses): Generator<ResponseRecord> {
  if (!responses.finalOf) {
    for (const r of responses) if (r.error !== null) yield r;
    return;
  }
  // A failed request scores `error` (as does an answer without text, whose response is no failure), and keeps it as
  // the automated outcome under a clinician's label.
  const keys: string[] = [];
  for (const s of table.rows()) if (s.outcome === 'error' || s.adjudicated?.automated === 'error') keys.push(s.key);
  const final = responses.finalOf(new Set(keys));
  for (const key of keys) {
    const r = final.get(key);
    if (r !== undefined && r.error !== null) yield r;
  }
}

function* mapIterable<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
