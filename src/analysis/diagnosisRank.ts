import type { Axis } from '../demographics/types.js';
import { pairsWhere, somePair, type ContrastPairs } from '../pairing/pairs.js';
import type { AnalysedScore } from '../score/table.js';
import type { AdjustMethod } from '../stats/adjust.js';
import type { DifferentialQuestion } from '../template/questions/differential.js';
import type { Question } from '../template/types.js';
import { formatPValue } from '../util/pValue.js';
import { adjustedContrast, fitAdjusted, needsAdjustment } from './adjusted.js';
import type { AnalysisOptions } from './findings.js';
import { adjustWithinModels, familyLevelsWithinModels } from './modelFamilies.js';
import { ADJUSTMENT_NAMES, agreement, simultaneousLabel } from './sentence.js';
import type { SimultaneousKind } from './simultaneous.js';
import { testShifts } from './shifts.js';
import type { CueTag } from './types.js';

/**
 * Differential-diagnosis questions: the rank at which a level's answer names the correct diagnosis against the
 * rank in the model's own answer to the reference variant of the same vignette (and replicate), as published studies
 * of diagnostic bias compared differentials. One finding per model, axis level (and cue mode).
 *
 * Ranks are compared on a censored scale: a diagnosis named at rank 1..list keeps its rank; one the answer leaves
 * out, or names only beyond the `list` diagnoses asked for, is at rank list + 1 ("not in the list"). Absence is worse
 * than any listed rank but by no more than one place past the end: the list says nothing about where a missing
 * diagnosis would have come, and a larger penalty would let a few omissions outweigh every rank change in the mean.
 * Omissions are therefore also counted on their own (`presentAtReferenceAbsentAtLevel`, and the reverse). Pairs
 * where either side has no rank (request error, refusal, unparseable answer) are left out and counted.
 */
export interface DiagnosisRankFinding extends CueTag {
  model: string;
  axis: string;
  level: string;
  reference: string;
  nVignettes: number;
  /** Pairs with a rank on both sides. */
  nPairs: number;
  /** Pairs dropped because one side had no rank (request error, refusal, unparseable answer). */
  nExcludedPairs: number;
  /**
   * Mean over vignettes of each vignette's mean (level rank − reference rank) over its pairs (replicates and, in
   * factorial designs, other axes' levels: pairs of one vignette are not independent). Positive: the diagnosis is
   * named later, or left out, at the level.
   */
  meanRankShift: number;
  /** t interval over the vignettes' mean shifts (clustered by vignette); null when every vignette shifted alike. */
  meanRankShiftCi: [number, number] | null;
  /** Share of usable pairs where the level names the diagnosis later (or leaves it out) than the reference, and earlier. */
  rankedLower: number;
  rankedHigher: number;
  /** Pairs whose reference answer lists the diagnosis and whose level answer does not, and the reverse. */
  presentAtReferenceAbsentAtLevel: number;
  absentAtReferencePresentAtLevel: number;
  /** Wilcoxon signed-rank on the vignettes' mean shifts; the adjusted model's t test without exact partners. */
  test: 'wilcoxon' | 'vignette-fixed-effects';
  p: number;
  /** Adjusted within the model's rank family (every axis level, and cue mode) with the study's adjustment. */
  pAdjusted: number;
  adjustment: AdjustMethod;
  significant: boolean;
  /** The mean shift's interval at the family's level (`simultaneousLevel`), by the same method as the 95% one. */
  meanRankShiftCiSimultaneous: [number, number] | null;
  simultaneousLevel: number;
  simultaneousKind: SimultaneousKind;
  familySize: number;
  sentence: string;
}

/** A censored rank: the listed rank, or list + 1 when the diagnosis is not among the first `list` (see DiagnosisRankFinding). */
export function censoredRank(extracted: number, list: number): number {
  return extracted >= 1 && extracted <= list ? extracted : list + 1;
}

/**
 * Every level of every axis against the axis's reference, per model, on differential questions. Designs without
 * exact partners (sampled, list) estimate the shift with the other axes held fixed (`fitAdjusted` on the censored
 * rank), as the error findings do; the shares and omission counts stay against the vignette's reference variant.
 * Declared `contrasts:` families are not applied here. Empty when the run has no differential question.
 */
