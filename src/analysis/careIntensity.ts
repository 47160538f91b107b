import type { Axis } from '../demographics/types.js';
import { scoresWhere, type ScoreList } from '../score/rows.js';
import { pairsWhere, somePair, type ContrastPairs } from '../pairing/pairs.js';
import type { AnalysedScore } from '../score/table.js';
import type { AdjustMethod } from '../stats/adjust.js';
import { isCareQuestion, type Question, type Vignette } from '../template/types.js';
import { deriveSeed } from '../util/hash.js';
import { formatPValue } from '../util/pValue.js';
import { adjustedContrast, fitAdjusted, needsAdjustment } from './adjusted.js';
import { binaryContrast, VignetteCounter, type BinaryContrastStats } from './binary.js';
import { withAdjustedEstimate, type AnalysisOptions } from './findings.js';
import { adjustWithinModels, familyLevelsWithinModels } from './modelFamilies.js';
import { ADJUSTMENT_NAMES, agreement, simultaneousLabel, type Agreement } from './sentence.js';
import type { SimultaneousKind } from './simultaneous.js';
import { testShifts } from './shifts.js';
import type { CueTag } from './types.js';

export type CareKind = 'recommendation' | 'care-level';

interface CareFindingBase extends CueTag {
  model: string;
  axis: string;
  level: string;
  reference: string;
  /** Pairs dropped because one side had no recommendation (request error, refusal, unparseable answer). */
  nExcludedPairs: number;
  /** The p-value of the paired test (McNemar or clustered McNemar; Wilcoxon signed-rank for care levels; the adjusted model's t test without exact partners). */
  p: number;
  /** Adjusted within the model's care-intensity family (both kinds, every axis level) with the study's adjustment. */
  pAdjusted: number;
  adjustment: AdjustMethod;
  significant: boolean;
  /** Confidence level of the family intervals (`simultaneousLevel` of the model's care-intensity family). */
  simultaneousLevel: number;
  simultaneousKind: SimultaneousKind;
  familySize: number;
  sentence: string;
}

/**
 * Yes/no recommendations: how often the more-care answer (admit, image, refer, prescribe) was given at the level and
 * at the reference over the same pairs — `rateLevel`, `rateReference`, their difference and ratio with intervals,
 * and the paired test, exactly as error amplification is computed, with "recommended more care" as the event.
 */
export type RecommendationFinding = CareFindingBase & {
  kind: 'recommendation';
  /** The difference's and ratio's intervals at the family's level, by the same methods as the 95% ones. */
  differenceCiSimultaneous: [number, number] | null;
  ratioCiSimultaneous: [number, number] | null;
} & BinaryContrastStats;

/**
 * Care levels: per pair the level's steps of care minus the reference's, averaged per vignette (replicates are not
 * independent); the mean with its t interval, the shares of vignettes with less and more care, Wilcoxon's test.
 */
export interface CareLevelFinding extends CareFindingBase {
  kind: 'care-level';
  nVignettes: number;
  nPairs: number;
  /** Mean change in steps of care at the level (negative: less care than the reference). */
  meanShift: number;
  meanShiftCi: [number, number] | null;
  /** The mean shift's interval at the family's level, by the same method as the 95% one. */
  meanShiftCiSimultaneous: [number, number] | null;
  lessCare: number;
  moreCare: number;
  test: 'wilcoxon' | 'vignette-fixed-effects';
}

export type CareIntensityFinding = RecommendationFinding | CareLevelFinding;

/** What is known of a finding only once its family is: the adjustment, the family's level and intervals at it. */
type FamilyFields =
  | 'pAdjusted'
  | 'significant'
  | 'sentence'
  | 'simultaneousLevel'
  | 'simultaneousKind'
  | 'familySize'
  | 'differenceCiSimultaneous'
  | 'ratioCiSimultaneous'
  | 'meanShiftCiSimultaneous';

/** A finding before its family's adjustment (distributes over the union). */
type Unadjusted = CareIntensityFinding extends infer F ? (F extends unknown ? Omit<F, FamilyFields> : never) : never;

/** A finding's intervals at a given confidence level (its family's, once the family is adjusted). */
type IntervalsAt = (
  confLevel: number,
) => Pick<RecommendationFinding, 'differenceCiSimultaneous' | 'ratioCiSimultaneous'> | Pick<CareLevelFinding, 'meanShiftCiSimultaneous'>;

/**
 * Direction of care on care-intensity questions (`recommendation`, `care-level`): they have no correct answer, so
 * each level is compared with the model's own reference variant of the same vignette, never with a key. One
 * finding per model, axis level and kind (and cue mode), against the axis's reference; the p-values of one model
 * (and cue mode) form one family adjusted with the study's adjustment, so a shift is a finding like any other.
 * Designs without exact partners (sampled, list) use the vignette fixed-effects model with the other axes held
 * fixed, as the error findings do. Declared `contrasts:` families are not applied here: levels against reference.
 */
