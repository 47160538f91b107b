import { readContrasts, type ContrastSpec } from '../study/contrasts.js';
import { PERSPECTIVES, type Intensity, type Perspective, type ScalePoint } from '../template/types.js';
import type { FieldReader } from '../util/fields.js';
import type { FieldPath } from '../util/yaml.js';

export type ImportFormat = 'long' | 'wide';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['long', 'wide'];

/**
 * Question types an import can build: right-versus-wrong ones (choice, yes/no), ordered ones (an ordinal scale, a
 * number in a unit: `ordinal:` and `numeric:` of the mapping say how), ranked differential-diagnosis lists
 * (`differential:` says up to which rank the diagnosis counts), and free text (left unscored, as in a run).
 */
export type ImportedQuestionType = 'choice' | 'yesno' | 'ordinal' | 'numeric' | 'differential' | 'free';
export const IMPORTED_QUESTION_TYPES: readonly ImportedQuestionType[] = ['choice', 'yesno', 'ordinal', 'numeric', 'differential', 'free'];
const INTENSITIES: readonly Intensity[] = ['ascending', 'descending'];

/**
 * How ordinal answers are read. `scale`: the points in order; absent, the whole numbers from the lowest to the
 * highest found in the gold column (and, for extracted answers, the answer column), each labelled by its number.
 */
export interface ImportedOrdinal {
  scale: ScalePoint[] | null;
  intensity: Intensity;
}

/** How numeric answers are read: the unit, the tolerance within which an answer is right, and which way means more care. */
export interface ImportedNumeric {
  unit: string;
  tolerance: number;
  intensity: Intensity;
}

/**
 * How differential-diagnosis answers are read: the answer is a list (numbered text, or a JSON array of names), the
 * gold column names the diagnosis, `columns.synonyms` (optional) other names for it. Correct when named at rank `top`
 * or better; `list` is how many diagnoses the model was asked for (default `top`): a diagnosis named beyond it counts
 * as left out in the rank comparison, as in a run.
 */
export interface ImportedDifferential {
  top: number;
  list: number;
}

/**
 * Fields of `columns:`: which column holds what. `options` names several columns (lettered A, B, ...); `synonyms`
 * holds a differential question's other names for the gold diagnosis (a JSON array, or names separated by `|`).
 */
export const COLUMN_FIELDS = ['vignette', 'gold', 'answer', 'replicate', 'model', 'domain', 'type', 'text', 'synonyms', 'options'] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

/**
 * How a file of outputs produced elsewhere maps onto vignettes, variants and responses.
 *
 * Long: one row per vignette × variant × replicate (× model); `axes` names, for each demographic axis, the column
 * holding its level and the reference level. Wide: one row per vignette (× replicate × model); `variants` names one
 * answer column per variant with its levels, and `reference` the column of the reference variant (its levels are
 * the axes' references; a data set whose reference is a neutral variant gives each axis an unstated level there, and
 * `contrasts:` can compare levels with each other or with another reference per axis).
 */
export interface ImportMapping {
  format: ImportFormat;
  columns: Partial<Record<Exclude<ColumnField, 'options'>, string>> & { vignette: string; gold: string; options: string[] };
  axes: { id: string; column: string; reference: string }[];
  variants: { column: string; attributes: Record<string, string> }[];
  reference: string | null;
  /** `text`: the model's answer as written (scored by the extractors); `extracted`: an answer already extracted. */
  answers: 'text' | 'extracted';
  defaults: { model: string; domain: string; type: ImportedQuestionType | null; perspective: Perspective };
  /**
   * The contrast families to analyse (as a study's `contrasts:`; absent: every level against its axis's reference).
   * Their axes and levels are checked once the file's levels are known.
   */
  contrasts?: ContrastSpec[];
  /** Present when any question may be ordinal (required then). */
  ordinal?: ImportedOrdinal;
  /** Present when any question may be numeric (required then). */
  numeric?: ImportedNumeric;
  /** Present when any question may be a differential diagnosis (required then). */
  differential?: ImportedDifferential;
}

const TOP_FIELDS = [
  'format',
  'columns',
  'axes',
  'variants',
  'reference',
  'answers',
  'defaults',
  'contrasts',
  'ordinal',
  'numeric',
  'differential',
];

