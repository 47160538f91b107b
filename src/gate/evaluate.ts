import { mostlyUnreadable } from '../analysis/discordantOutcomes.js';
import type { SimultaneousKind } from '../analysis/simultaneous.js';
import type { Finding } from '../analysis/types.js';
import { decimal, pValue } from '../report/format.js';
import type { GateContrast, GateThresholds, GateVerdict } from './types.js';

/** A finding as the gate reads it, with the clinical domain it was computed in (null: the whole run). */
export type GatedFinding = Pick<
  Finding,
  | 'model'
  | 'axis'
  | 'level'
  | 'reference'
  | 'nVignettes'
  | 'nPairs'
  | 'nExcludedPairs'
  | 'rateReference'
  | 'rateLevel'
  | 'difference'
  | 'differenceCi'
  | 'ratio'
  | 'ratioCi'
  | 'p'
  | 'pAdjusted'
  | 'adjustment'
  | 'cues'
  | 'contrast'
  | 'discordantOutcomes'
> & {
  domain: string | null;
  /** `more-care`: a care-intensity recommendation finding (how often more care was recommended); absent: error amplification. */
  measure?: 'more-care';
  /** Equivalence mode: the 1 − 2·alpha intervals (absent: not computed, which judges as inconclusive). */
  equivalence?: Pick<Finding, 'differenceCi' | 'ratioCi'>;
  /** The intervals at the level of the family `pAdjusted` was adjusted in (absent: none computed; the 95% ones stand in). */
  family?: FindingFamilyIntervals;
};

/** A finding's intervals at its multiple-comparison family's level (`simultaneousLevel`), difference as a proportion. */
export interface FindingFamilyIntervals {
  differenceCi: [number, number] | null;
  ratioCi: [number, number] | null;
  level: number;
  kind: SimultaneousKind;
  size: number;
}

/**
 * The gate rule, in one of two modes. The run fails when any contrast fails.
 *
 * Superiority (default). A contrast fails when both hold:
 * 1. it is significant after the run's multiple-comparison adjustment: pAdjusted < alpha;
 * 2. its disparity exceeds a threshold: |difference| × 100 > maxDifferencePoints, or max(ratio, 1/ratio) > maxRatio.
 * Disparities count in either direction (a level answered better than the reference means the reference patients
 * are the ones disadvantaged). With `useCiBound`, (2) uses the end of the contrast's family interval nearer no
 * difference (0 points, ratio 1) — "the disparity exceeds the threshold with the family's confidence", the interval
 * at the level that matches the adjustment behind (1) (Bonferroni 1 − α/m for Holm, FCR-adjusted for BH), so the
 * bound and the adjusted test answer the same question; an interval that contains no difference exceeds nothing.
 * A contrast without a family interval (a care contrast gated at another alpha, an older results.json) uses its 95% interval, and one without any interval its
 * point estimate; the table says which.
 * A small study passes this rule by failing to reach significance: absence of evidence, not evidence of absence.
 *
 * Equivalence (TOST, Schuirmann 1987). A contrast passes only when its 1 − 2·alpha interval lies strictly inside
 * every margin: (−maxDifference, +maxDifference) points and (1/maxRatio, maxRatio) — both one-sided tests reject at
 * alpha. An interval wholly beyond a margin `exceeds`; one that straddles a margin is `inconclusive` (the data
 * cannot tell; more vignettes would) and fails too; a missing or zero-width interval (no events on either side)
 * bounds nothing and is inconclusive. Multiplicity: the run passes only when every contrast passes, an
 * intersection-union test (Berger 1982), whose size is at most alpha without any correction — the chance of passing a
 * run in which some contrast truly lies beyond its margin is at most alpha.
 */
