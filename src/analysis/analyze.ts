import type { JudgePanelSummary } from './judgePanel.js';
import type { ScoreList } from '../score/rows.js';
import type { Axis } from '../demographics/types.js';
import type { Design } from '../study/types.js';
import type { Question, Vignette } from '../template/types.js';
import { analyzeAxes, type AxisTest } from './axisTests.js';
import { analyzeCasePerspectives, type CasePerspectiveComparison } from './casePerspectives.js';
import { analyzeCareIntensity, gradedScores, type CareIntensityFinding } from './careIntensity.js';
import { analyzeControls, type ControlResults } from './controls.js';
import { analyzeDiagnosisRanks, type DiagnosisRankFinding } from './diagnosisRank.js';
import type { DataQuality } from './dataQuality.js';
import { ENDPOINT_NAMES } from './endpoints.js';
import { analyzeFindings, findingPairs, type AnalysisOptions } from './findings.js';
import { analyzeFlips, type FlipRate, type NoiseFloor } from './flips.js';
import { analyzeIntersections, type IntersectionCell } from './intersections.js';
import { analyzeMarginalHomogeneity, type MarginalHomogeneity } from './marginalHomogeneity.js';
import { pairContrasts } from '../pairing/pairs.js';
import { analyzeProbes, pooledScores, type ProbeResult } from './probes.js';
import { analyzeShifts, type ShiftFinding } from './shifts.js';
import { analyzeSpread, type SpreadRow, type SpreadSummary } from './spread.js';
import { analyzeSubgroups, type SubgroupPerformance } from './subgroups.js';
import type { CueTag, Finding } from './types.js';
import type { CueModeResults } from '../compare/cueModes.js';
import { worstCases, type WorstCase } from './worst.js';

export const WORST_CASE_LIMIT = 25;

/** Everything the analysis finds: results.json. `findings` (error amplification) is also findings.json. */
export interface AnalysisResults {
  findings: Finding[];
  /**
   * A panel of judges (`judges:`): each judge's verdict counts, pairwise and Fleiss' kappa with intervals, the
   * panel's rule and correct rate, and the rate corrected with clinician labels (added by analyzeRun; absent for a
   * single judge or none).
   */
  judgePanel?: JudgePanelSummary;
  /** Refusals, unparseable answers and request errors per level, tested like errors. */
  secondaryFindings: Finding[];
  shifts: CueTagged<ShiftFinding>[];
  /** Ordinal answers: Stuart-Maxwell test of the reference × level table of answer categories (less care / correct / more care). */
  marginalHomogeneity: CueTagged<MarginalHomogeneity>[];
  axisTests: CueTagged<AxisTest>[];
  flips: CueTagged<FlipRate>[];
  noiseFloors: CueTagged<NoiseFloor>[];
  /** Control variants analysed on their own (not findings: outside the gate, the adjustment families and the headline); in a run that crosses cue modes, the first mode's, the one the controls were rendered in. */
  controls: ControlResults;
  worstCases: CueTagged<WorstCase>[];
  spread: CueTagged<SpreadRow>[];
  spreadSummaries: CueTagged<SpreadSummary>[];
  intersections: CueTagged<IntersectionCell>[];
  /**
   * Axes each vignette does not vary, and why (clinically relevant to it); and, added by analyzeRun, the variants an
   * implausible combination of the study ruled out (`rule`, its index in the study's list; `when`;
   * `variantsNotRendered`; `variantIds`).
   */
  exclusions: {
    vignetteId: string;
    axis: string;
    value: string;
    reason: string;
    rule?: number;
    when?: Record<string, string>;
    variantsNotRendered?: number;
    variantIds?: string[];
  }[];
  /** Outcome counts per model and variant kind / level, so errors per demographic level are visible. */
  outcomeCounts: CueTagged<{ model: string; axis: string; level: string; outcomes: Record<string, number> }>[];
  /**
   * Race-myth probes (vignettes with `probe:`), per model × probe (and pooled per model and axis) × level of the
   * probe axis. Probe vignettes are in no other field: their text invites the differential they measure.
   * Absent in runs analysed before probes existed.
   */
  probes?: CueTagged<ProbeResult>[];
  /**
   * Accuracy and error rate per model, axis and level with cluster-robust intervals: descriptive subgroup
   * performance (unpaired), beside the paired findings. Absent in runs analysed before it existed.
   */
  subgroups?: CueTagged<SubgroupPerformance>[];
  /**
   * The same clinical cases asked from two perspectives (vignettes sharing a `case:`): error rates of their reference
   * variants compared, paired by case. Absent when no vignette of the run belongs to a case (and in older runs).
   */
  casePerspectives?: CasePerspectiveComparison[];
  /**
   * Care-intensity questions (`recommendation`, `care-level`: no correct answer): each level's recommendations
   * against the model's own reference variant, tested and adjusted per model. Absent in runs without such questions.
   */
  careIntensity?: CueTagged<CareIntensityFinding>[];
  /**
   * Differential-diagnosis questions: the rank at which each level's answer names the correct diagnosis against the
   * model's own reference variant of the same vignette (censored at list + 1 when left out), tested and adjusted per
   * model. Absent in runs without such questions.
   */
  diagnosisRanks?: CueTagged<DiagnosisRankFinding>[];
  /** Per model: failed requests, unreadable answers, a stopped endpoint; added by analyzeRun (absent in older runs). */
  dataQuality?: DataQuality;
  /** A run that crosses cue modes: each level's disparity in one mode against another, paired by vignette; added by analyzeRun. */
  cueModes?: CueModeResults;
}

