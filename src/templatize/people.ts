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
/** "Wife states", "Boyfriend states": a spouse noun opening a sentence. */
const SPOUSE_WORDS_EITHER_CASE = SPOUSE_WORDS.split('|')
  .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
  .join('|');
/** People of unknown sex who speak or act in a note: "Dr. Brown says he would add...", "Source patient (Mr. Hall)". */
const CLINICIANS = /\bDr\.? [A-Z][\w'’-]+/dg;
/** Clinicians and others who act on the patient in a note's own work: their possessive there is the patient's. */
const STAFF_WORDS =
  'nurse|RN|LPN|aide|physician|doctor|surgeon|resident|attending|cardiologist|oncologist|neurologist|psychiatrist|pa?ediatrician|GP|PCP|practitioner|psychologist|dietitian|nutritionist|technician|hygienist|pharmacist|therapist|paramedic|EMT|medic|midwife|dentist|interpreter|provider|clinician|specialist|consultant|registrar|EMS|social worker|chaplain';
export const UNSEXED_WORDS = `${STAFF_WORDS}|teacher|coach|trainer|tutor|neighbou?r|friend|boss|colleague|roommate|housemate|carer|caregiver|guardian|babysitter|nanny|volunteer|superintendent|donor|source patient|caller|officer|pastor|priest|supervisor|manager|employer|landlord|co-?worker|classmate|bystander|witness|lifeguard|foreman|teammate|sergeant|Sgt|professor|advisor|adviser|instructor|counsell?or|mentor|worker|staff|police|firefighter|dispatcher|cousin|sibling|relative|passerby|stranger|companion|cellmate|cleaner|janitor|housekeeper|porter|receptionist|security guard`;
const STAFF = new RegExp(`^(?:Dr\\.? |(?:${STAFF_WORDS})s?$)`, 'i');
/** A clinician ("Dr. Amari", "RN", "nurse"), as opposed to a relative, friend or bystander. */
export const isStaff = (p: Person): boolean => STAFF.test(p.surface);
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
    // "BF" after an age is race and sex letters ("64 yo BF"), not a boyfriend.
    ...[...text.matchAll(new RegExp(`\\b(${RELATIVE_WORDS}|${SPOUSE_WORDS})s?\\b`, 'dgi'))]
      .filter((m) => !(m[0] === 'BF' && /\d\s*(?:yo|y\/o|y\.o\.)?\s*$/.test(text.slice(Math.max(0, m.index! - 8), m.index))))
      .map((m) => ({
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
        `\\b(?:([Hh]is|[Hh]er|HIS|HER) )?((?:(?:late|former|deceased|estranged|current|new) |ex-)?(?:${SPOUSE_WORDS_EITHER_CASE}|WIFE|HUSBAND))\\b`,
        'dg',
      ),
    ),
  ].flatMap((m): Mention[] => {
    const possessive = m[1];
    const noun = m[2]!.toLowerCase().replace(/^(?:\S+ |ex-)/, '');
    // "the pt's partner" names the patient's spouse as "his partner" would.
    if (!possessive && (noun === 'partner' || noun === 'spouse') && !/\b(?:pt|patient)['’]s $/i.test(text.slice(0, m.index))) return [];
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

const RELATION_GENDERS: Readonly<Record<string, Gender | undefined>> = {
  ...RELATIVES,
  ...SPOUSES,
  'baby boy': 'male',
  'baby girl': 'female',
};
/** Relation nouns of a stated sex, either case of their first letter ("Mom", "mom"), longest first. */
const PATIENT_RELATIONS = alternation(Object.keys(RELATION_GENDERS).filter((w) => RELATION_GENDERS[w] !== undefined))
  .split('|')
  .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
  .join('|');
const AGE_BEFORE = String.raw`\d{1,2}[- ](?:year|yr|month|week|day)s?[- ]old|\d{1,2} ?mos?|\d{1,2} ?(?:yo|y\/o|y\.o\.)`;
/** A number that is a dose, a count or a duration rather than an age when one of these follows it. */
const NOT_AN_AGE_AFTER = String.raw`(?! ?(?:mg|kg|lbs?|cm|%|weeks?|days?|months?|hours?|times?|x)\b)`;
/** After the noun and the name a relative gives ("my husband Tom"): the patient's age, or "(pt" / ", the pt" naming them. */
const RELATION_TIES = [
  String.raw`,? (?:Mrs?|Ms)\.? [A-Z][\w'’-]+ \((?<titledAge>\d{1,3})\)`,
  // "My dad, Mr. Binh Tran, he's 68", "My dad, Mr. Tanaka, is 79".
  String.raw`, (?:Mrs?|Ms)\.? [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}, (?:(?:[Hh]e|[Ss]he)(?:['’]s| is)|is) (?<titledPronounAge>\d{1,3})\b${NOT_AN_AGE_AFTER}`,
  String.raw`,? aged? (?<agedAge>\d{1,2})\b`,
  String.raw`, (?<commaAge>\d{1,3})(?=[,.;)](?:\s|$)|\s*$)`,
  String.raw` is (?<isAge>\d{1,3})\b${NOT_AN_AGE_AFTER}`,
  String.raw`[.,;] (?:[Hh]e|[Ss]he)(?:['’]s| is) (?<pronounAge>\d{1,3})\b${NOT_AN_AGE_AFTER}`,
  String.raw` \((?<bracketAge>\d{1,3})\)`,
  // "my dad, Frank Mills, who is 79".
  String.raw`(?:, [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)?, who is (?<whoAge>\d{1,3})\b${NOT_AN_AGE_AFTER}`,
  String.raw` \((?:your |the )?(?<ptBracket>pt|patient)\b`,
  String.raw`, (?<ptApposition>the (?:pt|patient))\b`,
].join('|');
const AGE_GROUPS = ['titledAge', 'titledPronounAge', 'agedAge', 'commaAge', 'isAge', 'pronounAge', 'bracketAge', 'whoAge'] as const;
const RELATION = new RegExp(
  String.raw`(?:\b(?<tie>[Aa]bout|(?<=\b(?:writing|calling|messaging|emailing|asking) )for|[Bb]rings|[Bb]rought|[Cc]arries|[Cc]arried|[Ii]t['’]s) )?(?:\b(?<possessive>[Mm]y|[Hh]er|[Hh]is|[Oo]ur|[Yy]our) )?(?:(?<ageBefore>${AGE_BEFORE}) )?\b(?<noun>${PATIENT_RELATIONS})\b(?!['’-])(?: [A-Z][a-z]+(?=[ ,(])|, [A-Z][a-z]+(?= \())?(?:${RELATION_TIES})?`,
  'dg',
);
/**
 * A message that opens on a relative, perhaps after a header line, a label and a quotation mark, and a greeting
 * ("Portal message:\nHi, my wife ...", 'Peds urgent care: "My daughter is ...', "Hi Dr. Alvarez, my mom ...").
 */
const MESSAGE_OPENING =
  /(?:^|\n)(?:[A-Z][\w /-]{0,30}:\s*)?["“]?(?:(?:Hi|Hello|Dear|Good (?:morning|afternoon|evening))\b(?:[^.!?\n]|\b(?:Dr|Mrs?|Ms)\.)*[.!?,]\s*)?$/;
/** A transcript line the patient speaks: a relative the clinician asks them about is not the patient. */
const PATIENT_SPEAKS = /(?:^|\n)\s*(?:Pt|Patient)\s*:/;
/** A clinician's question opening a transcript's line ("Dr: Good afternoon. How is your son?"): the parent is asked about the patient. */
const CLINICIAN_ASKS =
  /(?:^|\n)(?:Dr|Doctor|Clinician|Provider|NP|PA|RN|Nurse)\s*:\s*(?:[^.!?\n]*[.!]\s+)?(?:How|What|When|Where|Is|Does|Did|Has|Can|Could|Any)\b[^.!?\n]*$/;

/**
 * A relation noun that names the patient in a relative's voice (D4): "My 4-year-old daughter has...", "I'm calling
 * about my dad. He's 77", "Daughter states that mom, 79, ...", "our son, age 5", "My grandmother (81)", "my husband
 * Tom (47)", "States his mother (pt, 84 yo)", "her father, the pt,". It must come before any age, sex word or title
 * of the patient, and be tied to the patient by an age, by "(pt" or "the pt", by "about" ("writing for", "it's my
 * dad"), or by opening a message that goes on about them in the third person ("My wife is Vietnamese ... She is 36
 * weeks pregnant"; not a family history, "My mother had breast cancer", nor the message of a patient describing
 * themself). It states the patient's sex in a word no slot renders, so sex is pinned; its age, when written after
 * it, is the patient's; a caller's possessive before it ("Mother reports that her 2-week-old son", "States his
 * mother (pt, ...)") is the caller's and no slot. A caregiver who brings the patient ("A 34-year-old woman brings
 * her 6-month-old daughter", "A woman brings her 84-year-old mother") may be described first: then the words
 * before the verb are the caregiver's (`caregiverBefore`), not the patient's.
 */
export function patientRelation(
  text: string,
  earlier: readonly Mention[],
): { noun: Mention; age?: Mention; callerPossessive?: number; caregiverBefore?: number } | undefined {
  for (const m of text.matchAll(RELATION)) {
    const g = m.groups!;
    const [tie, possessive, noun] = [g.tie, g.possessive, g.noun!];
    const about = tie !== undefined && /^(?:about|for|it['’]s)$/i.test(tie);
    const caregiver = tie !== undefined && !about && possessive !== undefined && !/^(?:my|our|your)$/i.test(possessive);
    const ageGroup = AGE_GROUPS.find((a) => g[a] !== undefined);
    const namedPatient = g.ptBracket !== undefined || g.ptApposition !== undefined;
    const gender = RELATION_GENDERS[noun.toLowerCase()]!;
    if (
      !caregiver &&
      earlier.some(
        (e) =>
          e.start < m.index! &&
          (e.attribute === 'sex' || (e.attribute === 'title' && !namesCaller(text, e)) || (e.attribute === 'age' && e.years !== undefined)),
      )
    )
      return undefined;
    if (caregiver && !g.ageBefore && !ageGroup) continue;
    const tied = about || caregiver || g.ageBefore || ageGroup || namedPatient || opensMessageAbout(text, m, gender);
    // "a 38-year-old father of three": a parent the patient's age describes is the patient.
    const agedParent = !possessive && g.ageBefore !== undefined && PARENT_OF.test(text.slice(m.index! + m[0].length));
    // "calling about 8 yo daughter": the age ties the bare noun as a possessive would.
    if (!tied || (!possessive && !ageGroup && !namedPatient && !(about && g.ageBefore) && !agedParent)) continue;
    const nounStart = m.indices!.groups!.noun![0];
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
    const aged = ageGroup !== undefined ? m : laterAge(text, m, noun);
    const agedGroup = aged && AGE_GROUPS.find((a) => aged.groups![a] !== undefined);
    if (aged && agedGroup) {
      const [start, end] = aged.indices!.groups![agedGroup]!;
      result.age = {
        start,
        end,
        surface: aged.groups![agedGroup]!,
        attribute: 'age',
        years: Number(aged.groups![agedGroup]),
        slot: '{{age}}',
      };
    }
    if (possessive && !/^(?:my|our|your)$/i.test(possessive)) result.callerPossessive = m.indices!.groups!.possessive![0];
    if (caregiver) result.caregiverBefore = m.index!;
    return result;
  }
  return undefined;
}

/**
 * The relation said again later with its age, when the first mention had none ("message about her son ... My son Luis
 * (17) got hit"): the same person's age.
 */
function laterAge(text: string, first: RegExpMatchArray, noun: string): RegExpMatchArray | undefined {
  return [...text.matchAll(RELATION)].find(
    (m) =>
      m.index! > first.index! && m.groups!.noun!.toLowerCase() === noun.toLowerCase() && AGE_GROUPS.some((a) => m.groups![a] !== undefined),
  );
}

/**
 * "Mr. Tran's daughter calling", "(from Mrs. Gutierrez's husband)": a titled name whose relative speaks names the
 * patient the relative then writes about; it is no sex word of the patient's that a relation noun must come before.
 */
const namesCaller = (text: string, title: Mention) =>
  new RegExp(String.raw`^ ?[A-Z][\w'’-]+['’]s (?:${KIN_NOUNS})\b`, 'i').test(text.slice(title.end));

/** After a parent noun: their children counted ("father of three", "mother of 2 teenagers"). */
const PARENT_OF = /^\s+of\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twins)\b/i;

/** Words for the same relative ("my father ... Dad"): a repeat may use another. */
const SAME_RELATION: readonly (readonly string[])[] = [
  ['father', 'dad'],
  ['mother', 'mom', 'mum'],
  ['grandfather', 'grandpa'],
  ['grandmother', 'grandma', 'granny'],
];

/**
 * The relation noun naming the patient said again, bare, with the writer's possessive or as a possessor ("my
 * mom, who is 81 ... Mom has Medicare", "Grandma's pill bottle", "my father ... Dad has VA benefits"): the patient
 * again, with the sex pinned as before. Said before the relation is tied, only with the writer's possessive ("Subject:
 * my mom's meds ... I'm writing for my mother") or as a message's subject ("re: Dad"). Not after another person's possessive ("her mother" said by the
 * patient's daughter is handled apart).
 */
export function relationRepeats(text: string, noun: Mention): Mention[] {
  const said = noun.surface.toLowerCase();
  const words = SAME_RELATION.find((same) => same.includes(said)) ?? [said];
  const re = new RegExp(
    String.raw`(?<!\b(?:[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Aa]|[Tt]he)\s)\b(?:${words.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|')})(?=['’]s\b|[^\w'’-]|$)`,
    'dg',
  );
  return [...text.matchAll(re)]
    .filter(
      (m) =>
        m.index! >= noun.end ||
        (m.index! + m[0].length <= noun.start && /\b(?:[Mm]y|[Oo]ur) $|\b(?:re|Re|RE|Subject|SUBJECT):\s*$/.test(text.slice(0, m.index))),
    )
    .map((m) => ({ ...noun, start: m.index!, end: m.index! + m[0].length, surface: m[0] }));
}

/**
 * "My wife is Vietnamese and has hepatitis B. She is 36 weeks pregnant": a message opening on the writer's relative,
 * who is then written about in the third person, is about that relative. Not a family history ("My mother had breast
 * cancer. She died at 50") nor a patient's own message ("I'm 38 ...").
 */
function opensMessageAbout(text: string, m: RegExpMatchArray, gender: Gender): boolean {
  const pronoun = gender === 'male' ? /\b[Hh]e\b/ : /\b[Ss]he\b/;
  const rest = text.slice(m.index! + m[0].length);
  return (
    ((/^[Mm]y|^[Oo]ur/.test(m[0]) && MESSAGE_OPENING.test(text.slice(0, m.index))) ||
      (/^[Yy]our/.test(m[0]) && CLINICIAN_ASKS.test(text.slice(0, m.index)) && !PATIENT_SPEAKS.test(text))) &&
    !/^\s+(?:also\s+)?(?:ever\s+)?(?:had|have|died|passed|was)\b/.test(rest) &&
    pronoun.test(rest) &&
    !selfDescribed(text)
  );
}

/** "I am a 30-year-old woman", "I'm 45, female", "im 16 (f)", "I (50 M, Irish)", "Hi, 37 F here": the patient speaks and describes themself. */
export function selfDescribed(text: string): boolean {
  return /\b(?:I am|I['’]m|im) (?:an? )?(?:\d|[\w-]+-year-old|male|female|man|woman)|\bI \(\d{1,3},? ?[MFmf]\b|(?:^|\n|[,.!] )\d{1,3},? ?[MF] here\b/.test(
    text,
  );
}
