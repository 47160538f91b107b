import { CLINICAL_TERMS, GENDERED_OTHERS, LANGUAGES, PRONOUNS, RACE_TERMS, SEX_WORDS, TITLES } from './lexicon.js';
import type { Mention } from './types.js';

/**
 * Every demographic-looking span of a case text, before anyone decides whom it describes: ages, sex words,
 * titles, pronouns, people other than the patient, race and ethnicity terms, insurance and language. A span inside
 * a clinical term ("man-in-the-barrel syndrome", "Asian flu", "white blood cells") is never one. Where two spans
 * overlap the earlier, then the longer, wins.
 */
export function detectMentions(text: string): Mention[] {
  const guarded = CLINICAL_TERMS.flatMap((re) => [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as const));
  const inGuard = (start: number, end: number) => guarded.some(([s, e]) => start < e && end > s);
  const found = [
    ...ages(text),
    ...sexWords(text),
    ...titles(text),
    ...pronouns(text),
    ...others(text),
    ...races(text),
    ...insurance(text),
    ...languages(text),
  ];
  const kept: Mention[] = [];
  for (const m of found.filter((m) => !inGuard(m.start, m.end)).sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start)))
    if (!kept.some((k) => m.start < k.end && m.end > k.start)) kept.push(m);
  return kept;
}

/** The span of `group` of a match made with the `d` flag. */
const mention = (m: RegExpMatchArray, group: number, fields: Omit<Mention, 'start' | 'end' | 'surface'>): Mention => {
  const [start, end] = m.indices![group]!;
  return { start, end, surface: m[group]!, ...fields };
};

/** "45-year-old", "45 years old", "45 yo", "45 y/o", "aged 45", "age 45", "45M"; "6-month-old" states 0 years. */
function ages(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(/\b(\d{1,3})([-\u2010\u2011 ](?:year|yr)s?[-\u2010\u2011 ]old|[- ]?(?:yo|y\/o|y\.o\.)(?![A-Za-z]))/dgi))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `{{age}}${m[2]}`, years: Number(m[1]) });
  for (const m of text.matchAll(/\b(aged?:?\s+)(\d{1,3})\b(?![-.]?\d)/dgi))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `${m[1]}{{age}}`, years: Number(m[2]) });
  for (const m of text.matchAll(/\b(\d{1,3}) (years? of age)\b/dgi))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `{{age}} ${m[2]}`, years: Number(m[1]) });
  // "45M", "45 F": only opening a sentence, where "101 F" cannot be a temperature.
  for (const m of text.matchAll(/(?<=^|[.!?;]\s+)(\d{1,3})(?= ?[MF](?![A-Za-z0-9°]))/dg))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: '{{age}}', years: Number(m[1]) });
  for (const m of text.matchAll(/\b(\d{1,2})[- ](month|week|day)s?[- ]old\b/dgi)) {
    const n = Number(m[1]);
    const years = m[2]!.toLowerCase() === 'month' ? Math.floor(n / 12) : 0;
    out.push({
      ...mention(m, 0, { attribute: 'age' }),
      years,
      reason: `an age in ${m[2]!.toLowerCase()}s: {{age}} renders whole years, so age stays as written`,
    });
  }
  return out;
}

function sexWords(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(/\b(man|woman|boy|girl|male|female|gentleman|lady)\b(?!-in-)/dgi)) {
    const word = SEX_WORDS[m[1]!.toLowerCase()]!;
    out.push({ ...mention(m, 1, { attribute: 'sex', gender: word.gender }), slot: placeholder(word.slot, m[1]!) });
  }
  // "45M", "45 yo F", "45-year-old M": a sex letter only right after an age.
  for (const m of text.matchAll(
    /(?<=(?:(?<![\d.,])\b\d{1,3}(?:[- ]?(?:yo|y\/o|y\.o\.)|-year-old)|(?:^|[.!?;]\s+)\d{1,3}) ?)([MF])(?![A-Za-z0-9°])/dg,
  ))
    out.push({ ...mention(m, 1, { attribute: 'sex', gender: m[1] === 'F' ? 'female' : 'male' }), slot: '{{noun_letter}}' });
  return out;
}

