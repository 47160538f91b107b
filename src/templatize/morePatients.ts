import type { Mention } from './types.js';

/**
 * Why a text seems to describe more than one patient, or undefined. A handoff note, a hallway census or an SBAR with
 * a neighbouring bed names a second patient in the same words as the first ("Bed 4: Mr. Reyes, 81, CHF; he is for
 * discharge", "Hall 2: a 55-year-old woman with a migraine"). Read as one patient, that second person's title, sex
 * word and pronouns would be slotted and change with the first patient's demographics: a silent change of clinical
 * content. Three signals, read from what the detector assigned to the patient and what it set apart:
 * - titles before two names that share no word ("Mr. Kowalski" … "Mr. Reyes"; "Mr. Tomás Herrera" … "Mr. Herrera"
 *   and "Mr. Haddad Jr." … "Mr. Haddad" are one person each);
 * - a second age-and-sex description introduced by "a"/"an" ("… a 70-year-old man with a UTI"): a repeat of the
 *   patient's own is definite ("the 74-year-old man");
 * - a word the detector would slot, said where the text turns to another bed (`otherPatients`, which sets it apart:
 *   not slotted, even in a case left out);
 * - the text saying it is about another patient ("This note refers to another patient", "entered on the wrong
 *   chart"): every age, title and pronoun in it is that patient's, and the chart's own patient is not described.
 */
export function morePatients(text: string, assigned: readonly Mention[], otherBeds: readonly Mention[]): string | undefined {
  const misfiled = misfiledNote(text);
  if (misfiled !== undefined) return misfiled;
  const mentions = [...assigned, ...otherBeds].sort((a, b) => a.start - b.start);
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
  const theirs = otherBeds.find((m) => m.slot !== undefined);
  const bed = theirs && otherPatients(text).find((b) => b.start <= theirs.start && theirs.end <= b.end);
  return theirs && bed ? `"${theirs.surface}" in "${text.slice(bed.start, theirs.end)}" is another patient's` : undefined;
}

/** Why the text says it is about another patient than the chart's, or undefined: then nothing in it is the chart's patient's. */
export function misfiledNote(text: string): string | undefined {
  const said = MISFILED.exec(text)?.[0];
  return said === undefined ? undefined : `"${said}": the text is about a patient other than the chart's`;
}

/** The name after a title, up to three capitalised words: "Mr. Reyes", "Mrs. O'Brien", "Mr. Binh Tran's". */
const NAME = /^\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/u;
const POSSESSIVE = /['’]s$/;
/**
 * The note saying of itself that it belongs to someone else: "This note refers to another patient", "The entry
 * pertains to a different patient", "Note entered on wrong chart". The note must be the subject: "her result refers
 * to another patient" or "his labs were filed under the wrong chart" are about a part of this patient's record.
 */
const MISFILED =
  /\b(?:(?:this|the) )?(?:note|entry|addendum|documentation|encounter)(?: (?:above|below))? (?:(?:refers?|belongs?|pertains?|relates?) to|is (?:about|for)|was (?:meant|intended) for) (?:an?other|a different|the wrong) (?:patient|person|pt)\b|\b(?:(?:this|the) )?(?:note|entry|addendum|documentation|encounter) (?:was )?(?:entered|documented|charted|filed|written|placed) (?:on|in|into|under) (?:the |a )?wrong (?:patient(?:['’]s)? )?(?:chart|record|patient|encounter)\b/i;
/** "a 70-year-old", "an 81-year-old": the article right before an age. */
const INDEFINITE_BEFORE = /\ban?\s+$/i;

/**
 * Where a text describes another patient than the one its first bed label names: from a later sentence opened by a
 * different bed label ("Bed 4: Mr. Reyes, 81, CHF; he is for discharge.", "Neighbor bed 10, Mr. Stone, 79") or from
 * a titled name placed in a different bed ("Mrs. Singh in bed 1 (the neighbour, 70)"), to the end of the sentence
 * (their description may go on after it: the case is left out all the same, see morePatients). Where the text places its
 * patients in beds ("Two patients in bay 5", "roommate in 16B"), also a roommate or neighbour mentioned in passing, to
 * the end of that clause ("his roommate from the nursing home, a 70-year-old man with a UTI,"). Everything said there
 * (title, age, sex word, pronoun) is that person's, never the patient's. A roommate at home ("her roommate found her")
 * opens nothing: without beds, the sentence may still be about the patient.
 */
export function otherPatients(text: string): { start: number; end: number }[] {
  const first = BED_LABEL.exec(text);
  const patientBed = first?.[1]?.toLowerCase();
  const hospital = first !== null || TWO_PATIENTS.test(text);
  const upTo = (m: RegExpMatchArray, end: RegExp) => {
    const at = end.exec(text.slice(m.index!));
    return { start: m.index!, end: at ? m.index! + at.index : text.length };
  };
  return [
    ...[...text.matchAll(SENTENCE_BED_LABEL)]
      .filter((m) => m.index! > first!.index! && m[1]!.toLowerCase() !== patientBed)
      .map((m) => upTo(m, SENTENCE_END)),
    ...[...text.matchAll(TITLED_IN_BED)].filter((m) => m[1]!.toLowerCase() !== patientBed).map((m) => upTo(m, SENTENCE_END)),
    ...(hospital ? [...text.matchAll(BED_NEIGHBOUR)].map((m) => upTo(m, CLAUSE_END)) : []),
  ];
}

/** A bed, bay, room or hall and its number: "Bed 3", "bed 16A", "Hall 2", "Room 12", "Curtain 3". */
const BED = String.raw`(?:[Bb]ed|BED|[Bb]ay|[Hh]all|[Rr]oom|[Rr]m|[Cc]urtain)\s*#?\s*(\d{1,3}[A-Z]?\b)`;
const BED_LABEL = new RegExp(BED);
/** A bed label opening a line or a sentence, perhaps after "Neighbor": "\nBed 4:", ". Hall 2:", ". Neighbor bed 10,". */
const SENTENCE_BED_LABEL = new RegExp(String.raw`(?<=^|\n|[.;!?]\s+)(?:(?:[Nn]eighbou?r|[Nn]ext|[Oo]ther)\s+)?${BED}`, 'g');
/** A titled name placed in a bed: "Mrs. Singh in bed 1". */
const TITLED_IN_BED = new RegExp(String.raw`\b(?:Mrs?|Ms|Mx|Miss)\.? \p{Lu}[\p{L}'’-]+ (?:in|from) ${BED}`, 'gu');
const TWO_PATIENTS = /\b(?:two|both|2) patients\b/i;
/** A roommate or neighbour in the ward: "his roommate from the nursing home", "Roommate Mr. Ali", "the neighbour". */
const BED_NEIGHBOUR = /\b(?:[Rr]oom-?mate|[Nn]eighbou?r(?:ing)?(?: (?:patient|bed))?)\b/g;
/** A sentence's end: a full stop not closing a title's abbreviation, "!", "?" or a line break. */
const SENTENCE_END = /(?<!\b(?:Mrs?|Ms|Mx|Dr|Jr|Sr|St))[.!?](?=\s|$)|\n/;
/** A clause's end: a sentence's or a semicolon. */
const CLAUSE_END = new RegExp(`${SENTENCE_END.source}|;`);
