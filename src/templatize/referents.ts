import { clauseAfter, clauseStart, isClauseSubject, newSection, sameOrPreviousSentence, sameSentence } from './clauses.js';
import { clinicalFinding } from './findings.js';
import { type Gender, RELATIVES, SPOUSES } from './lexicon.js';
import { isStaff, type Person } from './people.js';
import type { Mention } from './types.js';

/** Whom a pronoun of the patient's sex refers to: the patient, someone else (left alone), or either (listed). */
export type Referent =
  | { of: 'patient' }
  /** `names`: the relation noun after the possessive, which in that person's voice names the patient ("her mother"). */
  | { of: 'other'; person?: Person; names?: Person }
  | { of: 'either'; person: Person };

/** What is known when a pronoun is read: the text, the people it names, and the patient as tracked so far. */
export interface Discourse {
  text: string;
  people: readonly Person[];
  sex: Gender;
  /** Pronouns of the patient's sex not read as someone else's, in text order. */
  pronouns: readonly Mention[];
  /** The patient's mentions read before: sex words, titles, "the patient"/"pt" and pronouns slotted as theirs. */
  patient: readonly { start: number; end: number }[];
}

/**
 * Reads a pronoun of the patient's sex against the people named in its sentence or the one before (R3, R6, D5).
 * The patient is its referent when no one else who fits by sex was named more recently than the patient, or when
 * what follows ties it to the patient (a relative of theirs, an examination finding, the object of another
 * person's own clause). Someone else who fits is its referent, left alone, when they report and the pronoun is
 * the reporter's own subject beside an object pronoun for the patient ("a volunteer says he has seen him"), or a
 * clinician's possessive before what a clinician owns ("the neurologist writes ... in his note"). Otherwise the
 * pronoun is either's and listed: a person of the same sex named since the patient, a reporter of unknown sex
 * whose report holds it, a person of unknown sex who is the subject of the clause it continues while the patient is
 * that clause's object, or the subject of its own clause when it is a possessive ("The son asked that his father's
 * insulin ..."). A relative named only in a family history ("His father died of an MI at 52.") is no rival in the
 * sentences after it, nor is a reporter for a pronoun inside their quoted words (they would say "I").
 */
