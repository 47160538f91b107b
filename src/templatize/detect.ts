import { ages } from './ages.js';
import { insurance } from './insurance.js';
import { languages } from './languages.js';
import { CLINICAL_TERMS } from './lexicon.js';
import { capitalSentences, pronouns } from './pronouns.js';
import { races } from './races.js';
import { sexWords, titles } from './sexWords.js';
import { otherPatients } from './morePatients.js';
import { namedOthers } from './names.js';
import { isStaff, KIN_NOUNS, otherPeople, type Person, patientRelation, relationRepeats, spousesAndIdentity } from './people.js';
import type { Mention } from './types.js';

/**
 * Every demographic-looking span of a case text, before anyone decides whom it describes: ages, sex words,
 * titles, pronouns, spouses, race and ethnicity terms, insurance and language. A span inside a clinical term
 * ("man-in-the-barrel syndrome", "Asian flu", "white blood cells") is never one. Where two spans overlap the
 * earlier, then the longer, wins.
 */
export function detectMentions(text: string): Mention[] {
  return detectAll(text).mentions;
}

/** The mentions and the other people the text names (relatives, clinicians), whose pronouns may be nearby. */
export function detectAll(written: string): {
  mentions: Mention[];
  people: Person[];
  otherPatients: Mention[];
  /** Every span a detector read or a clinical term covers, whoever it turned out to describe. */
  read: { start: number; end: number }[];
} {
  // A line break a CSV export wrote as the two characters "\n" is read as one (same length, so offsets hold).
  const text = written.replace(LITERAL_LINE_BREAK, ' \n');
  const guarded = CLINICAL_TERMS.flatMap((re) => [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as const));
  const inGuard = (start: number, end: number) => guarded.some(([s, e]) => start < e && end > s);
  // Phrases are read with wrapped lines joined ("is on\nMedicaid"); offsets are the text's own.
  const prose = joinWrappedLines(text);
  const found = [
    ...ages(prose),
    ...sexWords(prose),
    ...titles(prose),
    ...pronouns(prose),
    ...spousesAndIdentity(prose),
    ...races(prose),
    ...insurance(prose),
    ...languages(prose),
    ...capitalSentences(text),
  ].map((m) => asWritten(written, m));
  // Someone else's titled name ("her teacher, Ms. Reyes", "Ms. Daniels, a home health nurse") and the age written
  // after it are theirs: they neither state the patient's sex nor hide a relative's voice naming the patient. A
  // relation noun naming the patient ("States her mother, Mrs. Nguyen (81)") names no one else.
  const titleList = found.filter((m) => m.attribute === 'title');
  const theirs = (named: readonly Person[]) => (m: Mention) =>
    (m.attribute === 'title' && named.some((p) => p.start === m.start)) ||
    // The age may follow the rest of the full name ("her teacher, Ms. Dana Reyes, 41").
    (m.attribute === 'age' &&
      named.some((p) => p.end <= m.start && /^(?: \p{Lu}[\p{L}'’-]+){0,2}(?:,|:| \() ?$/u.test(text.slice(p.end, m.start))));
  const candidates = firstOfOverlapping(found.filter((m) => !inGuard(m.start, m.end)));
  const relation = patientRelation(
    text,
    candidates.filter((m) => !theirs(namedOthers(text, titleList, otherPeople(text, [])))(m)),
  );
  const relationNouns = relation ? [relation.noun, ...relationRepeats(text, relation.noun)] : [];
  const others = otherPeople(text, relationNouns);
  const named = namedOthers(text, titleList, others);
  const described = new Map(candidates.flatMap((m) => describedIn(text, others, m)));
  let kept = candidates.filter((m) => !theirs(named)(m) && !described.has(m));
  // A caregiver described before the patient they bring: their age, sex word and title are theirs, and they are
  // someone whose pronouns may follow.
  const caregiverWords = kept.filter(
    (k) => relation?.caregiverBefore !== undefined && k.start < relation.caregiverBefore && k.attribute !== 'pronoun',
  );
  if (relation) {
    const added = [...relationNouns, ...(relation.age ? [relation.age] : [])];
    kept = firstOfOverlapping([
      ...added,
      ...kept.filter(
        (k) =>
          k.start !== relation.callerPossessive && !caregiverWords.includes(k) && !added.some((a) => k.start < a.end && a.start < k.end),
      ),
    ]);
  }
  const caregivers = caregiverWords.flatMap((k): Person[] =>
    k.attribute === 'sex' || k.attribute === 'title' ? [{ start: k.start, end: k.end, surface: k.surface, gender: k.gender }] : [],
  );
  // A role noun the patient's age or sex word describes ("a 29-year-old female physician", "Caller is a transgender
  // woman") is the patient.
  const describedPatient = kept.flatMap((k) => {
    if ((k.attribute !== 'sex' && k.attribute !== 'age') || caregiverWords.includes(k)) return [];
    const describedBefore = /(\w+) is (?:an? )?(?:[\w-]+ ){0,3}$/.exec(text.slice(Math.max(0, k.start - 60), k.start));
    const before = describedBefore
      ? [{ start: k.start - describedBefore[0].length, end: k.start - describedBefore[0].length + describedBefore[1]!.length }]
      : [];
    return [{ start: k.end, end: k.end + 1 }, ...before];
  });
  // A person a parenthesis gives a sex ("neighbor (male)") has it, as has one with a titled name in apposition ("her
  // track coach, Mr. Grant"), and a role in apposition to a relative is the relative ("His mother, a 38-year-old
  // teacher,", "Her son, who is a pharmacist,").
  const listed = [...otherPeople(text, [...relationNouns, ...describedPatient], caregivers), ...named];
  const sexOf = (p: Person) =>
    [...described].find(([m, q]) => q.start === p.start && m.gender !== undefined)?.[0].gender ??
    named.find((n) => n.gender !== undefined && /^\s*[,(]\s*$/.test(text.slice(p.end, n.start)))?.gender ??
    listed.find(
      (q) =>
        q.gender !== undefined &&
        q.end <= p.start &&
        /^,\s+(?:who (?:is|was)\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,3}$/.test(text.slice(q.end, p.start)),
    )?.gender;
  const people = listed.map((p) => (p.gender === undefined && sexOf(p) ? { ...p, gender: sexOf(p) } : p)).sort((a, b) => a.start - b.start);
  // What a handoff says of the next bed's patient is theirs: kept apart, so the case can be left out for it.
  const beds = otherPatients(text);
  const inOtherBed = (m: Mention) => beds.some((b) => m.start < b.end && b.start < m.end);
  const read = [...found, ...guarded.map(([start, end]) => ({ start, end }))];
  return { mentions: kept.filter((m) => !inOtherBed(m)), people, otherPatients: kept.filter(inOtherBed), read };
}

const LITERAL_LINE_BREAK = /\\n(?![a-z])/g;

/**
 * What opens a description of the person just named: an apposition with an article (", a 40-year-old man"), a
 * relative clause (", who is male,"; group 1) or a copula ("The donor was a 23-year-old Black man"; group 2).
 */
const APPOSITION_OPENING = /^(?:,\s+(?:who (?:is|was)\s+)?(?:an?|another)\s+|,\s+(who (?:is|was))\s+|\s+((?:is|was))\s+(?:an?|another)\s+)/;
/**
 * An age, sex word, title, pronoun or age band in a parenthesis right after another person's noun describes them:
 * "neighbor (male)", "pt's partner (pronouns he/him)", "Per bystander (a woman waiting for the bus)". Race and language there
 * stay: a child's family's ethnicity and language are keyed as the patient's (R8, R10). So does an apposition opened
 * by an article, up to the clause's end ("from a deceased donor, a 22-year-old Black man killed ...", "His partner,
 * a 40-year-old man, is well"), and there the race is theirs too, unless they are a parent; not after the writer's
 * "my" or "our". A relative clause (", who is male,") and a copula ("The donor was a 23-year-old Black man") describe
 * them the same way.
 */
/** What ends just before a role noun the patient's age describes ("a 45-year-old ", "an 80 yo retired "). */
const AGED_NOUN = /\d[\d-]*\s?(?:-?years?-?old|yo|y\/o|y\.o\.|-month-old)?,?\s+(?:[\w-]+\s+){0,2}$/i;
const KIN_BEFORE = new RegExp(`^ (?:${KIN_NOUNS})\\b`, 'i');
const PARENT = /^(?:mother|father|mom|mum|dad|parents?)$/i;
const KIN_WORD = new RegExp(`\\b(?:${KIN_NOUNS})\\b`, 'i');
function describedIn(text: string, people: readonly Person[], m: Mention): [Mention, Person][] {
  const inApposition = people.find((p) => {
    const opening = APPOSITION_OPENING.exec(text.slice(p.end));
    // "My coworker, a 40-year-old man, ate ...": the writer's acquaintance may be whom the message is about.
    if (!opening || m.start < p.end + opening[0].length || /\b(?:my|our)\s+$/i.test(text.slice(0, p.start))) return false;
    const clause = /^[^,.;:()\n]*/.exec(text.slice(p.end + opening[0].length))![0];
    // A relative clause without an article ("her grandmother, who is his legal guardian") says their sex or age; a
    // possessive or a race there is left to the rules for those.
    if (opening[1] !== undefined && m.attribute !== 'sex' && m.attribute !== 'age') return false;
    // "A 45-year-old nurse, who is male," "A 30-year-old teacher is a smoker": an age before the noun makes it the
    // patient's role.
    if ((opening[1] ?? opening[2]) !== undefined && AGED_NOUN.test(text.slice(Math.max(0, p.start - 40), p.start))) return false;
    // "The caller is a 40-year-old woman", "Resident is a 31 yo M": a caller, or a role a patient shares with staff
    // (a care home's resident), may be the patient.
    if (opening[2] !== undefined && (isStaff(p) || /^callers?$/i.test(p.surface))) return false;
    return m.end <= p.end + opening[0].length + clause.length && (m.attribute !== 'race' || !PARENT.test(p.surface));
  });
  if (inApposition && ['age', 'sex', 'title', 'pronoun', 'race'].includes(m.attribute)) return [[m, inApposition]];
  const describedByClause = ['race', 'insurance', 'language'].includes(m.attribute) && relativeClauseOf(text, people, m);
  if (describedByClause) return [[m, describedByClause]];
  // "a bilingual (English/Spanish) cleaner was asked to interpret", "the Spanish-speaking nurse": the language of the
  // person it describes, unless the patient's age makes the role theirs ("a 45-year-old Spanish-speaking porter"); an
  // interpreter of a language is the patient's need (R10).
  const speaker =
    m.attribute === 'language' &&
    people.find(
      (p) =>
        !/^interpreters?$/i.test(p.surface) &&
        LANGUAGE_BEFORE_NOUN.test(text.slice(m.end, p.start)) &&
        /\b(?:an?|the|another)\s+(?:[\w-]+\s+)?\(?$/i.test(text.slice(Math.max(0, m.start - 30), m.start)) &&
        !AGED_NOUN.test(text.slice(Math.max(0, m.start - 40), m.start)),
    );
  if (speaker) return [[m, speaker]];
  // An age band or identity word there is theirs too ("Bystander (female, ~30s)"); a spouse span is the patient's
  // spouse ("Caller (his wife)").
  const theirBand = m.attribute === 'ambiguous' && !KIN_WORD.test(m.surface);
  if (!['age', 'sex', 'title', 'pronoun'].includes(m.attribute) && !theirBand) return [];
  // "My husband (his son)": a possessive before a relative says whose relative, the patient's.
  if (m.attribute === 'pronoun' && KIN_BEFORE.test(text.slice(m.end))) return [];
  const person = people.find((p) => {
    // Perhaps after a short place: "Roommate in 2B (also a man in his 80s)".
    const open = /^(?:\s+(?:in|at|from) [\w-]+(?: [\w-]+)?)?\s*\(/.exec(text.slice(p.end));
    if (!open || m.start < p.end + open[0].length) return false;
    const close = text.indexOf(')', p.end);
    return close >= m.end && !text.slice(p.end, m.start).includes('\n');
  });
  return person ? [[m, person]] : [];
}

/**
 * The person whose relative clause states a race, insurance or language ("His wife, who is 61 and speaks only
 * Russian,", "a daughter who is of mixed White and Black Caribbean heritage", "The granddaughter, who is on her
 * employer's medical aid,"): theirs, up to the clause's end. Not a parent's: a child's family's ethnicity, language
 * and cover are keyed as the patient's (R8, R10); nor a role the patient's age describes ("a 45-year-old nurse, who
 * speaks Tagalog"), nor the writer's acquaintance ("my coworker, who is uninsured"), who may be whom it is about.
 */
/** Between a language and the person noun it modifies: the rest of a pair and a bracket ("/Spanish) ", "-speaking "). */
const LANGUAGE_BEFORE_NOUN = /^(?:\/[\p{L}'’-]+)?\)?(?:-speaking)?\s+$/u;
/** A relative clause up to its end, or to a clause of its own inside it ("who translates because she speaks ..."). */
const RELATIVE_CLAUSE = /^(?:(?!\b(?:because|since|as|so|when|while|although|though|if|but|and (?:he|she|they))\b)[^,.;:()\n])*/;
function relativeClauseOf(text: string, people: readonly Person[], m: Mention): Person | undefined {
  return people.find((p) => {
    const opening = /^,?\s+who\s+/.exec(text.slice(p.end));
    if (!opening || m.start < p.end + opening[0].length || PARENT.test(p.surface)) return false;
    if (/\b(?:my|our)\s+$/i.test(text.slice(0, p.start)) || AGED_NOUN.test(text.slice(Math.max(0, p.start - 40), p.start))) return false;
    const clause = RELATIVE_CLAUSE.exec(text.slice(p.end + opening[0].length))![0];
    return m.end <= p.end + opening[0].length + clause.length;
  });
}

/**
 * The text with each line break that wraps a sentence read as a space (same length, so offsets hold): one after a
 * word or a comma, not ending a short field line ("Payer: Medicaid") or a letter's heading, nor opening a field
 * line, a list item or a blank line.
 */
export function joinWrappedLines(text: string): string {
  return text.replace(/(?<=^([^\n]*)[\p{L}\p{N},)'’])\n(?=[ \t]*([^\n]*))/gmu, (newline, before: string, after: string) =>
    shortField(before) || LETTER_HEADING.test(before) || FIELD_LINE.test(after) || LIST_LINE.test(after) ? newline : ' ',
  );
}
/**
 * A list item, a blank line, or a line under a one-letter mnemonic label ("M – cyclist v car" in an ATMIST handover,
 * "S – HR 118"): never the rest of the line before.
 */
const LIST_LINE = /^(?:[-*•]|\d+[.)]\s|\p{Lu}{1,2}\s?[–—-]\s|$)/u;
/** A letter's heading line ("Re: Mr Joyce, aged 50, Irish Traveller", "Dear Dr Lynch,"): it never wraps into the body. */
const LETTER_HEADING = /^\s*(?:Re|RE|Subject|SUBJECT|To|From|Cc|Dear)\b/;
/** A field line with a short value ("Payer: Medicaid managed care"); a long one is prose under a label ("HPI: ..."). */
const shortField = (line: string) => FIELD_LINE.test(line) && line.replace(FIELD_LINE, '').trim().split(/\s+/).length <= 4;
/** A line that opens with a label ("HPI: ...", "Preferred language: ..."). */
const FIELD_LINE = /^\s*[A-Za-z][\w /&()'’-]{0,30}:(?:\s|$)/;

/**
 * A span read across a wrapped line, as written. Its slot keeps the line break where the slot writes the words
 * around it ("her\nhusband" -> "{{their}}\nhusband"); a slot that puts a placeholder where the break was
 * ("on\nMedicaid" -> "{{insurance_status}}") cannot write it back, so the span is kept as written.
 */
function asWritten(text: string, m: Mention): Mention {
  const surface = text.slice(m.start, m.end);
  if (surface === m.surface) return m;
  const breaks = surface.match(/\s/g) ?? [];
  const spaces = m.slot?.match(/ /g) ?? [];
  if (m.slot !== undefined && spaces.length === breaks.length) {
    let i = 0;
    return { ...m, surface, slot: m.slot.replace(/ /g, () => breaks[i++]!) };
  }
  const { slot: _slot, ...unslotted } = m;
  return { ...unslotted, surface, reason: m.reason ?? 'broken across lines: no slot writes the line break back, so it is kept as written' };
}

/** Sorted by start; of overlapping spans the earlier, then the longer, is kept. */
function firstOfOverlapping(found: readonly Mention[]): Mention[] {
  const kept: Mention[] = [];
  for (const m of [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start)))
    if (!kept.some((k) => m.start < k.end && m.end > k.start)) kept.push(m);
  return kept;
}
