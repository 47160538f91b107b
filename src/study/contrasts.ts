import type { Axis } from '../demographics/types.js';
import { ADJUST_METHODS, type AdjustMethod } from '../stats/adjust.js';
import type { FieldReader } from '../util/fields.js';
import type { FieldPath } from '../util/yaml.js';

/**
 * One line of a declared contrast family: levels of one axis, each against `versus`. `versus` absent: the axis's
 * reference (today's default contrast). `versus` another level: level against level (race black vs white, income
 * low vs high), or a per-axis reference other than the study's. Stated against unstated is a level against the
 * axis's unstated level (a study's `unstated: true`; an import's neutral variant). `levels` absent: every level of
 * the axis but `versus`, in the axis's order.
 */
export interface ComparisonSpec {
  axis: string;
  levels?: string[];
  versus?: string;
}

/**
 * A named family of comparisons, adjusted for multiple comparisons on its own (per model, endpoint and cue mode) by
 * `adjustment`, or by the analysis's adjustment when absent.
 */
export interface ContrastSpec {
  name: string;
  adjustment?: AdjustMethod;
  compare: ComparisonSpec[];
}

const COMPARISON_FIELDS = ['axis', 'level', 'levels', 'versus'];

/**
 * The `contrasts:` mapping (family name -> { adjustment, compare: [...] }) as written, structure only: ids are
 * checked against the axes by `checkContrasts`, once they are known (an import learns its levels from the data).
 * Undefined when absent, so that a study declaring none is analysed (and recorded) exactly as before.
 */
export function readContrasts(r: FieldReader, raw: unknown, path: FieldPath): ContrastSpec[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const obj = r.record(raw, path);
  if (!obj) return undefined;
  if (Object.keys(obj).length === 0) r.problem(path, 'names no contrast family: remove it, or name a family with its `compare:` list');
  const families: ContrastSpec[] = [];
  for (const [name, value] of Object.entries(obj)) {
    const at = [...path, name];
    const family = r.record(value, at);
    if (!family) continue;
    r.unknownKeys(family, ['adjustment', 'compare'], at);
    const adjustment = r.oneOf(family, 'adjustment', ADJUST_METHODS, at, { optional: true });
    if (family.compare === undefined) {
      r.problem([...at, 'compare'], 'is required: a list of comparisons, e.g. - { axis: race, level: black, versus: white }');
      continue;
    }
    const compare = r.recordList(family.compare, [...at, 'compare'], COMPARISON_FIELDS, (item, itemPath) =>
      readComparison(r, item, itemPath),
    );
    if (compare.length === 0 && Array.isArray(family.compare)) r.problem([...at, 'compare'], 'lists no comparison');
    families.push({ name, ...(adjustment ? { adjustment } : {}), compare });
  }
  return families;
}

function readComparison(r: FieldReader, item: Record<string, unknown>, path: FieldPath): ComparisonSpec | undefined {
  const axis = r.string(item, 'axis', path);
  if (item.level !== undefined && item.levels !== undefined) r.problem([...path, 'levels'], 'give `level` or `levels`, not both');
  const one = r.string(item, 'level', path, { optional: true });
  const levels = one !== undefined ? [one] : r.stringList(item, 'levels', path, { optional: true });
  const versus = r.string(item, 'versus', path, { optional: true });
  if (axis === undefined) return undefined;
  return { axis, ...(levels ? { levels } : {}), ...(versus !== undefined ? { versus } : {}) };
}

/** Every axis and level a declared family names must be one of `axes`' (the message lists the valid ids). */
export function checkContrasts(r: FieldReader, specs: readonly ContrastSpec[], path: FieldPath, axes: readonly Axis[]): void {
  for (const family of specs) {
    family.compare.forEach((c, i) => {
      const at = [...path, family.name, 'compare', i];
      const axis = axes.find((a) => a.id === c.axis);
      if (!axis) {
        r.problem([...at, 'axis'], `unknown axis "${c.axis}"; axes: ${axes.map((a) => a.id).join(', ')}`);
        return;
      }
      const ids = axis.levels.map((l) => l.id);
      const known = (level: string) => ids.includes(level);
      if (c.versus !== undefined && !known(c.versus))
        r.problem([...at, 'versus'], `unknown level "${c.versus}" of axis ${axis.id}; levels: ${ids.join(', ')}`);
      c.levels?.forEach((level) => {
        // The item, not `level` or `levels[j]`: the spec no longer says which of the two the YAML wrote.
        const field = at;
        if (!known(level)) r.problem(field, `unknown level "${level}" of axis ${axis.id}; levels: ${ids.join(', ')}`);
        else if (level === (c.versus ?? axis.reference)) r.problem(field, `compares level "${level}" of axis ${axis.id} with itself`);
      });
    });
  }
}
