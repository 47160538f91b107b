import type { Axis } from '../demographics/types.js';
import type { ScoreList } from '../score/rows.js';
import type { AnalysedScore } from '../score/table.js';
import type { Outcome } from '../score/types.js';
import type { CueMode } from '../template/render.js';
import { PartnerIndex } from './partnerIndex.js';
import { RowPairs } from './rowPairs.js';

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
  /**
   * The pairs, in the order they were formed. A contrast made here keeps them as row numbers and builds this array
   * afresh on every read (so that no pair object outlives its reader): read it once per pass, and never compare
   * pairs of two reads by identity.
   */
  readonly pairs: ScorePair<S>[];
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
export function pairContrasts<S extends AnalysedScore>(scores: ScoreList<S>, axes: readonly Axis[]): ContrastPairs<S>[] {
  const keys = new AttributeKeys();
  const partners = new PartnerIndex(scores, (attributes) => keys.of(attributes));
  const groups = new ContrastGroups(scores);
  for (const row of scores.keys()) {
    const s = scores.at(row)!;
    if (s.kind !== 'demographic') continue;
    const { attributes, pinned } = s;
    for (let a = 0; a < axes.length; a++) {
      const axis = axes[a]!;
      const level = attributes[axis.id];
      if (level === undefined || level === axis.reference || axis.id in pinned) continue;
      const exact = partners.exact(s, keys.withReference(attributes, a, axis));
      const partner = exact ?? partners.reference(s);
      if (partner === undefined) continue;
      groups.of(s.modelId, axis.id, level, undefined, s.cues).add(partner, row, exact === undefined);
    }
  }
  return groups.all();
}

/** Where a contrast made here keeps its pairs: row numbers into the scores it was made from. */
const ROWS = Symbol('contrast rows');

interface ContrastRows<S extends AnalysedScore> {
  rows: RowPairs;
  scores: ScoreList<S>;
}

function rowsOf<S extends AnalysedScore>(group: ContrastPairs<S>): ContrastRows<S> | undefined {
  return (group as ContrastPairs<S> & { [ROWS]?: ContrastRows<S> })[ROWS];
}

/**
 * The pairs of `group`, one at a time: for a contrast made here, without an array of every pair (at a million
 * answers such an array outlives a young-generation collection and costs a full one). Read a contrast through this
 * where a pass needs no array.
 */
export function eachPair<S extends AnalysedScore>(group: ContrastPairs<S>): Iterable<ScorePair<S>> {
  const made = rowsOf(group);
  return made ? made.rows.each(made.scores) : group.pairs;
}

/** The pairs of `group` that pass `test`, read one at a time (`eachPair`): a few vignettes' pairs never cost a whole contrast's array. */
export function pairsWhere<S extends AnalysedScore>(group: ContrastPairs<S>, test: (pair: ScorePair<S>) => boolean): ScorePair<S>[] {
  const kept: ScorePair<S>[] = [];
  for (const pair of eachPair(group)) if (test(pair)) kept.push(pair);
  return kept;
}

/** How many pairs `group` has, and how many stand in a marginal partner (counted from its rows, for a contrast made here). */
export function pairCounts(group: ContrastPairs): { total: number; marginal: number } {
  const made = rowsOf(group);
  if (made) return { total: made.rows.length, marginal: made.rows.marginalCount() };
  const { pairs } = group;
  return { total: pairs.length, marginal: pairs.filter((p) => p.marginal).length };
}

/** Whether any pair of `group` stands in a marginal partner (read from its rows, for a contrast made here). */
export function someMarginal(group: ContrastPairs): boolean {
  return rowsOf(group)?.rows.anyMarginal() ?? somePair(group, (p) => p.marginal);
}