export function referentOf(discourse: Discourse, m: Mention): Referent {
  // A speaker's label ("Mom: She's 7.", "Interpreter: He says no.") names who speaks the line: in their own words they
  // are "I", so a third person in that line is someone else, and is no rival there.
  const d = { ...discourse, people: discourse.people.filter((p) => !labelsLineOf(discourse.text, p, m)) };
  const { text, sex } = d;
  const near = d.people.filter(
    (p) =>
      p.end <= m.start &&
      sameOrPreviousSentence(text, p.end, m.start) &&
      !newSection(text, p.end, m.start) &&
      // Several people are not "she" after the sentence naming them ("Her mothers say she had a cold. She walks ...").
      !(plural(p) && !sameSentence(text, p.end, m.start)),
  );
  const fits = (p: Person) => p.gender === undefined || p.gender === sex;
  const reporter = near.find((p) => fits(p) && reporterSelf(d, p, m));
  if (reporter) return { of: 'other', person: reporter };
  const speaker = d.people.find((p) => p.end <= m.start && fits(p) && mayBeSpeaker(text, p, m) && !familyHistoryOnly(text, p, m));
  if (speaker) return { of: 'either', person: speaker };
  // "Mr. Hale had been giving him his own zolpidem": "own" binds the possessive to the clause's subject.
  const owner = /^\s+own\b/.test(text.slice(m.end)) && near.find((p) => fits(p) && ownedBySubject(text, p, m));
  if (owner) return { of: 'other', person: owner };
  const binder = near.find((p) => fits(p) && boundPossessive(d, p, m));
  if (binder) return binder.gender === undefined && isStaff(binder) ? { of: 'other', person: binder } : { of: 'either', person: binder };
  // "Her daughter ... she asks if it means her mother is suffering": the relation that, said by a person who is the
  // subject of a clause before, names the patient is that person's own possessive ("whose own father ... His son" is not).
  const relative = relativeAfter(text, m, d.people);
  const kin =
    relative &&
    near.find(
      (p) => p !== relative && fits(p) && inverseRelations(p, relative) && isClauseSubject(text, p.start, p.end) && !patientSince(d, p, m),
    );
  if (kin && relative && /^\{\{[Tt]heir\}\}$/.test(m.slot ?? '')) return { of: 'other', person: kin, names: relative };
  // "When interviewed alone, she says": the one seen without the others is the patient.
  if (beforeRelative(text, m, d.people) || clinicalFinding(text, m) || SEEN_ALONE.test(text.slice(Math.max(0, m.start - 40), m.start)))
    return { of: 'patient' };
  // "the son says he wants to take pt home with him": the clause names the patient as "pt" and goes on with no
  // "and"; the pronoun after a preposition is someone else who fits, or the patient.
  const besidePatientNoun =
    /^\{\{[Tt]hem\}\}$/.test(m.slot ?? '') &&
    /\b(?:pt|the patient)\b(?:(?!\band\b)[^,;])*\b(?:with|for|beside|near)\s+$/i.test(text.slice(clauseStart(text, m.start), m.start));
  const companion = besidePatientNoun && [...near].reverse().find(fits);
  if (companion) return { of: 'either', person: companion };
  // The object of a relative's own clause ("His son helps him") is not that relative, nor one named a sentence
  // earlier ("He lives with his son. His son helps him"): the relative of this clause would say "them".
  if (near.some((p) => p.gender === sex && objectOf(d, p, m))) return { of: 'patient' };
  // "her granddaughter, who is her health care proxy": no one is their own proxy, so the possessive is the patient's.
  if (/^\{\{[Tt]heir\}\}$/.test(m.slot ?? '') && near.some((p) => /^,\s*who (?:is|was|has been) $/.test(text.slice(p.end, m.start))))
    return { of: 'patient' };
  // "The roommate had a rash. She shared a water bottle with her": an object pronoun in the clause whose subject is the
  // patient's pronoun would be "herself" were it the patient; a person of the sex named before the clause may be it.
  const outside = objectAfterPatientSubject(d, m) && near.find((p) => fits(p) && p.end <= clauseStart(text, m.start));
  if (outside) return { of: 'either', person: outside };
  const rival = near.find(
    (p) =>
      !objectOf(d, p, m) &&
      !patientSince(d, p, m) &&
      !insideQuote(text, p.end, m.start) &&
      !familyHistoryOnly(text, p, m) &&
      !possessedTopicBefore(d, p, m) &&
      (p.gender === sex ||
        (p.gender === undefined &&
          (reportedBy(text, p, m) ||
            (continuesSubject(text, p, m) && (actsOnPatient(d, p) || STAFF_ACT.test(text.slice(m.end)))) ||
            (isStaff(p) && STAFF_ACT.test(text.slice(m.end))) ||
            coordinatedSubject(text, p, m)))),
  );
  return rival ? { of: 'either', person: rival } : { of: 'patient' };
}

/** The person is the speaker label opening the line the pronoun is in ("Mom: She wets the bed"). */
const labelsLineOf = (text: string, p: Person, m: Mention) =>
  /(?:^|\n)[ \t]*$/.test(text.slice(0, p.start)) && /^:/.test(text.slice(p.end)) && !text.slice(p.end, m.start).includes('\n');

const SUBJECT_PRONOUN = /^(?:[Hh]e|[Ss]he)$/;
const SEEN_ALONE =
  /\b(?:[Ii]nterviewed|[Aa]sked|[Ss]een|[Ee]xamined|[Qq]uestioned|[Ss]poken (?:to|with)) (?:alone|privately|separately|in private),?\s*$/;
const KIN = new Set(Object.keys({ ...RELATIVES, ...SPOUSES }));
/** "Her mothers", "His fathers": several people of a kin noun. */
const plural = (p: Person) => {
  const word = p.surface.toLowerCase();
  return word.endsWith('s') && !KIN.has(word) && KIN.has(word.slice(0, -1));
};
const REPORT_VERBS =
  'says|said|states|stated|reports|reported|notes|noted|noticed|tells|told|thinks|thought|believes|explains|explained|adds|added|writes|wrote|mentions|mentioned|describes|described|confirms|confirmed|recalls|recalled|worries|feels';

