import { AGE_BANDS, CLINICAL_ANCESTRY, CLINICAL_TERMS, LANGUAGES, PRONOUNS, RACE_TERMS, SEX_WORDS, TITLES } from './lexicon.js';
import { otherPeople, type Person, patientRelation, spousesAndIdentity } from './people.js';
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
export function detectAll(text: string): { mentions: Mention[]; people: Person[] } {
  const guarded = CLINICAL_TERMS.flatMap((re) => [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as const));
  const inGuard = (start: number, end: number) => guarded.some(([s, e]) => start < e && end > s);
  const found = [
    ...ages(text),
    ...sexWords(text),
    ...titles(text),
    ...pronouns(text),
    ...spousesAndIdentity(text),
    ...races(text),
    ...insurance(text),
    ...languages(text),
    ...capitalSentences(text),
  ];
  let kept = firstOfOverlapping(found.filter((m) => !inGuard(m.start, m.end)));
  const relation = patientRelation(text, kept);
  if (relation) {
    const added = [relation.noun, ...(relation.age ? [relation.age] : [])];
    kept = firstOfOverlapping([
      ...added,
      ...kept.filter((k) => k.start !== relation.callerPossessive && !added.some((a) => k.start < a.end && a.start < k.end)),
    ]);
  }
  const people = otherPeople(text, relation ? [relation.noun] : []);
  return { mentions: kept.filter((m) => !(m.attribute === 'title' && inApposition(text, m, people))), people };
}

/** Sorted by start; of overlapping spans the earlier, then the longer, is kept. */
function firstOfOverlapping(found: readonly Mention[]): Mention[] {
  const kept: Mention[] = [];
  for (const m of [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start)))
    if (!kept.some((k) => m.start < k.end && m.end > k.start)) kept.push(m);
  return kept;
}

