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
 *
 * Providers and question types are extension points: `createRegistry({ providers, questionTypes })` adds definitions
 * to the built-in ones, and the registry goes in the options of `loadStudy`, `runStudy` and `analyzeRunDirectory`
 * (docs/extending.md).
 */
export { DEFAULT_SYSTEM_PROMPT, loadStudy, type LoadStudyOptions } from './study/load.js';
export type { ComparisonSpec, ContrastSpec } from './study/contrasts.js';
export type {
  AnalysisOptions,
  Controls,
  Design,
  ExtensionModelSpec,
  GateSettings,
  ImplausibleCombination,
  InjectedBias,
  LoadedStudy,
  ModelCommon,
  ModelParams,
  ModelSpec,
  OpenAIModelSpec,
  QualityThresholds,
  SimulatedModelSpec,
  Study,
} from './study/types.js';
export {
  isBuiltinQuestion,
  QUESTION_TYPES,
  type BuiltinQuestion,
  type BuiltinQuestionType,
  type Question,
  type QuestionBase,
  type QuestionType,
  type Vignette,
} from './template/types.js';

export { createRegistry, type Registry, type RegistryDefinitions } from './registry.js';
export type { ModelEntryContext, ProviderContext, ProviderDefinition, RequiredVariable } from './providers/definition.js';
export type { ProviderRegistry } from './providers/registry.js';
export type { Provider, ProviderRequest, ProviderResponse, ResponseError, ResponseErrorKind } from './providers/types.js';
export { isOpenAISpec } from './providers/openai.js';
export { isSimulatedSpec } from './providers/simulatedDecision.js';
export {
  readWith,
  type AnswerReader,
  type Grade,
  type QuestionEntryContext,
  type QuestionTypeDefinition,
} from './template/questions/definition.js';
export type { QuestionTypeRegistry } from './template/questions/registry.js';
export type { FieldReader } from './util/fields.js';
export type { Axis, Level } from './demographics/types.js';
export type { CueMode } from './template/render.js';

export { combinationExclusions, expandStudy, expandVignette } from './expand/expand.js';
export type { ChatMessage, Variant, VariantKind } from './expand/types.js';

export { defaultRunDir, runStudy, type RunOptions, type RunResult } from './pipeline/runStudy.js';
export type { ProgressSnapshot } from './run/progress.js';
export type { ProgressSink } from './run/progressDisplay.js';
export type { ResponseRecord } from './run/types.js';
export { cacheDirFromEnv } from './run/cache.js';
export {
  cacheStats,
  clearCache,
  pruneCache,
  type CacheRemoval,
  type CacheShardStats,
  type CacheStats,
  type PruneOptions,
} from './run/cacheMaintenance.js';

export { analyzeRunDirectory } from './pipeline/analyzeRunDir.js';
export type { AnalysisResults } from './analysis/analyze.js';
export type { Finding } from './analysis/types.js';
export type { DataQuality } from './analysis/dataQuality.js';
export type { Outcome, ScoreRecord } from './score/types.js';
export { answerReader, detectRefusal, extractAnswer, type Extraction, type QuestionSpec } from './score/extract/index.js';

export { writeReport, type ReportOptions } from './pipeline/report.js';
export { compareRunDirectories, type CompareDirectoriesOptions } from './compare/compareRunDirectories.js';
export type { ComparisonResults } from './compare/types.js';
export { gateRun } from './gate/gate.js';
export type { GateResult } from './gate/types.js';

export { templatize, type TemplatizeResult } from './templatize/templatize.js';
export { readCases } from './templatize/input.js';
export type { CaseOutcome, CaseRecord, Mention, OwnDemographics, ReviewItem, TemplateRecord } from './templatize/types.js';

export { InputError, type Problem } from './util/problems.js';