export function analyzeCareIntensity(
  contrasts: readonly ContrastPairs[],
  axes: readonly Axis[],
  questions: ReadonlyMap<string, Question>,
  options: AnalysisOptions,
): CareIntensityFinding[] {
  const kindOf = (vignetteId: string): CareKind | undefined => {
    const type = questions.get(vignetteId)?.type;
    return type === 'recommendation' || type === 'care-level' ? type : undefined;
  };
  const care = (kind: CareKind) => (s: AnalysedScore) =>
    kindOf(s.vignetteId) === kind && s.outcome === 'answered' ? (s.care ?? null) : null;
  const againstReference = contrasts.filter((c) => c.versus === undefined && somePair(c, (p) => kindOf(p.vignetteId)));
  const raw: Unadjusted[] = [];
  const intervalsAt: IntervalsAt[] = [];
  const fits = new Map<string, ReturnType<typeof fitAdjusted>>();
  const fitFor = (model: string, kind: CareKind) => {
    const key = `${model}\u0000${kind}`;
    if (!fits.has(key)) fits.set(key, fitAdjusted([againstReference.filter((c) => c.modelId === model)], axes, care(kind)));
    return fits.get(key)!;
  };
  const adjusted = new Set(againstReference.filter((c) => needsAdjustment([c])).map((c) => c.modelId));
  for (const group of againstReference) {
    const axis = axes.find((a) => a.id === group.axis);
    if (!axis) continue;
    const common = {
      model: group.modelId,
      axis: group.axis,
      level: group.level,
      reference: axis.reference,
      ...(group.cues ? { cues: group.cues } : {}),
      adjustment: options.adjustment,
    };
    for (const kind of ['recommendation', 'care-level'] as const) {
      const pairs = pairsWhere(group, (p) => kindOf(p.vignetteId) === kind);
      if (pairs.length === 0) continue;
      const value = care(kind);
      const usable = pairs.filter((p) => value(p.reference) !== null && value(p.level) !== null);
      const nExcludedPairs = pairs.length - usable.length;
      const estimate = adjusted.has(group.modelId)
        ? adjustedContrast(fitFor(group.modelId, kind), group.axis, group.level, options.confLevel ?? 0.95)
        : undefined;
      if (kind === 'recommendation') {
        const counter = new VignetteCounter();
        for (const p of usable) counter.add(p.vignetteId, value(p.reference) === 1, value(p.level) === 1);
        const seed = deriveSeed(options.seed, 'care-intensity', group.modelId, group.axis, group.level, group.cues ?? '');
        const marginal = binaryContrast(counter.sorted(), {
          seed,
          bootstrapResamples: estimate ? 0 : options.bootstrapResamples,
          mcnemar: options.mcnemar,
          confLevel: options.confLevel,
        });
        const { nExcluded: _n, ...stats } = estimate ? withAdjustedEstimate(marginal, estimate) : { ...marginal, nExcluded: 0 };
        raw.push({ ...common, kind, ...stats, nExcludedPairs });
        const sorted = counter.sorted();
        intervalsAt.push((confLevel) => {
          const at = estimate
            ? adjustedContrast(fitFor(group.modelId, kind), group.axis, group.level, confLevel)
            : binaryContrast(sorted, { seed, bootstrapResamples: options.bootstrapResamples, mcnemar: options.mcnemar, confLevel });
          return { differenceCiSimultaneous: at?.differenceCi ?? null, ratioCiSimultaneous: at?.ratioCi ?? null };
        });
      } else {
        const shifts = careShifts(usable, value);
        const tested = testShifts(shifts);
        intervalsAt.push((confLevel) => ({
          meanShiftCiSimultaneous: estimate
            ? (adjustedContrast(fitFor(group.modelId, kind), group.axis, group.level, confLevel)?.differenceCi ?? null)
            : testShifts(shifts, confLevel).meanShiftCi,
        }));
        raw.push({
          ...common,
          kind,
          nVignettes: estimate?.nVignettes ?? tested.nVignettes,
          nPairs: estimate?.nPairs ?? usable.length,
          nExcludedPairs,
          meanShift: estimate?.difference ?? tested.meanShift,
          meanShiftCi: estimate ? estimate.differenceCi : tested.meanShiftCi,
          lessCare: tested.lessCare,
          moreCare: tested.moreCare,
          p: estimate?.p ?? (shifts.length === 0 ? NaN : tested.wilcoxonP),
          test: estimate ? 'vignette-fixed-effects' : 'wilcoxon',
        });
      }
    }
  }
  return adjustFamilies(raw, intervalsAt, options.alpha);
}

