import type { Question } from '../template/types.js';
import type { ImportedQuestionType } from './mapping.js';
import type { Observation } from './observations.js';

const LETTER = /^[A-Za-z]$/;
const YES_NO = /^(yes|no)$/i;

/**
 * Option letters for choice questions without option columns: A up to the highest letter that is a gold answer
 * anywhere in the file — or, for answers already extracted, an answer (a letter beyond the range of text answers
 * reads as unparseable, which still counts as an error). Map the option columns when the file has them: the
 * extractor then also recognises an answer that restates an option's text.
 */
export function fileChoiceLetters(observations: readonly Observation[], extractedAnswers: boolean): string[] {
  // A loop, not Math.max(...codes): spreading hundreds of thousands of arguments overflows the call stack.
  let highest = 0;
  for (const o of observations) {
    for (const x of extractedAnswers && o.answer !== null ? [o.gold, o.answer.trim()] : [o.gold]) {
      if (LETTER.test(x)) highest = Math.max(highest, x.toUpperCase().charCodeAt(0));
    }
  }
  return highest === 0 ? [] : Array.from({ length: highest - 64 }, (_, i) => String.fromCharCode(65 + i));
}

/**
 * The question of an imported vignette, from its gold answer. The type is the row's (or the defaults') or is
 * inferred: yes/no → yesno; one letter → choice; the text of one of the mapped options → choice (the answer becomes
 * that option's letter). Free-text questions keep the gold answer as the rubric and stay unscored, as in a run.
 * Returns a message instead when the gold answer does not fit.
 */
export function importedQuestion(first: Observation, fileLetters: readonly string[]): Question | string {
  const gold = first.gold;
  const options = first.options.length
    ? Object.fromEntries(first.options.map((text, i) => [String.fromCharCode(65 + i), text] as const).filter(([, text]) => text !== ''))
    : Object.fromEntries(fileLetters.map((l) => [l, '']));
  const byText = Object.entries(options).find(([, text]) => text !== '' && text.toLowerCase() === gold.toLowerCase())?.[0];
  const type: ImportedQuestionType | null = first.type ?? (YES_NO.test(gold) ? 'yesno' : LETTER.test(gold) || byText ? 'choice' : null);
  switch (type) {
    case null:
      return `cannot tell the question type from the gold answer "${gold}": give a type column or defaults.type (choice with option columns, yesno, or free)`;
    case 'yesno':
      return YES_NO.test(gold)
        ? { type, stem: '', answer: gold.toLowerCase() as 'yes' | 'no' }
        : `the gold answer of a yes/no question must be yes or no, got "${gold}"`;
    case 'free':
      return { type, stem: '', rubric: gold };
    case 'choice': {
      const letter = LETTER.test(gold) && gold.toUpperCase() in options ? gold.toUpperCase() : byText;
      if (!letter)
        return `the gold answer "${gold}" is neither an option letter (${Object.keys(options).join(', ') || 'none mapped'}) nor the text of an option`;
      return { type, stem: '', options, answer: letter };
    }
  }
}
