import { buildRegistry, unknownIdMessage, type Registry } from '../../util/registry.js';
import type { Question } from '../types.js';
import { choiceQuestionType } from './choice.js';
import type { QuestionTypeDefinition } from './definition.js';
import { differentialQuestionType } from './differential.js';
import { freeQuestionType } from './free.js';
import { numericQuestionType } from './numeric.js';
import { ordinalQuestionType } from './ordinal.js';
import { careLevelQuestionType } from './careLevel.js';
import { recommendationQuestionType } from './recommendation.js';
import { yesnoQuestionType } from './yesno.js';

/** The question types a template may use, keyed by `type`. */
export type QuestionTypeRegistry = Registry<QuestionTypeDefinition>;

/**
 * The built-in question types (choice, yesno, ordinal, numeric, free, differential, recommendation, care-level), then
 * `extra` ones. An id given twice throws,
 * and so does a definition that reads answers (`extract`) without grading them (`judge`), or the reverse.
 */
export function createQuestionTypeRegistry(extra: readonly QuestionTypeDefinition[] = []): QuestionTypeRegistry {
  // Method parameters are bivariant, so a definition of a narrower question registers as one of any question.
  const builtins: QuestionTypeDefinition[] = [
    choiceQuestionType,
    yesnoQuestionType,
    ordinalQuestionType,
    numericQuestionType,
    freeQuestionType,
    differentialQuestionType,
    recommendationQuestionType,
    careLevelQuestionType,
  ];
  for (const d of extra) {
    if ((d.extract === undefined) !== (d.judge === undefined))
      throw new Error(
        `question type "${d.type}" defines ${d.extract ? 'extract without judge' : 'judge without extract'}; define both (answers read and graded) or neither (answers left to a judge)`,
      );
  }
  return buildRegistry('question type', [...builtins, ...extra], (d) => d.type);
}

/** The definition of `question`'s type; a type no registry defines is a programming error (templates are checked at load). */
export function questionTypeDefinition(questionTypes: QuestionTypeRegistry, question: Pick<Question, 'type'>): QuestionTypeDefinition {
  const definition = questionTypes.get(question.type);
  if (!definition) throw new Error(unknownIdMessage('question type', question.type, questionTypes));
  return definition;
}