/**
 * Validates a mapping (from a YAML file or from --columns) and reports every problem with its field; returns
 * undefined when anything is wrong. `format` from the command line wins over the mapping's.
 */
export function readImportMapping(r: FieldReader, raw: unknown, formatFlag: ImportFormat | undefined): ImportMapping | undefined {
  const count = r.problems.length;
  const obj = r.record(raw, []);
  if (!obj) return undefined;
  r.unknownKeys(obj, TOP_FIELDS, []);
  const format = formatFlag ?? r.oneOf(obj, 'format', IMPORT_FORMATS, [], { optional: true }) ?? 'long';
  const columns = readColumns(r, obj.columns, format);
  const axes =
    format === 'long'
      ? readAxes(r, obj.axes)
      : (absent(r, obj, 'axes', 'the wide format gives levels per answer column under `variants`'), []);
  const variants =
    format === 'wide'
      ? readVariants(r, obj.variants)
      : (absent(r, obj, 'variants', 'the long format names an axis column per axis under `axes`'), []);
  const reference =
    format === 'wide'
      ? readReference(r, obj.reference, variants)
      : (absent(r, obj, 'reference', 'the long format gives each axis its reference under `axes`'), null);
  const answers = r.oneOf(obj, 'answers', ['text', 'extracted'] as const, [], { optional: true }) ?? 'text';
  const defaults = readDefaults(r, obj.defaults);
  const contrasts = readContrasts(r, obj.contrasts, ['contrasts']);
  const ordinal = obj.ordinal === undefined ? undefined : readOrdinal(r, obj.ordinal);
  const numeric = obj.numeric === undefined ? undefined : readNumeric(r, obj.numeric);
  const differential = obj.differential === undefined ? undefined : readDifferential(r, obj.differential);
  for (const [type, section] of [
    ['ordinal', obj.ordinal],
    ['numeric', obj.numeric],
    ['differential', obj.differential],
  ] as const)
    if (defaults.type === type && section === undefined)
      r.problem(['defaults', 'type'], `is ${type}: say how ${type} answers are read under \`${type}:\` (see the import docs)`);
  if (r.problems.length > count || !columns) return undefined;
  return {
    format,
    columns,
    axes,
    variants,
    reference,
    answers,
    defaults,
    ...(contrasts ? { contrasts } : {}),
    ...(ordinal ? { ordinal } : {}),
    ...(numeric ? { numeric } : {}),
    ...(differential ? { differential } : {}),
  };
}

function readColumns(r: FieldReader, raw: unknown, format: ImportFormat): ImportMapping['columns'] | undefined {
  if (raw === undefined) {
    r.problem(['columns'], `is required: which column holds what (${COLUMN_FIELDS.join(', ')})`);
    return undefined;
  }
  const obj = r.record(raw, ['columns']);
  if (!obj) return undefined;
  r.unknownKeys(obj, COLUMN_FIELDS, ['columns']);
  const one = (field: Exclude<ColumnField, 'options'>, required: boolean) => r.string(obj, field, ['columns'], { optional: !required });
  if (format === 'wide' && obj.answer !== undefined)
    r.problem(
      ['columns', 'answer'],
      'applies to the long format; in the wide format each variant has its own answer column, listed under `variants`',
    );
  const vignette = one('vignette', true);
  const gold = one('gold', true);
  const answer = one('answer', format === 'long');
  const options =
    obj.options === undefined ? [] : typeof obj.options === 'string' ? [obj.options] : (r.stringList(obj, 'options', ['columns']) ?? []);
  if (!vignette || !gold) return undefined;
  const optional = Object.fromEntries(
    (['replicate', 'model', 'domain', 'type', 'text', 'synonyms'] as const).flatMap((f) => {
      const column = one(f, false);
      return column === undefined ? [] : [[f, column]];
    }),
  );
  return { vignette, gold, ...(answer !== undefined ? { answer } : {}), ...optional, options };
}