/** "Mr.", "Mrs.", "Ms." before a name; "Mr" and "Mrs" without the stop are found but have no slot (kept, listed). */
function titles(text: string): Mention[] {
  return [...text.matchAll(/\b(Mrs|Mr|Ms)(\.?)(?= ?[A-Z])/dg)].flatMap((m): Mention[] => {
    const title = TITLES[`${m[1]}.`]!;
    if (m[2] === '.') return [{ ...mention(m, 0, { attribute: 'title', gender: title.gender }), slot: `{{${title.slot}}}` }];
    if (m[1] === 'Ms') return []; // "MS" is multiple sclerosis; "Ms" without a stop is too close to call
    return [
      mention(m, 0, {
        attribute: 'title',
        gender: title.gender,
        reason: 'a title without its full stop: the level words are written "Mr." and "Mrs."',
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
  return /^\s*(?:[.,;:!?)]|$|\d|(?:a|an|the|this|that|these|those|some|any|no|every|to|in|on|at|with|for|from|about|into|onto|of|by|over|after|before|during|until|and|or|but|if|because|when|while|as|than|so|up|down|out|off|home|back|again|once|twice|today|tonight|yesterday|tomorrow|now|then|here|there|well|why|what|how|where|which|who|whether|not|regularly|daily|weekly|every)\b)/i.test(
    after,
  );
}

function others(text: string): Mention[] {
  const words = Object.keys(GENDERED_OTHERS)
    .sort((a, b) => b.length - a.length)
    .join('|');
  return [...text.matchAll(new RegExp(`\\b(${words})s?\\b`, 'dgi'))].map((m) =>
    mention(m, 0, {
      attribute: 'ambiguous',
      gender: GENDERED_OTHERS[m[1]!.toLowerCase()],
      reason:
        "a gendered relative: kept as written in every variant; check it reads right beside each varied patient, and that the pronouns near it are the right person's",
    }),
  );
}

const PERSON =
  '(?:man|woman|men|women|boy|girl|male|female|gentleman|lady|patient|person|individual|adult|child|infant|toddler|adolescent|teen|teenager|newborn|neonate|baby|student|veteran|M|F)';

/** A race or ethnicity term describing a person: before a person noun, or after "is", "identifies as", "of ... descent". */
function races(text: string): Mention[] {
  const out: Mention[] = [];
  for (const [term, level] of RACE_TERMS) {
    const re = new RegExp(`\\b(${term.replace(/[- ]/g, '[- ]')})\\b`, 'dgi');
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index! - 40), m.index);
      const after = text.slice(m.index! + m[0].length);
      const describesPerson =
        new RegExp(`^(?:[- ]American)?,?\\s+(?:[\\w-]+,?\\s+)?${PERSON}\\b`).test(after) ||
        (/(?:\bis|\bidentifies as|\bself-identifies as|\bdescribes (?:himself|herself|themself) as|\bdescribed as|\bwho is)\s+(?:an?\s+)?$/i.test(
          before,
        ) &&
          (/^[A-Z]/.test(m[1]!) || /^\s*(?:[.,;:)]|and\b|$)/.test(after))) ||
        /^\s+(?:descent|origin|ethnicity|heritage|background|race)\b/i.test(after);
      const capitalised = /^[A-Z]/.test(m[1]!);
      if (describesPerson && (capitalised || /^(white|black|hispanic|asian|caucasian)$/i.test(m[1]!)))
        out.push({ ...mention(m, 1, { attribute: 'race', stated: { axis: 'race', level } }), slot: '{{race_descriptor}}' });
    }
  }
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
  ];
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
    ...[...text.matchAll(new RegExp(`\\b(?:speaks|speaking|speak)\\s+(?:only\\s+)?(${LANGUAGE_NAMES})\\b`, 'dg'))].map((m) => named(m, 1)),
    ...[...text.matchAll(new RegExp(`\\b(${LANGUAGE_NAMES})(?:[- ]speaking| speaker| interpreter| translator)\\b`, 'dg'))].map((m) =>
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
    ...[...text.matchAll(/\b(?:interpreter|translator)s?\b/dgi)].map((m) =>
      mention(m, 0, {
        attribute: 'language',
        reason:
          'an interpreter: the language is pinned to the one named, not varied (an English-speaking variant with an interpreter makes no sense)',
      }),
    ),
  ];
}

/** `{{key}}`, capitalised when the word as written starts with a capital ("He" -> {{They}}). */
export function placeholder(key: string, written: string): string {
  return /^[A-Z]/.test(written) ? `{{${key[0]!.toUpperCase()}${key.slice(1)}}}` : `{{${key}}}`;
}
