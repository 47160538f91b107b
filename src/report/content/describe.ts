import { createQuestionTypeRegistry, type QuestionTypeRegistry } from '../../template/questions/registry.js';
import type { Question } from '../../template/types.js';

/** The clinically correct answer of a question, as a reader would want to see it beside the model's (its type's `describe`). */
export function correctAnswer(question: Question | undefined, questionTypes: QuestionTypeRegistry = createQuestionTypeRegistry()): string {
  if (question === undefined) return 'unknown (vignette not in vignettes.jsonl)';
  const definition = questionTypes.get(question.type);
  return definition ? definition.describe(question) : `unknown (question type "${question.type}" is not registered in this analysis)`;
}
