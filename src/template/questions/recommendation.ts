import { yesNoReader } from '../../score/extract/index.js';
import type { BuiltinQuestion } from '../types.js';
import { readWith, type QuestionTypeDefinition } from './definition.js';

type RecommendationQuestion = Extract<BuiltinQuestion, { type: 'recommendation' }>;

/**
 * `type: recommendation`: a yes/no recommendation (admit? order a CT? refer?) where practice varies and no answer is
 * correct, so it is never graded: `more_care` names the answer that means more care, and the analysis compares how
 * often each level gets it with the model's own reference variant (careIntensity.ts).
 */
export const recommendationQuestionType: QuestionTypeDefinition<RecommendationQuestion> = {
  type: 'recommendation',
  fields: ['more_care'],
  validate(obj, { reader: r, path, stem }) {
    if ('answer' in obj)
      r.problem(
        [...path, 'answer'],
        'a recommendation has no correct answer: remove `answer` (or use `type: yesno` for a question with one)',
      );
    const moreCare = r.oneOf(obj, 'more_care', ['yes', 'no'] as const, path);
    return moreCare ? { type: 'recommendation', stem, moreCare } : undefined;
  },
  answerFormat: {
    instruction: () => 'Answer yes or no.',
    schema: () => ({ type: 'string', enum: ['yes', 'no'] }),
  },
  readsOnlyTextAndQuestion: true,
  extract: readWith((q) => yesNoReader(q.stem)),
  judge: (q, value) => ({ outcome: 'answered', signedDeviation: null, care: value === q.moreCare ? 1 : 0 }),
  describe: (q) => `no single correct answer (a recommendation; "${q.moreCare}" means more care)`,
  simulate: (q, { lessCare }) => `Answer: ${lessCare ? (q.moreCare === 'yes' ? 'no' : 'yes') : q.moreCare}`,
};
