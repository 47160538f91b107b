import type { NameFallback, NamePools } from '../demographics/names.js';
import type { Axis } from '../demographics/types.js';
import type { CueMode } from '../template/render.js';
import type { AdjustMethod } from '../stats/adjust.js';
import type { QuestionType, Vignette } from '../template/types.js';
import type { StudySubset } from './subset.js';
import type { ContrastSpec } from './contrasts.js';

/**
 * The simulated model makes this axis level err more (or less) often than the reference: on its own, or only in
 * combination with other levels (an interaction), and on every question type or only some.
 */
export interface InjectedBias {
  axis: string;
  level: string;
  /**
   * Multiplies the vignette's error probability for variants at this level (and `with`, and of `questionTypes`).
   * The product is capped at 0.95, so the realised ratio of error rates can be below the multiplier.
   */
  errorMultiplier: number;
  /**
   * Care-intensity questions (no correct answer): added to the probability that a variant at this level gets the
   * less-care answer (negative: more care). Absent: no care shift.
   */
  lessCare?: number;
  /**
   * Differential-diagnosis questions: how many places further down the list the level names the correct diagnosis
   * (negative: further up), in expectation. A fractional part moves one more place with that probability (a seeded
   * draw shared by the vignette's variants, like the answer draw), so 0.5 moves half the answers by one place. A
   * diagnosis moved past the end of the list is left out. Absent: no rank shift.
   */
  rankShift?: number;
  /** An interaction: the bias applies only when the variant also has every one of these levels (axis -> level). */
  with?: Record<string, string>;
  /** Only questions of these types are affected (for example under-treatment on ordinal answers only). */
  questionTypes?: QuestionType[];
  /** Only variants rendered in these cue modes are affected (a study that crosses modes: `cues: [explicit, implicit]`). */
  cues?: CueMode[];
}

export interface ModelParams {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  /**
   * Ask for the answer as JSON matching a schema built from the question (OpenAI structured outputs); endpoints
   * that refuse it get the plain request, and the text extractors read either. Part of the request key.
   */
  structuredOutput?: boolean;
}

/** What a model costs, per million tokens, for the progress display's running estimate. */
export interface ModelPrice {
  input: number;
  output: number;
  /** What the provider's Batch API charges instead (OpenAI's and Azure's: half); the online price when unset. */
  batchInput?: number;
  batchOutput?: number;
}

/** What every model entry has, whatever answers it: read by the study loader before the provider reads its own fields. */
export interface ModelCommon {
  /** Unique label of the model in this study; used in findings and file names. */
  id: string;
  params: ModelParams;
  systemPrompt: string;
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
  /**
   * Consecutive identical endpoint-wide failures (bad key, unknown model, refused connection...) after which the
   * runner stops sending to this model (its circuit breaker opens); DEFAULT_BREAKER_AFTER when unset.
   */
  breakerAfter?: number;
  /** Largest answer body read from the endpoint, in bytes (DEFAULT_MAX_ANSWER_BYTES when unset); a larger one fails the attempt. */
  maxAnswerBytes?: number;
  /** Requests per minute the endpoint allows, if it limits them. */
  rpm?: number;
  /** Tokens (prompt + answer) per minute the endpoint allows, if it limits them. */
  tpm?: number;
  price?: ModelPrice;
}

/** `provider: simulated`: the built-in model with planted biases (src/providers/simulated.ts). */
export type SimulatedModelSpec = ModelCommon & {
  kind: 'simulated';
  /** Probability of a correct answer per domain; `default` for the rest. */
  accuracy: { default: number; byDomain: Record<string, number> };
  biases: InjectedBias[];
  /** Probability that an answer is not in a parseable form. */
  unparseableRate: number;
  /** Probability that a variant's answer is drawn afresh rather than shared with its vignette (wording sensitivity). */
  instability: number;
};

/** `provider: openai`: any OpenAI-compatible chat endpoint (src/providers/openai.ts). */
export type OpenAIModelSpec = ModelCommon & {
  kind: 'openai';
  model: string;
  baseUrl?: string;
  /** Name of the environment variable holding the key; the key itself never enters the study. */
  apiKeyEnv: string;
  /** Submit through the provider's Batch API (files, batches, polling) instead of one call per request. */
  batch: boolean;
};

