import type { Axis } from '../demographics/types.js';
import type { AdjustMethod } from '../stats/adjust.js';
import type { ContrastSpec } from '../study/contrasts.js';
import type { LevelComparison } from '../pairing/pairs.js';

/**
 * One multiple-comparison family of findings (per model, endpoint and cue mode): its comparisons in order and its
 * adjustment. `name` is the declared family's (findings carry it as `contrast`); absent for the default family, every
 * level of every axis against the axis's reference, analysed when a study declares no `contrasts:`.
 */
export interface ContrastFamily {
  name?: string;
  adjustment: AdjustMethod;
  comparisons: LevelComparison[];
}

/**
 * The families the findings are computed in: the declared ones (levels in the axis's order, a comparison listed
 * twice in a family kept once), or the default family when none is declared. `specs` are assumed checked against
 * `axes` (`checkContrasts`).
 */
export function contrastFamilies(
  specs: readonly ContrastSpec[] | undefined,
  axes: readonly Axis[],
  adjustment: AdjustMethod,
): ContrastFamily[] {
  if (!specs)
    return [
      {
        adjustment,
        comparisons: axes.flatMap((axis) =>
          axis.levels.filter((l) => l.id !== axis.reference).map((l) => ({ axis: axis.id, level: l.id, versus: axis.reference })),
        ),
      },
    ];
  return specs.map((spec) => {
    const seen = new Set<string>();
    const comparisons = spec.compare.flatMap((c) => {
      const axis = axes.find((a) => a.id === c.axis)!;
      const versus = c.versus ?? axis.reference;
      const levels = c.levels ?? axis.levels.map((l) => l.id).filter((id) => id !== versus);
      return levels.flatMap((level) => {
        const key = JSON.stringify([c.axis, level, versus]);
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ axis: c.axis, level, versus }];
      });
    });
    return { name: spec.name, adjustment: spec.adjustment ?? adjustment, comparisons };
  });
}

/** Comparisons of the families against a level other than the axis's reference: these need their own pairs. */
export function levelComparisons(families: readonly ContrastFamily[], axes: readonly Axis[]): LevelComparison[] {
  const unique = new Map<string, LevelComparison>();
  for (const family of families)
    for (const c of family.comparisons)
      if (c.versus !== axes.find((a) => a.id === c.axis)?.reference) unique.set(JSON.stringify([c.axis, c.level, c.versus]), c);
  return [...unique.values()];
}
