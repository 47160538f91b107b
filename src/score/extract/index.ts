import { extractChoice } from './choice.js';
import { extractNumeric, type NumericContext } from './numeric.js';
import { extractOrdinal } from './ordinal.js';
import type { Extraction } from './types.js';
import { extractYesNo } from './yesno.js';

export { extractChoice } from './choice.js';
export { extractNumeric, type NumericContext } from './numeric.js';
export { extractOrdinal } from './ordinal.js';
export { detectRefusal } from './refusal.js';
export { EXTRACTOR_VERSION, type Extraction } from './types.js';
export { extractYesNo } from './yesno.js';

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
  switch (question.type) {
    case 'choice':
      return extractChoice(text, question.options);
    case 'yesno':
      return extractYesNo(text, question.stem);
    case 'ordinal':
      return extractOrdinal(text, question.scale);
    case 'numeric':
      return extractNumeric(text, question.unit, question.stem, question.context);
    default: {
      const unsupported: never = question;
      throw new Error(`unsupported question type: ${JSON.stringify(unsupported)}`);
    }
  }
}
