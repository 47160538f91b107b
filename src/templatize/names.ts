import type { Gender } from './lexicon.js';
import { KIN_NOUNS, OTHER_PERSON_NOUNS, type Person } from './people.js';
import type { Mention } from './types.js';

/** A role noun in apposition after a name ("Ms. Daniels, a home health nurse", "Mr. Black, neighbor of pt"). */
const roleAfter = (nouns: string) =>
  new RegExp(String.raw`^\s*,\s*(?:(?:a|an|the|his|her|their|pt's|the patient's)\s+)?(?:[\w-]+\s+){0,3}?(?:${nouns})s?\b`, 'i');
const ROLE_AFTER = roleAfter(OTHER_PERSON_NOUNS);
const KIN_AFTER = roleAfter(KIN_NOUNS);
/** The sentence names the patient apart from the titled person ("... calls about her patient, Mr. Hopkins"). */
const PATIENT_NAMED_APART = /\b(?:pt|patient)\b|\b(?:Mrs|Mr|Ms|Miss)\.? [A-Z]/;
/** "Ms. Okafor from case management called about the pt": whoever calls or writes about the patient is someone else. */
const CALLS_ABOUT =
  /^[^.;:\n]{0,60}?\b(?:calls|called|calling|phoned|phones|emailed|emails|writes|wrote|messaged)\s+(?:about|regarding|re:?)\s/;
