import { join } from 'node:path';
import {
  describeNameFallback,
  NAMES_FILE,
  nameFallbacks,
  type NameFallback,
  type NamePart,
  type NamePools,
} from '../demographics/names.js';
import type { Axis } from '../demographics/types.js';
import { cuesName, type CueMode } from '../template/render.js';
import type { FieldReader } from '../util/fields.js';
import type { NameOptions } from './types.js';

const PART_WORDS: Record<NamePart, string> = { first: 'given-name', last: 'surname' };

/**
 * The study's `names:` section, and the check that every level a name cue must signal has a name pool. A level
 * without one would get a generic name, the same for every such level, so its contrast would test nothing: that
 * is refused (a problem per level, at its line in `axes:`) unless the study sets `names: { allow_fallback: true }`,
 * in which case the fallbacks are kept for the manifest and the report.
 */
export function readNameOptions(
  r: FieldReader,
  raw: unknown,
  rawAxes: unknown,
  study: { cueModes: readonly CueMode[]; axes: readonly Axis[]; pools: NamePools; demographicsPath: string },
): NameOptions {
  const obj = raw === undefined ? {} : (r.record(raw, ['names']) ?? {});
  r.unknownKeys(obj, ['allow_fallback'], ['names']);
  if (obj.allow_fallback !== undefined && typeof obj.allow_fallback !== 'boolean')
    r.problem(['names', 'allow_fallback'], 'expected true or false');
  const allowFallback = obj.allow_fallback === true;
  const naming = study.cueModes.filter(cuesName);
  if (naming.length === 0) return { allowFallback, fallbacks: [] };
  // The cue modes that name the patient, as the study would write them: `cues: implicit` or `cues: [implicit, both]`.
  const cues = naming.length === 1 ? naming[0]! : `[${naming.join(', ')}]`;
  // A level that states nothing is never named (see expand.ts), so it needs no pool.
  const axes = study.axes.map((a) => ({ ...a, levels: a.levels.filter((l) => !l.unstated) }));
  const fallbacks = nameFallbacks(study.pools, axes);
  if (allowFallback || fallbacks.length === 0) return { allowFallback, fallbacks };
  const poolsFile = join(study.demographicsPath, NAMES_FILE);
  const fix = `Add pools to ${poolsFile}, use \`cues: explicit\`, leave the level out of \`axes:\`, or accept generic names with \`names: { allow_fallback: true }\` (the report then lists them).`;
  const explained = new Set<NameFallback>();
  for (const axis of axes) {
    for (const level of axis.levels) {
      const parts = (['first', 'last'] as const).filter((part) => lacksPool(study.pools, part, axis.id, level.id));
      if (parts.length === 0) continue;
      fallbacks.filter((f) => f.levels[axis.id] === level.id && f.parts.every((p) => parts.includes(p))).forEach((f) => explained.add(f));
      r.problem(
        levelPath(rawAxes, axis.id, level.id),
        `level "${level.id}" (${level.label}) has no ${parts.map((p) => PART_WORDS[p]).join(' or ')} pool, so with \`cues: ${cues}\` ${consequence(parts)}. ${fix}`,
      );
    }
  }
  const rest = fallbacks.filter((f) => !explained.has(f));
  if (rest.length > 0) {
    const missing = [...new Set(study.pools[rest[0]!.parts[0]!].flatMap((p) => Object.keys(p.match)))].filter(
      (a) => !axes.some((x) => x.id === a),
    );
    const why =
      missing.length > 0
        ? `: the pools choose by ${missing.join(', ')}, which the study does not vary (add that axis, or pools that match the study's axes)`
        : '';
    r.problem(
      ['cues'],
      `with \`cues: ${cues}\` these patients would get a generic name, which signals nothing: ${rest.map((f) => describeNameFallback(f, (axis, level) => `${axis}=${level}`)).join('; ')}${why}. ${fix}`,
    );
  }
  return { allowFallback, fallbacks: [] };
}

/** What a level without pools for these parts would get, and what its contrast would then not test. */
function consequence(parts: readonly NamePart[]): string {
  if (parts.length === 2)
    return 'its patients would get a generic name, the same as any other level without a pool, and its contrast would not test the name';
  const [missing, kept] = parts[0] === 'first' ? ['given name', 'surname'] : ['surname', 'given name'];
  return `its patients would get a generic ${missing}, the same as any other level without one (the ${kept} still comes from its pool), and its contrast would test only the ${kept}`;
}

/** A part lacks a pool for a level when its pools choose by that axis and none has that level. */
function lacksPool(pools: NamePools, part: NamePart, axis: string, level: string): boolean {
  const byAxis = pools[part].filter((p) => axis in p.match);
  return byAxis.length > 0 && !byAxis.some((p) => p.match[axis] === level);
}

/** The level's entry in the study's `axes.<id>.levels` list when it is listed there, else the axis itself. */
function levelPath(rawAxes: unknown, axisId: string, levelId: string): (string | number)[] {
  const options = rawAxes && typeof rawAxes === 'object' ? (rawAxes as Record<string, unknown>)[axisId] : undefined;
  const listed = options && typeof options === 'object' ? (options as Record<string, unknown>).levels : undefined;
  const index = Array.isArray(listed) ? listed.findIndex((l) => String(l) === levelId) : -1;
  return index >= 0 ? ['axes', axisId, 'levels', index] : ['axes', axisId];
}
