import { formatPValue } from '../util/pValue.js';
import type { Axis } from '../demographics/types.js';
import type { AdjustMethod } from '../stats/adjust.js';
import type { BinaryTest, IntervalMethod } from './binary.js';
import { ENDPOINT_WORDS } from './endpoints.js';
import { mostlyUnreadable } from './discordantOutcomes.js';
import { excludesNull, type SimultaneousKind } from './simultaneous.js';
import type { Finding } from './types.js';

export const ADJUSTMENT_NAMES = {
  holm: 'Holm',
  bonferroni: 'Bonferroni',
  bh: 'Benjamini-Hochberg',
  by: 'Benjamini-Yekutieli',
  none: 'no',
} as const;

const TEST_NAMES: Record<BinaryTest, string> = {
  'mcnemar-exact': 'the exact McNemar test',
  'mcnemar-midp': 'the mid-p McNemar test',
  'clustered-mcnemar': 'the clustered McNemar test',
  'vignette-fixed-effects': "the adjusted model's t test",
};
const INTERVAL_NAMES: Record<IntervalMethod, string> = {
  newcombe: "Newcombe's interval",
  'bonett-price': 'the Bonett-Price interval',
  'rao-scott': 'the design-effect-adjusted Newcombe interval',
  'cluster-bootstrap': 'the cluster bootstrap interval',
  'cluster-robust': 'the cluster-robust interval',
  'vignette-fixed-effects': "the adjusted model's t interval",
};

/**
 * The label of an interval at its family's level: "simultaneous 95% CI, Holm family of 10" (family-wise: all the
 * family's intervals cover together with probability ≥ 1 − α) or "FCR-adjusted 95% CI, Benjamini-Hochberg family
 * of 10" (Benjamini & Yekutieli 2005).
 */
export function simultaneousLabel(kind: SimultaneousKind, alpha: number, adjustment: AdjustMethod, familySize: number): string {
  const level = `${trimmed(100 * (1 - alpha))}%`;
  if (kind === 'unadjusted') return `unadjusted ${level} CI, uncorrected family of ${familySize}`;
  return `${kind === 'fcr' ? 'FCR-adjusted' : 'simultaneous'} ${level} CI, ${ADJUSTMENT_NAMES[adjustment]} family of ${familySize}`;
}

/**
 * The label of a set of findings' family intervals: one family size and kind gives "simultaneous 95% CI, Holm family
 * of 10"; several give "... family per model and endpoint". Undefined for findings from an older results.json.
 */
export function familyLabel(
  findings: readonly Pick<Finding, 'familySize' | 'simultaneousKind' | 'adjustment' | 'contrast'>[],
  alpha: number,
): string | undefined {
  const first = findings[0];
  if (!first || findings.some((f) => f.familySize === undefined)) return undefined;
  if (findings.some((f) => f.contrast !== undefined))
    return `family ${trimmed(100 * (1 - alpha))}% CI, as each declared contrast family adjusts`;
  const label = simultaneousLabel(first.simultaneousKind, alpha, first.adjustment, first.familySize);
  const same = findings.every((f) => f.familySize === first.familySize && f.simultaneousKind === first.simultaneousKind);
  return same ? label : label.replace(/ family of \d+$/, ' family per model and endpoint');
}

/** Where an adjusted test and the interval quoted beside it stand: they agree, or they disagree near the boundary. */
export type Agreement = 'significant' | 'not-significant' | 'borderline-test-only' | 'borderline-interval-only';

/** Significant with an interval excluding no difference, or not with one including it; anything else is borderline. */
export function agreement(significant: boolean, ci: readonly [number, number] | null | undefined, nullValue = 0): Agreement {
  const excludes = excludesNull(ci, nullValue);
  if (excludes === null || excludes === significant) return significant ? 'significant' : 'not-significant';
  return significant ? 'borderline-test-only' : 'borderline-interval-only';
}

/**
 * A sentence a clinician can read: what changed, by how much, and whether it survives correction. It quotes the
 * interval at the family's level (never the unadjusted 95% one) beside the adjusted p, and when the two disagree —
 * the tests and intervals are different methods, and Holm steps down below the Bonferroni level — it says so
 * instead of calling the difference significant or not.
 */
/**
 * How a level reached the case, for sentences: "was given as" (stated), or, for a finding of a run that crosses cue
 * modes computed under implicit cues on an axis the name stands in for (race/ethnicity: slot `descriptor`), "was
 * signalled only by the patient's name, as"; `gave` is the same for the reference ("gave it as").
 */
export function cueWording(f: Pick<Finding, 'cues'>, axis: Pick<Axis, 'slot'> | undefined): { was: string; gave: string } {
  return f.cues === 'implicit' && axis?.slot === 'descriptor'
    ? { was: "was signalled only by the patient's name, as", gave: 'signalled it by the name as' }
    : { was: 'was given as', gave: 'gave it as' };
}

export function describeFinding(f: Finding, axes: readonly Axis[], alpha: number): string {
  const sentence = describeContrast(f, axes, alpha);
  return f.contrast === undefined ? sentence : `Contrast "${f.contrast}": ${sentence}`;
}