/** What a clinician does in a note ("she hung NS bolus", "he notified the fellow", "she agrees with plan"), not the patient. */
const STAFF_ACT =
  /^\s+(?:also\s+)?(?:notified|paged|hung|administered|titrated|drew|documented|charted|ordered|reassessed|escalated|educated|instructed|translated|interpreted|recommends?|recommended|agrees?|agreed|will (?:see|follow|round|reassess|review|consult)|called (?:the |a )?(?:MD|rapid response|code|resident|fellow|attending|physician|provider|team|surgeon))\b/;
const SPEAKS = new RegExp(String.raw`^\s+(?:${REPORT_VERBS}|asks|asked)\b`);
/** A caller ("Caller: daughter", "Her daughter-in-law calls."): the one who speaks in the note that follows. */
const CALLS = /^\s+(?:calls|called|is calling|phoned|phones)\b/;

/**
 * A subject pronoun that speaks ("she says", "he states") may be a person of its sex who is the subject of its
 * sentence ("My brother gave him juice and he says he is fine") or who called ("Her daughter-in-law calls. Pt is
 * 83 ...; she says"), as well as the patient.
 */
function mayBeSpeaker(text: string, p: Person, m: Mention): boolean {
  if (!SUBJECT_PRONOUN.test(m.surface) || !SPEAKS.test(text.slice(m.end)) || newSection(text, p.end, m.start)) return false;
  const caller = CALLS.test(text.slice(p.end)) || /^caller$/i.test(p.surface) || /\bCaller:\s*$/i.test(text.slice(0, p.start));
  return caller || (sameSentence(text, p.end, m.start) && isClauseSubject(text, p.start, p.end));
}

/**
 * From a reporter to a pronoun in their report: an apposition, a relative clause, a short phrase ("of 10 years") or a
 * predicate joined by "and" ("has worked there 2 years and says"), the verb, and up to 120 characters.
 */
const REPORT_BETWEEN = new RegExp(
  String.raw`^(?:\s*,(?:[^.;]|\b(?:Dr|Mrs?|Ms|St)\.)*?,|\s*\([^)]*\)|\s[^.;!?\n]{0,60}?\sand|\s+(?:of|from|at|in)\s+[^.;,!?\n]{1,25}?)?\s*,?\s*(?:who\s+)?(?:also\s+)?(?:${REPORT_VERBS})\b[^.;!?\n]{0,120}?$`,
);

/**
 * A pronoun inside quotation marks opened after the reporter: in their own words the reporter is "I", so "he" there
 * is someone else ('The superintendent adds that "he never drinks enough"').
 */
