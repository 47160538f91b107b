import { AGE_BANDS } from './lexicon.js';
import { ONES, numberToWords, TENS } from '../template/words.js';
import { mention, PERSON, placeholder } from './mention.js';
import type { Mention } from './types.js';

/** A unit of age as written after the number: "-year-old", " years old", " yo", "y/o", " YO", "-yo". */
/** Also run into the sex letter ("23yoF") and "y" alone before one ("70y M"). */
const YEARS_UNIT = String.raw`[-\u2010\u2011 ](?:year|yr)s?[-\u2010\u2011 ]old|[- ]?(?:yo|y\/o|y\.o\.|YO|Y\/O|Y\.O\.)(?:(?![A-Za-z])|(?=[MF](?![A-Za-z])))|y(?=,? ?[MF](?![A-Za-z]))`;
/** A number that is a temperature, a dose or a score, not an age, when one of these words stands just before it. */
const NOT_AN_AGE_BEFORE = /\b(?:T|temp\w*|Tmax|fever|febrile|to|of|x|BP|HR|RR|score|CIWA|Bed|room|GCS|dose)\W{0,3}$/i;

/**
 * After a number: a range or a threshold ("aged 65 and older", "aged 65+", "18 years of age or over"), which says
 * who a group is (a trial's participants, a recall's patients), never one patient's age.
 */
const NOT_ONE_AGE_AFTER = String.raw`(?!\s*(?:\+|(?:and|or) (?:older|over|above|up|more|younger|under)\b))`;

const AGE_WORDS = String.raw`(?:${TENS.filter((t) => t !== '').join('|')})(?:-(?:${ONES.slice(1, 10).join('|')}))?|${ONES.slice(1).join('|')}`;