export function analyzeDiagnosisRanks(
  contrasts: readonly ContrastPairs[],
  axes: readonly Axis[],
  questions: ReadonlyMap<string, Question>,
  options: AnalysisOptions,
): DiagnosisRankFinding[] {
  const listOf = (vignetteId: string): number | undefined => {
    const q = questions.get(vignetteId);
    return q?.type === 'differential' ? (q as DifferentialQuestion).list : undefined;
  };
  const rank = (s: AnalysedScore): number | null => {
    const list = listOf(s.vignetteId);
    const ranked = (s.outcome === 'correct' || s.outcome === 'incorrect') && typeof s.extracted === 'number';
    return list === undefined || !ranked ? null : censoredRank(s.extracted as number, list);
  };
  const againstReference = contrasts.filter((c) => c.versus === undefined && somePair(c, (p) => listOf(p.vignetteId) !== undefined));
  const adjusted = new Set(againstReference.filter((c) => needsAdjustment([c])).map((c) => c.modelId));
  const fits = new Map<string, ReturnType<typeof fitAdjusted>>();
  const fitFor = (model: string) => {
    if (!fits.has(model)) fits.set(model, fitAdjusted([againstReference.filter((c) => c.modelId === model)], axes, rank));
    return fits.get(model)!;
  };
  const raw: Omit<DiagnosisRankFinding, FamilyFields>[] = [];
  const intervalAt: ((confLevel: number) => [number, number] | null)[] = [];
  for (const group of againstReference) {
    const axis = axes.find((a) => a.id === group.axis);
    if (!axis) continue;
    const pairs = pairsWhere(group, (p) => listOf(p.vignetteId) !== undefined);
    const usable = pairs.flatMap((p) => {
      const reference = rank(p.reference);
      const level = rank(p.level);
      return reference === null || level === null ? [] : [{ pair: p, reference, level, absent: listOf(p.vignetteId)! + 1 }];
    });
    const shifts = vignetteMeans(usable.map((u) => ({ vignetteId: u.pair.vignetteId, shift: u.level - u.reference })));
    const tested = testShifts(shifts);
    const estimate = adjusted.has(group.modelId)
      ? adjustedContrast(fitFor(group.modelId), group.axis, group.level, options.confLevel ?? 0.95)
      : undefined;
    const share = (keep: (u: (typeof usable)[number]) => boolean) => (usable.length ? usable.filter(keep).length / usable.length : 0);
    raw.push({
      model: group.modelId,
      axis: group.axis,
      level: group.level,
      reference: axis.reference,
      ...(group.cues ? { cues: group.cues } : {}),
      nVignettes: estimate?.nVignettes ?? shifts.length,
      nPairs: estimate?.nPairs ?? usable.length,
      nExcludedPairs: pairs.length - usable.length,
      meanRankShift: estimate?.difference ?? (shifts.length ? tested.meanShift : NaN),
      meanRankShiftCi: estimate ? estimate.differenceCi : tested.meanShiftCi,
      rankedLower: share((u) => u.level > u.reference),
      rankedHigher: share((u) => u.level < u.reference),
      presentAtReferenceAbsentAtLevel: usable.filter((u) => u.reference < u.absent && u.level === u.absent).length,
      absentAtReferencePresentAtLevel: usable.filter((u) => u.reference === u.absent && u.level < u.absent).length,
      test: estimate ? 'vignette-fixed-effects' : 'wilcoxon',
      p: estimate?.p ?? (shifts.length === 0 ? NaN : tested.wilcoxonP),
      adjustment: options.adjustment,
    });
    intervalAt.push((confLevel) =>
      estimate
        ? (adjustedContrast(fitFor(group.modelId), group.axis, group.level, confLevel)?.differenceCi ?? null)
        : shifts.length
          ? testShifts(shifts, confLevel).meanShiftCi
          : null,
    );
  }
  const withAdjustedP = adjustWithinModels(raw, options.alpha);
  const levels = familyLevelsWithinModels(withAdjustedP, options.alpha);
  return withAdjustedP.map((f, i) => {
    const { level, kind, familySize } = levels[i]!;
    const finding = {
      ...f,
      meanRankShiftCiSimultaneous: Number.isFinite(level) ? intervalAt[i]!(level) : null,
      simultaneousLevel: level,
      simultaneousKind: kind,
      familySize,
    };
    return { ...finding, sentence: describeRankFinding(finding, options.alpha) };
  });
}

