import type { Gender } from './lexicon.js';
import { anotherPersonsCoverage } from './insurance.js';
import { childPatient } from './languages.js';
import { type Person, selfDescribed } from './people.js';
import { type Discourse, type Referent, referentOf, reportedBy } from './referents.js';
import { sameOrPreviousSentence } from './clauses.js';
import type { Mention } from './types.js';

/**
 * Decides whom each gendered mention describes. The patient's sex is that of the first sex word or title, or of
 * the first pronoun when there is none. A sex word, title or pronoun of the other sex is someone else's: after a
 * person named before it (a relative, a clinician) it is theirs and dropped, otherwise it is listed as
 * `ambiguous` (someone else, or a typo). A pronoun of the patient's sex is read by referent (referents.ts): the
 * patient's and slotted, someone else's and left alone, or either's and listed as `ambiguous`; mentions are read in
 * text order so each pronoun knows where the patient was last named, and a person of unknown sex takes the sex of
 * a pronoun found to be theirs. Ambiguous spans are kept as written, never guessed. A spouse span keeps its
 * possessive slot only when the possessive is the patient's, and a language goes with the pronoun that speaks it.
 * Returns the mentions and the patient's sex.
 */
export function assignMentions(
  mentions: readonly Mention[],
  people: readonly Person[],
  text: string,
): { mentions: Mention[]; sex: Gender | undefined } {
  // In the patient's own words ("I'm 45, female") a third-person pronoun is someone else's (R11).
  const own = selfDescribed(text) ? mentions.filter((m) => m.attribute !== 'pronoun') : mentions;
  const speakers = own.filter((m) => m.attribute === 'pronoun' && isSpeaker(text, m, people));
  // With no sex word or title, the first pronoun that is not likely someone else's: one right after a person of its
  // sex in the same sentence, also across a semicolon ("The patient's wife reports she found him", "Pt's husband at
  // bedside; he asked RN"), is theirs.
  const candidates = own.filter((m) => m.attribute === 'pronoun' && !speakers.includes(m));
  const sex =
    own.find((m) => (m.attribute === 'sex' || m.attribute === 'title') && m.gender)?.gender ??
    (
      candidates.find(
        (m) => !people.some((p) => p.gender === m.gender && p.end <= m.start && !/[.!?\n]/.test(text.slice(p.end, m.start))),
      ) ?? candidates[0]
    )?.gender;
  if (sex === undefined) return { mentions: own.filter((m) => !speakers.includes(m)), sex };
  // Read in text order, so each pronoun knows where the patient was last named (R6: the most recent person who fits).
  const assigned: Mention[] = [];
  const patient: Mention[] = [];
  const dropped = new Set<Mention>();
  // A person of unknown sex takes the sex of a pronoun that is theirs ("Her coach says he saw her faint").
  const learned = new Map<Person, Gender>();
  const read = new Map<Mention, Referent>();
  const discourse = (): Discourse => ({
    text,
    people: people.map((p) => (learned.has(p) ? { ...p, gender: learned.get(p)! } : p)),
    sex,
    pronouns: own.filter((o) => o.attribute === 'pronoun' && o.gender === sex && !dropped.has(o)),
    patient,
  });
  for (const m of own) {
    const { slot: _slot, ...unslotted } = m;
    if (speakers.includes(m) && m.gender !== sex) continue;
    if (m.attribute === 'ambiguous') {
      // A possessive of the other sex after someone else was named is theirs ("His mother had Parkinson's disease in
      // her seventies", "His daughter and her husband"), as a pronoun of the other sex is (R5).
      if (m.gender !== undefined && m.gender !== sex && people.some((p) => p.end <= m.start)) continue;
      // "Pt's son and his husband": the spouse of the relative of the possessive's sex just named is theirs.
      if (m.gender !== undefined && people.some((p) => p.gender === m.gender && /^\s+(?:and|&)\s+$/.test(text.slice(p.end, m.start))))
        continue;
      assigned.push(m.slot && m.gender !== sex ? unslotted : m);
      continue;
    }
    // "His wife present; she speaks only Samoan": a language spoken by someone else's pronoun is theirs, unless the
    // patient is a child, whose caregivers' language is keyed as theirs (R10).
    const speaker =
      m.attribute === 'language' &&
      own.find((o) => o.attribute === 'pronoun' && o.end <= m.start && SPEAKS_AFTER_SUBJECT.test(text.slice(o.end, m.start)));
    if (speaker && !assigned.some((a) => a.start === speaker.start) && !childPatient(text)) continue;
    // "His wife ...; she has Medicaid of her own": a coverage whose subject is someone else's pronoun is theirs, listed
    // for review. A child's caregiver's coverage is the child's ("The mother says she is uninsured"), unless the text
    // states another ("she is 67 and on Medicare herself, while the child is covered by TennCare").
    const holder =
      m.attribute === 'insurance' &&
      own.find((o) => o.attribute === 'pronoun' && o.end <= m.start && HOLDS_AFTER_SUBJECT.test(text.slice(o.end, m.start)));
    const childCovered = childPatient(text) && !own.some((o) => o.attribute === 'insurance' && o !== m);
    if (holder && !assigned.some((a) => a.start === holder.start) && !childCovered) {
      assigned.push(anotherPersonsCoverage(m));
      continue;
    }
    if (m.attribute !== 'sex' && m.attribute !== 'title' && m.attribute !== 'pronoun') {
      assigned.push(m);
      continue;
    }
    if (m.gender !== sex) {
      const reporter = people.find((p) => p.gender === undefined && p.end <= m.start && reportedBy(text, p, m));
      if (reporter && m.gender) learned.set(reporter, m.gender);
      if (people.some((p) => p.end <= m.start)) continue;
      assigned.push({
        ...unslotted,
        attribute: 'ambiguous',
        reason: `"${m.surface}" is ${m.gender} and the patient is ${sex} (from the first sex word or pronoun): someone else, or a typo; kept as written`,
      });
      continue;
    }
    // An emphatic reflexive is whoever the pronoun it stands beside is ("says he himself had a sore throat").
    const beside = [...read].find(([o]) => o.end + 1 === m.start && text[o.end] === ' ' && /^(?:him|her)self$/.test(m.surface));
    // "The father says ... that he himself works nights": an emphatic subject in someone's report may be the reporter
    // as much as the patient; outside a report ("His wife says he forgets. He himself thinks ...") it is read as any.
    const contrasted = /^ (?:him|her)self\b/.test(text.slice(m.end))
      ? [...people].reverse().find((p) => (p.gender === undefined || p.gender === m.gender) && p.end <= m.start && reportedBy(text, p, m))
      : undefined;
    const referent: Referent = beside
      ? beside[1]
      : contrasted
        ? { of: 'either', person: contrasted }
        : m.attribute === 'pronoun'
          ? referentOf(discourse(), m)
          : { of: 'patient' };
    read.set(m, referent);
    if (referent.of === 'other') {
      dropped.add(m);
      if (referent.names?.gender === sex)
        assigned.push({
          start: referent.names.start,
          end: referent.names.end,
          surface: referent.names.surface,
          attribute: 'sex',
          gender: sex,
          reason: `"${referent.names.surface}" names the patient in a relative's voice: no slot renders it, so sex is pinned`,
        });
      const person = referent.person && people.find((p) => p.start === referent.person!.start);
      if (person && person.gender === undefined) learned.set(person, sex);
    } else if (referent.of === 'either')
      assigned.push({
        ...unslotted,
        attribute: 'ambiguous',
        reason: `may refer to the patient or to the "${referent.person.surface}" mentioned before it; kept as written`,
      });
    else {
      assigned.push(m);
      patient.push(m);
    }
  }
  return { mentions: assigned, sex };
}

/** Between a subject pronoun and the coverage it holds ("she ", "he is also ", "she is 67 and "). */
const HOLDS_AFTER_SUBJECT = /^\s+(?:(?:is|was)\s+[^.;,()]{1,25}?\s+and\s+)?(?:(?:is|was|has|had)\s+)?(?:also\s+)?$/;

/** Between a subject pronoun and the language it speaks ("she speaks only ", "he "). */
const SPEAKS_AFTER_SUBJECT =
  /^\s+(?:(?:only|also|mostly|mainly)\s+)?(?:(?:speaks|prefers|understands|uses|signs|communicates|reads)(?:\s+(?:only|mostly|mainly|primarily|in))*\s+)?$/;

/**
 * A pronoun opening a report right after another person was named ("the patient's husband. He says she...") is that
 * person speaking (D5), not the patient.
 */
function isSpeaker(text: string, m: Mention, people: readonly Person[]): boolean {
  return (
    /^ (?:says|said|states|stated|reports|reported|tells|told|notes|noted|calls|called)\b/.test(text.slice(m.end)) &&
    people.some(
      (p) => (p.gender === undefined || p.gender === m.gender) && p.end <= m.start && sameOrPreviousSentence(text, p.end, m.start),
    )
  );
}
