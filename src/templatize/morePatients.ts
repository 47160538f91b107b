import type { Mention } from './types.js';

/**
 * Why a text seems to describe more than one patient, or undefined. A handoff note, a hallway census or an SBAR with
 * a neighbouring bed names a second patient in the same words as the first ("Bed 4: Mr. Reyes, 81, CHF; he is for
 * discharge", "Hall 2: a 55-year-old woman with a migraine"). Read as one patient, that second person's title, sex
 * word and pronouns would be slotted and change with the first patient's demographics: a silent change of clinical
 * content. Two signals, each read from what the detector assigned to the patient:
 * - titles before two names that share no word ("Mr. Kowalski" … "Mr. Reyes"; "Mr. Tomás Herrera" … "Mr. Herrera"
 *   and "Mr. Haddad Jr." … "Mr. Haddad" are one person each);
 * - a second age-and-sex description introduced by "a"/"an" ("… a 70-year-old man with a UTI"): a repeat of the
 *   patient's own is definite ("the 74-year-old man").
 */
export function morePatients(text: string, assigned: readonly Mention[]): string | undefined {
  const mentions = [...assigned].sort((a, b) => a.start - b.start);
  // A person's names: "Mr. Tomás Herrera" and "Mr. Herrera" share one; "Mr. Tran's" is Mr. Tran.
  const people: { names: Set<string>; shown: string }[] = [];
  for (const m of mentions) {
    if (m.attribute !== 'title') continue;
    const name = NAME.exec(text.slice(m.end))?.[1]?.replace(POSSESSIVE, '');
    if (name === undefined) continue;
    const names = new Set(name.split(/\s+/));
    if (!people.some((p) => [...names].some((n) => p.names.has(n)))) people.push({ names, shown: `${m.surface} ${name}` });
  }
  if (people.length > 1) return `titles name ${people.map((p) => `"${p.shown}"`).join(' and ')}`;
  const descriptions = mentions.filter(
    (m, i) => m.attribute === 'age' && mentions[i + 1]?.attribute === 'sex' && /^[\s-]*$/.test(text.slice(m.end, mentions[i + 1]!.start)),
  );
  for (const m of descriptions.slice(1)) {
    const article = INDEFINITE_BEFORE.exec(text.slice(Math.max(0, m.start - 4), m.start))?.[0];
    if (article !== undefined) return `"${article}${m.surface} …" describes someone after the patient was described`;
  }
  return undefined;
}

/** The name after a title, up to three capitalised words: "Mr. Reyes", "Mrs. O'Brien", "Mr. Binh Tran's". */
const NAME = /^\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/u;
const POSSESSIVE = /['’]s$/;
/** "a 70-year-old", "an 81-year-old": the article right before an age. */
const INDEFINITE_BEFORE = /\ban?\s+$/i;