/** "neighbor of pt Mrs. Ferreira", "Patient: Mr. Okafor", "her patient, Mr. Hopkins": the name is the patient's. */
const PATIENT_BEFORE = /\b(?:pt|patient)\s*[:,]?\s*$/i;
/** Between a person noun and a titled name in apposition: a comma or bracket, after a short place or a field's value. */
const APPOSITION =
  /^(?:\s+(?:at|from|in|on|of) (?:the |a )?(?!pt\b|patient\b)[\w-]+(?: [\w-]+)?)?\s*[,(]\s*$|^:[ \t]*(?:[\w' -]{1,30}\()?[ \t]*$/;
const titleGender = (title: string): Gender => (/^(?:Mr|Mister|Master|MR)$/.test(title) ? 'male' : 'female');
/** A title and the surname after it. */
const TITLED_NAME = /^(?:Mrs|Mr|Ms|Miss|Mister|Master|MRS|MR|MS|MISS)\.? ?(\p{Lu}[\p{L}'’-]+)/u;
/** A first name in apposition after a role noun ("his partner, Tom,", "Her wife, Dana,", "Night RN Jackie Tran", "Caller: spouse (Jen)"). */
const NAME_AFTER_ROLE =
  /^(?:,[ \t]*|[ \t]+|[ \t]*\([ \t]*)(?!(?:Dr|Mrs?|Ms|Miss|Mister|The|He|She|His|Her|Pt)\b)([A-Z][a-z]+)(?: [A-Z][a-z]+)?(?=[,.;:)]|\s+(?:says|said|states|reports|notes|is|was|has|who|assessed|called|asks|adds|thinks)\b)/;
/** A first name with a role in a parenthesis after it ("Caller: Kevin (staff, group home)", "Dana (his sister)"). */
const NAME_BEFORE_ROLE =
  /(?<![.!?]\s|^|\n|\b(?:Dr|Mrs?|Ms|Miss|Mister)\.?\s)\b(?!(?:The|He|She|His|Her|Pt|Patient)\b)([A-Z][a-z]+) \((?:(?:his|her|their|pt's|the patient's)\s+)?$/;

/**
 * People named in the text who are not the patient: a titled name in apposition to another person ("her teacher,
 * Ms. Reyes", "mother (Mrs. Alvarez)", "Mrs. Lee, the patient's grandmother", and "Ms. Daniels, a home health nurse,
 * calls about her patient, Mr. Hopkins" where the sentence names the patient apart), a first name in apposition to one ("his
 * partner, Tom"), and every later mention of the same name ("Ms. Reyes says she counted"). A titled name after
 * "pt" or "patient" is the patient's. A titled person has the sex of the title; a first name has the sex of the
 * role noun it names, or none (a first name states nothing the detector may read).
 */
export function namedOthers(text: string, titles: readonly Mention[], people: readonly Person[]): Person[] {
  // Each name as a pattern, with the sex it has; keyed by both, so that "Mother, Mrs. Thompson" and "Father (Mr.
  // Thompson)" stay two people rather than the later replacing the earlier.
  const others = new Map<string, { name: string; gender: Gender | undefined }>();
  const addOther = (name: string, gender: Gender | undefined) => others.set(`${name} ${gender}`, { name, gender });
  for (const t of titles) {
    const name = TITLED_NAME.exec(text.slice(t.start));
    if (!name || PATIENT_BEFORE.test(text.slice(0, t.start))) continue;
    const end = t.start + name[0].length;
    // "her teacher, Ms. Reyes", "mother (Mrs. Alvarez)", "her daughter Ms. Ruiz", "Caller: Mrs. Grant", "roommate at
    // the SNF, Mrs. Cole", "Interpreter: Vietnamese (Ms. Tran"; not the writer's own "My neighbor Mr. Ortega", whom a
    // message is about.
    // The addressee of a letter ("Dear Dr O'Neill,\nMs Keane, aged 31, was admitted") is no one the patient is in apposition to.
    const before = people.some(
      (p) =>
        p.end <= t.start &&
        !/\bDear\s+$/.test(text.slice(0, p.start)) &&
        (APPOSITION.test(text.slice(p.end, t.start)) ||
          (text.slice(p.end, t.start) === ' ' && !/\b(?:my|our)\s+$/i.test(text.slice(0, p.start)))),
    );
    // A role after the name is the patient's own occupation ("Mr. Okafor, a retired teacher, presents") unless it is
    // a relative's, or the sentence names the patient apart.
    const after = text.slice(end);
    const sentence = after.split(/[.!?;\n](?:\s|$)/)[0] ?? '';
    // "His son, Mr. Lopez Jr.": the suffix tells him apart from "Mr. Lopez Sr.", the patient.
    const suffix = /^,? (Jr|Sr|II|III|IV)\b\.?/.exec(after)?.[1];
    if (before || KIN_AFTER.test(after) || CALLS_ABOUT.test(sentence) || (ROLE_AFTER.test(after) && PATIENT_NAMED_APART.test(sentence)))
      addOther(suffix ? String.raw`${name[1]!},? ${suffix}\b\.?` : name[1]!, t.gender);
  }
  for (const p of people) {
    const name = NAME_AFTER_ROLE.exec(text.slice(p.end)) ?? NAME_BEFORE_ROLE.exec(text.slice(0, p.start));
    if (name) addOther(name[1]!, p.gender);
  }
  // A relative sharing the surname is told apart by a title of the other sex or by "Pt:" ("Caller: Mrs. Hale, wife
  // of pt. Pt: Mr. Hale").
  const samePerson = (m: RegExpMatchArray, gender: Gender | undefined) =>
    !PATIENT_BEFORE.test(text.slice(0, m.index)) && (m[1] === undefined || gender === undefined || titleGender(m[1]) === gender);
  return [...others.values()].flatMap(({ name, gender }) =>
    // The title may stand before a first name ("Ms. Priya Raman" is no "Mr. Raman").
    [
      ...text.matchAll(
        new RegExp(String.raw`(?:\b(Mrs|Mr|Ms|Miss|Mister|MRS|MR|MS|MISS)\.? ?(?:\p{Lu}[\p{L}'’-]+ )?)?\b${name}(?!\w)`, 'gu'),
      ),
    ]
      .filter((m) => samePerson(m, gender))
      .map((m): Person => ({ start: m.index!, end: m.index! + m[0].length, surface: m[0], ...(gender ? { gender } : {}) })),
  );
}