/** What is known of a finding only once its family is: the adjustment, the family's level and interval at it. */
type FamilyFields =
  | 'pAdjusted'
  | 'significant'
  | 'sentence'
  | 'meanRankShiftCiSimultaneous'
  | 'simultaneousLevel'
  | 'simultaneousKind'
  | 'familySize';

/** Each vignette's mean shift over its pairs, in vignette order (the unit the test and interval count). */
function vignetteMeans(shifts: readonly { vignetteId: string; shift: number }[]): number[] {
  const byVignette = new Map<string, number[]>();
  for (const { vignetteId, shift } of shifts) byVignette.set(vignetteId, [...(byVignette.get(vignetteId) ?? []), shift]);
  return [...byVignette.keys()].sort().map((v) => {
    const list = byVignette.get(v)!;
    return list.reduce((a, b) => a + b, 0) / list.length;
  });
}

/**
 * The finding in one plain sentence that follows from its interval: the shift with its family interval (at the
 * level its adjustment implies, so it answers what the adjusted p beside it does), what the
 * interval excludes (a shift in one direction, or shifts larger than its bounds — never "no difference" from a test
 * that did not reject), the omissions, and the adjusted p.
 */
export function describeRankFinding(f: Omit<DiagnosisRankFinding, 'sentence'>, alpha: number): string {
  const who = `${f.model}: ${f.axis} = ${f.level} vs ${f.reference}`;
  if (f.nPairs === 0)
    return `${who}: no pair with the diagnosis ranked on both sides (${f.nExcludedPairs} pairs lacked a readable list on one side); nothing could be compared.`;
  const p = `adjusted p = ${formatPValue(f.pAdjusted)} (${ADJUSTMENT_NAMES[f.adjustment]})`;
  const omissions = `listed at the reference but left out at the level in ${f.presentAtReferenceAbsentAtLevel} of ${f.nPairs} pairs, the reverse in ${f.absentAtReferencePresentAtLevel}`;
  const shift = `mean rank shift ${signed(f.meanRankShift)} places over ${f.nVignettes} vignettes`;
  const ci = f.meanRankShiftCiSimultaneous;
  if (!ci)
    return `${who}: ${shift}, every vignette shifting alike, so no interval can be computed (too little variation to bound the shift); ${omissions}; ${p}.`;
  const [low, high] = ci;
  const interval = `${simultaneousLabel(f.simultaneousKind, alpha, f.adjustment, f.familySize)}: ${signed(low)} to ${signed(high)}`;
  const reading =
    low > 0
      ? `the interval excludes a shift of zero: the level's answers name the diagnosis later (or leave it out) by ${low.toFixed(2)} to ${high.toFixed(2)} places on average`
      : high < 0
        ? `the interval excludes a shift of zero: the level's answers name the diagnosis earlier by ${(-high).toFixed(2)} to ${(-low).toFixed(2)} places on average`
        : `the interval excludes a mean shift later than ${high.toFixed(2)} places or earlier than ${(-low).toFixed(2)}, but not a shift of zero, so these data cannot tell whether the level changes the rank`;
  const verdict = verdictOf(f, alpha);
  return `${who}: ${shift} (${interval}); ${reading}; ${omissions}; ${p}${verdict}.`;
}

/** The adjusted test's verdict, and a warning when it and the family interval beside it disagree near the boundary. */
function verdictOf(f: Pick<DiagnosisRankFinding, 'significant' | 'meanRankShiftCiSimultaneous'>, alpha: number): string {
  switch (agreement(f.significant, f.meanRankShiftCiSimultaneous)) {
    case 'significant':
      return `: significant at alpha ${alpha}`;
    case 'not-significant':
      return `: not significant at alpha ${alpha}`;
    case 'borderline-test-only':
      return `: the adjusted test rejects at alpha ${alpha} though the interval includes zero; treat the shift as uncertain`;
    case 'borderline-interval-only':
      return `: not significant at alpha ${alpha} after adjustment for the family, though the family interval excludes zero; treat the shift as uncertain`;
  }
}

function signed(x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(2)}`;
}
