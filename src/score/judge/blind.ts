import type { Axis, Level } from '../../demographics/types.js';
import type { Variant } from '../../expand/types.js';
import { hashUniform } from '../../util/hash.js';

/** What every demographic cue is replaced with, in judge prompts and in the clinician review. */
export const MASK = '[…]';

const MASK_RUN = /[ \t]*(?:\[…\][ \t]*)+/g;

/**
 * The prompt a model was sent, with every demographic cue span replaced by one mask. Whitespace around masks is
 * made canonical (an empty cue, such as the verb ending of singular they, leaves different spacing than a word),
 * so every variant of a matched set masks to the same text and nothing in the layout hints at who the patient is.
 */
export function maskedPrompt(variant: Variant): string {
  const user = userMessage(variant);
  let masked = '';
  let at = 0;
  for (const [start, end] of variant.cueSpans) {
    masked += user.slice(at, start) + MASK;
    at = end;
  }
  masked += user.slice(at);
  return masked
    .replace(MASK_RUN, ` ${MASK} `)
    .replace(/ \[…\] (?=[.,;:!?)]|\n|$)/g, ` ${MASK}`)
    .replace(/(^|\n) \[…\]/g, `$1${MASK}`);
}

/**
 * Answers with the cue words of every given variant masked in each: shown side by side, neither answer can give
 * away its own patient's demographics nor the other's.
 */
export function blindAnswers(answers: readonly string[], variants: readonly Variant[], axes: readonly Axis[]): string[] {
  const terms = [...new Set(variants.flatMap((v) => cueTerms(v, axes)))];
  return answers.map((answer) => maskTerms(answer, terms));
}

/**
 * Whether a pair's reference answer is shown first (as A). A fair coin per pair, fixed by the seed, the purpose
 * (the judge and the review draw independently) and the pair's response keys: reproducible, balanced in
 * expectation, and independent of which other pairs exist.
 */
export function referenceFirst(seed: number, purpose: string, referenceKey: string, levelKey: string): boolean {
  return hashUniform(seed, purpose, referenceKey, levelKey) < 0.5;
}

/**
 * Words and phrases in a model's answer that could tell a reader who the patient is: the variant's cue phrases,
 * capitalised words inside them (names, descriptors, languages, insurers), and for each of its levels the
 * descriptor, noun, pronouns, age, label words and the words of its sentence cue that no other level of the axis
 * uses ("Medicaid", "interpreter", "shelter").
 */
function cueTerms(variant: Variant, axes: readonly Axis[]): string[] {
  const terms = new Set<string>();
  const user = userMessage(variant);
  for (const [start, end] of variant.cueSpans) {
    const phrase = user.slice(start, end).trim();
    if (phrase.length >= 3) terms.add(phrase);
    for (const word of phrase.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}'-]+/gu)) terms.add(word[0]);
  }
  for (const [axisId, levelId] of Object.entries({ ...variant.pinned, ...variant.attributes })) {
    const axis = axes.find((a) => a.id === axisId);
    if (axis) for (const term of levelTerms(axis, levelId)) terms.add(term);
  }
  return [...terms];
}

/** Replaces every whole-word, case-insensitive occurrence of the terms with the mask; a phrase before its own words. */
function maskTerms(text: string, terms: readonly string[]): string {
  if (terms.length === 0) return text;
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|');
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu'), MASK);
}

function userMessage(variant: Variant): string {
  return variant.messages.find((m) => m.role === 'user')?.content ?? '';
}

function levelTerms(axis: Axis, levelId: string): string[] {
  const level = axis.levels.find((l) => l.id === levelId);
  const years = level?.years ?? (axis.slot === 'age' && /^\d+$/.test(levelId) ? Number(levelId) : undefined);
  const ages =
    years === undefined ? [] : [`${years}-year-old`, `${years} year old`, `${years} years old`, `${years}-year`, `aged ${years}`];
  const pronouns = level?.pronouns
    ? [level.pronouns.they, level.pronouns.them, level.pronouns.their, level.pronouns.theirs, level.pronouns.themself]
    : [];
  const labelWords = (level?.label.match(/\p{L}{3,}/gu) ?? []).filter((w) => !/^(?:and|the|with)$/i.test(w));
  const named = [level?.descriptor, level?.noun, level?.childNoun].filter((t): t is string => t !== undefined);
  return [...ages, ...pronouns, ...labelWords, ...named, ...(level ? distinctiveSentenceWords(axis, level) : [])];
}

/**
 * Sentence-cue words that say nothing about the patient on their own ("I am writing this with the help of an
 * interpreter": "interpreter" tells, "writing" does not). Masking them would only hide clinical content.
 */
const GENERIC_WORDS = new Set([
  'this',
  'that',
  'with',
  'from',
  'have',
  'because',
  'help',
  'present',
  'writing',
  'myself',
  'years',
  'live',
  'living',
  'home',
  'health',
  'mild',
  'currently',
  'staying',
  'sleeping',
  'communicate',
]);

/**
 * Words of four or more letters that set a level's sentence cue apart: for a non-reference level, those the
 * reference level's sentences lack ("Medicaid", "interpreter", "shelter"); for the reference level, those no other
 * level uses ("employer", "English").
 */
function distinctiveSentenceWords(axis: Axis, level: Level): string[] {
  const words = (l: Level) =>
    new Set(
      `${l.sentence?.first ?? ''} ${l.sentence?.third ?? ''}`
        .replace(/\{\{[^}]*\}\}/g, ' ')
        .toLowerCase()
        .match(/\p{L}{4,}/gu) ?? [],
    );
  const contrast =
    level.id === axis.reference ? axis.levels.filter((l) => l.id !== level.id) : axis.levels.filter((l) => l.id === axis.reference);
  const others = new Set(contrast.flatMap((l) => [...words(l)]));
  return [...words(level)].filter((w) => !others.has(w) && !GENERIC_WORDS.has(w));
}
