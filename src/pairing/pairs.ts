import type { Axis } from '../demographics/types.js';
import type { AnalysedScore } from '../score/table.js';
import type { Outcome } from '../score/types.js';
import type { CueMode } from '../template/render.js';

/** Wrong for the purpose of error amplification: any graded outcome that is not correct (a care-intensity recommendation has no key: null). */
export function isWrong(outcome: Outcome): boolean | null {
  switch (outcome) {
    case 'correct':
      return false;
    case 'incorrect':
    case 'unparseable':
    case 'refusal':
      return true;
    case 'answered':
    case 'error':
    case 'unscored':
      return null;
  }
}

/** A level variant and its partner: the same vignette, model and replicate with that axis at reference. */
export interface ScorePair<S extends AnalysedScore = AnalysedScore> {
  vignetteId: string;
  replicate: number;
  reference: S;
  level: S;
  /** True when no exact partner exists (sampled/list designs) and the vignette's reference variant stands in. */
  marginal: boolean;
}

export interface ContrastPairs<S extends AnalysedScore = AnalysedScore> {
  modelId: string;
  axis: string;
  level: string;
  /**
   * The level the pairs' `reference` side is at, when a declared contrast compares with a level other than the
   * axis's reference (`pairComparisons`); absent for the default contrasts against the axis's reference.
   */
  versus?: string;
  /** The cue mode of every pair, in a run that crosses cue modes (absent otherwise). */
  cues?: CueMode;
  pairs: ScorePair<S>[];
}

/**
 * Matches every variant whose axis X is away from the reference with its partner: identical attributes but X at
 * the reference. In one-at-a-time designs the partner is the reference variant; in factorial designs the other
 * axes are held fixed, so one vignette can give several pairs per level. Where no exact partner exists
 * (sampled and list designs), the vignette's reference variant stands in and the pair is marked marginal.
 * Control variants (no demographics, paraphrases) are not demographic contrasts and are left out. In a run that
 * crosses cue modes a partner is always of the same mode (same attributes, other mode: another contrast), and each
 * mode's pairs form their own contrast, tagged with it.
 */
export function pairContrasts<S extends AnalysedScore>(scores: readonly S[], axes: readonly Axis[]): ContrastPairs<S>[] {
  const { keys, cells, cellOf, references } = indexCells(scores);
  const groups = new Map<string, ContrastPairs<S>>();
  for (const s of scores) {
    if (s.kind !== 'demographic') continue;
    const cell = cellOf(s);
    const attributesKey = keys.of(s.attributes);
    for (const axis of axes) {
      const level = s.attributes[axis.id];
      if (level === undefined || level === axis.reference || axis.id in s.pinned) continue;
      const exact = cells.get(cell)?.get(keys.withReference(attributesKey, s.attributes, axis));
      const partner = exact ?? references.get(cell);
      if (!partner) continue;
      const id = `${s.modelId}\u0000${axis.id}\u0000${level}\u0000${s.cues ?? ''}`;
      let group = groups.get(id);
      if (!group)
        groups.set(
          id,
          (group = { modelId: s.modelId, axis: axis.id, level, ...(s.cues === undefined ? {} : { cues: s.cues }), pairs: [] }),
        );
      group.pairs.push({ vignetteId: s.vignetteId, replicate: s.replicate, reference: partner, level: s, marginal: !exact });
    }
  }
  return [...groups.values()];
}

/** A level of an axis against another level of it (`versus`), as a declared contrast names it. */
export interface LevelComparison {
  axis: string;
  level: string;
  versus: string;
}

/**
 * Pairs of a declared level-against-level comparison: every reference or demographic variant at `level` with its
 * exact partner, the variant of the same vignette, model, replicate (and cue mode) whose attributes are identical
 * but for this axis, at `versus`. In a one-at-a-time design both are one-axis variants of the same vignette (every
 * other axis at its reference), so they differ in this axis only and the pair is matched on the vignette; in a
 * factorial design the other axes are held fixed as in `pairContrasts`. Where no exact partner exists (sampled and
 * list designs) no pair is formed: unlike the default contrast there is no all-reference stand-in to adjust
 * against, and a partner differing in another axis would attribute that axis's effect to this one.
 */
