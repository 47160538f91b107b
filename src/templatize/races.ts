import { CLINICAL_ANCESTRY, RACE_TERMS } from './lexicon.js';
import { mention, PERSON, SOCIAL_HISTORY_LABEL } from './mention.js';
import { OTHER_PERSON_NOUNS } from './people.js';
import type { Mention } from './types.js';

/**
 * Before a race term: it opens an ID line's list after an age or sex ("58M, white,", "Mr. Yazzie (49), Navajo,",
 * "72M | Korean |"), or after obstetric shorthand ("24yo G2P1 Somali,").
 */
const AFTER_AGE_OR_SEX = /(?:\b\d{1,3} ?(?:[MF]|yo|y\/o|y\.o\.|YO)?|-yo|\b[MF]|\(\d{1,3}\)|\bG\d{1,2} ?P\d{1,4})\s*[,|]?\s+$/;
/** A parenthetical opened right after a person noun or an age ("a 44-year-old man (Black)", "Mr. Ruiz (58, Hispanic)"). */
const PARENTHESIS_AFTER_PERSON = new RegExp(
  String.raw`(?:\b${PERSON}|\b\d{1,3} ?(?:yo|y\/o|y\.o\.|YO|[MF])?|\b(?:Mrs?|Ms|Miss)\.? [A-Z][\w'’-]+)\s*\((?:\s*\d{1,3}\s*,)?\s*$`,
);
/**
 * Drugs whose screening depends on ancestry (R8: "East Asian ancestry" before carbamazepine is ambiguous): with one
 * of them about to be started, a race term of the levels listed is what the answer may lean on, not a free slot. A
 * drug the patient already takes ("Current meds: allopurinol") screens nothing.
 */
const SCREENED_ANCESTRY: readonly (readonly [RegExp, readonly string[] | 'any', string])[] = [
  [/\b(?:carbamazepine|oxcarbazepine|phenytoin|fosphenytoin)\b/i, ['asian'], 'HLA-B*15:02'],
  [/\ballopurinol\b/i, ['asian', 'black'], 'HLA-B*58:01'],
  [/\b(?:primaquine|tafenoquine|dapsone|rasburicase)\b/i, 'any', 'G6PD'],
];
/** The drug about to be started ("is started on carbamazepine", "to start primaquine", "allopurinol planned"): screening comes before it. */
const startingDrug = (drugs: RegExp) =>
  new RegExp(
    String.raw`\b(?:start\w*|initiat\w*|begin\w*|prescrib\w*|consider\w*|plan\w* to|about to|to receive|be given)\b[^.;]{0,40}${drugs.source}|${drugs.source}\s+(?:is\s+)?(?:planned|to be started|to start|being considered)\b`,
    'i',
  );
const drugsNamed = (text: string, drugs: RegExp) =>
  [...new Set([...text.matchAll(new RegExp(drugs.source, 'gi'))].map((d) => d[0].toLowerCase()))].join(', ');
/** A verb stating someone's identity: "is", "was", "self-identified as", "identifies herself as", "described as". */
const IDENTITY_VERB = String.raw`(?:is|was|(?:self-)?identifie[sd](?:\s+(?:himself|herself|themself|themselves))?\s+as|describes\s+(?:himself|herself|themself)\s+as|described\s+as)`;
/**
 * Before a race term: a predicate about someone other than the patient ("her husband, who is", "His father is", "her
 * son is also of", "donor self-identified as").
 */
