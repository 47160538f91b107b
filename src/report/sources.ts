import type { QuestionTypeRegistry } from '../template/questions/registry.js';
import type { AnalysisResults } from '../analysis/analyze.js';
import { pooledScores } from '../analysis/probes.js';
import { pairContrasts, type ContrastPairs } from '../pairing/pairs.js';
import type { Axis } from '../demographics/types.js';
import type { Manifest } from '../pipeline/manifest.js';
import type { ReviewAgreement } from '../review/agreement.js';
import type { ScoreList } from '../score/rows.js';
import type { Vignette } from '../template/types.js';
import type { CueMode } from '../template/render.js';
import { flipMatrix, type FlipCell } from './data/flipMatrix.js';
import { shiftDistribution, type VignetteShift } from './data/shiftDistribution.js';
import { byText } from './order.js';
import { loadProvisions, type Provision } from './appendix/provisions.js';

/**
 * Everything a report is rendered from, as recorded in a run directory. The report never calls a model and never
 * re-analyses: what it shows is what results.json says.
 */
export interface ReportSources {
  manifest: Manifest;
  results: AnalysisResults;
  scores: ScoreList;
  vignettes: readonly Vignette[];
  /** Model output by response key (null for a request that failed). Untrusted text. */
  responseTexts: ReadonlyMap<string, string | null>;
  /** Model identifiers the endpoints reported per study model id, sorted (what actually answered). */
  servedModels: Readonly<Record<string, string[]>>;
  /** Agreement between automated scoring and clinicians, once labels have been imported. */
  review?: ReviewAgreement;
  /** The question types that describe correct answers (a registry's, for a study using registered types); built-ins when absent. */
  questionTypes?: QuestionTypeRegistry;
  /** The regulatory map of the appendix; the shipped `regulatory/provisions.yaml` when absent. */
  provisions?: readonly Provision[];
}

/** A contrast named the same way in every chart and table. */
export interface ContrastRef {
  model: string;
  axis: string;
  level: string;
  /** The cue mode, in a run that crosses cue modes. */
  cues?: CueMode;
}

/** The sources plus the lookups every section needs. */
export interface ReportLookups extends ReportSources {
  provisions: readonly Provision[];
  axes: readonly Axis[];
  modelIds: readonly string[];
  vignettesById: ReadonlyMap<string, Vignette>;
  /** Reference/level score pairs per contrast, rebuilt from scores.jsonl for the per-vignette charts (race-myth probes left out, as in the analysis). */
  contrasts: readonly ContrastPairs[];
  /** Sorts contrasts in the order of the findings (model, then study axis and level order). */
  contrastOrder: (a: ContrastRef, b: ContrastRef) => number;
  /** "insurance: medicaid", prefixed with the model when the run has more than one, with the cue mode when the run crosses modes. */
  contrastLabel: (c: ContrastRef) => string;
  /** The axis's human label for a level id ("Medicaid" for medicaid), or the id. */
  levelLabel: (axis: string, level: string) => string;
}

/** The lookups plus the per-vignette data derived from scores, built once and shared by charts and tables. */
export interface ReportContext extends ReportLookups {
  flipCells: readonly FlipCell[];
  vignetteShifts: readonly VignetteShift[];
}

/** How many distinct variants the scores answer (a variant counts once, however many models and replicates answer it). */
export function variantCount(scores: ScoreList): number {
  const variants = new Set<string>();
  for (const s of scores) variants.add(s.variantId);
  return variants.size;
}

export function reportContext(sources: ReportSources): ReportContext {
  const lookups = reportLookups(sources);
  return { ...lookups, flipCells: flipMatrix(lookups), vignetteShifts: shiftDistribution(lookups) };
}

function reportLookups(sources: ReportSources): ReportLookups {
  const axes = sources.manifest.axes;
  const modelIds = sources.manifest.models.map((m) => String(m.id));
  const multiModel = modelIds.length > 1;
  const key = (c: ContrastRef) => `${c.model}\u0000${c.axis}\u0000${c.level}${c.cues ? `\u0000${c.cues}` : ''}`;
  const rank = new Map(sources.results.findings.map((f, i) => [key(f), i]));
  const position = (c: ContrastRef) => rank.get(key(c)) ?? rank.size;
  return {
    ...sources,
    provisions: sources.provisions ?? loadProvisions(),
    axes,
    modelIds,
    vignettesById: new Map(sources.vignettes.map((v) => [v.id, v])),
    contrasts: pairContrasts(pooledScores(sources.scores, sources.vignettes), axes),
    contrastOrder: (a, b) => position(a) - position(b) || byText(key(a), key(b)),
    contrastLabel: (c) => `${multiModel ? `${c.model} · ` : ''}${c.axis}: ${c.level}${c.cues ? ` (${c.cues} cues)` : ''}`,
    levelLabel: (axis, level) => axes.find((a) => a.id === axis)?.levels.find((l) => l.id === level)?.label ?? level,
  };
}
