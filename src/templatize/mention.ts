/** What every detector module (ages, sexWords, pronouns, races, insurance, languages) builds its mentions with. */
import type { Mention } from './types.js';

/** The span of `group` of a match made with the `d` flag. */
export const mention = (m: RegExpMatchArray, group: number, fields: Omit<Mention, 'start' | 'end' | 'surface'>): Mention => {
  const [start, end] = m.indices![group]!;
  return { start, end, surface: m[group]!, ...fields };
};

/** Nouns for a person: a demographic word right before one describes that person. */
export const PERSON =
  '(?:man|woman|men|women|boy|girl|male|female|gentleman|lady|patient|person|individual|adult|child|infant|toddler|adolescent|teen|teenager|newborn|neonate|baby|student|veteran|gent|guy|gal|elder|widow|widower|pt|M|F)';

/** A word followed by a person noun modifies it. */
export function attributive(text: string, m: RegExpMatchArray): boolean {
  return new RegExp(`^\\s+(?:[\\w./-]+,?\\s+){0,3}${PERSON}\\b`).test(text.slice(m.index! + m[0].length));
}

/** `{{key}}`, capitalised when the word as written starts with a capital ("He" -> {{They}}). */
export function placeholder(key: string, written: string): string {
  return /^[A-Z]/.test(written) ? `{{${key[0]!.toUpperCase()}${key.slice(1)}}}` : `{{${key}}}`;
}

/** The label opening a social history line or sentence ("SH:", "... self-pay. Social history:"). */
export const SOCIAL_HISTORY_LABEL = String.raw`(?:^|\n|[.!?] )[ \t]*(?:SH|SHx|Social(?: history| hx)?|SOCIAL(?: HISTORY)?)\s*:`;
