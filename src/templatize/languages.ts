import { LANGUAGES } from './lexicon.js';
import { mention } from './mention.js';
import type { Mention } from './types.js';

const LANGUAGE_NAMES = Object.keys(LANGUAGES)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * A language the patient speaks ("speaks only Spanish", "Spanish-speaking", "preferred language is Spanish",
 * "a Spanish interpreter"), an interpreter, and English stated as lacking ("limited English", "does not speak English").
 */
export function languages(text: string): Mention[] {
  const named = (m: RegExpMatchArray, group: number): Mention => {
    const name = m[group]!;
    const level = LANGUAGES[name];
    return {
      ...mention(m, group, { attribute: 'language' }),
      ...(level
        ? { stated: { axis: 'language' as const, level }, slot: '{{language_label}}' }
        : { reason: `"${name}" is no level of the language axis: it stays as written` }),
    };
  };
  const lacking =
    /\b(?:(?:little|limited|no|minimal|poor|broken) English(?: proficiency)?|(?:does not|doesn't|cannot|can't|do not|don't) speak English|non-English[- ]speaking)\b/dg;
  return [
    ...[...text.matchAll(lacking)].map((m) =>
      mention(m, 0, { attribute: 'language', reason: 'English stated as lacking: the language is pinned to the one named, not varied' }),
    ),
    ...[
      ...text.matchAll(
        new RegExp(`\\b(?:speaks|speaking|speak|prefers|communicates in|communicate in)\\s+(?:only\\s+)?(${LANGUAGE_NAMES})\\b`, 'dg'),
      ),
    ].map((m) => named(m, 1)),
    ...[...text.matchAll(new RegExp(`\\b(${LANGUAGE_NAMES})(?:[- ]speaking| speaker| interpreter| translator| user)\\b`, 'dg'))].map((m) =>
      named(m, 1),
    ),
    ...[...text.matchAll(new RegExp(`\\b(?:primary|preferred|native|first|only|main) language is (${LANGUAGE_NAMES})\\b`, 'dg'))].map((m) =>
      named(m, 1),
    ),
    ...[
      ...text.matchAll(
        new RegExp(
          `\\b(${LANGUAGE_NAMES}) is (?:his|her|their|the patient's) (?:primary|preferred|native|first|only|main) language\\b`,
          'dg',
        ),
      ),
    ].map((m) => named(m, 1)),
    // Labelled fields (D1): "Interpreter: Vietnamese", "Preferred language: Vietnamese", "LEP: yes (Russian)".
    ...[
      ...text.matchAll(
        new RegExp(
          `\\b(?:Interpreter|(?:Preferred |Primary |Spoken )?[Ll]anguage|LEP)\\s*:\\s*(?:yes\\s*\\(\\s*)?(${LANGUAGE_NAMES})\\b`,
          'dg',
        ),
      ),
    ].map((m) => named(m, 1)),
  ];
}

/**
 * An interpreter, named or not ("phone interpreter", "interpreter present"): the language cannot vary around it
 * (an English-speaking variant with an interpreter makes no sense), so a named language is pinned. Not a span of
 * its own (R10): an interpreter that names no language states none.
 */
export const INTERPRETER = /\binterpret(?:er|ers|s|ed|ing)\b/i;