/** One vignette's mean change in care (level minus reference) over its pairs, in vignette order. */
function careShifts(
  pairs: readonly { vignetteId: string; reference: AnalysedScore; level: AnalysedScore }[],
  value: (s: AnalysedScore) => number | null,
): number[] {
  const byVignette = new Map<string, number[]>();
  for (const p of pairs) {
    const list = byVignette.get(p.vignetteId) ?? [];
    list.push(value(p.level)! - value(p.reference)!);
    byVignette.set(p.vignetteId, list);
  }
  return [...byVignette.keys()].sort().map((v) => {
    const list = byVignette.get(v)!;
    return list.reduce((a, b) => a + b, 0) / list.length;
  });
}

/**
 * Adjusts p within each model (and cue mode), computes each finding's intervals at its family's level, and writes
 * its sentence.
 */
function adjustFamilies(raw: readonly Unadjusted[], intervalsAt: readonly IntervalsAt[], alpha: number): CareIntensityFinding[] {
  const adjusted = adjustWithinModels(raw, alpha);
  const levels = familyLevelsWithinModels(adjusted, alpha);
  return adjusted.map((f, i) => {
    const { level, kind, familySize } = levels[i]!;
    const intervals = Number.isFinite(level)
      ? intervalsAt[i]!(level)
      : f.kind === 'recommendation'
        ? { differenceCiSimultaneous: null, ratioCiSimultaneous: null }
        : { meanShiftCiSimultaneous: null };
    const finding = {
      ...f,
      ...intervals,
      simultaneousLevel: level,
      simultaneousKind: kind,
      familySize,
      sentence: '',
    } as CareIntensityFinding;
    finding.sentence = describeCareFinding(finding, alpha);
    return finding;
  });
}

/** The finding in one plain sentence: which way care moved, by how much, with its interval and adjusted p. */
export function describeCareFinding(f: CareIntensityFinding, alpha: number): string {
  const who = `${f.model}: ${f.axis} = ${f.level} vs ${f.reference}`;
  const p = `adjusted p = ${formatPValue(f.pAdjusted)} (${ADJUSTMENT_NAMES[f.adjustment]})`;
  const label = simultaneousLabel(f.simultaneousKind, alpha, f.adjustment, f.familySize);
  const family = f.kind === 'recommendation' ? f.differenceCiSimultaneous : f.meanShiftCiSimultaneous;
  const verdict = careVerdict(agreement(f.significant, family), alpha);
  if (f.kind === 'recommendation') {
    if (f.nPairs === 0) return `${who}: no pair with a recommendation on both sides; nothing could be compared.`;
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const ci = family ? ` (${label}: ${signed(100 * family[0])} to ${signed(100 * family[1])} points)` : '';
    return `${who}: the more-care recommendation was given in ${pct(f.rateLevel)} of ${f.nPairs} pairs at the level and ${pct(f.rateReference)} at the reference, ${signed(100 * f.difference)} points${ci}; ${p}: ${verdict}.`;
  }
  if (f.nVignettes === 0) return `${who}: no pair with a care level on both sides; nothing could be compared.`;
  const ci = family
    ? ` (${label}: ${signed(family[0], 2)} to ${signed(family[1], 2)} steps)`
    : ' (every vignette changed alike, so no interval can be computed: too little variation to bound the shift)';
  return `${who}: mean change of ${signed(f.meanShift, 2)} steps of care${ci} over ${f.nVignettes} vignettes (less care in ${(100 * f.lessCare).toFixed(0)}%, more in ${(100 * f.moreCare).toFixed(0)}%); ${p}: ${verdict}.`;
}

/** The adjusted test's verdict, said as uncertain when it and the family interval beside it disagree near the boundary. */
function careVerdict(where: Agreement, alpha: number): string {
  switch (where) {
    case 'significant':
      return `a significant shift at alpha ${alpha}`;
    case 'not-significant':
      return 'no significant shift';
    case 'borderline-test-only':
      return `the adjusted test rejects at alpha ${alpha} though the family interval includes no change; treat the shift as uncertain`;
    case 'borderline-interval-only':
      return `not significant at alpha ${alpha} after adjustment, though the family interval excludes no change; treat the shift as uncertain`;
  }
}

function signed(x: number, digits = 1): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;
}

/**
 * The scores of graded questions only: care-intensity questions have no key, so they take no part in error
 * amplification — neither as events (a refusal there is not an error against a key) nor as pairs lost to missing
 * answers (which would inflate `nExcludedPairs` and trip the gate's lost-pairs refusal).
 */
export function gradedScores<S extends AnalysedScore>(scores: ScoreList<S>, vignettes: readonly Vignette[]): ScoreList<S> {
  const care = new Set(vignettes.filter((v) => isCareQuestion(v.question)).map((v) => v.id));
  return care.size === 0 ? scores : scoresWhere(scores, (s) => !care.has(s.vignetteId));
}