/** Whether any pair of `group` passes `test`, read one at a time up to the first that does. */
export function somePair<S extends AnalysedScore>(group: ContrastPairs<S>, test: (pair: ScorePair<S>) => unknown): boolean {
  for (const pair of eachPair(group)) if (test(pair)) return true;
  return false;
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
  scores: ScoreList<S>,
  comparisons: readonly LevelComparison[],
): ContrastPairs<S>[] {
  if (comparisons.length === 0) return [];
  const keys = new AttributeKeys();
  const partners = new PartnerIndex(scores, (attributes) => keys.of(attributes));
  const byAxisLevel = new Map<string, LevelComparison[]>();
  for (const c of comparisons) {
    const id = `${c.axis}\u0000${c.level}`;
    byAxisLevel.set(id, [...(byAxisLevel.get(id) ?? []), c]);
  }
  const groups = new ContrastGroups(scores);
  for (const row of scores.keys()) {
    const s = scores.at(row)!;
    if (s.kind !== 'reference' && s.kind !== 'demographic') continue;
    for (const [axis, level] of Object.entries(s.attributes)) {
      if (axis in s.pinned) continue;
      for (const c of byAxisLevel.get(`${axis}\u0000${level}`) ?? []) {
        const partner = partners.exact(s, canonical({ ...s.attributes, [axis]: c.versus }));
        if (partner === undefined) continue;
        groups.of(s.modelId, axis, level, c.versus, s.cues).add(partner, row, false);
      }
    }
  }
  return groups.all();
}

/** Contrast groups by model, axis, level, compared level and cue mode, in the order they were first made. */
class ContrastGroups<S extends AnalysedScore> {
  private readonly made: { group: Omit<ContrastPairs<S>, 'pairs'>; rows: RowPairs }[] = [];
  private readonly index = new Map<string, Map<string, Map<string, Map<string, Map<string, RowPairs>>>>>();

  constructor(private readonly scores: ScoreList<S>) {}

  of(modelId: string, axis: string, level: string, versus: string | undefined, cues: CueMode | undefined): RowPairs {
    const byAxis = getOrAdd(this.index, modelId, () => new Map());
    const byLevel = getOrAdd(byAxis, axis, () => new Map());
    const byVersus = getOrAdd(byLevel, level, () => new Map());
    const byCues = getOrAdd(byVersus, versus ?? '', () => new Map());
    return getOrAdd(byCues, cues ?? '', () => {
      const rows = new RowPairs();
      this.made.push({
        group: { modelId, axis, level, ...(versus === undefined ? {} : { versus }), ...(cues === undefined ? {} : { cues }) },
        rows,
      });
      return rows;
    });
  }

  all(): ContrastPairs<S>[] {
    const { scores } = this;
    return this.made.map(({ group, rows }) => {
      rows.trim();
      const contrast: ContrastPairs<S> = {
        ...group,
        get pairs() {
          return [...rows.each(scores)];
        },
      };
      // Not enumerable: a copy made by spreading, whose pairs may have been filtered, must not inherit it.
      return Object.defineProperty(contrast, ROWS, { value: { rows, scores } satisfies ContrastRows<S> });
    });
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/**
 * Canonical keys of attribute sets, computed once per distinct attributes object (variants share theirs across
 * models and replicates) and once per (attributes object, axis) for the partner with that axis at reference.
 */
class AttributeKeys {
  private readonly byObject = new Map<Readonly<Record<string, string>>, string>();
  private readonly partners = new Map<Readonly<Record<string, string>>, string[]>();

  of(attributes: Readonly<Record<string, string>>): string {
    let key = this.byObject.get(attributes);
    if (key === undefined) this.byObject.set(attributes, (key = canonical(attributes)));
    return key;
  }

  /** The key of `attributes` with the axis at index `a` (`axis`) at its reference. */
  withReference(attributes: Readonly<Record<string, string>>, a: number, axis: Axis): string {
    const known = getOrAdd(this.partners, attributes, () => []);
    return (known[a] ??= canonical({ ...attributes, [axis.id]: axis.reference }));
  }
}

function canonical(attributes: Readonly<Record<string, string>>): string {
  return Object.keys(attributes)
    .sort()
    .map((k) => `${k}=${attributes[k]}`)
    .join(',');
}
