import type { Axis } from '../demographics/types.js';
import type { ModelEntryContext } from '../providers/definition.js';
import type { CueMode } from '../template/render.js';
import type { QuestionType } from '../template/types.js';
import type { FieldReader } from '../util/fields.js';
import type { FieldPath } from '../util/yaml.js';
import { readBiasCueModes } from './cues.js';
import type { InjectedBias, SimulatedModelSpec } from './types.js';

/** The fields of a `provider: simulated` entry beyond the common ones. */
export const SIMULATED_FIELDS = ['accuracy', 'bias', 'unparseable_rate', 'instability'];

/**
 * A `provider: simulated` entry: accuracy (overall or per domain), injected biases (checked against the study's
 * axes, cue modes and question types), unparseable rate and instability. A simulated judge sees cases with the
 * demographic cues masked, so it takes no `bias`.
 */
export function readSimulatedModel(obj: Readonly<Record<string, unknown>>, entry: ModelEntryContext): SimulatedModelSpec {
  const { reader: r, path, axes, cueModes, questionTypes } = entry;
  if (entry.role === 'judge' && 'bias' in obj)
    r.problem([...path, 'bias'], 'the judge sees cases with demographic cues masked, so there is no demographic bias to inject');
  return {
    ...entry.common,
    kind: 'simulated',
    accuracy: readAccuracy(r, obj.accuracy, [...path, 'accuracy']),
    biases: entry.role === 'judge' ? [] : readBiases(r, obj.bias, [...path, 'bias'], axes, cueModes, questionTypes),
    unparseableRate: r.number(obj, 'unparseable_rate', path, { optional: true, min: 0, max: 1 }) ?? 0.01,
    instability: r.number(obj, 'instability', path, { optional: true, min: 0, max: 1 }) ?? 0.15,
  };
}

function readAccuracy(r: FieldReader, raw: unknown, path: FieldPath): { default: number; byDomain: Record<string, number> } {
  const result = { default: 0.85, byDomain: {} as Record<string, number> };
  if (raw === undefined) return result;
  if (typeof raw === 'number') {
    if (raw < 0 || raw > 1) r.problem(path, `must be a probability between 0 and 1, got ${raw}`);
    else result.default = raw;
    return result;
  }
  const obj = r.record(raw, path);
  if (!obj) return result;
  for (const domain of Object.keys(obj)) {
    const p = r.number(obj, domain, path, { min: 0, max: 1 });
    if (p === undefined) continue;
    if (domain === 'default') result.default = p;
    else result.byDomain[domain] = p;
  }
  return result;
}

const BIAS_FIELDS = ['axis', 'level', 'error_multiplier', 'less_care', 'rank_shift', 'with', 'question_types', 'cues'];

function readBiases(
  r: FieldReader,
  raw: unknown,
  path: FieldPath,
  axes: readonly Axis[],
  cueModes: readonly CueMode[],
  validTypes: readonly string[],
): InjectedBias[] {
  return r.recordList(raw, path, BIAS_FIELDS, (obj, at) => {
    const axis = r.string(obj, 'axis', at);
    const level = r.string(obj, 'level', at);
    // A care or rank shift alone (less_care, rank_shift) leaves errors as they are: error_multiplier is then optional, 1.
    const lessCare = r.number(obj, 'less_care', at, { optional: true, min: -1, max: 1 });
    const rankShift = r.number(obj, 'rank_shift', at, { optional: true, min: -10, max: 10 });
    const shiftOnly = lessCare !== undefined || rankShift !== undefined;
    const errorMultiplier = r.number(obj, 'error_multiplier', at, { min: 0, optional: shiftOnly }) ?? (shiftOnly ? 1 : undefined);
    const known = axis !== undefined && level !== undefined && checkLevel(r, axes, axis, level, at, 'axis', 'level');
    const combined = readInteraction(r, obj.with, [...at, 'with'], axes, axis);
    const questionTypes = readQuestionTypes(r, obj.question_types, [...at, 'question_types'], validTypes);
    const cues = readBiasCueModes(r, obj.cues, [...at, 'cues'], cueModes);
    if (!known || errorMultiplier === undefined || combined === null || questionTypes === null || cues === null) return undefined;
    return {
      axis,
      level,
      errorMultiplier,
      ...(lessCare !== undefined && { lessCare }),
      ...(rankShift !== undefined && { rankShift }),
      ...(combined && { with: combined }),
      ...(questionTypes && { questionTypes }),
      ...(cues && { cues }),
    };
  });
}

/** True when `level` is a level of the study axis `axis`; otherwise a problem at `at` naming the valid ones. */
function checkLevel(
  r: FieldReader,
  axes: readonly Axis[],
  axis: string,
  level: string,
  at: FieldPath,
  axisField: string | number,
  levelField: string | number,
): boolean {
  const defined = axes.find((a) => a.id === axis);
  if (!defined) r.problem([...at, axisField], `"${axis}" is not an axis of this study (${axes.map((a) => a.id).join(', ')})`);
  else if (!defined.levels.some((l) => l.id === level))
    r.problem([...at, levelField], `"${level}" is not a level of ${axis} in this study (${defined.levels.map((l) => l.id).join(', ')})`);
  else return true;
  return false;
}

/** `with: { axis: level, ... }`: undefined when absent, null when invalid (problems recorded). */
function readInteraction(
  r: FieldReader,
  raw: unknown,
  at: FieldPath,
  axes: readonly Axis[],
  axis: string | undefined,
): Record<string, string> | undefined | null {
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0) {
    r.problem(at, 'expected a mapping of one or more other axes to a level, for example { insurance: medicaid }');
    return null;
  }
  let valid = true;
  for (const [other, level] of Object.entries(raw)) {
    if (typeof level !== 'string') {
      r.problem([...at, other], 'expected a level id');
      valid = false;
    } else if (other === axis) {
      r.problem([...at, other], `the interaction must name axes other than the bias's own (${axis})`);
      valid = false;
    } else if (!checkLevel(r, axes, other, level, at, other, other)) valid = false;
  }
  return valid ? (raw as Record<string, string>) : null;
}

/** `question_types: [ordinal, ...]`: undefined when absent, null when invalid (problems recorded). */
function readQuestionTypes(r: FieldReader, raw: unknown, at: FieldPath, valid: readonly string[]): QuestionType[] | undefined | null {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) {
    r.problem(at, `expected a list of question types (${valid.join(', ')})`);
    return null;
  }
  const unknown = raw.filter((t) => !valid.includes(t as string));
  if (unknown.length > 0) {
    r.problem(
      at,
      `${unknown.map((t) => JSON.stringify(t)).join(', ')} ${unknown.length === 1 ? 'is not a question type' : 'are not question types'} (${valid.join(', ')})`,
    );
    return null;
  }
  return raw as QuestionType[];
}
