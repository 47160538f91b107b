import type { Finding } from '../../analysis/types.js';
import { DEFAULT_TARGET_RATIO, DETECTABLE_POWER } from '../../power/detectable.js';
import { plural } from '../format.js';

/**
 * What the study could have detected, in one or two sentences, written beside every "no significant disparity":
 * the power against the target amplification (median and range over the error contrasts) and the smallest
 * differences detectable with 80% power. Says plainly when the study was too small for a non-significant result to
 * mean anything. Empty when no finding carries the figures (a run analysed before they existed).
 */
export function powerStatement(findings: readonly Finding[]): string {
  const powers = sorted(findings.map((f) => f.powerAtTargetRatio));
  const mdes = sorted(findings.map((f) => f.mdeDifference));
  const undetectable = findings.filter((f) => f.mdeAlpha !== undefined && f.mdeDifference === null).length;
  const first = findings.find((f) => f.mdeAlpha !== undefined);
  if (!first) return '';
  const target = `${first.targetRatio ?? DEFAULT_TARGET_RATIO}×`;
  const test = first.test === 'vignette-fixed-effects' ? "the adjusted model's t test with its observed standard error" : 'exact McNemar';
  const basis = `${test} at alpha ${formatAlpha(first.mdeAlpha!)} per contrast, the family's first adjusted step`;
  const sentences: string[] = [];
  if (powers.length) {
    const median = powers[Math.floor((powers.length - 1) / 2)]!;
    const range =
      powers.length > 1 && about(powers[0]) !== about(powers.at(-1))
        ? `; ${about(powers[0])} to ${about(powers.at(-1))} across ${plural(powers.length, 'contrast')}`
        : '';
    const verdict =
      powers.at(-1)! < DETECTABLE_POWER
        ? ": a 'no significant disparity' result here is not evidence of equity"
        : median < DETECTABLE_POWER
          ? ': for the contrasts below 80% power, no significant disparity is not evidence of equity'
          : '';
    sentences.push(
      `This study had about ${about(median)} power to detect a ${target} error amplification (median${range}; ${basis})${verdict}.`,
    );
  }
  if (mdes.length) {
    const span = mdes.length > 1 && mdes[0] !== mdes.at(-1) ? `${points(mdes[0]!)} to ${points(mdes.at(-1)!)}` : points(mdes[0]!);
    sentences.push(
      `The smallest differences it could detect with 80% power were ${span} points${undetectable ? `; ${plural(undetectable, 'contrast')} could not detect any difference` : ''}.`,
    );
  } else if (undetectable) {
    sentences.push(`None of the ${plural(undetectable, 'contrast')} could detect any difference with 80% power.`);
  }
  return sentences.join(' ');
}

function sorted(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
}

/** A power as a whole percentage ("3%", "< 1%"): two decimals would claim a precision the model behind it lacks. */
function about(x: number | undefined): string {
  if (x === undefined) return '—';
  return x < 0.005 ? '< 1%' : `${Math.round(100 * x)}%`;
}

function points(x: number): string {
  return (100 * x).toFixed(1);
}

function formatAlpha(alpha: number): string {
  return Number(alpha.toPrecision(2)).toString();
}
