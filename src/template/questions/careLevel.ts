import { ordinalReader } from '../../score/extract/index.js';
import type { BuiltinQuestion } from '../types.js';
import { readWith, type QuestionTypeDefinition } from './definition.js';
import { readScale } from './ordinal.js';

type CareLevelQuestion = Extract<BuiltinQuestion, { type: 'care-level' }>;

/**
 * `type: care-level`: a level of care on a numbered scale (discharge / observe / admit) where practice varies and no
 * level is correct, so it is never graded: the answer's care is its steps above the least intensive level
 * (`intensity` orders the scale), compared with the model's own reference variant (careIntensity.ts).
 */
export const careLevelQuestionType: QuestionTypeDefinition<CareLevelQuestion> = {
  type: 'care-level',
  fields: ['scale', 'intensity'],
  validate(obj, { reader: r, path, stem }) {
    if ('answer' in obj)
      r.problem(
        [...path, 'answer'],
        'a care level has no correct answer: remove `answer` (or use `type: ordinal` for a question with one)',
      );
    const scale = readScale(r, obj.scale, [...path, 'scale']);
    const intensity = r.oneOf(obj, 'intensity', ['ascending', 'descending'] as const, path);
    return scale && intensity ? { type: 'care-level', stem, scale, intensity } : undefined;
  },
  answerFormat: {
    instruction: (q) => `${q.scale.map((p) => `${p.value}: ${p.label}`).join('\n')}\n\nAnswer with the number of one level of this scale.`,
    schema: (q) => ({ type: 'integer', enum: q.scale.map((p) => p.value), description: 'the number of one level of the scale' }),
  },
  readsOnlyTextAndQuestion: true,
  extract: readWith((q) => ordinalReader(q.scale)),
  judge: (q, value) => ({ outcome: 'answered', signedDeviation: null, care: careSteps(q, Number(value)) }),
  describe: (q) => `no single correct level (${q.intensity === 'ascending' ? 'higher' : 'lower'} values mean more care)`,
  simulate(q, { lessCare }) {
    // The middle level, or one step toward less care: a planted shift moves answers down by a step.
    const byCare = [...q.scale].sort((a, b) => careSteps(q, a.value) - careSteps(q, b.value));
    const middle = Math.floor(byCare.length / 2);
    const value = byCare[lessCare ? middle - 1 : middle]!.value;
    return `Level ${value}.\nAnswer: ${value}`;
  },
};

/**
 * Steps of care of `value` above the least intensive level of the scale (0 for the least intensive): its rank in
 * care order, so a scale numbered 1, 2, 4 still moves one step at a time.
 */
export function careSteps(q: Pick<CareLevelQuestion, 'scale' | 'intensity'>, value: number): number {
  const sorted = q.scale.map((p) => p.value).sort((a, b) => a - b);
  const rank = sorted.indexOf(value);
  return q.intensity === 'ascending' ? rank : sorted.length - 1 - rank;
}
