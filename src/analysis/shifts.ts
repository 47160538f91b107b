import type { Axis } from '../demographics/types.js';
import { pairedT } from '../stats/pairedT.js';
import { wilcoxonSignedRank } from '../stats/wilcoxon.js';
import { isBuiltinQuestion, type Question } from '../template/types.js';
import { adjustedContrast, fitAdjusted, needsAdjustment } from './adjusted.js';
import { eachPair, type ContrastPairs } from '../pairing/pairs.js';

export type ShiftScale = 'ordinal-steps' | 'numeric-relative';

/**
 * Direction of care for ordinal and numeric answers: the level's signed deviation minus the reference's, per
 * pair, averaged per vignette (replicates are not independent). Positive means more care at the level,
 * negative less (under-triage, under-dosing). Ordinal shifts are in scale steps; numeric ones are relative to
 * the correct answer, so doses and eGFRs in different units can be pooled.
 */
export interface ShiftFinding {
  model: string;
  axis: string;
  level: string;
  reference: string;
  scale: ShiftScale;
  nVignettes: number;
  meanShift: number;
  meanShiftCi: [number, number] | null;
  /** Share of vignettes where the level got less care than the reference, and more. */
  lessCare: number;
  moreCare: number;
  /** Wilcoxon signed-rank p; NaN (not computed) for `vignette-fixed-effects`. */
  wilcoxonP: number;
  /** Paired t p, or for `vignette-fixed-effects` the adjusted model's t test. */
  tP: number;
  /**
   * Absent: per-vignette paired shifts against the variant with this axis at reference. `vignette-fixed-effects`:
   * designs without exact partners — the mean shift is the adjusted effect with the other axes held fixed
   * (`fitAdjusted` on the signed deviation), its interval and `tP` from that model; lessCare/moreCare stay the
   * unadjusted shares against the vignette's reference variant.
   */
  method?: 'vignette-fixed-effects';
}

/** The p-value that decides a shift: Wilcoxon for paired shifts, the adjusted model's t test otherwise. */
export function shiftP(s: ShiftFinding): number {
  return s.method === 'vignette-fixed-effects' ? s.tP : s.wilcoxonP;
}

export function analyzeShifts(
  contrasts: readonly ContrastPairs[],
  axes: readonly Axis[],
  questions: ReadonlyMap<string, Question>,
): ShiftFinding[] {
  const out: ShiftFinding[] = [];
  const fits = new Map<string, ReturnType<typeof fitAdjusted>>();
  const adjustedFit = (model: string, scale: ShiftScale) => {
    const key = `${model}\u0000${scale}`;
    let fit = fits.get(key);
    if (!fit)
      fits.set(
        key,
        (fit = fitAdjusted([contrasts.filter((c) => c.modelId === model)], axes, (s) =>
          scaledDeviation(s.vignetteId, s.signedDeviation, questions, scale),
        )),
      );
    return fit;
  };
  const adjusted = new Set(contrasts.filter((c) => needsAdjustment([c])).map((c) => c.modelId));
  for (const group of contrasts) {
    const axis = axes.find((a) => a.id === group.axis);
    if (!axis) continue;
    const shifts = vignetteShifts(group, questions);
    for (const scale of ['ordinal-steps', 'numeric-relative'] as const) {
      const these = shifts.filter((s) => s.scale === scale).map((s) => s.shift);
      if (these.length === 0) continue;
      const paired = testShifts(these);
      const estimate = adjusted.has(group.modelId)
        ? adjustedContrast(adjustedFit(group.modelId, scale), group.axis, group.level, 0.95)
        : undefined;
      const finding = { model: group.modelId, axis: group.axis, level: group.level, reference: axis.reference, scale, ...paired };
      out.push(
        estimate
          ? {
              ...finding,
              nVignettes: estimate.nVignettes,
              meanShift: estimate.difference,
              meanShiftCi: estimate.differenceCi,
              wilcoxonP: NaN,
              tP: estimate.p,
              method: 'vignette-fixed-effects',
            }
          : finding,
      );
    }
  }
  return out;
}

