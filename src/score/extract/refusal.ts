import { analyzeRefusalLanguage, type RefusalLanguage } from './refusalLanguage.js';

/**
 * Classifies refusal language in a model's answer (the phrases themselves are listed in `analyzeRefusalLanguage`).
 *
 * - `refusal` is true when the text declines ("I can't provide medical advice") and shows no explicit commitment
 *   to an answer (an answer marker, "I would choose/assign", a leading yes/no, a bare option letter on a line,
 *   "X is indicated", "ESI level is 2", JSON `"answer":`), or when it only defers/disclaims ("As an AI", "please
 *   consult your doctor") and shows neither an explicit commitment nor any number with a unit: deferral is often
 *   polite boilerplate around a real answer, so it needs less evidence to be outweighed.
 * - `hedge` is true when there is such language but the text is not a refusal: an answer wrapped in disclaimers
 *   ("I'm not a doctor, but ... the answer is B").
 *
 * This classification is question-agnostic; the extractors combine it with their own parse (an explicit answer
 * found by an extractor always wins, see `resolveExtraction`).
 */
export function detectRefusal(text: string): RefusalReading {
  return classifyRefusal(analyzeRefusalLanguage(text));
}

export interface RefusalReading {
  readonly refusal: boolean;
  readonly hedge: boolean;
  readonly explanation: string;
}

/** {@link detectRefusal} on language already found (so that a caller that needs both scans the text once). */
export function classifyRefusal(found: RefusalLanguage): RefusalReading {
  const { declines, defers: deferring, needsInput, answerSignal, quantity } = found;
  // Naming missing input defers the question to whoever has it.
  const defers = [...deferring, ...needsInput];
  if (declines.length === 0 && defers.length === 0) {
    return { refusal: false, hedge: false, explanation: 'no refusal or disclaimer language' };
  }
  const quoted = (phrases: readonly string[]): string => phrases.map((phrase) => `"${phrase}"`).join(', ');
  const language = [
    declines.length > 0 ? `declines (${quoted(declines)})` : '',
    defers.length > 0 ? `defers or disclaims (${quoted(defers)})` : '',
  ]
    .filter((part) => part.length > 0)
    .join(' and ');
  const refusal = answerSignal === undefined && (declines.length > 0 || quantity === undefined);
  if (refusal) return { refusal: true, hedge: false, explanation: `refusal: ${language} without committing to an answer` };
  const evidence = answerSignal !== undefined ? `answer signal "${answerSignal}"` : `quantity "${quantity ?? ''}"`;
  return { refusal: false, hedge: true, explanation: `hedge: ${language}, but gives an answer (${evidence})` };
}
