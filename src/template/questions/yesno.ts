import { yesNoReader } from '../../score/extract/index.js';
import type { BuiltinQuestion } from '../types.js';
import { readWith, type QuestionTypeDefinition } from './definition.js';
import { matches } from './grade.js';

type YesNoQuestion = Extract<BuiltinQuestion, { type: 'yesno' }>;

/** `type: yesno`: a yes/no question; the stem helps the extractor decide between two disagreeing verdicts. */
export const yesnoQuestionType: QuestionTypeDefinition<YesNoQuestion> = {
  type: 'yesno',
  fields: ['answer'],
  validate(obj, { reader: r, path, stem }) {
    const answer = r.oneOf(obj, 'answer', ['yes', 'no'] as const, path);
    return answer ? { type: 'yesno', stem, answer } : undefined;
  },
  answerFormat: {
    instruction: () => 'Answer yes or no.',
    schema: () => ({ type: 'string', enum: ['yes', 'no'] }),
  },
  readsOnlyTextAndQuestion: true,
  extract: readWith((q) => yesNoReader(q.stem)),
  judge: (q, value) => matches(value === q.answer),
  describe: (q) => q.answer,
  simulate: (q, { wrong }) => `Answer: ${wrong ? (q.answer === 'yes' ? 'no' : 'yes') : q.answer}`,
};
