import { type Gender, IDENTITY_WORDS, RELATIVES, SPOUSES } from './lexicon.js';
import type { Mention } from './types.js';

/** Someone other than the patient named in the text: a pronoun near them may be theirs. */
export interface Person {
  start: number;
  end: number;
  surface: string;
  /** Unknown for a clinician or a teacher named without a title. */
  gender?: Gender;
}

const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const RELATIVE_WORDS = alternation(Object.keys(RELATIVES));
const SPOUSE_WORDS = alternation(Object.keys(SPOUSES));
/** People of unknown sex who speak or act in a note: "Dr. Brown says he would add...", "Source patient (Mr. Hall)". */
const CLINICIANS = /\bDr\.? [A-Z][\w'’-]+/dg;
const UNSEXED_WORDS =
  'teacher|coach|trainer|tutor|neighbou?r|friend|boss|colleague|roommate|housemate|carer|caregiver|guardian|babysitter|nanny|volunteer|superintendent|nurse|RN|LPN|aide|donor|source patient|caller|physician|doctor|surgeon|resident|attending|cardiologist|oncologist|neurologist|psychiatrist|pa?ediatrician|GP|PCP|pharmacist|therapist|paramedic|EMT|medic|officer|midwife|dentist|social worker|interpreter|chaplain|pastor|priest|supervisor|manager|employer|landlord|co-?worker|classmate|bystander|witness|provider|clinician|specialist|consultant|registrar';
const UNSEXED_PEOPLE = new RegExp(`\\b(?:${UNSEXED_WORDS})s?\\b`, 'dgi');
/** Nouns naming a relative or a spouse: never the patient's own role. */
export const KIN_NOUNS = `${RELATIVE_WORDS}|${SPOUSE_WORDS}`;
/** Nouns naming a person other than the patient: relatives, spouses, staff, neighbours. */
export const OTHER_PERSON_NOUNS = `${KIN_NOUNS}|${UNSEXED_WORDS}`;

/**
 * The other people a text names: relatives and spouses (with the sex their noun states), clinicians and others.
 * A span in `patientSpans` names the patient ("my dad" said by a caller) and is no one else.
 */
export function otherPeople(
  text: string,
  patientSpans: readonly { start: number; end: number }[],
  caregivers: readonly Person[] = [],
): Person[] {
  const gendered = { ...RELATIVES, ...SPOUSES } as Record<string, Gender | undefined>;
  const found: Person[] = [
    ...caregivers,
    ...[...text.matchAll(new RegExp(`\\b(${RELATIVE_WORDS}|${SPOUSE_WORDS})s?\\b`, 'dgi'))].map((m) => ({
      start: m.index!,
      end: m.index! + m[0].length,
      surface: m[0],
      gender: gendered[m[1]!.toLowerCase()],
    })),
    ...[...text.matchAll(CLINICIANS), ...text.matchAll(UNSEXED_PEOPLE)].map((m) => ({
      start: m.index!,
      end: m.index! + m[0].length,
      surface: m[0],
    })),
  ];
  return found.filter((p) => !patientSpans.some((s) => p.start < s.end && s.start < p.end)).sort((a, b) => a.start - b.start);
}

/**
 * Spouses and partners, and words stating sex together with marital status, gender identity or sexual behaviour
 * (R2, R4): one ambiguous span each, listed for review. A patient possessive before a spouse noun belongs to the
 * span ("his wife") and keeps its pronoun slot, so the spouse reads as the patient's in every variant; whether the
 * spouse should change with the patient is the reviewer's call. "partner" and "spouse" state nothing without one.
 */
export function spousesAndIdentity(text: string): Mention[] {
  const reason = "a spouse or partner: the relationship changes when the patient's sex does; check each variant reads as intended";
  const spouses = [
    ...text.matchAll(
      new RegExp(
        `\\b(?:([Hh]is|[Hh]er|HIS|HER) )?((?:(?:late|former|deceased|estranged|current|new) |ex-)?(?:${SPOUSE_WORDS}|WIFE|HUSBAND))\\b`,
        'dg',
      ),
    ),
  ].flatMap((m): Mention[] => {
    const possessive = m[1];
    const noun = m[2]!.toLowerCase().replace(/^(?:\S+ |ex-)/, '');
    if (!possessive && (noun === 'partner' || noun === 'spouse')) return [];
    const start = m.index!;
    const base: Mention = { start, end: start + m[0].length, surface: m[0], attribute: 'ambiguous', reason };
    if (!possessive) return [base];
    const gender: Gender = possessive.toLowerCase() === 'his' ? 'male' : 'female';
    // Capitals have no slot that renders them back; the span is kept as written.
    const slot = /^[A-Z]{2}/.test(possessive) ? undefined : `{{${possessive[0] === 'H' ? 'Their' : 'their'}}} ${m[2]}`;
    return [{ ...base, gender, ...(slot ? { slot } : {}) }];
  });
  const identity = [...text.matchAll(IDENTITY_WORDS)].map(
    (m): Mention => ({
      start: m.index!,
      end: m.index! + m[0].length,
      surface: m[0],
      attribute: 'ambiguous',
      reason: 'states sex together with marital status, gender identity or sexual behaviour: kept as written; check it fits each variant',
    }),
  );
  return [...spouses, ...identity];
}

const PATIENT_RELATIONS = 'son|daughter|husband|wife|dad|mom|mum|mother|father|baby boy|baby girl';
const AGE_BEFORE = String.raw`\d{1,2}[- ](?:year|month|week|day)s?[- ]old|\d{1,2} ?mos?`;

/**
 * A relation noun that names the patient in a relative's voice (D4): "My 4-year-old daughter has...", "I'm calling
 * about my dad. He's 77", "Daughter states that mom, 79, ...", "our son, age 5", "My daughter (7)". It must come before any age, sex word or title of
 * the patient, and be tied to the patient by an age or by "about". It states the patient's sex in a word no slot
 * renders, so sex is pinned; its age, when written after it, is the patient's; a caller's possessive before it
 * ("Mother reports that her 2-week-old son") is the caller's and no slot. A caregiver who brings the patient
 * ("A 34-year-old woman brings her 6-month-old daughter", "A woman brings her son, aged 3") may be described
 * first: then the words before the verb are the caregiver's (`caregiverBefore`), not the patient's.
 */
export function patientRelation(
  text: string,
  earlier: readonly Mention[],
): { noun: Mention; age?: Mention; callerPossessive?: number; caregiverBefore?: number } | undefined {
  const re = new RegExp(
    String.raw`(?:\b(about|brings|brought|carries|carried) )?(?:\b([Mm]y|[Hh]er|[Hh]is|[Oo]ur) )?(?:(${AGE_BEFORE}) )?\b(${PATIENT_RELATIONS})\b(,? (?:(?:Mrs?|Ms)\.? [A-Z][\w'’-]+ \((\d{1,3})\)|(\d{1,3}),|aged? (\d{1,2})\b)| is (\d{1,3})\b|\. (?:He|She)(?:'s| is) (\d{1,3})\b| \((\d{1,2})\)|, who is (\d{1,3})\b)?`,
    'dgi',
  );
  for (const m of text.matchAll(re)) {
    const [verb, possessive, ageBefore, noun] = [m[1], m[2], m[3], m[4]!];
    const about = verb?.toLowerCase() === 'about';
    const caregiver = verb !== undefined && !about && possessive !== undefined && !/^(?:my|our)$/i.test(possessive);
    const ageAfter = m[6] ?? m[7] ?? m[8] ?? m[9] ?? m[10] ?? m[11] ?? m[12];
    const nounStart = m.indices![4]![0];
    if (
      !caregiver &&
      earlier.some(
        (e) => e.start < m.index! && (e.attribute === 'sex' || e.attribute === 'title' || (e.attribute === 'age' && e.years !== undefined)),
      )
    )
      return undefined;
    if (caregiver && (!/^(?:son|daughter|baby boy|baby girl)$/i.test(noun) || (!ageBefore && !ageAfter))) continue;
    if (!about && !caregiver && !ageBefore && !ageAfter) continue;
    if (!possessive && !ageAfter) continue;
    const word = noun.toLowerCase().replace('baby ', '');
    const gender: Gender = ['son', 'husband', 'dad', 'father', 'boy'].includes(word) ? 'male' : 'female';
    const result: { noun: Mention; age?: Mention; callerPossessive?: number; caregiverBefore?: number } = {
      noun: {
        start: nounStart,
        end: nounStart + noun.length,
        surface: noun,
        attribute: 'sex',
        gender,
        reason: `"${noun}" names the patient by relation, in a relative's voice: no slot renders it, so sex is pinned`,
      },
    };
    const ageGroup = [6, 7, 8, 9, 10, 11, 12].find((g) => m[g] !== undefined);
    if (ageGroup !== undefined) {
      const [start, end] = m.indices![ageGroup]!;
      result.age = { start, end, surface: m[ageGroup]!, attribute: 'age', years: Number(m[ageGroup]), slot: '{{age}}' };
    }
    if (possessive && !/^[Mm]y|^[Oo]ur/.test(possessive)) result.callerPossessive = m.indices![2]![0];
    if (caregiver) result.caregiverBefore = m.index!;
    return result;
  }
  return undefined;
}
