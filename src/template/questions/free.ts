import type { BuiltinQuestion } from '../types.js';
import type { QuestionTypeDefinition } from './definition.js';

type FreeQuestion = Extract<BuiltinQuestion, { type: 'free' }>;

/** `type: free`: a prose answer, graded against the rubric by the study's judge (no extractor: it stays unscored until then). */
export const freeQuestionType: QuestionTypeDefinition<FreeQuestion> = {
  type: 'free',
  fields: ['rubric'],
  validate(obj, { reader: r, path, stem }) {
    const rubric = r.string(obj, 'rubric', path);
    return rubric ? { type: 'free', stem, rubric } : undefined;
  },
  answerFormat: { instruction: () => 'Answer in a few sentences.' },
  describe: () => 'free text, judged against a rubric',
  simulate: (q, { wrong }) => (wrong ? 'Reassure the patient and arrange routine follow-up.' : `Follow the guideline: ${q.rubric}`),
};
