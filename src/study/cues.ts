import { CUE_MODES, type CueMode } from '../template/render.js';
import { describe, type FieldReader } from '../util/fields.js';
import type { FieldPath } from '../util/yaml.js';

const USAGE = `use one mode (cues: implicit) or a list of distinct modes to cross (cues: [explicit, implicit]); modes: ${CUE_MODES.join(', ')}`;

/**
 * The study's `cues:` field: one mode (`cues: implicit`, explicit when absent) or a list of distinct modes the study
 * crosses (`cues: [explicit, implicit]`: every design assignment rendered once per mode, in the order listed).
 * A problem at the field or the list entry for anything else; explicit when unusable, so loading goes on.
 */
export function readCueModes(r: FieldReader, raw: unknown): CueMode[] {
  if (raw === undefined || raw === null) return ['explicit'];
  if (typeof raw === 'string') {
    if (isCueMode(raw)) return [raw];
    r.problem(['cues'], `unknown cue mode "${raw}"; ${USAGE}`);
    return ['explicit'];
  }
  if (!Array.isArray(raw)) {
    r.problem(['cues'], `expected a cue mode or a list of them, got ${describe(raw)}; ${USAGE}`);
    return ['explicit'];
  }
  if (raw.length === 0) {
    r.problem(['cues'], `lists no cue mode; ${USAGE}`);
    return ['explicit'];
  }
  const modes: CueMode[] = [];
  raw.forEach((item, i) => {
    const path: FieldPath = ['cues', i];
    if (typeof item !== 'string' || !isCueMode(item))
      r.problem(
        path,
        `${typeof item === 'string' ? `unknown cue mode "${item}"` : `expected a cue mode, got ${describe(item)}`}; ${USAGE}`,
      );
    else if (modes.includes(item)) r.problem(path, `cue mode "${item}" is listed twice; list each mode once`);
    else modes.push(item);
  });
  return modes.length > 0 ? modes : ['explicit'];
}

/** Whether the study crosses cue modes (renders every assignment once per mode), which tags variant ids and results with the mode. */
export function crossesCueModes(modes: readonly CueMode[]): boolean {
  return modes.length > 1;
}

/** `cues: [..]` on a simulated bias: the modes whose variants it affects; only in a study that crosses modes, and only modes it renders. */
export function readBiasCueModes(
  r: FieldReader,
  raw: unknown,
  at: FieldPath,
  studyModes: readonly CueMode[],
): CueMode[] | undefined | null {
  if (raw === undefined) return undefined;
  if (!crossesCueModes(studyModes)) {
    r.problem(
      at,
      `restricts the bias to cue modes, but the study renders one mode (cues: ${studyModes[0]}), so every variant has it: remove the field, or cross modes (cues: [explicit, implicit])`,
    );
    return null;
  }
  const items = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
  if (!items || items.length === 0) {
    r.problem(at, `expected a list of the study's cue modes (${studyModes.join(', ')})`);
    return null;
  }
  const unknown = items.filter((m) => typeof m !== 'string' || !studyModes.includes(m as CueMode));
  if (unknown.length > 0) {
    r.problem(
      at,
      `${unknown.map((m) => JSON.stringify(m)).join(', ')} ${unknown.length === 1 ? 'is not a cue mode' : 'are not cue modes'} of this study (${studyModes.join(', ')})`,
    );
    return null;
  }
  return [...new Set(items as CueMode[])];
}

function isCueMode(value: string): value is CueMode {
  return (CUE_MODES as readonly string[]).includes(value);
}
