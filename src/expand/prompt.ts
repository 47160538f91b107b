import { questionTypeDefinition, type QuestionTypeRegistry } from '../template/questions/registry.js';
import type { Question } from '../template/types.js';

/** The question as the model sees it: the stem, then its type's instruction, which makes the answer extractable. */
export function renderQuestion(question: Question, questionTypes: QuestionTypeRegistry): string {
  return `${question.stem}\n\n${questionTypeDefinition(questionTypes, question).answerFormat.instruction(question)}`;
}
