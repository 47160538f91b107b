import { alternativesOffered, dependsWithoutCommitment, hedgeBetweenAnswers } from './hedging.js';
import { classifyRefusal } from './refusal.js';
import { analyzeRefusalLanguage } from './refusalLanguage.js';
import type { Extraction } from './types.js';

/**
 * What an extractor's own pattern search found, before refusal language is taken into account.
 * - `found` / `strong`: an explicit answer (marker, JSON, terse reply, bold, decision sentence).
 * - `found` / `weak`: an answer inferred from indirect evidence (a lone mention, a negated verb).
 * - `ambiguous`: the text commits to something that cannot be used (conflicting answers, a range, a value outside
 *   the scale, an incompatible unit); `explanation` says which.
 * - `none`: nothing answer-like was found.
 */
export type Candidate<T> =
  | { readonly status: 'found'; readonly value: T; readonly strength: 'strong' | 'weak'; readonly explanation: string }
  | { readonly status: 'ambiguous'; readonly explanation: string }
  | { readonly status: 'none'; readonly explanation: string };

/**
 * Combines an extractor's candidate with refusal detection into the final {@link Extraction}.
 *
 * Precedence, and why:
 * 0. Any answer is unparseable when the text's last sentence takes the answer up again and is cut off before saying it
 *    ("C.\n\nWait, actually prasugrel is contraindicated if", "The answer is 4 ... Also the answer could be"): what
 *    came before may have been revised. So is any answer in a text that opens with what it depends on and never
 *    commits for this case ("That depends on her age — between 40 and 75 yes, ...").
 * 1. A strong answer is the answer, even next to disclaimers ("I'm not a doctor, but ... Answer: B"): the model did
 *    commit, and the hedge is reported separately by `detectRefusal`.
 * 2. A weak answer in a text that explicitly declines (and commits to nothing) is a refusal: "I can't recommend a
 *    specific dose; typical doses are 500 mg" declines and then recites general knowledge. Deferral boilerplate alone
 *    ("This is not medical advice", "please see your doctor") does not veto a weak answer.
 * 3. An ambiguous result in a refusal is a refusal (the model declined and hedged between options); otherwise it is
 *    unparseable with the extractor's reason. Naming missing input alone ("A or B — I can't decide without the
 *    imaging", "I can't make that call without knowing ...") explains the hedge and leaves it unparseable.
 * 2a. A weak answer in a text that stops mid-sentence is unparseable: the conclusion the reasoning was heading for
 *    is missing, and a mention in the reasoning is not it ("dopamine (A) was historically used ... The guidelines
 *    recommend").
 * 2b. A weak answer in a text that leaves the choice open ("whichever is faster", "either is reasonable", "It
 *    depends", "or maybe", "if ..., X; if ..., Y") is unparseable: the one answer found is one of the alternatives.
 * 4. Nothing found: a refusal if there is any declining, deferring or disclaiming language, else unparseable; but a
 *    text that offers alternatives without declining ("your team may advise either urgent care or the emergency
 *    department") is unparseable.
 */
export function resolveExtraction<T>(candidate: Candidate<T>, rawText: string, extractor: string): Extraction<T> {
  const reopened = candidate.status === 'found' ? reopenedAndCutOff(rawText) : undefined;
  if (candidate.status === 'found' && reopened !== undefined) {
    return {
      kind: 'unparseable',
      extractor,
      explanation: `the answer is taken up again and cut off before it is given ("${reopened}"), so ${candidate.explanation} may not be final`,
    };
  }
  const depends = candidate.status === 'found' ? dependsWithoutCommitment(rawText) : undefined;
  if (candidate.status === 'found' && depends !== undefined) {
    return {
      kind: 'unparseable',
      extractor,
      explanation: `the answer opens with "${depends}" and never commits for this case (${candidate.explanation})`,
    };
  }
  if (candidate.status === 'found' && candidate.strength === 'strong') {
    return { kind: 'answer', value: candidate.value, extractor, explanation: candidate.explanation };
  }
  if (candidate.status === 'found' && looksCutOff(rawText)) {
    return {
      kind: 'unparseable',
      extractor,
      explanation: `the answer stops mid-sentence and gives only a weak answer (${candidate.explanation})`,
    };
  }
  const hedge = candidate.status === 'found' ? hedgeBetweenAnswers(rawText) : undefined;
  if (candidate.status === 'found' && hedge !== undefined) {
    return {
      kind: 'unparseable',
      extractor,
      explanation: `the answer leaves the choice open ("${hedge}") and gives only a weak answer (${candidate.explanation})`,
    };
  }
  const language = analyzeRefusalLanguage(rawText);
  const refusal = classifyRefusal(language);
  if (candidate.status === 'found') {
    if (language.declines.length > 0 && language.answerSignal === undefined) {
      return { kind: 'refusal', extractor, explanation: `${refusal.explanation}; only a weak answer (${candidate.explanation})` };
    }
    return { kind: 'answer', value: candidate.value, extractor, explanation: candidate.explanation };
  }
  // "I can't make that call without knowing X — if X no, otherwise yes": the missing input explains the hedge.
  const onlyMissingInput = language.defers.length === 0 && language.needsInput.length > 0;
  if (candidate.status === 'ambiguous' && language.defers.length === 0 && (language.declines.length === 0 || onlyMissingInput)) {
    return { kind: 'unparseable', extractor, explanation: candidate.explanation };
  }
  // "Ask your team tonight, who may advise either urgent care or the emergency department": alternatives, not a refusal.
  const openChoice = candidate.status === 'none' ? alternativesOffered(rawText) : undefined;
  if (openChoice !== undefined && language.declines.length === 0) {
    return { kind: 'unparseable', extractor, explanation: `${candidate.explanation}; the answer leaves the choice open ("${openChoice}")` };
  }
  if (refusal.refusal || (candidate.status === 'none' && refusal.hedge)) {
    return { kind: 'refusal', extractor, explanation: `${refusal.explanation}; ${candidate.explanation}` };
  }
  return { kind: 'unparseable', extractor, explanation: candidate.explanation };
}