/** A per-level result with the cue mode it was computed in (present only in a run that crosses cue modes). */
export type CueTagged<T> = T & CueTag;

export interface AnalysisInput {
  scores: ScoreList;
  vignettes: readonly Vignette[];
  axes: readonly Axis[];
  modelIds: readonly string[];
  design: Design;
}

/**
 * Score[] -> every finding. Pure: same scores, options and seed give the same results. Race-myth probes are
 * analysed apart (`probes`) and left out of every pooled result, whose scores are `pooledScores`.
 */
export function analyze(input: AnalysisInput, options: AnalysisOptions): AnalysisResults {
  const { axes, modelIds } = input;
  const scores = pooledScores(input.scores, input.vignettes);
  const questions = new Map<string, Question>(input.vignettes.map((v) => [v.id, v.question]));
  const contrasts = pairContrasts(scores, axes);
  // Declared comparisons against another level are findings only: flips, shifts and spread stay against the reference.
  const graded = gradedScores(scores, input.vignettes);
  const compared = graded === scores ? findingPairs(scores, axes, options, contrasts) : findingPairs(graded, axes, options);
  const [primary, ...secondary] = ENDPOINT_NAMES.map((endpoint) => analyzeFindings(compared, axes, modelIds, endpoint, options));
  const { flips, floors } = analyzeFlips(contrasts, scores, modelIds);
  const spread = analyzeSpread(contrasts, options);
  const careIntensity = analyzeCareIntensity(contrasts, axes, questions, options);
  const diagnosisRanks = analyzeDiagnosisRanks(contrasts, axes, questions, options);
  return {
    findings: primary!,
    secondaryFindings: secondary.flat(),
    shifts: analyzeShifts(contrasts, axes, questions),
    marginalHomogeneity: analyzeMarginalHomogeneity(contrasts, axes, questions, options),
    axisTests: analyzeAxes(contrasts, axes, modelIds),
    flips,
    noiseFloors: floors,
    controls: analyzeControls(scores, modelIds, options),
    worstCases: worstCases(contrasts, questions, WORST_CASE_LIMIT),
    spread: spread.rows,
    spreadSummaries: spread.summaries,
    intersections: input.design.kind === 'factorial' ? analyzeIntersections(scores, axes, input.design.axes, modelIds) : [],
    exclusions: input.vignettes.flatMap((v) => [
      ...v.excluded.map((e) => ({ vignetteId: v.id, ...e })),
      ...(v.implausible ?? []).map((im) => ({ vignetteId: v.id, axis: im.axis, value: `not ${im.levels.join(', ')}`, reason: im.reason })),
    ]),
    outcomeCounts: outcomeCounts(scores, axes),
    probes: analyzeProbes(input.scores, input.vignettes, axes, modelIds, options),
    subgroups: analyzeSubgroups(scores, axes, modelIds, input.design),
    ...(input.vignettes.some((v) => v.case !== undefined) && {
      casePerspectives: analyzeCasePerspectives(graded, input.vignettes, modelIds, options),
    }),
    ...(careIntensity.length > 0 ? { careIntensity } : {}),
    ...(diagnosisRanks.length > 0 ? { diagnosisRanks } : {}),
  };
}

function outcomeCounts(scores: ScoreList, axes: readonly Axis[]): AnalysisResults['outcomeCounts'] {
  // Count per (model, attributes object or control kind) first: variants share attribute objects, so this is
  // one map update per score rather than one string key per score and axis.
  const byModel = new Map<string, Map<Readonly<Record<string, string>> | string, Record<string, number>>>();
  for (const s of scores) {
    const group = s.kind === 'reference' || s.kind === 'demographic' ? s.attributes : `(${s.kind})`;
    let counts = byModel.get(s.modelId);
    if (!counts) byModel.set(s.modelId, (counts = new Map()));
    const row = counts.get(group) ?? {};
    row[s.outcome] = (row[s.outcome] ?? 0) + 1;
    counts.set(group, row);
  }
  const merged = new Map<string, AnalysisResults['outcomeCounts'][number]>();
  for (const [model, counts] of byModel) {
    for (const [group, outcomes] of counts) {
      for (const axis of axes) {
        const level = typeof group === 'string' ? group : group[axis.id];
        if (level === undefined) continue;
        const key = `${model}\u0000${axis.id}\u0000${level}`;
        const row = merged.get(key) ?? { model, axis: axis.id, level, outcomes: {} };
        for (const [outcome, n] of Object.entries(outcomes)) row.outcomes[outcome] = (row.outcomes[outcome] ?? 0) + n;
        merged.set(key, row);
      }
    }
  }
  return [...merged.values()].sort(
    (a, b) => a.model.localeCompare(b.model) || a.axis.localeCompare(b.axis) || a.level.localeCompare(b.level),
  );
}
