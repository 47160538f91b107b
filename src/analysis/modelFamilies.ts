import { adjustPValues, type AdjustMethod } from '../stats/adjust.js';

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
  const families = new Map<string, number[]>();
  out.forEach((f, i) => {
    const key = `${f.model}\u0000${f.cues ?? ''}`;
    families.set(key, [...(families.get(key) ?? []), i]);
  });
  for (const members of families.values()) {
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