function insideQuote(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  const opened = Math.max(...[...between.matchAll(/(?:^|[\s(,:])["“'‘](?=\w|$)/g)].map((q) => q.index! + q[0].length), -1);
  const closed = Math.max(...[...between.matchAll(/[\w.,!?]["”'’](?=\s|$|[.,;:!?)])/g)].map((q) => q.index! + q[0].length), -1);
  return opened > closed;
}

/**
 * A subject pronoun inside what a person reports ("The cardiologist says she", "Dr. Brown, who says he", "Tom says
 * that over the past 2 years he ... and that he"): the reporter may be its referent as well as the patient.
 */
export function reportedBy(text: string, p: Person, m: Mention): boolean {
  return SUBJECT_PRONOUN.test(m.surface) && REPORT_BETWEEN.test(text.slice(p.end, m.start)) && !insideQuote(text, p.end, m.start);
}

/**
 * The reporter's own subject pronoun: in their report, followed in its clause by an object pronoun of the same sex
 * ("A shelter volunteer says he has seen him", "The cardiologist says she will see her"). Someone does not see
 * themself: the object is the patient and the subject the reporter (D5: "she found him", "he has seen" are theirs).
 */
function reporterSelf(d: Discourse, p: Person, m: Mention): boolean {
  if (!reportedBy(d.text, p, m)) return false;
  const clauseEnd = m.end + clauseAfter(d.text, m.end).length;
  return d.pronouns.some((o) => o.start > m.end && o.end <= clauseEnd && /^\{\{[Tt]hem\}\}$/.test(o.slot ?? ''));
}

/** What a clinician has of their own ("his note", "her patient", "her clinic"). */
const STAFF_OWNED = /^\s+(?:own\s+)?(?:note|notes|clinic|office|team|service|shift|colleague|patients?|pager|practice|rounds)\b/;

/**
 * A possessive in a clause whose subject is someone else who fits it, with the patient not named between: "The son
 * asked that his father's insulin ..." (his is the son's or the patient's), "His partner had a rash on his palms"
 * and "My cousin said her doctor ..." (a layperson's of unknown sex), "The neurologist writes ... in his note" (a
 * clinician's own; a clinician's possessive elsewhere, "RN checked his IV", is the patient's).
 */
function boundPossessive(d: Discourse, p: Person, m: Mention): boolean {
  const { text } = d;
  return (
    /^\{\{[Tt]heir\}\}$/.test(m.slot ?? '') &&
    clauseStart(text, p.start) === clauseStart(text, m.start) &&
    isClauseSubject(text, p.start, p.end) &&
    (p.gender !== undefined || !isStaff(p) || STAFF_OWNED.test(text.slice(m.end))) &&
    (relativeAfter(text, m, d.people) === undefined ||
      inverseRelations(p, relativeAfter(text, m, d.people)!) ||
      (p.gender === undefined && !isStaff(p))) &&
    !d.patient.some((n) => n.start >= p.end && n.end <= m.start) &&
    !d.pronouns.some((o) => o.start > p.end && o.start < m.start)
  );
}

/**
 * An object pronoun after a preposition ("with her", "to him"), in a clause whose subject is a pronoun read as the
 * patient's and that names no one else.
 */
function objectAfterPatientSubject(d: Discourse, m: Mention): boolean {
  const start = clauseStart(d.text, m.start);
  return (
    /^\{\{[Tt]hem\}\}$/.test(m.slot ?? '') &&
    /\b(?:with|to|for|from|beside|near|behind|about)\s+$/i.test(d.text.slice(start, m.start)) &&
    !d.people.some((p) => p.start >= start && p.end <= m.start) &&
    d.patient.some((n) => n.start >= start && n.end <= m.start && SUBJECT_PRONOUN.test(d.text.slice(n.start, n.end)))
  );
}

/** The person is the subject of the possessive's verb and the patient is its object ("X gave him his own ..."). */
function ownedBySubject(text: string, p: Person, m: Mention): boolean {
  return (
    clauseStart(text, p.start) === clauseStart(text, m.start) &&
    // The person's own verb follows them, perhaps after an apposition ("his roommate, Mr. Hale, had been giving him").
    /^(?:\s*,[^,;]{1,40},|\s*,)?\s+(?:[\w'’]+\s+){1,4}(?:him|her|them|pt|the patient)\s+$/i.test(text.slice(p.end, m.start))
  );
}

/**
 * An object pronoun in the sentence of the relative it follows, with no pronoun of that sex between them, is not
 * the relative ("His boyfriend brought him in", "Pt's brother donated a kidney to him"): that would be "himself".
 */
function objectOf(d: Discourse, p: Person, m: Mention): boolean {
  return (
    /^\{\{[Tt]hem\}\}$/.test(m.slot ?? '') &&
    !/[.!?;\n]/.test(d.text.slice(p.end, m.start)) &&
    !d.pronouns.some((o) => o.start > p.end && o.start < m.start)
  );
}

/**
 * The patient named after the person and before the pronoun ("His father is here. The boy says his chest hurts when
 * he runs"; "Her father says she ..."): the nearest person the pronoun can be is the patient. In the person's own
 * clause, when they are its subject, only the subject of what they report counts ("Her daughter says the patient
 * ..."): a relative clause on the person does not outrank them ("Her daughter, who lives with her, noted she"), nor
 * an object for a pronoun opening the next clause ("Night RN Jackie Tran assessed pt; she notified the resident").
 */
function patientSince(d: Discourse, p: Person, m: Mention): boolean {
  const { text } = d;
  const subject = isClauseSubject(text, p.start, p.end);
  const named = [
    ...d.patient,
    ...[...text.slice(p.end, m.start).matchAll(/\b(?:the patient|pt)\b(?!['’]s)/gi)].map((x) => ({
      start: p.end + x.index!,
      end: p.end + x.index! + x[0].length,
    })),
  ];
  return named.some(
    (n) =>
      n.start >= p.end &&
      n.end <= m.start &&
      (!subject ||
        clauseStart(text, n.start) !== clauseStart(text, p.start) ||
        (!opensClause(text, m) && !/^\s*,\s*who\b[^,]*$/.test(text.slice(p.end, n.start))) ||
        new RegExp(String.raw`\b(?:${REPORT_VERBS})(?:\s+that)?\s+$`).test(text.slice(p.end, n.start))),
  );
}

/**
 * A subject pronoun opening a clause joined to one whose subject is the person ("Her friend ate the same dish and she
 * has similar symptoms"): the person is as likely its referent as the patient.
 */
function coordinatedSubject(text: string, p: Person, m: Mention): boolean {
  return (
    SUBJECT_PRONOUN.test(m.surface) &&
    isClauseSubject(text, p.start, p.end) &&
    /^[^.;!?\n]{0,80}?,?\s(?:and|but|while|whereas)\s+$/.test(text.slice(p.end, m.start))
  );
}

/** A subject pronoun at the head of its clause ("; she notified", "He takes"). */
function opensClause(text: string, m: Mention): boolean {
  return (
    SUBJECT_PRONOUN.test(m.surface) && /^\s*(?:(?:and|but|then|so)\s+)?["'“‘]?$/i.test(text.slice(clauseStart(text, m.start), m.start))
  );
}

/**
 * A subject pronoun opening the clause after a semicolon, after one whose subject is a person of unknown sex ("Night
 * RN Jackie Tran assessed pt; she notified ..."): that person is as likely its referent as the patient. A new
 * sentence ("Dr. Brown had advised her to quit. She is on Medicaid") turns to the patient it spoke of.
 */
function continuesSubject(text: string, p: Person, m: Mention): boolean {
  return (
    opensClause(text, m) &&
    isClauseSubject(text, p.start, p.end) &&
    !sameSentence(text, p.end, m.start) &&
    !/[.!?\n]['"’”)]*(?:\s|$)/.test(text.slice(p.end, m.start))
  );
}

/**
 * The person's own clause has the patient as its object ("assessed pt", "brought her in"): the subject, not the
 * object, stays the topic of the clause after (a person of unknown sex who does not act on the patient, "Dentist
 * notes enamel erosion; she admits to vomiting", is no rival, as before).
 */
function actsOnPatient(d: Discourse, p: Person): boolean {
  const clause = clauseAfter(d.text, p.end);
  const end = p.end + clause.length;
  return d.patient.some((n) => n.start > p.end && n.start < end) || /\b(?:the patient|pt)\b/i.test(clause);
}

/**
 * A relative who is the subject of a family-history statement ("His father died of a myocardial infarction at 52.",
 * "Her mother had rheumatoid arthritis.", "His brother, who is 51, had an MI", "her aunt with ovarian cancer at 51",
 * "a father with type 2 diabetes", "and her maternal aunt at 38"), or one there only to interpret ("his nephew
 * translates"), read from a later sentence that does not go on with that history ("She
 * died at 45" may still be the mother's): the note is about the patient, the relative only a fact of their history.
 * A clause after a semicolon goes on with it ("His brother had a cold; he's fine now").
 */
function familyHistoryOnly(text: string, p: Person, m: Mention): boolean {
  const verb =
    /^(?:\s*\([^)]*\)|\s*,[^,.;]{1,40},)?\s+(?:also\s+)?(had|has had|has|died|passed away|was diagnosed|developed|suffered)\b/.exec(
      clauseAfter(text, p.end),
    );
  // "her maternal aunt with ovarian cancer at 51", "a father with type 2 diabetes": a family history listed.
  const listed =
    /^\s+with\s+(?!(?:him|her|them|the patient|pt)\b)[^.;,]{1,40}?\bat (?:age )?\d/.test(text.slice(p.end)) ||
    // "her mother was diagnosed at 42 and her maternal aunt at 38"; "his nephew translates": a relative only there
    // to interpret is no topic either.
    /^\s+(?:at (?:age )?\d|(?:translates|translated|interprets|interpreted)\b)/.test(text.slice(p.end)) ||
    (/\ban?\s+$/.test(text.slice(Math.max(0, p.start - 4), p.start)) && /^\s+with\s+(?!(?:him|her|them)\b)\w/.test(text.slice(p.end)));
  if (p.gender !== undefined && listed && /[.!?\n]['"’”)]*(?:\s|$)/.test(text.slice(p.end, m.start))) return true;
  // "from a deceased donor, a 22-year-old man. Six months later he ...": the dead are no rival after their sentence.
  if (
    /\b(?:deceased|late)\s+$/i.test(text.slice(Math.max(0, p.start - 12), p.start)) &&
    /[.!?\n]['"’”)]*(?:\s|$)/.test(text.slice(p.end, m.start))
  )
    return true;
  return (
    p.gender !== undefined &&
    isClauseSubject(text, p.start, p.end) &&
    verb !== null &&
    // One who died is no rival even in the same sentence ("Her grandmother died in 1918, and she worries ...").
    (/[.!?\n]['"’”)]*(?:\s|$)/.test(text.slice(p.end, m.start)) || /^(?:died|passed away)$/.test(verb[1]!)) &&
    !goesOnWithHistory(text, m)
  );
}

/** The pronoun's clause goes on with a history ("She died at 45", "She was diagnosed at 50"): it may be the relative's. */
const goesOnWithHistory = (text: string, m: Mention) =>
  /^\s+(?:also\s+)?(?:died|passed away|was diagnosed)\b|\bat (?:age )?\d/.test(clauseAfter(text, m.end));

/**
 * A relative the patient's possessive introduces at the head of a sentence ("Her daughter, a practice nurse, will
 * stay with her.", "Her mother, Mrs Byrne, was taught the injections."), read from a subject pronoun opening the
 * next sentence ("She holds a medical card."): the note names the relative through the patient and turns back to
 * the patient. The relative's apposition ("a practice nurse", "Mrs Byrne") is the same person. A pronoun in the
 * relative's own sentence, after a semicolon, one that reports ("She says") or one going on with a history ("Her
 * mother had breast cancer at 40. She died at 45.") stays theirs to claim.
 */
function possessedTopicBefore(d: Discourse, p: Person, m: Mention): boolean {
  const { text } = d;
  const head = d.people.find((q) => {
    const possessive = /(?:^|[.!?]["'”’)]*\s+|\n)[ \t]*((?:Her|His) (?:[\w-]+ )?)$/.exec(text.slice(Math.max(0, q.start - 40), q.start));
    return (
      possessive !== null &&
      d.patient.some((n) => n.start === q.start - possessive[1]!.length) &&
      (q === p || (q.end <= p.start && /^,\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,2}$/.test(text.slice(q.end, p.start))))
    );
  });
  return (
    head !== undefined &&
    opensClause(text, m) &&
    !sameSentence(text, p.end, m.start) &&
    /[.!?]["'”’)]*\s+["'“‘]?$/.test(text.slice(p.end, m.start)) &&
    !SPEAKS.test(text.slice(m.end)) &&
    !goesOnWithHistory(text, m)
  );
}

/**
 * A possessive right before a relative noun, perhaps with one word between ("her maternal aunt"). A subject pronoun
 * before a verb and a person ("she paged Dr. Brown") owns no one.
 */
function beforeRelative(text: string, m: Mention, people: readonly Person[]): boolean {
  return /^\{\{[Tt]heir\}\}$/.test(m.slot ?? '') && relativeAfter(text, m, people) !== undefined;
}

function relativeAfter(text: string, m: Mention, people: readonly Person[]): Person | undefined {
  return people.find((p) => p.start > m.end && /^ (?:[\w-]+ )?$/.test(text.slice(m.end, p.start)));
}

const RELATION_PAIRS: readonly (readonly [RegExp, RegExp])[] = [
  [/^(?:father|mother|dad|mom|mum|parent)s?$/i, /^(?:son|daughter|child)s?$/i],
  [/^grand(?:father|mother|parent)s?$/i, /^grand(?:son|daughter|child)s?$/i],
  [/^(?:wife|husband|spouse|partner)$/i, /^(?:wife|husband|spouse|partner)$/i],
];
/** "The son ... his father": the relation that, said by the first person, names the patient. */
function inverseRelations(subject: Person, relative: Person): boolean {
  const [a, b] = [subject.surface.replace(/^(?:the|a|an|his|her)\s+/i, ''), relative.surface];
  return RELATION_PAIRS.some(([x, y]) => (x.test(a) && y.test(b)) || (y.test(a) && x.test(b)));
}