/** The same, perhaps written with a space ("twenty two"). */
const AGE_WORDS_SPACED = AGE_WORDS.replace(/\(\?:-\(\?:/, '(?:[- ](?:');

/** An age in words: a slot where {{age_words}} writes it back ("seventy-seven"), stated only otherwise ("twenty two"). */
function agedInWords(m: RegExpMatchArray): Mention {
  const words = m[1]!;
  const years = wordsToNumber(words.replace(' ', '-'));
  const exact = m[0] === words && wordsToNumber(words) !== undefined;
  return {
    ...mention(m, 0, { attribute: 'age' }),
    ...(years !== undefined ? { years } : {}),
    ...(exact
      ? { slot: placeholder('age_words', words) }
      : { reason: 'an age in words as dictated: {{age_words}} writes it otherwise, so age stays as written' }),
  };
}

/** "forty-two" -> 42, as numberToWords writes it; undefined for anything else. */
function wordsToNumber(words: string): number | undefined {
  const [tens, ones] = words.toLowerCase().split('-');
  const value = TENS.includes(tens!) ? TENS.indexOf(tens!) * 10 + (ones ? ONES.indexOf(ones) : 0) : ONES.indexOf(tens!);
  return value > 0 && numberToWords(value) === words.toLowerCase() ? value : undefined;
}

/**
 * Ages: "45-year-old", "45 years old", "45 yo", "45 y/o", "aged 45", "Age: 45", "45 years of age"; a number beside
 * a sex letter ("45M", "45 F", "(91, F)", "54yo AA F"), after a title and name ("Mr. Okafor, 58", "Mrs. Goldberg
 * (76)") or said of the patient ("I am 72", "He's 77"); "6-month-old", "8 mo M" state 0 years and have no slot.
 * Estimated ages and age bands ("~50s", "in his 50s", "middle-aged man") are listed as ambiguous.
 */
export function ages(text: string): Mention[] {
  const out: Mention[] = [];
  const bare = (m: RegExpMatchArray, group: number): Mention => ({
    ...mention(m, group, { attribute: 'age' }),
    slot: '{{age}}',
    years: Number(m[group]),
  });
  for (const m of text.matchAll(new RegExp(String.raw`\b(\d{1,3})(${YEARS_UNIT})`, 'dg')))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `{{age}}${m[2]}`, years: Number(m[1]) });
  // "forty-two-year-old", "Sixty-year-old": {{age_words}} writes the age in words.
  for (const m of text.matchAll(new RegExp(String.raw`\b(${AGE_WORDS})([-\u2010\u2011 ](?:year|yr)s?[-\u2010\u2011 ]old)\b`, 'dgi'))) {
    const years = wordsToNumber(m[1]!);
    if (years !== undefined) out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `${placeholder('age_words', m[1]!)}${m[2]}`, years });
  }
  // "Age (yrs): 47", "Age/Sex: 72/F": a labelled field's value.
  for (const m of text.matchAll(/(?<=\bAge(?: \((?:yrs?|years)\))?(?:\/Sex)?:\s*)(\d{1,3})(?=\s|\/[MF]\b|[,;]|$)/dg)) out.push(bare(m, 1));
  // "this gentleman of 63".
  for (const m of text.matchAll(/(?<=\b(?:man|woman|gentleman|lady|gent) )of (\d{1,3})\b(?![-.]?\d| ?%)/dg))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: 'of {{age}}', years: Number(m[1]) });
  // "aged 56", "aet. 56" (Latin aetatis, in British letters).
  for (const m of text.matchAll(new RegExp(String.raw`\b(aged?:?\s+|aet(?:at)?\.\s*)(\d{1,3})\b(?![-.]?\d)${NOT_ONE_AGE_AFTER}`, 'dgi')))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `${m[1]}{{age}}`, years: Number(m[2]) });
  for (const m of text.matchAll(new RegExp(String.raw`\b(\d{1,3}) (years? of age)\b${NOT_ONE_AGE_AFTER}`, 'dgi')))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `{{age}} ${m[2]}`, years: Number(m[1]) });
  for (const m of ageSexLetters(text)) if (m.unit === undefined) out.push(bare(m.match, 1));
  // The title may head a full name, perhaps with an initial ("Re: Mr. Tomás Herrera, 70", "Mx Jordan Lee, 30", "Ms
  // Dana K., 38"); a dash may set the age off ("Ms. Obi — 61 — post-op day 2").
  for (const m of text.matchAll(
    /\b(?:Mrs?|Ms|Mx|Miss|Mister|Master|MRS?|MISS)\.? \p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}\.?(?:,? (?:Jr|Sr|II|III|IV)\.?)?(?:,|:| \(| [—–-]) ?(\d{1,3})(?= [—–-] |\)|,| [MF]\b|\.(?:\s|$)|\s*$|\n)/dgu,
  ))
    out.push(bare(m, 1));
  // A full name opening the text or a line, perhaps after a title the sex words do not read, and the age in
  // apposition ("Alex Moreno, 19, uses they/them", "Fr. Dominic O'Leary, 68, a parish priest", "Herr Klaus Becker, 70,").
  for (const m of text.matchAll(/^[ \t]*(?:\p{Lu}\p{L}{0,4}\.? )?\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){1,2}, (\d{1,3})(?=,)/dgmu))
    out.push(bare(m, 1));
  // The same age in words, as dictated ("Mrs. Chávez, seventy-seven,", "Miss Harper, twenty two,"), after "aged"
  // ("aged forty-one", "aged two and a half") or said by the patient ("I'm thirty-one,", "I'm forty-seven now"): {{age_words}} writes the hyphenated form; another form stays as written.
  for (const m of text.matchAll(
    new RegExp(
      String.raw`(?<=\b(?:(?:Mrs?|Ms|Mx|Miss|Mister|Master)\.? \p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}, |aged |I(?:'m|’m| am) ))(${AGE_WORDS_SPACED})(?: and a half)?(?=[,.;)]| now\b|\s*$)`,
      'dgiu',
    ),
  ))
    out.push(agedInWords(m));
  // A first name and the age in apposition, where the text names the patient ("Pt (Jesse, 27)", "your patient Omar,
  // 62.", "see Liam, 6, a boy with ...").
  for (const m of text.matchAll(
    /(?<=\b(?:Pt|Patient) \((?:\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?, )?|\b(?:your |the )?(?:pt|patient),? \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?, )(\d{1,3})(?=\)|[,.;](?:\s|$)|\s*$)|(?<=\b\p{Lu}\p{Ll}+, )(\d{1,2})(?=, (?:an? )?(?:boy|girl|man|woman|male|female)\b)/dgu,
  ))
    out.push(bare(m, m[1] === undefined ? 2 : 1));
  for (const m of text.matchAll(
    /\b(?:I am|I'm|I’m|im|[Hh]e is|[Ss]he is|[Hh]e's|[Ss]he's|[Hh]e’s|[Ss]he’s|[Pp]t is|[Pp]atient is|(?:gentleman|lady|man|woman) is|[Yy]ou are|[Yy]ou['’]re) (\d{1,3})(?=[,.;]| and\b| years\b| \([MFmf]\))|\b(?:[Hh]e|[Ss]he) \((\d{1,3})(?=[,)])/dg,
  ))
    out.push(bare(m, m[1] === undefined ? 2 : 1));
  // "I'm Muscogee (Creek) and 54.": the age closing the patient's own short self-description (not "I'm on insulin and 20.").
  for (const m of text.matchAll(
    /(?<=\b(?:I am|I['’]m) (?!(?:on|taking|using|at|in|up)\b)(?:[\p{L}()'’-]+ ){1,4}and )(\d{1,3})(?=[.,;!]|\s*$)/dgu,
  ))
    out.push(bare(m, 1));
  // "45, female"; as a field's whole value the comma may be left out ("Patient: 69 male"), not in "4 male siblings".
  for (const m of text.matchAll(
    /(?<![\w.])(\d{1,3}), (?=(?:male|female)\b)|(?<=\b[A-Z][\w ]{0,20}: ?)(\d{1,3}) (?=(?:male|female)[ \t]*(?:[,;.\n]|$))/dg,
  ))
    out.push(bare(m, m[1] === undefined ? 2 : 1));
  // "a transgender woman, 35, who ...": the age in apposition after the sex word.
  for (const m of text.matchAll(/(?<=\b(?:man|woman|boy|girl|male|female|gentleman|lady|widow|widower), )(\d{1,3})(?=, )/dg))
    out.push(bare(m, 1));
  // "DOB 02/05/1994 (31 yrs)": the age a date of birth gives, in a parenthesis after it.
  for (const m of text.matchAll(/(?<=\bDOB:? [\d/.-]{6,10} \()(\d{1,3})( ?(?:yrs?|years?|y))(?=\))/dg))
    out.push({ ...mention(m, 0, { attribute: 'age' }), slot: `{{age}}${m[2]}`, years: Number(m[1]) });
  // "This is Tevita, 17, Tongan", "hey doc its Darnell, 27.": someone introducing the patient (or themself) by first
  // name and age; a letter's subject line naming them ("Re: Beneficiary SSgt (ret.) Marcus Willoughby, 41, Tricare").
  for (const m of text.matchAll(
    /(?<=(?:\b(?:[Tt]his is|[Ii]t['’]?s|[Mm]eet)|(?:^|\n)Re:(?: [\p{L}().]+){0,4}) \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?, )(\d{1,3})(?=[,.;](?:\s|$))/dgu,
  ))
    out.push(bare(m, 1));
  // "OB triage: 24 G1P0": an age opening obstetric shorthand; with a comma only as a line's or label's first value
  // ("OB note: 27, G2P1", "34, P2"), not a predicate's ("Mother is 29, G1P1").
  for (const m of text.matchAll(
    /(?<![\w.,/-])(\d{1,2}) (?=G\d{1,2} ?P\d)|(?<=(?:^|\n|:)[ \t]*)(\d{1,2}), (?=G\d{1,2} ?P\d|P\d{1,4}[,;.])/dg,
  ))
    out.push(bare(m, m[1] === undefined ? 2 : 1));
  // "Patient: 28, Mixtec": the age as the first value of the patient's field line.
  for (const m of text.matchAll(/(?<=(?:^|\n)[ \t]*(?:Patient|Pt|PATIENT):[ \t]*)(\d{1,3})(?=,)/dg)) out.push(bare(m, 1));
  for (const m of text.matchAll(
    /\b(\d{1,2})(?:[- ](month|mo|week|wk|day|hour)s?[- ]old\b|\s?(mo|mos|months?|wks?|weeks?|days?)(?=,? (?:old\b|[MF]\b|son\b|daughter\b|boy\b|girl\b|infant\b|baby\b|male\b|female\b))(?: old\b)?)/dgi,
  )) {
    const unit = (m[2] ?? m[3]!).toLowerCase();
    const years = /^mo|^month/.test(unit) ? Math.floor(Number(m[1]) / 12) : 0;
    out.push({
      ...mention(m, 0, { attribute: 'age' }),
      years,
      reason: `an age in ${unit.startsWith('mo') ? 'month' : unit.startsWith('w') ? 'week' : unit.startsWith('h') ? 'hour' : 'day'}s: {{age}} renders whole years, so age stays as written`,
    });
  }
  // "4/12 old boy", "3/52 old": British notation for months, weeks and days; never without "old" or a person noun
  // after it ("cough x 3/7" is a duration).
  for (const m of text.matchAll(
    /\b(\d{1,2})\/(12|52|7)(?=,? (?:old\b|boy\b|girl\b|infant\b|baby\b|son\b|daughter\b|male\b|female\b))(?: old\b)?/dg,
  )) {
    const unit = m[2] === '12' ? 'month' : m[2] === '52' ? 'week' : 'day';
    out.push({
      ...mention(m, 0, { attribute: 'age' }),
      years: unit === 'month' ? Math.floor(Number(m[1]) / 12) : 0,
      reason: `an age in ${unit}s: {{age}} renders whole years, so age stays as written`,
    });
  }
  // "DOL 2": a newborn's day of life.
  for (const m of text.matchAll(/\bDOL ?#? ?\d{1,2}\b/dg))
    out.push({
      ...mention(m, 0, { attribute: 'age' }),
      years: 0,
      reason: 'a day of life: {{age}} renders whole years, so age stays as written',
    });
  // "2 1/2 years": a fraction no slot renders.
  for (const m of text.matchAll(/\b(\d{1,2}) ?(?:1\/2|½)[- ]?(?:years?|yrs?)(?:[- ]old)?\b/dg))
    out.push({
      ...mention(m, 0, { attribute: 'age' }),
      years: Number(m[1]),
      reason: 'an age with a fraction: {{age}} renders whole years, so age stays as written',
    });
  const band = 'ambiguous' as const;
  const bandReason = 'an estimated age or an age band: {{age}} renders an exact age, so it stays as written; check it fits each age varied';
  for (const m of text.matchAll(
    /(?:~|\b[Aa]ppears (?:to be )?(?:in (?:his|her|their) )?)\d0s\b|\bin (?:his|her|their) (?:early |mid-?|late )?(?:\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/dg,
  )) {
    // "in her seventies" states the sex of whoever it describes, as a pronoun does.
    const possessive = /\b(his|her)\b/.exec(m[0])?.[1];
    out.push(
      mention(m, 0, { attribute: band, reason: bandReason, ...(possessive ? { gender: possessive === 'his' ? 'male' : 'female' } : {}) }),
    );
  }
  // "referred for advanced maternal age", "Pt: F, 30s": a band with no person noun after it.
  for (const m of text.matchAll(/\badvanced maternal age\b|(?<=\b[MF], )\d0s\b/dg))
    out.push(mention(m, 0, { attribute: band, reason: bandReason }));
  for (const m of text.matchAll(AGE_BANDS))
    if (new RegExp(`^\\s+(?:[\\w-]+\\s+)?${PERSON}\\b`).test(text.slice(m.index! + m[0].length)))
      out.push(mention(m, 0, { attribute: band, reason: bandReason }));
  return out;
}

/**
 * A sex letter beside an age: "45M", "45 F", "45 yo M", "54yo AA F", "36 yo Native American M", "(91, F)", "8 mo M",
 * "22-month-old F", "81 y/o WM" (a race letter run into it), "27/F".
 * A race word may stand between only after a unit. Not after a decimal ("101.2 F") or a temperature word ("Temp 101 F").
 */
export function ageSexLetters(text: string): { match: RegExpMatchArray; unit?: string; letterAt: number }[] {
  const re = new RegExp(
    String.raw`(?<![\w.,°/-])(\d{1,3})((?:${YEARS_UNIT}|\s?mos?|[- ](?:month|week|day)s?[- ]old)(?:\s(?:AA|[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)|\s[WBH](?=[MF]))?)?(,? ?|\/)([MF])(?![A-Za-z0-9°'’])`,
    'dg',
  );
  return [...text.matchAll(re)].flatMap((m) => {
    if (NOT_AN_AGE_BEFORE.test(text.slice(Math.max(0, m.index! - 12), m.index))) return [];
    if (m[2] === undefined && Number(m[1]) > 110) return [];
    return [{ match: m, ...(m[2] !== undefined ? { unit: m[2] } : {}), letterAt: m.indices![4]![0] }];
  });
}
