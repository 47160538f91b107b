import { formatPValue } from '../util/pValue.js';
import { ADJUSTMENT_NAMES, agreement, simultaneousLabel } from '../analysis/sentence.js';
import type { Axis } from '../demographics/types.js';
import type { ComparisonSide, DisparityChange } from './types.js';

const points = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;
const magnitude = (x: number) => (100 * Math.abs(x)).toFixed(1);

/** "Insurance: Medicaid vs Private insurance", with the axis's own labels when it has them. */
export function contrastLabel(axes: readonly Axis[], axisId: string, level: string, reference: string): string {
  const { axis, levelName } = names(axes, axisId);
  return `${axis}: ${levelName(level)} vs ${levelName(reference)}`;
}

function names(axes: readonly Axis[], axisId: string): { axis: string; levelName: (id: string) => string } {
  const axis = axes.find((a) => a.id === axisId);
  return { axis: axis?.label ?? axisId, levelName: (id) => axis?.levels.find((l) => l.id === id)?.label ?? id };
}

/**
 * One change in words: both disparities, the change with its interval, and the verdict. "Less disparate" compares
 * absolute disparities (a level that errs less than the reference is a disparity too); when the two estimates lie
 * on opposite sides of zero the sentence says so, since the change then overstates how much fairer one side is.
 */
export function describeChange(
  c: Omit<DisparityChange, 'sentence'>,
  a: ComparisonSide,
  b: ComparisonSide,
  axes: readonly Axis[],
  alpha: number,
): string {
  const what = contrastLabel(axes, c.axis, c.level, c.reference);
  const ci = c.changeCiSimultaneous;
  const interval = ci
    ? ` (${simultaneousLabel(c.simultaneousKind, alpha, c.adjustment, c.familySize)}: ${points(ci[0])} to ${points(ci[1])})`
    : '';
  const adjusted = `adjusted p = ${formatPValue(c.pAdjusted)}, ${ADJUSTMENT_NAMES[c.adjustment]}`;
  const head =
    `${what}, over ${c.nVignettes} shared vignettes: the error-rate difference is ${points(c.disparityA)} points in A (${a.label}) ` +
    `and ${points(c.disparityB)} in B (${b.label}); change B − A ${points(c.change)} points${interval}.`;
  const permutation = c.test === 'paired-permutation';
  const methods = permutation
    ? 'the permutation test and the bootstrap interval are different methods and can disagree near the boundary'
    : "the adjusted model's t test and its interval can disagree only through the correction";
  switch (agreement(c.significant, ci)) {
    case 'not-significant':
      return `${head} The change is not statistically significant at ${alpha} (${adjusted}${ci ? '; the interval includes no change' : ''}): neither version is shown to be less disparate here.`;
    case 'borderline-interval-only':
      return `${head} Borderline: the interval excludes no change, but the adjusted ${permutation ? 'permutation' : 'model'} test does not reject it at ${alpha} (${adjusted}; ${methods}): neither version is shown to be less disparate here.`;
    case 'borderline-test-only':
      return `${head} Borderline: the adjusted ${permutation ? 'permutation' : 'model'} test rejects no change at ${alpha} (${adjusted}), but the interval includes no change (${c.adjustment === 'holm' ? "Holm's step-down test rejects at levels the Bonferroni-level interval does not reach, and " : ''}${methods}); treat which version is less disparate as uncertain.`;
    case 'significant':
      break;
  }
  const reversed = Math.sign(c.disparityA) * Math.sign(c.disparityB) < 0 ? ' The two point estimates lie on opposite sides of zero.' : '';
  const winner = c.lessDisparate === 'B' ? `B (${b.label})` : `A (${a.label})`;
  const by = magnitude(Math.abs(c.disparityA) - Math.abs(c.disparityB));
  return `${head}${reversed} The change is statistically significant (${adjusted}): ${winner} is less disparate here, by ${by} points of absolute disparity.`;
}

/** Which side is less disparate, where and by how much; the rest is "no significant change". */
export function summarize(
  changes: readonly DisparityChange[],
  a: ComparisonSide,
  b: ComparisonSide,
  axes: readonly Axis[],
  alpha: number,
): string {
  const adjustment = ADJUSTMENT_NAMES[changes[0]?.adjustment ?? 'holm'];
  if (changes.length === 0) return `No contrast could be compared between A (${a.label}) and B (${b.label}).`;
  // A change whose interval at the family's level includes no change is borderline, not a win for either side.
  const clear = changes.filter((c) => agreement(c.significant, c.changeCiSimultaneous) === 'significant');
  const borderline = changes.filter((c) => agreement(c.significant, c.changeCiSimultaneous).startsWith('borderline')).length;
  const where = (side: 'A' | 'B') =>
    clear
      .filter((c) => c.lessDisparate === side)
      .map(
        (c) =>
          `${contrastLabel(axes, c.axis, c.level, c.reference)}, by ${magnitude(Math.abs(c.disparityA) - Math.abs(c.disparityB))} points`,
      );
  const bBetter = where('B');
  const aBetter = where('A');
  const unchanged = changes.length - bBetter.length - aBetter.length - borderline;
  const uncertain = borderline
    ? ` ${borderline} ${borderline === 1 ? 'is' : 'are'} borderline (the adjusted test and the interval at the family's level disagree).`
    : '';
  if (bBetter.length + aBetter.length === 0) {
    return `No significant change in disparity between A (${a.label}) and B (${b.label}) in any of ${changes.length} contrasts (${adjustment}-adjusted at alpha ${alpha}): neither version is shown to be less disparate.${uncertain}`;
  }
  const part = (side: string, list: string[]) =>
    list.length
      ? `${side} is less disparate in ${list.length} of ${changes.length} contrasts (${list.join('; ')})`
      : `${side} is less disparate in none`;
  return `${part(`B (${b.label})`, bBetter)}; ${part(`A (${a.label})`, aBetter)}; ${unchanged} show no significant change (${adjustment}-adjusted at alpha ${alpha}).${uncertain}`;
}