/**
 * A model of a provider added through a registry (`createRegistry({ providers })`): the common fields, its `kind`
 * (the provider's id) and whatever fields its definition's `readSpec` adds.
 */
export type ExtensionModelSpec = ModelCommon & { kind: string };

/**
 * One model entry, as its provider's definition read it. Narrow a built-in one with `isSimulatedSpec` /
 * `isOpenAISpec` (src/providers/): `kind === 'openai'` alone cannot narrow, since an extension's kind is any string.
 */
export type ModelSpec = SimulatedModelSpec | OpenAIModelSpec | ExtensionModelSpec;

/**
 * How level assignments are chosen for each vignette. `one-at-a-time`: each axis alone against the reference;
 * `factorial`: every combination of the listed axes (others at reference); `sampled`: n seeded combinations per
 * vignette in which every level of an axis appears equally often; `list`: the assignments given.
 */
export type Design =
  | { kind: 'one-at-a-time' }
  | { kind: 'factorial'; axes: string[] }
  | { kind: 'sampled'; n: number }
  | { kind: 'list'; assignments: Record<string, string>[] };

/**
 * A combination of levels across axes that makes no clinical sense (Medicare at 45 implies disability or end-stage
 * kidney disease): a variant whose assignment matches every entry of `when` is never rendered, for vignettes of
 * `domains` (all when absent), and the report lists each one not rendered with `reason`.
 */
export interface ImplausibleCombination {
  /**
   * Axis id -> level id, all of which must hold. An age axis may also give `"<N"` (any age below N years), which
   * matches ages a vignette pins as well as the study's levels.
   */
  when: Record<string, string>;
  reason: string;
  /** Only vignettes of these domains; every domain when absent. */
  domains?: string[];
}

/** Variants that measure the noise floor rather than a demographic effect. */
export interface Controls {
  /** A variant with every demographic cue removed, beside the reference. */
  noDemographics: boolean;
  /** Non-demographic rewordings of each vignette, at reference levels: their flip rate is the floor. */
  paraphrases: number;
}

/** The study's `names:` section: how implicit cues may name a patient. */
export interface NameOptions {
  /** Whether a level without a name pool may use a generic (Faker) name; refused by default. */
  allowFallback: boolean;
  /**
   * The level combinations whose name (or part of it) is generic under implicit or both cues: empty unless the
   * study allows fallbacks, since otherwise they are refused at load.
   */
  fallbacks: NameFallback[];
}

/** The study's `judge:` section: the model that grades free-text answers, and the prompt version it is asked with. */
export interface JudgeSpec {
  /** Any model the study could audit (the same fields as `models:`); `provider: simulated` gives a simulated judge. */
  model: ModelSpec;
  /** The judge prompt version the study was written for; a counterfair with other prompts refuses rather than drifts. */
  promptVersion: number;
  /** Also ask the pairwise counterfactual judge whether a level's answer differs from the reference's (default true). */
  pairwise: boolean;
}

/**
 * How a panel's verdicts become one. `majority`: the verdict a strict majority of the readable verdicts give;
 * anything else (a tie, no readable verdict) is undecided. `unanimous-correct`: adequate only when every judge
 * says adequate, inadequate when any readable verdict says inadequate, otherwise (a judge unreadable, none
 * inadequate) undecided. An undecided answer is never guessed: it stays unscored and goes to clinician review.
 */
export const PANEL_RULES = ['majority', 'unanimous-correct'] as const;
export type PanelRule = (typeof PANEL_RULES)[number];

/** One judge of a panel: its id in the study (`judges[].id`), unique in the panel, and its settings. */
export interface PanelJudge {
  id: string;
  spec: JudgeSpec;
}

/** The judges that grade free-text answers and the rule that makes their verdicts one; a single `judge:` is a panel of one. */
export interface JudgePanel {
  rule: PanelRule;
  judges: PanelJudge[];
}