/** A title naming the person just mentioned ("Mother (Ms. Reyes)", "her teacher, Mr. Black") is theirs. */
function inApposition(text: string, m: Mention, people: readonly Person[]): boolean {
  return people.some((p) => p.end <= m.start && /^\s*[,(]\s*$/.test(text.slice(p.end, m.start)));
}

/**
 * Sentences written all in capitals ("70 YO F W/ PAINFUL BLISTERS. HER BIOPSY..."): pronouns and sex words found in
 * their lowercase reading, with no slot, since no placeholder renders capitals back. Kept as written, they pin sex.
 */
function capitalSentences(text: string): Mention[] {
  const out: Mention[] = [];
  for (const line of text.matchAll(/[^\n.!?;]+/g)) {
    if (/[a-z]/.test(line[0]) || !/[A-Z]{3}/.test(line[0])) continue;
    const lower = line[0].toLowerCase();
    if (lower.length !== line[0].length) continue;
    for (const m of [...pronouns(lower), ...sexWords(lower)]) {
      const { slot: _slot, ...unslotted } = m;
      const start = line.index! + m.start;
      out.push({
        ...unslotted,
        start,
        end: start + m.surface.length,
        surface: text.slice(start, start + m.surface.length),
        reason: 'written in capitals: no slot renders it back, so it is kept as written',
      });
    }
  }
  return out;
}

/** The span of `group` of a match made with the `d` flag. */
const mention = (m: RegExpMatchArray, group: number, fields: Omit<Mention, 'start' | 'end' | 'surface'>): Mention => {
  const [start, end] = m.indices![group]!;
  return { start, end, surface: m[group]!, ...fields };
};

/** A unit of age as written after the number: "-year-old", " years old", " yo", "y/o", " YO", "-yo". */
const YEARS_UNIT = String.raw`[-\u2010\u2011 ](?:year|yr)s?[-\u2010\u2011 ]old|[- ]?(?:yo|y\/o|y\.o\.|YO|Y\/O|Y\.O\.)(?![A-Za-z])`;
/** A number that is a temperature, a dose or a score, not an age, when one of these words stands just before it. */
const NOT_AN_AGE_BEFORE = /\b(?:T|temp\w*|Tmax|fever|febrile|to|of|x|BP|HR|RR|score|CIWA|Bed|room|GCS|dose)\W{0,3}$/i;

/**
 * Ages: "45-year-old", "45 years old", "45 yo", "45 y/o", "aged 45", "Age: 45", "45 years of age"; a number beside
 * a sex letter ("45M", "45 F", "(91, F)", "54yo AA F"), after a title and name ("Mr. Okafor, 58", "Mrs. Goldberg
 * (76)") or said of the patient ("I am 72", "He's 77"); "6-month-old", "8 mo M" state 0 years and have no slot.
 * Estimated ages and age bands ("~50s", "in his 50s", "middle-aged man") are listed as ambiguous.
 */
function ages(text: string): Mention[] {
  const out: Mention[] = [];
  const bare = (m: RegExpMatchArray, group: number): Mention => ({
    ...mention(m, group, { attribute: 'age' }),
    slot: '{{age}}',
    years: Number(m[group]),
  });
  for (const m of text.matchAll(new RegExp(String.raw`\b(\d{1,3})(${YEARS_UNIT})`, 'dg')))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `{{age}}${m[2]}`, years: Number(m[1]) });
  for (const m of text.matchAll(/\b(aged?:?\s+)(\d{1,3})\b(?![-.]?\d)/dgi))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `${m[1]}{{age}}`, years: Number(m[2]) });
  for (const m of text.matchAll(/\b(\d{1,3}) (years? of age)\b/dgi))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `{{age}} ${m[2]}`, years: Number(m[1]) });
  for (const m of ageSexLetters(text)) if (m.unit === undefined) out.push(bare(m.match, 1));
  for (const m of text.matchAll(/\b(?:Mrs?|Ms|Miss|Mister|MRS?|MISS)\.? [A-Z][\w'’-]*(?:,|:| \() ?(\d{1,3})(?=\)|,| [MF]\b|\s*$|\n)/dg))
    out.push(bare(m, 1));
  for (const m of text.matchAll(
    /\b(?:I am|I'm|I’m|[Hh]e is|[Ss]he is|[Hh]e's|[Ss]he's|[Hh]e’s|[Ss]he’s) (\d{1,3})(?=[,.;]| and\b| years\b)|\b(?:[Hh]e|[Ss]he) \((\d{1,3})(?=[,)])/dg,
  ))
    out.push(bare(m, m[1] === undefined ? 2 : 1));
  for (const m of text.matchAll(/(?<![\w.])(\d{1,3}), (?=(?:male|female)\b)/dg)) out.push(bare(m, 1));
  for (const m of text.matchAll(
    /\b(\d{1,2})(?:[- ](month|week|day)s?[- ]old\b|\s?(mo|mos|months?|wks?|weeks?|days?)(?=,? (?:old\b|[MF]\b|son\b|daughter\b|boy\b|girl\b|infant\b|baby\b|male\b|female\b))(?: old\b)?)/dgi,
  )) {
    const unit = (m[2] ?? m[3]!).toLowerCase();
    const years = /^mo|^month/.test(unit) ? Math.floor(Number(m[1]) / 12) : 0;
    out.push({
      ...mention(m, 0, { attribute: 'age' }),
      years,
      reason: `an age in ${unit.startsWith('mo') ? 'month' : unit.startsWith('w') ? 'week' : 'day'}s: {{age}} renders whole years, so age stays as written`,
    });
  }
  const band = 'ambiguous' as const;
  const bandReason = 'an estimated age or an age band: {{age}} renders an exact age, so it stays as written; check it fits each age varied';
  for (const m of text.matchAll(
    /(?:~|\b[Aa]ppears (?:to be )?(?:in (?:his|her|their) )?)\d0s\b|\bin (?:his|her|their) (?:early |mid-?|late )?(?:\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/dg,
  ))
    out.push(mention(m, 0, { attribute: band, reason: bandReason }));
  for (const m of text.matchAll(AGE_BANDS))
    if (new RegExp(`^\\s+(?:[\\w-]+\\s+)?${PERSON}\\b`).test(text.slice(m.index! + m[0].length)))
      out.push(mention(m, 0, { attribute: band, reason: bandReason }));
  return out;
}

/**
 * A sex letter beside an age: "45M", "45 F", "45 yo M", "54yo AA F", "36 yo Native American M", "(91, F)", "8 mo M".
 * A race word may stand between only after a unit. Not after a decimal ("101.2 F") or a temperature word ("Temp 101 F").
 */
function ageSexLetters(text: string): { match: RegExpMatchArray; unit?: string; letterAt: number }[] {
  const re = new RegExp(
    String.raw`(?<![\w.,°/-])(\d{1,3})((?:${YEARS_UNIT}|\s?mos?)(?:\s(?:AA|[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?))?)?(,? ?)([MF])(?![A-Za-z0-9°'’])`,
    'dg',
  );
  return [...text.matchAll(re)].flatMap((m) => {
    if (NOT_AN_AGE_BEFORE.test(text.slice(Math.max(0, m.index! - 12), m.index))) return [];
    if (m[2] === undefined && Number(m[1]) > 110) return [];
    return [{ match: m, ...(m[2] !== undefined ? { unit: m[2] } : {}), letterAt: m.indices![4]![0] }];
  });
}

function sexWords(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(/\b(man|woman|boy|girl|male|female|gentleman|lady)\b(?!-in-)/dgi)) {
    if (/^[A-Z]{2,}$/.test(m[1]!)) continue; // capitals: see capitalSentences
    const word = SEX_WORDS[m[1]!.toLowerCase()]!;
    out.push({ ...mention(m, 1, { attribute: 'sex', gender: word.gender }), slot: placeholder(word.slot, m[1]!) });
  }
  for (const { match } of ageSexLetters(text))
    out.push({ ...mention(match, 4, { attribute: 'sex', gender: match[4] === 'F' ? 'female' : 'male' }), slot: '{{noun_letter}}' });
  // "~50s M", "Appears 30s M": the letter after an estimated age.
  for (const m of text.matchAll(/(?<=(?:~|\b[Aa]ppears )\d0s )([MF])(?![A-Za-z0-9])/dg))
    out.push({ ...mention(m, 1, { attribute: 'sex', gender: m[1] === 'F' ? 'female' : 'male' }), slot: '{{noun_letter}}' });
  // "Sex: F" in a labelled field.
  for (const m of text.matchAll(/\b(?:Sex|Gender):\s*([MF])\b/dg))
    out.push({ ...mention(m, 1, { attribute: 'sex', gender: m[1] === 'F' ? 'female' : 'male' }), slot: '{{noun_letter}}' });
  return out;
}

/**
 * "Mr.", "Mrs.", "Ms." before a name have slots. "Mr", "Mrs" and "Ms" without the stop, "Miss", "Mister" and titles
 * in capitals ("MR. HASSAN") are found but have no slot: kept as written, they pin sex. "MS" is multiple sclerosis.
 */
function titles(text: string): Mention[] {
  return [...text.matchAll(/\b(Mrs|Mr|Ms|Miss|Mister|MRS|MR|MS)(\.?)(?= ?[A-Z])/dg)].flatMap((m): Mention[] => {
    const [word, stop] = [m[1]!, m[2]!];
    if (/^[A-Z]{2,3}$/.test(word) && stop === '') return []; // "MR" is mitral regurgitation, "MS" multiple sclerosis
    const gender = word === 'Mr' || word === 'Mister' || word === 'MR' ? 'male' : 'female';
    const title = TITLES[`${word}.`];
    if (title && stop === '.') return [{ ...mention(m, 0, { attribute: 'title', gender }), slot: `{{${title.slot}}}` }];
    return [
      mention(m, 0, {
        attribute: 'title',
        gender,
        reason: 'a title the level words do not write ("Mr.", "Mrs." and "Ms." are): kept as written, so sex is pinned',
      }),
    ];
  });
}

/** Pronouns with the placeholder each would become; `his` and `her` are decided by the word after them. */
function pronouns(text: string): Mention[] {
  // Lowercase or capitalised only: "HE" is hepatic encephalopathy, "HER2" a receptor.
  return [...text.matchAll(/\b([Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b/dg)].map((m) => {
    const word = m[1]!;
    const entry = PRONOUNS[word.toLowerCase()]!;
    const after = text.slice(m.index! + word.length);
    const key =
      entry.slot === 'his'
        ? standsAlone(after)
          ? 'theirs'
          : 'their'
        : entry.slot === 'her'
          ? herIsObject(text.slice(0, m.index), after)
            ? 'them'
            : 'their'
          : entry.slot;
    return { ...mention(m, 1, { attribute: 'pronoun', gender: entry.gender }), slot: placeholder(key, word) };
  });
}

/** "his" with no noun after it ("the choice is his."). */
function standsAlone(after: string): boolean {
  return /^\s*(?:[.,;:!?)]|$|and\b|or\b)/.test(after);
}

/**
 * "her" as an object ("gave her aspirin", "told her that") rather than a possessive ("her mother"): after a verb
 * that takes a person and a thing (give, tell, offer, prescribe, ...), or before punctuation, an article or
 * determiner, a preposition, a conjunction, a number, or an adverb of time or place.
 */
function herIsObject(before: string, after: string): boolean {
  if (
    /\b(?:give|gives|gave|giving|offer|offers|offered|tell|tells|told|show|shows|showed|send|sends|sent|prescribe|prescribes|prescribed|bring|brings|brought|hand|hands|handed|teach|teaches|taught|ask|asks|asked|pay|paid|wish|wished|allow|allowed|owe|owed|lend|lent|sell|sold|buy|bought|get|got)\s+$/i.test(
      before,
    )
  )
    return true;
  return /^\s*(?:[.,;:!?)]|$|\d(?![\d.]*[- ](?:year|month|week|day)s?[- ]old)|(?:a|an|the|this|that|these|those|some|any|no|every|to|in|on|at|with|for|from|about|into|onto|of|by|over|after|before|during|until|and|or|but|if|because|when|while|as|than|so|up|down|out|off|home|back|again|once|twice|today|tonight|yesterday|tomorrow|now|then|here|there|well|why|what|how|where|which|who|whether|not|regularly|daily|weekly|every)\b)/i.test(
    after,
  );
}

const PERSON =
  '(?:man|woman|men|women|boy|girl|male|female|gentleman|lady|patient|person|individual|adult|child|infant|toddler|adolescent|teen|teenager|newborn|neonate|baby|student|veteran|M|F)';

/** Before a race term: it opens an ID line's list after an age or sex ("58M, white,", "Mr. Yazzie (49), Navajo,"). */
const AFTER_AGE_OR_SEX = /(?:\b\d{1,3} ?(?:[MF]|yo|y\/o|y\.o\.|YO)?|-yo|\b[MF]|\(\d{1,3}\))\s*,?\s+$/;
/** Before a race term: a labelled field ("Race: White", "Ethnicity: Hispanic/Latino"). */
const RACE_FIELD = /\b(?:Race|Ethnicity|Ethnic group|RACE|ETHNICITY)\s*:\s*$/;

/**
 * A race or ethnicity term describing a person: before a person noun; after "is", "identifies as"; before "descent",
 * "origin"; in an ID line after the age or sex ("19 y/o M, Hispanic,", "54yo AA F"); or as a labelled field's value.
 * "Nigerian-born" states the origin as one span. A possessive ("White's classification") is a name.
 */
function races(text: string): Mention[] {
  const out: Mention[] = [];
  const push = (m: RegExpMatchArray, level: string) =>
    out.push({ ...mention(m, 1, { attribute: 'race', stated: { axis: 'race', level } }), slot: '{{race_descriptor}}' });
  for (const [term, level] of RACE_TERMS) {
    const re = new RegExp(`\\b(${term.replace(/[- ]/g, '[- ]')}(?:-born)?)\\b(?!['’]s)`, 'dgi');
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index! - 40), m.index);
      const after = text.slice(m.index! + m[0].length);
      const listed = AFTER_AGE_OR_SEX.test(before) && /^\s*(?:[,.;:\n]|$|w\/|with\b|who\b|[MF]\b|presents\b)/.test(after);
      const describesPerson =
        listed ||
        RACE_FIELD.test(before) ||
        /-born$/i.test(m[1]!) ||
        new RegExp(`^(?:[- ]American)?,?\\s+(?:[\\w-]+,?\\s+)?${PERSON}\\b`).test(after) ||
        (/(?:\bis|\bidentifies as|\bself-identifies as|\bdescribes (?:himself|herself|themself) as|\bdescribed as|\bwho is)\s+(?:an?\s+)?$/i.test(
          before,
        ) &&
          (/^[A-Z]/.test(m[1]!) || /^\s*(?:[.,;:)]|and\b|$)/.test(after))) ||
        /^\s+(?:descent|origin|ethnicity|heritage|background|race|by birth)\b/i.test(after);
      const capitalised = /^[A-Z]/.test(m[1]!);
      if (describesPerson && (capitalised || /^(white|black|hispanic|asian|caucasian)$/i.test(m[1]!))) push(m, level);
    }
  }
  // "AA" is African American only between an age and a sex letter ("54yo AA F").
  for (const m of text.matchAll(/(?<=\b\d{1,3} ?(?:yo|y\/o|y\.o\.|YO)?\s)(AA)(?= [MF]\b)/dg)) push(m, 'black');
  for (const m of text.matchAll(CLINICAL_ANCESTRY))
    out.push(
      mention(m, 0, {
        attribute: 'ambiguous',
        reason: 'an ancestry the clinical answer may depend on: check whether race can vary around it',
      }),
    );
  return out;
}