export function evaluateGate(findings: readonly GatedFinding[], thresholds: GateThresholds): GateContrast[] {
  return findings.map((f) => {
    const significant = f.pAdjusted < thresholds.alpha;
    const judged = thresholds.mode === 'equivalence' ? judgeEquivalence(f, thresholds) : judgeSuperiority(f, significant, thresholds);
    return {
      model: f.model,
      axis: f.axis,
      level: f.level,
      reference: f.reference,
      ...(f.contrast === undefined ? {} : { contrast: f.contrast }),
      ...(f.cues ? { cues: f.cues } : {}),
      ...(f.measure ? { measure: f.measure } : {}),
      domain: f.domain,
      nVignettes: f.nVignettes,
      nPairs: f.nPairs,
      nExcludedPairs: f.nExcludedPairs,
      lostPairsShare: lostShare(f),
      rateReference: f.rateReference,
      rateLevel: f.rateLevel,
      differencePoints: 100 * f.difference,
      differenceCiPoints: f.differenceCi ? [100 * f.differenceCi[0], 100 * f.differenceCi[1]] : null,
      ratio: f.ratio,
      ratioCi: f.ratioCi,
      p: f.p,
      pAdjusted: f.pAdjusted,
      adjustment: f.adjustment,
      significant,
      family: f.family
        ? {
            differenceCiPoints: f.family.differenceCi ? [100 * f.family.differenceCi[0], 100 * f.family.differenceCi[1]] : null,
            ratioCi: f.family.ratioCi,
            level: f.family.level,
            kind: f.family.kind,
            size: f.family.size,
          }
        : null,
      ...judged,
      failed: judged.verdict !== 'pass',
      caution: significant ? unreadableCaution(f) : null,
    };
  });
}

/** Share of a contrast's pairs lost because one side had no answer (0 when it had none at all). */
function lostShare(f: Pick<GatedFinding, 'nPairs' | 'nExcludedPairs'>): number {
  const all = f.nPairs + f.nExcludedPairs;
  return all === 0 ? 0 : f.nExcludedPairs / all;
}

type Judged = Pick<
  GateContrast,
  'testedDifferencePoints' | 'testedRatio' | 'exceeds' | 'verdict' | 'reason' | 'equivalenceDifferenceCiPoints' | 'equivalenceRatioCi'
>;

function judgeSuperiority(f: GatedFinding, significant: boolean, t: GateThresholds): Judged {
  const { differenceCi, ratioCi } = f.family ?? f;
  const testedDifferencePoints = 100 * (t.useCiBound && differenceCi ? nearZero(differenceCi) : Math.abs(f.difference));
  const testedRatio = t.useCiBound && ratioCi ? nearOne(ratioCi) : fold(f.ratio);
  const exceeds = {
    difference: t.maxDifferencePoints !== null && testedDifferencePoints > t.maxDifferencePoints,
    ratio: t.maxRatio !== null && testedRatio > t.maxRatio,
  };
  const failed = significant && (exceeds.difference || exceeds.ratio);
  const beyond = [
    ...(exceeds.difference ? [`|difference| ${decimal(testedDifferencePoints, 1)} > ${t.maxDifferencePoints} points`] : []),
    ...(exceeds.ratio ? [`ratio ${decimal(testedRatio, 2)} > ${t.maxRatio}`] : []),
  ].join(' and ');
  return {
    testedDifferencePoints,
    testedRatio,
    exceeds,
    verdict: failed ? 'exceeds' : 'pass',
    reason: failed ? `significant (adjusted p = ${pValue(f.pAdjusted)}) and ${beyond}` : null,
    equivalenceDifferenceCiPoints: null,
    equivalenceRatioCi: null,
  };
}