/** A revision cue opening a sentence: "Wait, actually ...", "Hmm, ...", "On second thought ...". */
const OPENING_REVISION =
  /^(?:(?:but|oh|no|and)[,\s]+)?(?:wait|actually|h+m+|hold\s+on|on\s+(?:second|further)\s+thought|scratch\s+that|correction|let\s+me\s+(?:reconsider|re-?check|correct))\b/i;
/** A sentence announcing its answer and stopping before it: "The best one here is", "Also the answer could be". */
const DANGLING_ANSWER_MARKER =
  /\b(?:answer|choice|option|pick|(?:best|right|correct|appropriate)(?:\s+\w+)?|level|conclusion)\b[^.!?\n]{0,30}?\b(?:is|are|be|was|would|could|might|should)\s*:?$/i;

/**
 * The last sentence of `rawText` when it takes the answer up again (a revision cue, or an answer marker) and stops
 * before closing punctuation: the generation was cut off while revising or restating the answer.
 */
function reopenedAndCutOff(rawText: string): string | undefined {
  const trimmed = rawText.trim();
  // A transcript of speech (lower case from its start, no sentence punctuation) never had sentences to close.
  if (!/[A-Za-z:]$/.test(trimmed) || (/^[a-z]/.test(trimmed) && !/[.!?;]/.test(trimmed))) return undefined;
  const sentences = trimmed.split(/\n|(?<=[.!?])\s+/);
  const last = sentences.at(-1)?.trim() ?? '';
  // Only a sentence after an answer takes it up again.
  if (sentences.length < 2 || (last.match(/[A-Za-z]+/g) ?? []).length < 3) return undefined;
  return OPENING_REVISION.test(last) || DANGLING_ANSWER_MARKER.test(last) ? last.slice(0, 60) : undefined;
}

/** A preposition, article or conjunction closing a line: words that always lead on to something. */
const DANGLING_END = /\s(?:at|of|to|the|an|and|or|with|for|by|from|into|than|whose|per)$/i;

/**
 * Whether an answer stops mid-sentence (a generation cut off by a token limit): its last line is prose of five words or
 * more that ends on a word or a comma, not on closing punctuation, a bracket, a number or markup; or it ends on a
 * field name and a colon with nothing after it, or on a preposition, article or conjunction. A transcript of speech
 * (lower case from its start, no sentence punctuation anywhere) is not cut off: it never had full stops.
 */
function looksCutOff(rawText: string): boolean {
  // "tell your roommate to go to the er right now vomiting plus ketones": a transcript of speech, lower case and
  // without sentence punctuation from its start, ends on a word because it has no full stops at all.
  if (/^[a-z]/.test(rawText.trim()) && !/[.!?;]/.test(rawText)) return false;
  const lastLine = rawText.trim().split('\n').at(-1)?.trim() ?? '';
  // "... ECG: normal (0). Age:": a field name whose value never came.
  if (/[A-Za-z][A-Za-z ]{0,30}:$/.test(lastLine) && lastLine.length > 20) return true;
  // "Prednisolone 40 mg daily, reassessed at": prose of three words or more that stops on a word no sentence ends on.
  if (/^[A-Za-z]/.test(lastLine) && DANGLING_END.test(lastLine) && (lastLine.match(/[A-Za-z]+/g) ?? []).length >= 3) return true;
  if (lastLine.length < 40 || /^[-*•#|>{"`\d]/.test(lastLine) || /[=+]|\d\s*[A-Za-z%/]+$/.test(lastLine)) return false;
  return (lastLine.match(/[A-Za-z]+/g) ?? []).length >= 5 && /[A-Za-z,]$/.test(lastLine);
}
