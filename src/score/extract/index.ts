import { choiceReader } from './choice.js';
import { numericReader, type NumericContext } from './numeric.js';
import { ordinalReader } from './ordinal.js';
import type { Extraction } from './types.js';
import { yesNoReader } from './yesno.js';

export { choiceReader, extractChoice } from './choice.js';
export { extractNumeric, numericReader, type NumericContext } from './numeric.js';
export { extractOrdinal, ordinalReader } from './ordinal.js';
export { detectRefusal } from './refusal.js';
export { EXTRACTOR_VERSION, type Extraction } from './types.js';
export { extractYesNo, yesNoReader } from './yesno.js';

/**
 * The part of a question an extractor needs; a template `Question` (minus `free`) satisfies it. The optional `stem`
 * helps where the answer alone cannot decide: for numeric questions whether a daily total may stand for a plain amount
 * ("What daily dose ...?" in mg), for yes/no questions which of two disagreeing verdicts restates what was asked.
 * The optional numeric `context` carries what the vignette states (the patient's weight), for per-kg answers.
 */
export type QuestionSpec =
  | { type: 'choice'; options: Record<string, string> }
  | { type: 'yesno'; stem?: string }
  | { type: 'ordinal'; scale: { value: number; label: string }[] }
  | { type: 'numeric'; unit: string; stem?: string; context?: NumericContext };

/** The value type each question type extracts to. */
export type ExtractedValue<Q extends QuestionSpec> = Q extends { type: 'choice' }
  ? string
  : Q extends { type: 'yesno' }
    ? 'yes' | 'no'
    : number;

/**
 * Extracts the structured answer to `question` from a model's free-text `text`, dispatching on the question type.
 * Pure and total: any string (including huge or hostile input) yields an answer, a refusal or an unparseable.
 */
export function extractAnswer<Q extends QuestionSpec>(text: string, question: Q): Extraction<ExtractedValue<Q>>;
export function extractAnswer(text: string, question: QuestionSpec): Extraction<string | number> {
  return answerReader(question)(text);
}

/**
 * {@link extractAnswer} for one question, prepared once (its options' or labels' patterns, its unit): a reader to
 * call for every answer to that question, reading each exactly as `extractAnswer` would.
 */
export function answerReader<Q extends QuestionSpec>(question: Q): (text: string) => Extraction<ExtractedValue<Q>>;
export function answerReader(question: QuestionSpec): (text: string) => Extraction<string | number> {
  switch (question.type) {
    case 'choice':
      return choiceReader(question.options);
    case 'yesno':
      return yesNoReader(question.stem);
    case 'ordinal':
      return ordinalReader(question.scale);
    case 'numeric':
      return numericReader(question.unit, question.stem, question.context);
    default: {
      const unsupported: never = question;
      throw new Error(`unsupported question type: ${JSON.stringify(unsupported)}`);
    }
  }
}