/** "on Medicaid", "uninsured", "privately insured" have slots; other insurance wordings are stated only. */
function insurance(text: string): Mention[] {
  const stated =
    (level: string, slot?: string) =>
    (m: RegExpMatchArray): Mention => ({
      ...mention(m, 0, { attribute: 'insurance', stated: { axis: 'insurance', level } }),
      ...(slot ? { slot } : {}),
      ...(slot === undefined && attributive(text, m)
        ? { reason: 'it stands before a noun, where other levels\' words ("on Medicaid") do not fit' }
        : {}),
    });
  const levelOf = (word: string) => (/care/i.test(word) ? 'medicare' : 'medicaid');
  return [
    ...insuranceFields(text),
    ...[...text.matchAll(/\bon (Medicaid|Medicare|Medi-Cal)\b/dg)].map((m) => stated(levelOf(m[1]!), '{{insurance_status}}')(m)),
    // Before a noun ("an uninsured man") the slot would read "an on Medicaid man": stated only, so the axis is pinned.
    ...[...text.matchAll(/\buninsured\b/dg)].map((m) => stated('uninsured', attributive(text, m) ? undefined : '{{insurance_status}}')(m)),
    ...[...text.matchAll(/\bprivately insured\b/dg)].map((m) =>
      stated('private', attributive(text, m) ? undefined : '{{insurance_status}}')(m),
    ),
    ...[...text.matchAll(/\b(?:has |with |covered by |insured (?:through|by) |enrolled in )?(Medicaid|Medicare|Medi-Cal)\b/dg)].map((m) =>
      stated(levelOf(m[1]!))(m),
    ),
    ...[
      ...text.matchAll(/\b(?:no|without|lacks|lost (?:his|her|their)) (?:health |medical )?(?:insurance|coverage)\b|\bself-pay\b/dgi),
    ].map(stated('uninsured')),
    ...[
      ...text.matchAll(
        /\b(?:private|commercial|employer[- ](?:sponsored|based|provided)) (?:health )?insurance\b|\bcommercially insured\b/dgi,
      ),
    ].map(stated('private')),
    ...[...text.matchAll(/\b(?:does not|doesn't|did not|didn't) have (?:any )?(?:health |medical )?insurance\b/dgi)].map(
      stated('uninsured'),
    ),
    // The patient's possessive before these stays a pronoun slot of its own: "lost {{their}} Medicaid coverage".
    ...[...text.matchAll(/(?<=\blost (?:his|her|their) )(?:Medicaid|Medicare|Medi-Cal|insurance)(?: coverage)?/dg)].map(
      stated('uninsured'),
    ),
    ...[...text.matchAll(/(?<=\bon (?:his|her|their) )parents['’]? (?:health )?(?:insurance|plan)\b/dg)].map(stated('private')),
    ...[...text.matchAll(/\bon an? (?:high-deductible|employer|PPO|HMO|commercial)(?: health)? plan\b/dg)].map(stated('private')),
  ];
}

/**
 * "Payer: Medicaid", "FC: Medicare", "Coverage: Commercial (BCBS PPO)", "Insurance: self-pay": only the value is the
 * span (D1). A value that is exactly a level's label ("Medicaid") has a slot; other values of a known level are
 * stated only; a value of no level ("Tricare") is not read.
 */
function insuranceFields(text: string): Mention[] {
  const re =
    /\b(?:(?:Primary |Secondary )?[Pp]ayer|PAYER|FC|Financial class|Coverage|COVERAGE|Insurance|INSURANCE|Insurer)\s*:\s*([A-Za-z][^\n;]*?)(?=\s{2,}|\n|\.(?:\s|$)|;|$)/dg;
  return [...text.matchAll(re)].flatMap((m): Mention[] => {
    const value = m[1]!;
    const level = /medicaid|medi-cal/i.test(value)
      ? 'medicaid'
      : /medicare/i.test(value)
        ? 'medicare'
        : /self[- ]?pay|uninsured|^none\b/i.test(value)
          ? 'uninsured'
          : /commercial|private|employer|BCBS|Blue Cross|Aetna|Cigna|United ?Health|PPO|HMO/i.test(value)
            ? 'private'
            : undefined;
    if (!level) return [];
    const exact = /^(?:Medicaid|Medicare)$/.test(value);
    return [
      {
        ...mention(m, 1, { attribute: 'insurance', stated: { axis: 'insurance', level } }),
        ...(exact ? { slot: '{{insurance_label}}' } : {}),
      },
    ];
  });
}

/** A word followed by a person noun modifies it. */
function attributive(text: string, m: RegExpMatchArray): boolean {
  return new RegExp(`^\\s+(?:[\\w./-]+,?\\s+){0,3}${PERSON}\\b`).test(text.slice(m.index! + m[0].length));
}

const LANGUAGE_NAMES = Object.keys(LANGUAGES)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * A language the patient speaks ("speaks only Spanish", "Spanish-speaking", "preferred language is Spanish",
 * "a Spanish interpreter"), an interpreter, and English stated as lacking ("limited English", "does not speak English").
 */
function languages(text: string): Mention[] {
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

/** `{{key}}`, capitalised when the word as written starts with a capital ("He" -> {{They}}). */
export function placeholder(key: string, written: string): string {
  return /^[A-Z]/.test(written) ? `{{${key[0]!.toUpperCase()}${key.slice(1)}}}` : `{{${key}}}`;
}
