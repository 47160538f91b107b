import type { Axis } from '../demographics/types.js';
import type { Problem } from '../util/problems.js';
import { PLACEHOLDER, placeholderKey } from './render.js';
import type { Vignette } from './types.js';
import { countNewlines, placesAxis, variedAxes } from './validate.js';

/**
 * Words that state the patient's sex or gender whatever the noun axis's levels are called. Kinship nouns are
 * here because "a mother of two" or, from a bystander, "my mother" states the patient's sex; they are not flagged
 * after "{{their}}", "your" or "the patient's" (the patient's relative: family history or a person present), nor
 * after "my" in a patient-perspective vignette (the patient's own relative).
 */
const PRONOUNS = ['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself'];
const GENDERED_NOUNS = ['male', 'female', 'gentleman', 'gentlemen', 'lady', 'ladies', 'men', 'women', 'boy', 'girl', 'mr', 'mrs'];
const KINSHIP_NOUNS = [
  'husband',
  'wife',
  'mother',
  'father',
  'son',
  'daughter',
  'brother',
  'sister',
  'grandmother',
  'grandfather',
  'boyfriend',
  'girlfriend',
  'aunt',
  'uncle',
  'niece',
  'nephew',
];
/** Words a sentence axis's level labels do not contain but that state it all the same. */
const SENTENCE_AXIS_WORDS: Readonly<Record<string, readonly string[]>> = {
  insurance: ['insured', 'insurance', 'uninsured', 'Medicaid', 'Medicare'],
  language: ['interpreter', 'interpreters', 'translator'],
};
/** A colour word read as a colour, not a race, by the word after it: "White blood cells", "Black stool". */
const COLOUR_NOT_RACE = /^\s+(?:blood|cells?|count|matter|stools?|patch(?:es)?|plaques?|spots?|discharge|coating|box)\b/i;
/** An age stated in the text: "45-year-old", "45 years old", "aged 45", "age 45". */
const EXPLICIT_AGE = /\b\d{1,3}[- ](?:years?|yrs?)[- ]old\b|\bage[d]? \d{1,3}\b/gi;

/** One word or phrase that would state a demographic the vignette varies. */
interface Term {
  text: string;
  caseSensitive: boolean;
  /** A race descriptor that is also a colour word (White, Black): not flagged when a colour is meant. */
  colour?: boolean;
  /** A kinship noun: exempt after a possessive that makes it the patient's relative. */
  kinship?: boolean;
}

/**
 * Demographic words written outside placeholders in a vignette's text, paraphrases and question stem: a word that states a level
 * of an axis the vignette varies makes every variant say it, so a "Black woman" variant can read "He is well".
 * Returned as problems (warnings by default, errors with --strict), each at the word's own line. An intentional
 * mention is allowed per vignette with `lint: { allow: [word, ...] }`.
 */
export function lintVignettes(vignettes: readonly Vignette[], studyAxes: readonly Axis[], allAxes: readonly Axis[]): Problem[] {
  const problems: Problem[] = [];
  // Each axis's terms, longest first, with their patterns: made once, not once per text they are looked for in.
  const compiled = new Map<Axis, CompiledTerm[]>();
  const termsOf = (axis: Axis) => compiled.get(axis) ?? compiled.set(axis, compileTerms(termsFor(axis))).get(axis)!;
  for (const v of vignettes) {
    const varied = variedAxes(v, studyAxes, allAxes);
    const allowed = new Set((v.lintAllow ?? []).map((w) => w.toLowerCase()));
    const fields = [
      { field: 'text', text: v.text, line: v.textLine },
      ...v.paraphrases.map((text, i) => ({ field: `paraphrases[${i}]`, text, line: v.paraphraseLines?.[i] })),
      // The stem is sent with every variant too; it has no placeholders, so any demographic word in it is shared.
      { field: 'question.stem', text: v.question.stem, line: v.stemLine },
    ];
    for (const { field, text, line } of fields) {
      const at = (index: number, message: string) =>
        problems.push({
          file: v.file,
          line: line === undefined ? v.line : line + countNewlines(text, index),
          field: `${v.id}.${field}`,
          message,
        });
      // Placeholders become spaces of the same length, so indices (and lines) stay those of the written text.
      const written = text.replace(PLACEHOLDER, (whole) =>
        isPossessivePlaceholder(whole) ? `\u0006${' '.repeat(whole.length - 1)}` : ' '.repeat(whole.length),
      );
      for (const axis of varied) {
        for (const found of findTerms(written, termsOf(axis), v.perspective === 'patient')) {
          if (allowed.has(found.word.toLowerCase())) continue;
          at(
            found.index,
            `"${found.word}" may state the patient's ${axis.label.toLowerCase()}, which this vignette varies (axis ${axis.id}); ${advice(axis, found.word)}`,
          );
        }
        if (axis.slot === 'age') {
          for (const m of written.matchAll(EXPLICIT_AGE)) {
            if (allowed.has(m[0].toLowerCase())) continue;
            at(m.index ?? 0, `"${m[0]}" states an age, which this vignette varies (axis ${axis.id}); ${advice(axis, m[0])}`);
          }
        }
      }
    }
  }
  problems.push(...automaticSentenceCues(vignettes, studyAxes, allAxes));
  return problems;
}

/**
 * One note per sentence axis that some vignettes vary without placing its placeholder: the renderer appends the
 * sentence after their text (withSentenceCues), which may not fit the scene, so the author is told where it happens.
 */