function readAxes(r: FieldReader, raw: unknown): ImportMapping['axes'] {
  if (raw === undefined) {
    r.problem(
      ['axes'],
      'is required in the long format: for each axis, the column holding its level and the reference level, e.g. race: { column: patient_race, reference: white }',
    );
    return [];
  }
  const obj = r.record(raw, ['axes']);
  if (!obj) return [];
  if (Object.keys(obj).length === 0) r.problem(['axes'], 'names no axis');
  const axes: ImportMapping['axes'] = [];
  for (const [id, value] of Object.entries(obj)) {
    const path = ['axes', id];
    const axis = r.record(value, path);
    if (!axis) continue;
    r.unknownKeys(axis, ['column', 'reference'], path);
    const column = r.string(axis, 'column', path);
    const reference = r.string(axis, 'reference', path);
    if (column && reference) axes.push({ id, column, reference: reference.trim() });
  }
  return axes;
}

function readVariants(r: FieldReader, raw: unknown): ImportMapping['variants'] {
  if (raw === undefined) {
    r.problem(['variants'], 'is required in the wide format: each answer column with its levels, e.g. answer_black: { race: black }');
    return [];
  }
  const obj = r.record(raw, ['variants']);
  if (!obj) return [];
  const variants: ImportMapping['variants'] = [];
  for (const [column, value] of Object.entries(obj)) {
    const path: FieldPath = ['variants', column];
    const levels = r.record(value, path);
    if (!levels) continue;
    const attributes: Record<string, string> = {};
    for (const axis of Object.keys(levels)) {
      const level = r.string(levels, axis, path);
      if (level !== undefined) attributes[axis] = level.trim();
    }
    if (Object.keys(attributes).length === 0)
      r.problem(path, 'gives no level: write the axis and level of this column, e.g. { race: black }');
    else variants.push({ column, attributes });
  }
  return variants;
}

/** The reference column must be a variant; every axis any variant names needs a reference level there. */
function readReference(r: FieldReader, raw: unknown, variants: ImportMapping['variants']): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') {
    r.problem(['reference'], 'is required in the wide format: the answer column of the reference variant (one of the `variants` columns)');
    return null;
  }
  const reference = variants.find((v) => v.column === raw);
  if (!reference) {
    if (variants.length)
      r.problem(['reference'], `"${raw}" is not one of the variants columns (${variants.map((v) => v.column).join(', ')})`);
    return null;
  }
  const seen = new Map<string, string>();
  for (const v of variants) {
    for (const axis of Object.keys(v.attributes)) {
      if (!(axis in reference.attributes))
        r.problem(['variants', v.column, axis], `axis "${axis}" has no reference level: give it in the reference column ${raw}'s levels`);
    }
    const complete = JSON.stringify(Object.keys(reference.attributes).map((axis) => v.attributes[axis] ?? reference.attributes[axis]));
    const twin = seen.get(complete);
    if (twin) r.problem(['variants', v.column], `has the same levels as ${twin}: every answer column must be a different variant`);
    seen.set(complete, v.column);
  }
  if (variants.length < 2) r.problem(['variants'], 'needs the reference column and at least one demographic variant column');
  return raw;
}

function readDefaults(r: FieldReader, raw: unknown): ImportMapping['defaults'] {
  const defaults: ImportMapping['defaults'] = { model: 'imported', domain: 'imported', type: null, perspective: 'general' };
  if (raw === undefined) return defaults;
  const obj = r.record(raw, ['defaults']);
  if (!obj) return defaults;
  r.unknownKeys(obj, ['model', 'domain', 'type', 'perspective'], ['defaults']);
  return {
    model: r.string(obj, 'model', ['defaults'], { optional: true }) ?? defaults.model,
    domain: r.string(obj, 'domain', ['defaults'], { optional: true }) ?? defaults.domain,
    type: r.oneOf(obj, 'type', IMPORTED_QUESTION_TYPES, ['defaults'], { optional: true }) ?? null,
    perspective: r.oneOf(obj, 'perspective', PERSPECTIVES, ['defaults'], { optional: true }) ?? defaults.perspective,
  };
}

function readOrdinal(r: FieldReader, raw: unknown): ImportedOrdinal | undefined {
  const obj = r.record(raw, ['ordinal']);
  if (!obj) return undefined;
  r.unknownKeys(obj, ['scale', 'intensity'], ['ordinal']);
  const intensity = r.oneOf(obj, 'intensity', INTENSITIES, ['ordinal']);
  const scale = obj.scale === undefined ? null : readScale(r, obj.scale);
  return intensity && scale !== undefined ? { scale, intensity } : undefined;
}