const OTHER_PERSONS_PREDICATE = new RegExp(
  String.raw`\b(?:${OTHER_PERSON_NOUNS})(?:,\s*who)?\s+${IDENTITY_VERB}\s+(?:also\s+)?(?:an?\s+|of\s+)?$`,
  'i',
);
/** The same, for a role the patient's age describes ("a 45-year-old nurse, who is Black"): the patient. */
const AGED_ROLE_PREDICATE = new RegExp(
  String.raw`\d{1,3}[- ](?:year|yr)s?[- ]old\s+(?:[\w-]+\s+)?(?:${OTHER_PERSON_NOUNS})(?:,\s*who)?\s+${IDENTITY_VERB}\s+(?:an?\s+)?$`,
  'i',
);
/** Before a race term: another race term and an opening parenthesis or a slash ("Pacific Islander (Samoan)", "Black/Caribbean"). */
const RESTATED_BEFORE = new RegExp(
  String.raw`\b(?:${RACE_TERMS.map(([term]) => term.replace(/[- ]/g, '[- ]')).join('|')})\s*[(/]\s*$`,
  'i',
);
/** After a race term: the description ends there (punctuation, a bracket restating it, the end, or a joining word). */
const ENDS_DESCRIPTION = /^\s*(?:[.,;:()!?—–]|(?:and|or|but|with|who|from)\b|$)/;
/**
 * Before a race term: an item of an ID line's list after the age and sex ("61 y/o male, Hispanic,", "27yo G1P0 at
 * 12w, Dominican,", "79M, widower x 6 mo, Irish American,", "Mrs. Silva, 73, Brazilian,", "OB note: 27, G2P1, 28
 * weeks, Chinese,", "middle-aged woman, Arab,"), within one line and sentence.
 */
const ID_LINE_ITEM =
  /(?:^|\n|(?<!\bM)[a-z]{2}\.\s)(?![^\n]*(?<!\bM)[a-z]{2}\.\s)[^\n]*(?:\b\d{1,3} ?(?:[-\s](?:year|month|week|day)[-\s]old|[- ]?(?:yo|y\/o|y\.o\.|YO)|[MF]\b)|\b(?:Mrs?|Ms|Mx|Miss)\.? \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}, (?:aged )?\d{1,3}\b|(?:^|\n|:)[ \t]*\d{1,2},? (?:G\d{1,2} ?P\d|P\d{1,4},)|\b(?:middle-aged|elderly|teenage|teenaged|young|older) (?:man|woman|male|female|boy|girl)\b)[^\n]*[,;]\s*$/u;
