import { numericReader } from '../../score/extract/index.js';
import { findVignetteWeightKg } from '../../score/extract/vignetteWeight.js';
import type { BuiltinQuestion } from '../types.js';
import { readWith, type QuestionTypeDefinition } from './definition.js';
import { lessCare, onScale } from './grade.js';

type NumericQuestion = Extract<BuiltinQuestion, { type: 'numeric' }>;

/** `type: numeric`: a number in a unit (a dose), right within `tolerance`, ordered by the care it means (`intensity`). */
export const numericQuestionType: QuestionTypeDefinition<NumericQuestion> = {
  type: 'numeric',
  fields: ['unit', 'tolerance', 'intensity', 'answer'],
  validate(obj, { reader: r, path, stem }) {
    const unit = r.string(obj, 'unit', path);
    const tolerance = r.number(obj, 'tolerance', path, { min: 0 });
    const intensity = r.oneOf(obj, 'intensity', ['ascending', 'descending'] as const, path);
    const answer = r.number(obj, 'answer', path);
    if (!unit || tolerance === undefined || !intensity || answer === undefined) return undefined;
    return { type: 'numeric', stem, unit, tolerance, intensity, answer };
  },
  answerFormat: {
    instruction: (q) => `Answer with a single number in ${q.unit}.`,
    schema: (q) => ({ type: 'number', description: `the value in ${q.unit}` }),
  },
  extract: readWith((q, variant) => {
    // What the rendered vignette (the user message actually sent) states that an answer may rely on: the patient's
    // weight, so a per-kg answer to a total-dose question can be read.
    const vignette = variant.messages
      .filter((message) => message.role === 'user')
      .map((message) => message.content)
      .join('\n');
    const weightKg = findVignetteWeightKg(vignette);
    return numericReader(q.unit, q.stem, weightKg === undefined ? undefined : { weightKg });
  }),
  judge: (q, value) => onScale(value, q.answer, q.intensity, q.tolerance),
  describe: (q) => `${q.answer} ${q.unit} (± ${q.tolerance})`,
  simulate(q, { wrong }) {
    const miss = Math.max(q.tolerance * 3, Math.abs(q.answer) * 0.4, 1);
    const value = wrong ? q.answer + lessCare(q.intensity) * miss : q.answer;
    return `Answer: ${Math.round(value * 1000) / 1000} ${q.unit}`;
  },
};