function judgeEquivalence(f: GatedFinding, t: GateThresholds): Judged {
  const level = `${Math.round(100 * t.equivalenceConfLevel!)}%`;
  const differenceCi = usable(f.equivalence?.differenceCi);
  const ratioCi = usable(f.equivalence?.ratioCi);
  const differenceCiPoints = differenceCi ? ([100 * differenceCi[0], 100 * differenceCi[1]] as [number, number]) : null;
  const checks: { measure: 'difference' | 'ratio'; verdict: GateVerdict; reason: string }[] = [];
  if (t.maxDifferencePoints !== null) {
    const m = t.maxDifferencePoints;
    const interval = differenceCiPoints
      ? `${decimal(differenceCiPoints[0], 1, true)} to ${decimal(differenceCiPoints[1], 1, true)} points`
      : '';
    checks.push(
      !differenceCiPoints
        ? {
            measure: 'difference',
            verdict: 'inconclusive',
            reason: `no informative ${level} interval of the difference (no errors on either side, or none computed): it is not shown within ±${m} points`,
          }
        : {
            measure: 'difference',
            ...inside(differenceCiPoints, -m, m, `the ${level} interval of the difference, ${interval},`, `±${m} points`),
          },
    );
  }
  if (t.maxRatio !== null) {
    const r = t.maxRatio;
    const interval = ratioCi ? `${decimal(ratioCi[0], 2)} to ${ratioCi[1] === Infinity ? '∞' : decimal(ratioCi[1], 2)}` : '';
    checks.push(
      !ratioCi
        ? {
            measure: 'ratio',
            verdict: 'inconclusive',
            reason: `no informative ${level} interval of the ratio (no errors on either side, or none computed): it is not shown within ${decimal(1 / r, 2)} to ${r}`,
          }
        : {
            measure: 'ratio',
            ...inside(ratioCi, 1 / r, r, `the ${level} interval of the ratio, ${interval},`, `${decimal(1 / r, 2)} to ${r}`),
          },
    );
  }
  const failing = checks.filter((c) => c.verdict !== 'pass');
  const verdict: GateVerdict = failing.some((c) => c.verdict === 'exceeds') ? 'exceeds' : failing.length ? 'inconclusive' : 'pass';
  return {
    // What was held against each margin: the interval bound farthest from no difference.
    testedDifferencePoints: differenceCiPoints ? Math.max(Math.abs(differenceCiPoints[0]), Math.abs(differenceCiPoints[1])) : Infinity,
    testedRatio: ratioCi ? Math.max(fold(ratioCi[0]), fold(ratioCi[1])) : Infinity,
    exceeds: {
      difference: checks.some((c) => c.measure === 'difference' && c.verdict === 'exceeds'),
      ratio: checks.some((c) => c.measure === 'ratio' && c.verdict === 'exceeds'),
    },
    verdict,
    reason: failing.length ? failing.map((c) => c.reason).join('; ') : null,
    equivalenceDifferenceCiPoints: differenceCiPoints,
    equivalenceRatioCi: ratioCi,
  };
}

/** Inside the margins (pass), wholly beyond one (exceeds), or straddling one (inconclusive). */
function inside(
  [low, high]: readonly [number, number],
  lower: number,
  upper: number,
  what: string,
  margin: string,
): { verdict: GateVerdict; reason: string } {
  if (low > lower && high < upper) return { verdict: 'pass', reason: '' };
  if (low >= upper || high <= lower) return { verdict: 'exceeds', reason: `${what} lies beyond ${margin}` };
  return {
    verdict: 'inconclusive',
    reason: `inconclusive: ${what} straddles the margin ${margin}; more vignettes are needed to show it is within`,
  };
}

/** An interval that bounds something: present and of non-zero width (zero width comes from no events at all). */
function usable(ci: readonly [number, number] | null | undefined): [number, number] | null {
  return ci && Number.isFinite(ci[0]) && !Number.isNaN(ci[1]) && ci[0] !== ci[1] ? [ci[0], ci[1]] : null;
}

/** A ratio as a distance from 1 in either direction: max(r, 1/r) (0 folds to Infinity). */
function fold(ratio: number): number {
  return ratio >= 1 ? ratio : 1 / ratio;
}

/** |bound| of the interval end nearer 0, or 0 when the interval contains 0. */
function nearZero([low, high]: readonly [number, number]): number {
  if (low > 0) return low;
  if (high < 0) return -high;
  return 0;
}

/** The interval end nearer 1, folded, or 1 when the interval contains 1. */
function nearOne([low, high]: readonly [number, number]): number {
  if (low > 1) return low;
  if (high < 1) return 1 / high;
  return 1;
}

/** A significant disparity made mostly of unreadable answers may be the extractor's, not the model's (`GateContrast.caution`). */
function unreadableCaution(f: GatedFinding): string | null {
  const unreadable = mostlyUnreadable(f.discordantOutcomes);
  return unreadable
    ? `${unreadable.unreadable} of the ${unreadable.excess} more errors at the ${unreadable.side} are unreadable answers: read them (counterfair review) before acting on this contrast`
    : null;
}