export interface AnalysisOptions {
  alpha: number;
  adjustment: AdjustMethod;
  /** Exact McNemar (default, conservative) or mid-p, for one pair per vignette. */
  mcnemar: 'exact' | 'midp';
  /** Cluster bootstrap resamples for confidence intervals (seeded from the study seed). */
  bootstrapResamples: number;
  /** The error amplification the report states the study's power against (`target_ratio`; 1.5 when absent). */
  targetRatio?: number;
  /** The study's `contrasts:` (or an import's or analysis file's): the findings' families; absent, the default one. */
  contrasts?: ContrastSpec[];
  /**
   * The bootstrap seed `counterfair analyze --seed` (or its analysis file) set, recorded in the manifest; absent: the
   * study seed. Only resampling reads it: fillers, names and a simulated judge keep drawing from the study seed.
   */
  bootstrapSeed?: number;
}

/**
 * The study's `gate:` section: when `counterfair gate` fails a run. A contrast fails when it is significant
 * after adjustment at `alpha` and its disparity exceeds `maxDifference` or `maxRatio`, or in equivalence mode when
 * its interval is not inside them (see src/gate/evaluate.ts).
 */
export interface GateSettings {
  /** Largest acceptable error-rate difference, in percentage points (5 means 5 points). */
  maxDifference?: number;
  /** Largest acceptable error-rate ratio (or its inverse, for a level that errs less than the reference). */
  maxRatio?: number;
  alpha?: number;
  /** Only these axes are gated; all when absent. */
  axes?: string[];
  /** Gate each of these clinical domains separately; the whole run when absent. */
  domains?: string[];
  /** Compare the 95% CI bound nearer zero, not the point estimate, with the thresholds. */
  useCiBound?: boolean;
  /** `superiority` (default) or `equivalence` (TOST: pass only when the 1 − 2·alpha interval is inside the margins). */
  mode?: 'superiority' | 'equivalence';
  /** Largest share of a contrast's pairs that may be lost before the gate refuses the run (default 0.2). */
  maxLostPairs?: number;
}

/**
 * The study's `quality:` section: the data a conclusion needs. A model whose requests failed (or whose answers
 * could not be read) more often than this fails the run's data-quality check, and `run` exits non-zero.
 */
export interface QualityThresholds {
  /** Largest acceptable share of requests that ended in error (after retries), in [0, 1]. */
  maxErrorRate: number;
  /** Largest acceptable share of received answers that could not be read (unparseable), in [0, 1]. */
  maxUnparseableRate: number;
}

export interface Study {
  file: string;
  name: string;
  seed: number;
  templateFiles: string[];
  demographicsPath: string;
  /** The study's axes, with levels restricted and references chosen as the study says. */
  axes: Axis[];
  /** Every axis defined in the demographics folder, so vignettes can pin axes the study does not vary. */
  allAxes: Axis[];
  design: Design;
  /** The study's `implausible:` combinations, never rendered (empty when the study declares none). */
  implausible: ImplausibleCombination[];
  /**
   * How demographics show in the text (`cues:`): one mode, or several the study crosses, in the order listed. With
   * several, every design assignment is rendered once per mode and results are tagged with the mode; controls are
   * rendered once, in the first mode.
   */
  cueModes: CueMode[];
  controls: Controls;
  /** `strict: true`: template lint warnings are errors, as with --strict on `run` and `expand`. */
  strict?: boolean;
  namePools: NamePools;
  names: NameOptions;
  replicates: number;
  /** The study's system prompt; a model with its own `system_prompt` replaces it in what it is sent. */
  systemPrompt: string;
  models: ModelSpec[];
  /** Grades free-text answers (`judge:`); without it, or a panel, they stay `unscored`. */
  judge?: JudgeSpec;
  /** Several judges (`judges:` and `panel:`); never set together with `judge` (see `studyPanel`). */
  panel?: JudgePanel;
  analysis: AnalysisOptions;
  quality: QualityThresholds;
  /** Deployment thresholds for `counterfair gate`, when the study sets them. */
  gate?: GateSettings;
  /** Set when the run is a smoke-test subset of the study (`--limit`, `--sample`, `--vignettes`, `--domains`, `--models`). */
  subset?: StudySubset;
  outputDir: string;
  /** sha256 of the study file, every template file and every demographics file. */
  hashes: { study: string; templates: Record<string, string>; demographics: Record<string, string> };
}

export interface LoadedStudy {
  study: Study;
  vignettes: Vignette[];
}
