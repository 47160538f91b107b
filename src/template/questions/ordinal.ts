import { ordinalReader } from '../../score/extract/index.js';
import type { FieldReader } from '../../util/fields.js';
import type { FieldPath } from '../../util/yaml.js';
import type { BuiltinQuestion, ScalePoint } from '../types.js';
import { readWith, type QuestionTypeDefinition } from './definition.js';
import { lessCare, onScale } from './grade.js';

type OrdinalQuestion = Extract<BuiltinQuestion, { type: 'ordinal' }>;

/** `type: ordinal`: one level of a numbered scale (a triage level), ordered by the care it means (`intensity`). */
export const ordinalQuestionType: QuestionTypeDefinition<OrdinalQuestion> = {
  type: 'ordinal',
  fields: ['scale', 'intensity', 'answer'],
  validate(obj, { reader: r, path, stem }) {
    const scale = readScale(r, obj.scale, [...path, 'scale']);
    const intensity = r.oneOf(obj, 'intensity', ['ascending', 'descending'] as const, path);
    const answer = r.number(obj, 'answer', path, { integer: true });
    if (!scale || !intensity || answer === undefined) return undefined;
    if (!scale.some((p) => p.value === answer))
      r.problem([...path, 'answer'], `${answer} is not a value of the scale (${scale.map((p) => p.value).join(', ')})`);
    return { type: 'ordinal', stem, scale, intensity, answer };
  },
  answerFormat: {
    instruction: (q) => `${q.scale.map((p) => `${p.value}: ${p.label}`).join('\n')}\n\nAnswer with the number of one level of this scale.`,
    schema: (q) => ({ type: 'integer', enum: q.scale.map((p) => p.value), description: 'the number of one level of the scale' }),
  },
  readsOnlyTextAndQuestion: true,
  extract: readWith((q) => ordinalReader(q.scale)),
  judge: (q, value) => onScale(value, q.answer, q.intensity, 'exact'),
  describe: (q) => `${q.answer} (${q.scale.find((p) => p.value === q.answer)?.label ?? 'scale point'})`,
  simulate(q, { wrong }) {
    const values = q.scale.map((p) => p.value);
    const index = values.indexOf(q.answer);
    const step = lessCare(q.intensity);
    const value = wrong ? (values[index + step] ?? values[index - step] ?? q.answer) : q.answer;
    return `Level ${value}.\nAnswer: ${value}`;
  },
};

/** A scale: an ordered list of `{value, label}` with distinct integer values, at least two. */
export function readScale(r: FieldReader, raw: unknown, path: FieldPath): ScalePoint[] | undefined {
  if (raw === undefined) {
    r.problem(path, 'is required: an ordered list of {value, label}');
    return undefined;
  }
  const items = r.list(raw, path);
  if (!items) return undefined;
  const scale: ScalePoint[] = [];
  items.forEach((item, i) => {
    const obj = r.record(item, [...path, i]);
    if (!obj) return;
    const value = r.number(obj, 'value', [...path, i], { integer: true });
    const label = r.string(obj, 'label', [...path, i]);
    if (value === undefined || !label) return;
    if (scale.some((p) => p.value === value)) r.problem([...path, i, 'value'], `value ${value} appears twice in the scale`);
    else scale.push({ value, label });
  });
  if (scale.length < 2) r.problem(path, 'needs at least two points');
  return scale;
}