function describeContrast(f: Finding, axes: readonly Axis[], alpha: number): string {
  const axis = axes.find((a) => a.id === f.axis);
  const label = (id: string) => axis?.levels.find((l) => l.id === id)?.label ?? id;
  // Without a pair nothing was tested: "not significant" (adjusted p = NaN) would read as a clean result.
  if (f.nPairs === 0 && f.nExcludedPairs === 0)
    return `No pair for model ${f.model} at ${label(f.level)} against ${label(f.reference)} (${(axis?.label ?? f.axis).toLowerCase()}): no variant at ${label(f.level)} has a partner of the same vignette that differs only in this axis, at ${label(f.reference)}, so nothing was tested.`;
  if (f.nPairs === 0)
    return `No usable pair for model ${f.model} at ${label(f.level)} against ${label(f.reference)} (${(axis?.label ?? f.axis).toLowerCase()}): ${f.nExcludedPairs} pairs lacked an answer on one side (failed requests or unscored answers), so nothing was tested.`;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const points = `${f.difference >= 0 ? '+' : ''}${(100 * f.difference).toFixed(1)} points`;
  const ratio = Number.isFinite(f.ratio) ? `, ${f.ratio.toFixed(2)} times the reference rate` : '';
  return (
    `Across ${f.nVignettes} vignettes, model ${f.model} ${ENDPOINT_WORDS[f.endpoint]} ${pct(f.rateLevel)} of the time when ` +
    `${givenAs(axis, f.axis, f.level, cueWording(f, axis).was)}, against ${reference(f, pct(f.rateReference), isUnstated(axis, f.reference) ? 'cases that did not state it' : label(f.reference))}: ` +
    `${points}${ratio}. ${verdict(f, alpha)}${unreadableCaution(f)}`
  );
}

/**
 * A significant error disparity made mostly of answers that could not be read may be the extractor failing on one
 * level's replies (another language, another format) rather than the model treating the patient differently: said
 * beside the finding, with the counts, so the reader checks those answers before acting on it.
 */
function unreadableCaution(f: Finding): string {
  const unreadable = f.significant ? mostlyUnreadable(f.discordantOutcomes) : null;
  if (!unreadable) return '';
  return ` Caution: ${unreadable.unreadable} of the ${unreadable.excess} more errors at the ${unreadable.side} are answers that could not be read, not wrong answers or refusals; read them (counterfair review) before taking this as the model treating these patients differently — a reply in another language or format can defeat the extractor.`;
}

/** Whether a level is the one that states nothing (`unstated: true` on the study axis). */
export function isUnstated(axis: Axis | undefined, levelId: string): boolean {
  return axis?.levels.find((l) => l.id === levelId)?.unstated === true;
}

/**
 * "the patient's insurance was given as Medicaid", or "the patient's insurance was not stated"; `was` is how the level
 * was stated (`cueWording`: "was signalled only by the patient's name, as" in an implicit-cue mode).
 */
export function givenAs(axis: Axis | undefined, axisId: string, levelId: string, was = 'was given as'): string {
  const what = `the patient's ${(axis?.label ?? axisId).toLowerCase()}`;
  return isUnstated(axis, levelId)
    ? `${what} was not stated`
    : `${what} ${was} ${axis?.levels.find((l) => l.id === levelId)?.label ?? levelId}`;
}

/** The reference side: observed over the same pairs, or, where other cues differ, the adjusted model's estimate. */
function reference(f: Finding, rate: string, label: string): string {
  if (f.test !== 'vignette-fixed-effects') return `${rate} for ${label}`;
  return `an estimated ${rate} for the same cases given as ${label} with every other cue unchanged (adjusted for the other demographic axes, which also vary in this design)`;
}

function verdict(f: Finding, alpha: number): string {
  const correction = ADJUSTMENT_NAMES[f.adjustment];
  const adjusted = f.adjustment === 'none' ? `p = ${formatPValue(f.pAdjusted)}, not adjusted` : `adjusted p = ${formatPValue(f.pAdjusted)}`;
  const ci = f.differenceCiSimultaneous;
  const label = simultaneousLabel(f.simultaneousKind, alpha, f.adjustment, f.familySize);
  const range = ci ? `${signedPoints(ci[0])} to ${signedPoints(ci[1])} points` : '';
  const interval = `${label}: ${range}`;
  const theInterval = `${label} (${range})`;
  const methods = `${TEST_NAMES[f.test]} and ${INTERVAL_NAMES[f.ciMethod]} are different methods and can disagree near the boundary`;
  switch (agreement(f.significant, ci)) {
    case 'significant':
      return `This difference is statistically significant after ${correction} correction (${adjusted}${ci ? `; ${interval}` : ''}).`;
    case 'not-significant':
      return `This difference is not statistically significant at ${alpha} after ${correction} correction (${adjusted}${ci ? `; ${interval}, which includes no difference` : ''}).`;
    case 'borderline-test-only': {
      const why =
        f.adjustment === 'holm'
          ? `Holm's step-down test rejects at levels the Bonferroni-level interval does not reach, and ${methods}`
          : methods;
      return `Borderline: the ${correction}-adjusted test rejects no difference at ${alpha} (${adjusted}), but the ${theInterval} includes no difference (${why}); treat this difference as uncertain.`;
    }
    case 'borderline-interval-only':
      return `Borderline: the ${theInterval} excludes no difference, but the ${correction}-adjusted test does not reject it at ${alpha} (${adjusted}; ${methods}); treat this difference as uncertain.`;
  }
}

function signedPoints(x: number): string {
  return `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;
}

/** 95 -> "95", 99.5 -> "99.5": a level without trailing zeros. */
function trimmed(x: number): string {
  return String(Number(x.toFixed(4)));
}