export function pairComparisons<S extends AnalysedScore>(
  scores: readonly S[],
  comparisons: readonly LevelComparison[],
): ContrastPairs<S>[] {
  if (comparisons.length === 0) return [];
  const { cells, cellOf } = indexCells(scores);
  const byAxisLevel = new Map<string, LevelComparison[]>();
  for (const c of comparisons) {
    const id = `${c.axis}\u0000${c.level}`;
    byAxisLevel.set(id, [...(byAxisLevel.get(id) ?? []), c]);
  }
  const groups = new Map<string, ContrastPairs<S>>();
  for (const s of scores) {
    if (s.kind !== 'reference' && s.kind !== 'demographic') continue;
    for (const [axis, level] of Object.entries(s.attributes)) {
      if (axis in s.pinned) continue;
      for (const c of byAxisLevel.get(`${axis}\u0000${level}`) ?? []) {
        const partner = cells.get(cellOf(s))?.get(canonical({ ...s.attributes, [axis]: c.versus }));
        if (!partner) continue;
        const id = `${s.modelId}\u0000${axis}\u0000${level}\u0000${c.versus}\u0000${s.cues ?? ''}`;
        let group = groups.get(id);
        if (!group)
          groups.set(
            id,
            (group = { modelId: s.modelId, axis, level, versus: c.versus, ...(s.cues === undefined ? {} : { cues: s.cues }), pairs: [] }),
          );
        group.pairs.push({ vignetteId: s.vignetteId, replicate: s.replicate, reference: partner, level: s, marginal: false });
      }
    }
  }
  return [...groups.values()];
}

/** The reference and demographic scores of each cell (model, vignette, replicate, cue mode), by attribute set. */
function indexCells<S extends AnalysedScore>(scores: readonly S[]) {
  const keys = new AttributeKeys();
  // model|vignette|replicate -> attributes key -> score. Nested so the 1.7M-score case needs no long key per score.
  const cells = new Map<string, Map<string, S>>();
  const cellOf = (s: AnalysedScore) =>
    `${s.modelId}\u0000${s.vignetteId}\u0000${s.replicate}${s.cues === undefined ? '' : `\u0000${s.cues}`}`;
  const references = new Map<string, S>();
  for (const s of scores) {
    if (s.kind !== 'reference' && s.kind !== 'demographic') continue;
    const cell = cellOf(s);
    let byAttributes = cells.get(cell);
    if (!byAttributes) cells.set(cell, (byAttributes = new Map()));
    byAttributes.set(keys.of(s.attributes), s);
    if (s.kind === 'reference') references.set(cell, s);
  }
  return { keys, cells, cellOf, references };
}

/**
 * Canonical keys of attribute sets, computed once per distinct attributes object (variants share theirs across
 * models and replicates) and once per (attributes, axis) for the partner with that axis at reference.
 */
class AttributeKeys {
  private readonly byObject = new Map<Readonly<Record<string, string>>, string>();
  private readonly partners = new Map<string, string>();

  of(attributes: Readonly<Record<string, string>>): string {
    let key = this.byObject.get(attributes);
    if (key === undefined) this.byObject.set(attributes, (key = canonical(attributes)));
    return key;
  }

  withReference(key: string, attributes: Readonly<Record<string, string>>, axis: Axis): string {
    const id = `${key}\u0000${axis.id}`;
    let partner = this.partners.get(id);
    if (partner === undefined) this.partners.set(id, (partner = canonical({ ...attributes, [axis.id]: axis.reference })));
    return partner;
  }
}

function canonical(attributes: Readonly<Record<string, string>>): string {
  return Object.keys(attributes)
    .sort()
    .map((k) => `${k}=${attributes[k]}`)
    .join(',');
}