/** A signed deviation on the given scale (steps, or relative to the correct value), null for other questions. */
function scaledDeviation(
  vignetteId: string,
  deviation: number | null,
  questions: ReadonlyMap<string, Question>,
  scale: ShiftScale,
): number | null {
  const q = questions.get(vignetteId);
  if (!q || deviation === null || !isBuiltinQuestion(q)) return null;
  if (q.type === 'ordinal') return scale === 'ordinal-steps' ? deviation : null;
  if (q.type === 'numeric') return scale === 'numeric-relative' ? deviation / (Math.abs(q.answer) || 1) : null;
  return null;
}

/** One vignette's mean signed shift for one contrast, sorted by vignette id. */
export interface VignetteShift {
  vignetteId: string;
  scale: ShiftScale;
  shift: number;
}

/**
 * Per pair, the level's signed deviation minus the reference's (steps for ordinal answers; relative to the correct
 * value for numeric ones), averaged over each vignette's pairs. Pairs without a deviation on either side are left out.
 */
export function vignetteShifts(group: ContrastPairs, questions: ReadonlyMap<string, Question>): VignetteShift[] {
  const perVignette = new Map<string, { scale: ShiftScale; shifts: number[] }>();
  for (const pair of eachPair(group)) {
    const q = questions.get(pair.vignetteId);
    if (!q || (q.type !== 'ordinal' && q.type !== 'numeric')) continue;
    const scale = q.type === 'ordinal' ? 'ordinal-steps' : 'numeric-relative';
    const ref = scaledDeviation(pair.vignetteId, pair.reference.signedDeviation, questions, scale);
    const lvl = scaledDeviation(pair.vignetteId, pair.level.signedDeviation, questions, scale);
    if (ref === null || lvl === null) continue;
    const entry = perVignette.get(pair.vignetteId) ?? { scale, shifts: [] };
    entry.shifts.push(lvl - ref);
    perVignette.set(pair.vignetteId, entry);
  }
  return [...perVignette.keys()].sort().map((vignetteId) => {
    const { scale, shifts } = perVignette.get(vignetteId)!;
    return { vignetteId, scale, shift: mean(shifts) };
  });
}

/**
 * Wilcoxon signed-rank (normal approximation with continuity correction, zeros dropped: R's convention with
 * ties) and paired t on the per-vignette shifts. All-zero shifts give p = 1: no vignette moved. Identical shifts
 * have no t interval (null). The interval is at `confLevel` (a family's level for a simultaneous one).
 */
export function testShifts(
  shifts: readonly number[],
  confLevel = 0.95,
): Omit<ShiftFinding, 'model' | 'axis' | 'level' | 'reference' | 'scale'> {
  const zeros = shifts.map(() => 0);
  const moved = shifts.some((s) => s !== 0);
  const t = shifts.length >= 2 && moved ? pairedT(shifts, zeros, { confLevel }) : undefined;
  const w = moved ? wilcoxonSignedRank(shifts, zeros, { zeroMethod: 'wilcox', method: 'approx', correction: true }) : undefined;
  const n = shifts.length;
  return {
    nVignettes: n,
    meanShift: mean(shifts),
    // No interval when every vignette shifted alike (all by zero included): the t interval would have no width and
    // read as certainty from a handful of vignettes (R's t.test refuses such data as "essentially constant").
    meanShiftCi: t && Number.isFinite(t.ciLow) && shifts.some((s) => s !== shifts[0]) ? [t.ciLow, t.ciHigh] : null,
    lessCare: shifts.filter((s) => s < 0).length / n,
    moreCare: shifts.filter((s) => s > 0).length / n,
    wilcoxonP: w ? w.pValue : 1,
    tP: t && Number.isFinite(t.pValue) ? t.pValue : 1,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
