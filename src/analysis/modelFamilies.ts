import { adjustPValues, type AdjustMethod } from '../stats/adjust.js';
import { simultaneousLevel, type SimultaneousLevel } from './simultaneous.js';

/** What a contrast needs to be adjusted in its model's family. */
export interface FamilyMember {
  model: string;
  cues?: string;
  p: number;
  adjustment: AdjustMethod;
}

/**
 * Adjusts p within each model (and cue mode): each model is audited on its own, so one model's contrasts of an
 * analysis (care intensity, diagnosis rank) form one family, adjusted with the method its members carry. Order kept.
 */
export function adjustWithinModels<F extends FamilyMember>(
  raw: readonly F[],
  alpha: number,
): (F & { pAdjusted: number; significant: boolean })[] {
  const out = raw.map((f) => ({ ...f, pAdjusted: NaN, significant: false }));
  for (const members of familiesWithinModels(out)) {
    const adjusted = adjustPValues(
      members.map((i) => out[i]!.p),
      out[members[0]!]!.adjustment,
    );
    members.forEach((i, k) => {
      out[i]!.pAdjusted = adjusted[k]!;
      out[i]!.significant = adjusted[k]! < alpha;
    });
  }
  return out;
}

/**
 * The confidence level of each member's family interval (`simultaneousLevel` of its model's family, as
 * `adjustWithinModels` forms them), so an interval quoted beside an adjusted p answers the same question. Order kept.
 */
export function familyLevelsWithinModels(adjusted: readonly (FamilyMember & { pAdjusted: number })[], alpha: number): SimultaneousLevel[] {
  const levels: SimultaneousLevel[] = new Array(adjusted.length);
  for (const members of familiesWithinModels(adjusted)) {
    const level = simultaneousLevel(
      members.map((i) => adjusted[i]!.p),
      members.map((i) => adjusted[i]!.pAdjusted),
      adjusted[members[0]!]!.adjustment,
      alpha,
    );
    for (const i of members) levels[i] = level;
  }
  return levels;
}

/** The indices of each model's (and cue mode's) family, in order of first appearance. */
function familiesWithinModels(members: readonly Pick<FamilyMember, 'model' | 'cues'>[]): number[][] {
  const families = new Map<string, number[]>();
  members.forEach((f, i) => {
    const key = `${f.model}\u0000${f.cues ?? ''}`;
    families.set(key, [...(families.get(key) ?? []), i]);
  });
  return [...families.values()];
}