/** A scale as a list of points: `{ value, label }`, or a label alone (numbered 1, 2, ... in order). */
function readScale(r: FieldReader, raw: unknown): ScalePoint[] | undefined {
  const path = ['ordinal', 'scale'];
  const items = r.list(raw, path);
  if (!items) return undefined;
  const count = r.problems.length;
  const scale: ScalePoint[] = [];
  items.forEach((item, i) => {
    const point = readScalePoint(r, item, [...path, i], i + 1);
    if (!point) return;
    const twin = scale.find((p) => p.value === point.value || sameLabel(p.label, point.label));
    if (twin) r.problem([...path, i], `repeats the value or label of ${twin.value} (${twin.label}): every point is one level`);
    else scale.push(point);
  });
  if (items.length < 2) r.problem(path, 'needs at least two points');
  return r.problems.length > count ? undefined : scale;
}

/** One point of a scale: a label alone (numbered by its place) or `{ value, label }`. */
function readScalePoint(r: FieldReader, item: unknown, path: FieldPath, place: number): ScalePoint | undefined {
  if (typeof item === 'string' || typeof item === 'number') {
    const label = String(item).trim();
    if (label === '') r.problem(path, 'is empty: write the label of this point');
    return label === '' ? undefined : { value: place, label };
  }
  const obj = r.record(item, path);
  if (!obj) return undefined;
  r.unknownKeys(obj, ['value', 'label'], path);
  const value = r.number(obj, 'value', path, { integer: true });
  const label = r.string(obj, 'label', path)?.trim();
  return value !== undefined && label ? { value, label } : undefined;
}

function readNumeric(r: FieldReader, raw: unknown): ImportedNumeric | undefined {
  const obj = r.record(raw, ['numeric']);
  if (!obj) return undefined;
  r.unknownKeys(obj, ['unit', 'tolerance', 'intensity'], ['numeric']);
  const unit = r.string(obj, 'unit', ['numeric']);
  const tolerance = obj.tolerance === undefined ? 0 : numberOf(r, obj.tolerance, ['numeric', 'tolerance']);
  const intensity = r.oneOf(obj, 'intensity', INTENSITIES, ['numeric']);
  return unit && tolerance !== undefined && intensity ? { unit: unit.trim(), tolerance, intensity } : undefined;
}

function readDifferential(r: FieldReader, raw: unknown): ImportedDifferential | undefined {
  const obj = r.record(raw, ['differential']);
  if (!obj) return undefined;
  r.unknownKeys(obj, ['top', 'list'], ['differential']);
  const rank = (key: 'top' | 'list') => {
    const value = obj[key] === undefined ? undefined : numberOf(r, obj[key], ['differential', key]);
    if (value !== undefined && (!Number.isInteger(value) || value < 1))
      r.problem(['differential', key], `expected a whole number of at least 1, got ${JSON.stringify(obj[key])}`);
    return value !== undefined && Number.isInteger(value) && value >= 1 ? value : undefined;
  };
  if (obj.top === undefined)
    r.problem(['differential', 'top'], 'is required: the rank up to which the diagnosis counts as correct (e.g. 3)');
  const top = rank('top');
  const list = rank('list') ?? top;
  if (top !== undefined && list !== undefined && list < top)
    r.problem(['differential', 'list'], `is ${list}, fewer diagnoses than top: ${top}; make list at least top`);
  return top !== undefined && list !== undefined && list >= top ? { top, list } : undefined;
}

/** A number at least 0, written as a number (YAML) or as text (--columns gives text). */
function numberOf(r: FieldReader, raw: unknown, path: FieldPath): number | undefined {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  r.problem(path, `expected a number of at least 0, got ${JSON.stringify(raw)}`);
  return undefined;
}

/** Two labels that name one level: equal but for case and spacing. */
export function sameLabel(a: string, b: string): boolean {
  return labelKey(a) === labelKey(b);
}

/** A label folded for comparison: lower case, runs of spacing as one space, trimmed. */
export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function absent(r: FieldReader, obj: Record<string, unknown>, key: string, why: string): void {
  if (obj[key] !== undefined) r.problem([key], `does not apply to this format: ${why}`);
}
