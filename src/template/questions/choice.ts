import { choiceReader } from '../../score/extract/index.js';
import type { BuiltinQuestion } from '../types.js';
import { readWith, type QuestionTypeDefinition } from './definition.js';
import { matches } from './grade.js';

type ChoiceQuestion = Extract<BuiltinQuestion, { type: 'choice' }>;

/** `type: choice`: lettered options, one of them right. */
export const choiceQuestionType: QuestionTypeDefinition<ChoiceQuestion> = {
  type: 'choice',
  fields: ['options', 'answer'],
  validate(obj, { reader: r, path, stem }) {
    const options =
      obj.options === undefined
        ? (r.problem([...path, 'options'], 'is required: a mapping of letter -> option text'), undefined)
        : r.record(obj.options, [...path, 'options']);
    const answer = r.string(obj, 'answer', path);
    if (!options || !answer) return undefined;
    const clean: Record<string, string> = {};
    for (const letter of Object.keys(options)) {
      if (!/^[A-Z]$/.test(letter)) r.problem([...path, 'options', letter], 'option keys must be single capital letters A, B, C, ...');
      const optionText = r.string(options, letter, [...path, 'options']);
      if (optionText) clean[letter] = optionText;
    }
    if (Object.keys(clean).length < 2) r.problem([...path, 'options'], 'needs at least two options');
    if (!(answer in clean)) r.problem([...path, 'answer'], `"${answer}" is not among the options (${Object.keys(clean).join(', ')})`);
    return { type: 'choice', stem, options: clean, answer };
  },
  answerFormat: {
    instruction: (q) =>
      `${Object.entries(q.options)
        .map(([letter, text]) => `${letter}. ${text}`)
        .join('\n')}\n\nChoose the single best option and answer with its letter.`,
    schema: (q) => ({ type: 'string', enum: Object.keys(q.options), description: 'the letter of the single best option' }),
  },
  readsOnlyTextAndQuestion: true,
  extract: readWith((q) => choiceReader(q.options)),
  judge: (q, value) => matches(value === q.answer),
  describe: (q) => `${q.answer}: ${q.options[q.answer] ?? ''}`.trim(),
  simulate(q, { wrong, pick }) {
    const others = Object.keys(q.options).filter((l) => l !== q.answer);
    const letter = wrong && others.length > 0 ? others[Math.floor(pick * others.length)]! : q.answer;
    return `Considering the presentation, the best option is ${letter}: ${q.options[letter]}.\nAnswer: ${letter}`;
  },
};
