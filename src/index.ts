/**
 * counterfair as a library: the same stages the CLI runs, as typed functions. A study is loaded (and validated:
 * bad input throws `InputError`, whose `problems` name file, line and field), expanded into matched variants, run
 * against its models into a run directory, analysed, reported, compared and gated. The CLI is a thin layer over
 * these; `counterfair/stats` holds the statistical functions.
 *
 * ```ts
 * import { loadStudy, runStudy, gateRun } from 'counterfair';
 * const result = await runStudy(loadStudy('study.yaml'), { env: process.env, outDir: 'runs/v2', progress: { onProgress: (p) => console.log(p.done, p.total) } });
 * const gate = gateRun(result.runDir, { maxDifference: 5 });
 * ```
 */
export { DEFAULT_SYSTEM_PROMPT, loadStudy } from './study/load.js';
export type { AnalysisOptions, Controls, Design, GateSettings, ImplausibleCombination, InjectedBias, LoadedStudy, ModelSpec, QualityThresholds, Study } from './study/types.js';
export type { Question, QuestionType, Vignette } from './template/types.js';
export type { Axis, Level } from './demographics/types.js';
export type { CueMode } from './template/render.js';

export { combinationExclusions, expandStudy, expandVignette } from './expand/expand.js';
export type { ChatMessage, Variant, VariantKind } from './expand/types.js';

export { defaultRunDir, runStudy, type RunOptions, type RunResult } from './pipeline/runStudy.js';
export type { ProgressSnapshot } from './run/progress.js';
export type { ProgressSink } from './run/progressDisplay.js';
export type { ResponseRecord } from './run/types.js';
export { cacheDirFromEnv } from './run/cache.js';
export { cacheStats, clearCache, pruneCache, type CacheRemoval, type CacheShardStats, type CacheStats, type PruneOptions } from './run/cacheMaintenance.js';

export { analyzeRunDirectory } from './pipeline/analyzeRunDir.js';
export type { AnalysisResults } from './analysis/analyze.js';
export type { Finding } from './analysis/types.js';
export type { DataQuality } from './analysis/dataQuality.js';
export type { Outcome, ScoreRecord } from './score/types.js';
export { extractAnswer, type Extraction, type QuestionSpec } from './score/extract/index.js';

export { writeReport, type ReportOptions } from './pipeline/report.js';
export { compareRunDirectories, type CompareDirectoriesOptions } from './compare/compareRunDirectories.js';
export type { ComparisonResults } from './compare/types.js';
export { gateRun } from './gate/gate.js';
export type { GateResult } from './gate/types.js';

export { InputError, type Problem } from './util/problems.js';