/** After a race term in an ID line: the item ends, perhaps after a restating parenthesis or a role ("Syrian refugee,", "Haitian family,"). */
const ENDS_ITEM = /^\s*(?:\([^()\n]{1,30}\)\s*)?(?:(?:refugee|immigrant|asylum seeker|migrant|family|citizen|member)\s*)?(?:[,;.|]|\n|$)/;
/** Before a race term: an item of a social history line after others ("SH: retired; BCBS through employer; Hispanic;"). */
const SOCIAL_HISTORY_ITEM = new RegExp(String.raw`${SOCIAL_HISTORY_LABEL}[^\n]*[;,.]\s*$`);
/** Before a race term: the patient's own short self-description ("I'm 39, Turkish", "I am female and Ghanaian"). */
const SELF_DESCRIPTION_BEFORE =
  /\b(?:I am|I['’]m)\s+(?:(?:\d{1,3}|male|female|(?:an? )?(?:wo)?man|nonbinary|married|single|retired|[\w-]+-year-old),?\s+(?:and\s+)?){1,3}$/i;
/** Before a race term: a labelled field ("Race: White", "Ethnicity: Hispanic/Latino"), perhaps after its first value ("Race/Ethnicity: Black; Nigerian"). */
const RACE_FIELD =
  /\b(?:(?:Self-identified |Self-reported )?(?:Race|Ethnicity|Race\/[Ee]thnicity|Ethnic (?:group|origin|background))|Family|RACE|ETHNICITY|RACE\/ETHNICITY|(?:Indigenous|Aboriginal|Torres Strait Islander) status)(?: \([\w -]{1,20}\))?\s*:\s*(?:[A-Z][\w'-]*(?:[ /-][A-Za-z][\w'-]*){0,3}\s*[;,]\s*)?$/;
/** After a race term: a role or relation that, after an article, is the patient's ("a Somali refugee"). */
const ROLE_AFTER =
  /^\s+(?:[\w-]+\s+)?(?:immigrant|refugee|migrant|asylum seeker|farmworker|elder|grandmother|grandfather|mother|father|grandma|grandpa|retiree|farmer|fisherman)\b/;
/** Before a race term: the age describing the person, perhaps with a sex word ("70-year-old", "58-year-old female"). */
const AGE_BEFORE = /\b\d{1,3}[- ](?:year|yr|month)s?[- ]old\s+(?:(?:male|female|man|woman)\s+)?$/i;
/** Before a race term: the opening of a list item ("- ", "• "). */
const LIST_ITEM_OPENING = /(?:^|\n)[ \t]*[-*•][ \t]+$/;
/** Before a race term: the opening of a social history line ("SH: ", "Social history: "). */
const SOCIAL_HISTORY_OPENING = new RegExp(String.raw`${SOCIAL_HISTORY_LABEL}\s*$`);
/** An SBAR handoff ("SBAR", or a line opening "S:"): its "B:" (background) line is read as a social history line. */
const SBAR = /\bSBAR\b|(?:^|\n)[ \t]*S:/;
const BACKGROUND_LABEL = String.raw`(?:^|\n)[ \t]*(?:B|Background):`;
const BACKGROUND_OPENING = new RegExp(String.raw`${BACKGROUND_LABEL}\s*$`);
const BACKGROUND_ITEM = new RegExp(String.raw`${BACKGROUND_LABEL}[^\n]*[;,.]\s*$`);
/** A negated ethnicity as a field's value ("Ethnicity: Not Hispanic or Latino"): it states no level of its own. */
const NEGATED_FIELD_VALUE = new RegExp(
  String.raw`(?<=${RACE_FIELD.source.slice(0, -1)})((?:Not|NOT|Non)[- ](?:Hispanic|HISPANIC)(?:(?: or |\/)(?:Latino|Latina|Latinx|LATINO))?)(?=\s*(?:[,;\n]|\s{2}|$))`,
  'dg',
);
/** Words for a mixed identity, which may be written in lowercase. */
const MIXED = /^(?:mixed[- ]race|multiracial|biracial|multiethnic)\b/i;
/** Race abbreviations read only as a race field's value. */
const FIELD_ABBREVIATIONS: Readonly<Record<string, string>> = {
  AA: 'black',
  B: 'black',
  W: 'white',
  C: 'white',
  H: 'hispanic',
  A: 'asian',
  'AI/AN': 'aian',
  AIAN: 'aian',
  NHPI: 'nhpi',
};
const FIELD_ABBREVIATION = new RegExp(
  String.raw`(?<=${RACE_FIELD.source.slice(0, -1)})(${Object.keys(FIELD_ABBREVIATIONS)
    .sort((a, b) => b.length - a.length)
    .join('|')
    .replace(/\//g, '\\/')})(?=\s*(?:[,;|\n]|\s{2}|$))`,
  'dg',
);
/** Before a race term: many people, not the patient ("Patients of East Asian descent", "people of African ancestry"). */
const POPULATION_BEFORE =
  /\b(?:patients|people|persons|individuals|those|populations?|families|groups|carriers|subjects|women|men|children|adults)\s+(?:of|with)\s+(?:[A-Z][\w-]*\s+){0,2}$/i;

/**
 * A race or ethnicity term describing a person: before a person noun; after "is", "identifies as"; before "descent",
 * "origin"; first in a parenthesis after the person ("man (Black)"); in an ID line after the age or sex ("19 y/o M, Hispanic,", "54yo AA F",
 * "38F AA"); restated in a parenthesis ("Pacific Islander (Samoan)"); said of a child's parents ("Her parents are
 * Hmong"); or as a labelled field's value.
 * "Nigerian-born" states the origin as one span. A possessive ("White's classification") is a name.
 */
/** A nationality after an ancestry that makes one identity of them: "Korean American", "Arab British". */
const NATIONALITY_AFTER = 'American|Australian|Canadian|British|New Zealander';

/**
 * Each race term's pattern. "Not Hispanic or Latino", "non-Hispanic": a term negated states another level, or none
 * ("non-Hispanic Black" is a term). "Ghanaian American", "Vietnamese Australian", "British Indian", "Navajo Nation"
 * are one span: a slot replaces the whole identity; so are two terms joined ("Chinese-Vietnamese", "Guatemalan
 * Maya", "Native Hawaiian and Pacific Islander"), which state one level when both do. The end is no \b, which
 * fails after "Diné" or "K'iche'"; a name followed by "-speaking" is a language. "biracial (Black and white)": a
 * mixed identity and the races it names are one span, replaced or kept together.
 */
const termPattern = (term: string) => term.replace(/[- ]/g, '[- ]');
/** The end of a term: no \b, which fails after "Diné" or "K'iche'". */
const TERM_END = String.raw`(?![\wÀ-ɏ'’])`;
const TERM_PATTERNS: readonly (readonly [RegExp, string | undefined])[] = RACE_TERMS.map(([term, level]) => {
  const named = MIXED.test(term) ? String.raw`(?: \([A-Za-z ,/&-]{3,40}\))?` : '';
  return [
    new RegExp(
      `(?<!\\bnot |\\bnon-|\\bnon )\\b((?:British )?${termPattern(term)}(?:-born|[- ](?:${NATIONALITY_AFTER})| Nation)?${named})${TERM_END}(?![- ](?:speaking|speaker|language|interpreter|translator)\\b)`,
      'dgi',
    ),
    level,
  ] as const;
});
/** Two terms joined; by a space or "and" only where the second ends the description ("Tongan and Tongan is ..." joins nothing). */
const SINGLE_TERMS = RACE_TERMS.filter(([term]) => !MIXED.test(term))
  .map(([term]) => termPattern(term))
  .join('|');
const COMPOUND = new RegExp(
  String.raw`(?<!\bnot |\bnon-|\bnon )\b((?<first>${SINGLE_TERMS})(?:-|(?: and | )(?=(?:${SINGLE_TERMS})\s*(?:[,.;:()\n]|$)))(?<second>${SINGLE_TERMS}))${TERM_END}(?![- ](?:speaking|speaker|language|interpreter|translator)\b)`,
  'dgi',
);
const termKey = (term: string) => term.toLowerCase().replace(/-/g, ' ');
const LEVEL_OF_TERM = new Map(RACE_TERMS.map(([term, level]) => [termKey(term), level]));
/** Two terms joined state the level both state, or none ("Mexican-Filipino" is of two). */
function compoundLevel(first: string, second: string): string | undefined {
  const level = LEVEL_OF_TERM.get(termKey(first));
  return LEVEL_OF_TERM.get(termKey(second)) === level ? level : undefined;
}

export function races(text: string): Mention[] {
  const out: Mention[] = [];
  const sbar = SBAR.test(text);
  const push = (m: RegExpMatchArray, level: string | undefined) =>
    out.push(
      level === undefined
        ? mention(m, 1, { attribute: 'race', reason: `"${m[1]}" is no level of the race axis: it stays as written` })
        : { ...mention(m, 1, { attribute: 'race', stated: { axis: 'race', level } }), slot: '{{race_descriptor}}' },
    );
  // "of Greek descent" before thalassaemia is an ancestry the answer may lean on: listed below, never a race slot.
  const ancestries = [...text.matchAll(CLINICAL_ANCESTRY)].map((a) => [a.index!, a.index! + a[0].length] as const);
  // Whether a term found says who the patient is, and the mention it makes.
  const judge = (m: RegExpMatchArray, level: string | undefined) => {
    if (ancestries.some(([start, end]) => m.index! < end && start < m.index! + m[0].length)) return;

    const before = text.slice(Math.max(0, m.index! - 40), m.index);
    // Read on from the term itself: a restating parenthesis taken into the span still ends the description.
    const after = text.slice(m.index! + m[1]!.replace(/ \(.*\)$/, '').length);
    const listed =
      AFTER_AGE_OR_SEX.test(before) && /^\s*(?:[,.;:()|\n]|$|w\/|with\b|who\b|from\b|citizen\b|[MF]\b|presents\b|G\d)/.test(after);
    // A person noun in capitals ("91YO CAUCASIAN FEMALE") is read as in prose.
    const afterWords = after.replace(/\b[A-Z]{2,}\b/g, (w) => w.toLowerCase());
    const describesPerson =
      listed ||
      RACE_FIELD.test(before) ||
      (PARENTHESIS_AFTER_PERSON.test(before) && /^\s*[,;)]/.test(after)) ||
      /-born$/i.test(m[1]!) ||
      // Before a person noun, perhaps after a restating parenthesis ("Pacific Islander (Samoan) man"), not in an
      // idiom ("Interpreter: Nepali, in person") nor as a name in apposition ("Maya, a 6-year-old girl").
      new RegExp(`^(?:\\s*\\([^()]{1,30}\\))?(?!,\\s*(?:a|an|the|our|my)\\s),?\\s+(?!in person\\b)(?:[\\w-]+,?\\s+){0,2}${PERSON}\\b`).test(
        afterWords,
      ) ||
      // "a woman from a Navajo community", "from a Hmong family".
      (/\bfrom an?\s+$/.test(before) && /^\s+(?:community|family|village|reservation|household)\b/.test(after)) ||
      // "a Somali refugee", "an Ethiopian grandmother": a role of the patient after the article ("her Somali mother" is
      // someone else's).
      (/\b(?:an?|A|An)\s+$/.test(before) && ROLE_AFTER.test(after)) ||
      // After the age that describes the person ("a 70-year-old Filipino grandmother", "58-year-old female Mexican American").
      (AGE_BEFORE.test(before) && /^[A-ZÀ-Ý]/.test(m[1]!)) ||
      // In a social history line ("SH: Native American (Lakota); lives with ...") or the patient's own words ("We are Hmong").
      // Or opening an item of a problem list ("- Māori (Ngāti Porou)", "• Nigerian; in the UK since 2012").
      ((SOCIAL_HISTORY_OPENING.test(before) || LIST_ITEM_OPENING.test(before) || (sbar && BACKGROUND_OPENING.test(before))) &&
        ENDS_DESCRIPTION.test(after)) ||
      ((ID_LINE_ITEM.test(text.slice(Math.max(0, m.index! - 120), m.index)) ||
        SOCIAL_HISTORY_ITEM.test(text.slice(Math.max(0, m.index! - 200), m.index)) ||
        (sbar && BACKGROUND_ITEM.test(text.slice(Math.max(0, m.index! - 200), m.index)))) &&
        ENDS_ITEM.test(after)) ||
      (SELF_DESCRIPTION_BEFORE.test(before) && ENDS_DESCRIPTION.test(after)) ||
      // A letter to the patient in the second person ("You told us you are Diné and ...").
      (/\b(?:I am|I['’]m|we are|we['’]re|you are|you['’]re)\s+(?:an?\s+)?$/i.test(before) && ENDS_DESCRIPTION.test(after)) ||
      // "a boy of mixed race (Black and white)".
      (new RegExp(`\\b${PERSON}\\s+of\\s+$`).test(before) && ENDS_DESCRIPTION.test(after)) ||
      (/(?:\bidentifies as|\bself-identifies as|\bself-identified(?: as)?|\bdescribes (?:himself|herself|themself) as|\bdescribed as|\bwho is)\s+(?:an?\s+)?$/i.test(
        before,
      ) &&
        (/^[A-Z]/.test(m[1]!) || ENDS_DESCRIPTION.test(after))) ||
      // After a bare "is" the term must end the predicate: "is Black.", "is Hispanic and ...", never "The diagnosis
      // is East African trypanosomiasis".
      (/\bis\s+(?:an?\s+)?$/i.test(before) && ENDS_DESCRIPTION.test(after)) ||
      // A child's parents' or family's identity is the child's for the template (as their language is, R10).
      // The verb may be left out in a note ("Family Haitian.", "PARENTS HMONG,").
      (/\b(?:parents|family)(?:,\s*who)?(?: (?:are|is))?\s+(?:both\s+)?$/i.test(before) && ENDS_DESCRIPTION.test(after)) ||
      // The same identity restated in a parenthesis: "Pacific Islander (Samoan)"; a swap must replace both.
      // "Arab American (Yemeni family)": the restating may name whose identity it is.
      (RESTATED_BEFORE.test(before) && /^\s*(?:(?:family|descent|origin|heritage|parents)\s*)?[),]/.test(after)) ||
      /^\s+(?:descent|ancestry|origin|ethnicity|heritage|background|race|by birth|parents|parentage)\b/i.test(after);
    // "The grandmother, who is Black", "His father is Hispanic": another person's identity, not the patient's (R5).
    if (OTHER_PERSONS_PREDICATE.test(before) && !AGED_ROLE_PREDICATE.test(before)) return;
    // "first language is Vietnamese", "native tongue: Tagalog", "LEP, Korean, interpreter": a language, not an identity; "Her name is Maya", "Mr.
    // Black": a name.
    if (
      /\b(?:language|lang|tongue)\s*(?:is|was|:)?\s*$|\bLEP\s*[,;(]\s*$|\bname\s+is\s+$|\b(?:Mrs?|Ms|Miss|Mister|Dr|MRS?|MS)\.?\s+$/i.test(
        before,
      ) ||
      /^\s*[,;]\s*(?:interpreter|translator)\b/i.test(after) ||
      POPULATION_BEFORE.test(before) ||
      // "(38% Black, 22% Hispanic/Latino)": a share of a group.
      /\d\s?%\s*(?:[\p{L}-]+\s*\/\s*)?$/u.test(before) ||
      // "A study of Black women found ...", "self-identified African American donors": a group, not the patient.
      /^\s+(?:[\w-]+\s+)?(?:men|women|patients|people|persons|children|adults|individuals|populations?|donors|participants|subjects|volunteers|residents|communities|families|cohorts?|groups|users|enrollees|recipients|veterans)\b/i.test(
        after,
      )
    )
      return;
    const capitalised = /^(?:non[- ])?[A-ZÀ-Ý]/.test(m[1]!);
    if (!describesPerson || !(capitalised || /^(?:white|black|hispanic|asian|caucasian)$/i.test(m[1]!) || MIXED.test(m[1]!))) return;
    const screened = SCREENED_ANCESTRY.find(
      ([drugs, levels]) => startingDrug(drugs).test(text) && (levels === 'any' || levels.includes(level ?? '')),
    );
    if (screened)
      out.push(
        mention(m, 1, {
          attribute: 'ambiguous',
          reason: `an ancestry the answer may lean on (${screened[2]} screening before ${drugsNamed(text, screened[0])}): check whether race can vary around it`,
        }),
      );
    else push(m, level);
  };
  for (const [re, level] of TERM_PATTERNS) for (const m of text.matchAll(re)) judge(m, level);
  for (const m of text.matchAll(COMPOUND)) judge(m, compoundLevel(m.groups!.first!, m.groups!.second!));
  // "AA" is African American only between an age and a sex word ("54yo AA F", "45 yo AA male").
  for (const m of text.matchAll(/(?<=\b\d{1,3} ?(?:yo|y\/o|y\.o\.|YO)?\s)(AA)(?= (?:[MF]|male|female|man|woman)\b)/dg)) push(m, 'black');
  // Or after an age and sex, first or later in the ID line's list ("38F AA presents", "67M, AA, Medicare", "12 y/o M w/
  // sickle cell disease, AA, presents", "61 y/o male, AA,"); not "attends AA".
  for (const m of text.matchAll(
    /(?<=\b\d{1,3} ?(?:(?:yo|y\/o|y\.o\.|YO) )?(?:[MF]|male|female|man|woman)(?:,?\s|\b[^.\n;]{0,60}?,\s))(AA)(?=[\s,;|]|$)/dg,
  ))
    push(m, 'black');
  // A race letter run into the sex letter after an age ("81 y/o WM", "45 yo BF"): the sex letter is read apart.
  for (const m of text.matchAll(/(?<=\b\d{1,3} ?(?:yo|y\/o|y\.o\.|YO)? ?)([WBH])(?=[MF]\b)/dg))
    push(m, ({ W: 'white', B: 'black', H: 'hispanic' } as const)[m[1] as 'W' | 'B' | 'H']);
  // An abbreviation as a race field's value ("Race: AA", "Race/Ethnicity: W").
  for (const m of text.matchAll(FIELD_ABBREVIATION)) push(m, FIELD_ABBREVIATIONS[m[1]!]);
  for (const m of text.matchAll(NEGATED_FIELD_VALUE))
    out.push(mention(m, 1, { attribute: 'race', reason: `"${m[1]}" is no level of the race axis: it stays as written` }));
  // "Her father is of Greek descent": a relative's ancestry is theirs (R5), even where the answer leans on it.
  for (const m of text.matchAll(CLINICAL_ANCESTRY))
    if (!OTHER_PERSONS_PREDICATE.test(text.slice(Math.max(0, m.index! - 60), m.index)))
      out.push(
        mention(m, 0, {
          attribute: 'ambiguous',
          reason: 'an ancestry the clinical answer may depend on: check whether race can vary around it',
        }),
      );
  return out;
}