function automaticSentenceCues(vignettes: readonly Vignette[], studyAxes: readonly Axis[], allAxes: readonly Axis[]): Problem[] {
  return studyAxes
    .filter((axis) => axis.slot === 'sentence')
    .flatMap((axis) => {
      const unplaced = vignettes.filter(
        (v) => variedAxes(v, studyAxes, allAxes).some((a) => a.id === axis.id) && !placesAxis(v.text, axis),
      );
      if (unplaced.length === 0) return [];
      const first = unplaced[0]!;
      const ids =
        unplaced
          .slice(0, 5)
          .map((v) => v.id)
          .join(', ') + (unplaced.length > 5 ? ` and ${unplaced.length - 5} more` : '');
      return [
        {
          file: first.file,
          line: first.textLine ?? first.line,
          field: `${first.id}.text`,
          message: `${unplaced.length} ${unplaced.length === 1 ? 'vignette varies' : 'vignettes vary'} axis "${axis.id}" but ${unplaced.length === 1 ? 'places' : 'place'} no {{${axis.id}}} (${ids}): its sentence is appended after the last sentence of their text and paraphrases, which may not fit the scene; write {{${axis.id}}} where it belongs, or pin the axis under \`excluded\``,
        },
      ];
    });
}

function advice(axis: Axis, word: string): string {
  const placeholder =
    axis.slot === 'sentence'
      ? `{{${axis.id}}}`
      : axis.slot === 'noun'
        ? '{{patient}} or {{they}}/{{them}}/{{their}}'
        : axis.slot === 'age'
          ? '{{age}} or {{patient}}'
          : '{{patient}}';
  return `use ${placeholder} instead, pin the axis under \`excluded\` if it is clinically relevant, or mark the mention intentional with \`lint: { allow: [${word}] }\``;
}

function termsFor(axis: Axis): Term[] {
  const fromLevels = (text: string | undefined, caseSensitive: boolean): Term[] =>
    text === undefined
      ? []
      : text
          .split(/\s+or\s+|\s*\(.*?\)\s*/)
          .map((t) => t.trim())
          .filter((t) => t.length > 0)
          .map((t) => ({ text: t, caseSensitive }));
  switch (axis.slot) {
    case 'descriptor':
      // Capitalised as a race is written, so "white blood cells" and "black stool" are not flagged.
      return axis.levels
        .flatMap((l) => [...fromLevels(l.descriptor, true), ...fromLevels(l.label, true)])
        .map((t) => ({ ...t, colour: /^(?:White|Black)$/.test(t.text) }));
    case 'noun':
      return [
        ...axis.levels.flatMap((l) => [...fromLevels(l.noun, false), ...fromLevels(l.childNoun, false)]),
        ...[...PRONOUNS, ...GENDERED_NOUNS].map((text) => ({ text, caseSensitive: false })),
        ...KINSHIP_NOUNS.map((text) => ({ text, caseSensitive: false, kinship: true })),
      ];
    case 'age':
      return [];
    case 'perturbation':
      return []; // how the case is written, not a word in it
    case 'sentence':
      return [
        ...axis.levels.flatMap((l) => fromLevels(l.label, false)),
        ...(SENTENCE_AXIS_WORDS[axis.id] ?? []).map((text) => ({ text, caseSensitive: false })),
      ];
  }
}

/** A term with the pattern that finds it as a whole word (any run of spaces between its words). */
type CompiledTerm = Term & { pattern: RegExp };

/** Longest first, so "transgender woman" is reported once rather than also as "woman". */
function compileTerms(terms: readonly Term[]): CompiledTerm[] {
  return [...terms]
    .sort((a, b) => b.text.length - a.text.length)
    .map((term) => ({
      ...term,
      pattern: new RegExp(`(?<![\\w-])${escapeRegExp(term.text).replace(/ /g, '\\s+')}(?![\\w-])`, term.caseSensitive ? 'g' : 'gi'),
    }));
}

function findTerms(written: string, terms: readonly CompiledTerm[], patientPerspective: boolean): { word: string; index: number }[] {
  const found: { word: string; index: number }[] = [];
  const covered: [number, number][] = [];
  for (const term of terms) {
    // matchAll copies the pattern, so a shared global pattern carries no lastIndex from one text to the next.
    for (const m of written.matchAll(term.pattern)) {
      const index = m.index ?? 0;
      if (covered.some(([start, end]) => index >= start && index < end)) continue;
      if (term.colour && COLOUR_NOT_RACE.test(written.slice(index + m[0].length))) continue;
      if (term.kinship && relativeOfPatient(written.slice(0, index), patientPerspective)) continue;
      covered.push([index, index + m[0].length]);
      found.push({ word: m[0].replace(/\s+/g, ' '), index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "{{their}} mother", "your father", "the patient's wife", and "my mother" from the patient: a relative. */
function relativeOfPatient(before: string, patientPerspective: boolean): boolean {
  const tail = before.trimEnd();
  if (tail.endsWith('\u0006') || /\b(?:your|patient's|patient’s)$/i.test(tail)) return true;
  return patientPerspective && /\bmy$/i.test(tail);
}

function isPossessivePlaceholder(whole: string): boolean {
  const name = whole.replace(/[{}\s]/g, '');
  return placeholderKey(name).key === 'their';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
