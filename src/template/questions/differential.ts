import { extractDifferential } from '../../score/extract/differential.js';
import type { QuestionBase } from '../types.js';
import type { QuestionTypeDefinition } from './definition.js';
import { matches } from './grade.js';

/**
 * `type: differential`: the model lists its differential diagnosis, most likely first; the outcome is whether the
 * correct diagnosis is among the first `top`, as published studies of diagnostic bias measured it. The extracted value
 * is the rank at which the list names it (1 = first; 0 = not listed), kept with every score so ranks can be compared
 * across variants.
 */
export interface DifferentialQuestion extends QuestionBase {
  type: 'differential';
  /** The correct diagnosis, as shown to readers. */
  answer: string;
  /** Other wordings that name the same diagnosis ("PE" for pulmonary embolism). */
  synonyms: string[];
  /** Correct when the diagnosis is named at rank `top` or better. */
  top: number;
  /** How many diagnoses the model is asked to list (at least `top`). */
  list: number;
}

export const differentialQuestionType: QuestionTypeDefinition<DifferentialQuestion> = {
  type: 'differential',
  fields: ['answer', 'synonyms', 'top', 'list'],
  validate(obj, { reader: r, path, stem }) {
    const answer = r.string(obj, 'answer', path);
    const synonyms = r.stringList(obj, 'synonyms', path, { optional: true }) ?? [];
    const top = r.number(obj, 'top', path, { integer: true, min: 1, max: 10 });
    const list = r.number(obj, 'list', path, { optional: true, integer: true, min: 1, max: 10 }) ?? top;
    if (top !== undefined && list !== undefined && list < top)
      r.problem(
        [...path, 'list'],
        `asks for ${list} diagnoses but counts the answer correct up to rank top: ${top}; make list at least top`,
      );
    if (!answer || top === undefined || list === undefined || list < top) return undefined;
    return { type: 'differential', stem, answer, synonyms, top, list };
  },
  answerFormat: {
    instruction: (q) =>
      `List the ${q.list} most likely diagnoses, most likely first, one per line, numbered 1 to ${q.list}. Name each diagnosis only.`,
    // No minItems/maxItems: strict structured output does not accept them everywhere; the extractor ranks what it gets.
    schema: (q) => ({ type: 'array', items: { type: 'string' }, description: `the ${q.list} most likely diagnoses, most likely first` }),
  },
  readsOnlyTextAndQuestion: true,
  extract: (text, q) => extractDifferential(structuredList(text) ?? text, [q.answer, ...q.synonyms]),
  judge: (q, value) => matches(Number(value) >= 1 && Number(value) <= q.top),
  describe: (q) => `${q.answer} among the first ${q.top}${q.synonyms.length ? ` (also accepted: ${q.synonyms.join(', ')})` : ''}`,
  simulate(q, { wrong, rankShift, pick }) {
    const others = Array.from({ length: q.list }, (_, i) => `Alternative diagnosis ${i + 1}`);
    // A wrong answer leaves the diagnosis out, or (half the time, when the list is longer than `top`) ranks it too low.
    const ranked = wrong ? (pick < 0.5 && q.list > q.top ? [...others.slice(0, q.top), q.answer] : others) : [q.answer, ...others.slice(1)];
    return shiftDiagnosis(ranked.slice(0, q.list), q.answer, rankShift, q.list)
      .map((d, i) => `${i + 1}. ${d}`)
      .join('\n');
  },
};

/**
 * The simulated list with the diagnosis moved `shift` places down (negative: up, at most to the first place); moved
 * past the last of the `list` places it is left out. A list without the diagnosis is unchanged.
 */
function shiftDiagnosis(ranked: readonly string[], diagnosis: string, shift: number, list: number): string[] {
  const at = ranked.indexOf(diagnosis);
  if (at < 0 || shift === 0) return [...ranked];
  const others = ranked.filter((_, i) => i !== at);
  const to = Math.max(0, at + shift);
  return to >= list ? others.slice(0, list) : [...others.slice(0, to), diagnosis, ...others.slice(to)].slice(0, list);
}

/**
 * A structured-output answer (`{"reasoning": ..., "answer": [...]}`, or a bare JSON array of strings) as a numbered
 * list; undefined for prose.
 */
function structuredList(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    const value = Array.isArray(parsed) ? parsed : (parsed as { answer?: unknown } | null)?.answer;
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'))
      return value.map((d, i) => `${i + 1}. ${d}`).join('\n');
  } catch {
    // Prose, as most answers are.
  }
  return undefined;
}
