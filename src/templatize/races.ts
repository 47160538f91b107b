import { CLINICAL_ANCESTRY, RACE_TERMS } from './lexicon.js';
import { mention, PERSON } from './mention.js';
import { OTHER_PERSON_NOUNS } from './people.js';
import type { Mention } from './types.js';

/** Before a race term: it opens an ID line's list after an age or sex ("58M, white,", "Mr. Yazzie (49), Navajo,"). */
const AFTER_AGE_OR_SEX = /(?:\b\d{1,3} ?(?:[MF]|yo|y\/o|y\.o\.|YO)?|-yo|\b[MF]|\(\d{1,3}\))\s*,?\s+$/;
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
/** The drug about to be started ("is started on carbamazepine", "to start primaquine"): screening comes before it. */
const startingDrug = (drugs: RegExp) =>
  new RegExp(
    String.raw`\b(?:start\w*|initiat\w*|begin\w*|prescrib\w*|consider\w*|plan\w* to|about to|to receive|be given)\b[^.;]{0,40}${drugs.source}`,
    'i',
  );
const drugsNamed = (text: string, drugs: RegExp) =>
  [...new Set([...text.matchAll(new RegExp(drugs.source, 'gi'))].map((d) => d[0].toLowerCase()))].join(', ');
/** Before a race term: a predicate about someone other than the patient ("her husband, who is", "His father is"). */
const OTHER_PERSONS_PREDICATE = new RegExp(String.raw`\b(?:${OTHER_PERSON_NOUNS})(?:,\s*who)?\s+(?:is|was)\s+(?:an?\s+)?$`, 'i');
/** The same, for a role the patient's age describes ("a 45-year-old nurse, who is Black"): the patient. */
const AGED_ROLE_PREDICATE = new RegExp(
  String.raw`\d{1,3}[- ](?:year|yr)s?[- ]old\s+(?:[\w-]+\s+)?(?:${OTHER_PERSON_NOUNS})(?:,\s*who)?\s+(?:is|was)\s+(?:an?\s+)?$`,
  'i',
);
/** Before a race term: another race term and an opening parenthesis ("Pacific Islander (Samoan)"). */
const RESTATED_BEFORE = new RegExp(String.raw`\b(?:${RACE_TERMS.map(([term]) => term.replace(/[- ]/g, '[- ]')).join('|')})\s*\(\s*$`, 'i');
/** After a race term: the description ends there (punctuation, the end, or a joining word). */
const ENDS_DESCRIPTION = /^\s*(?:[.,;:)!?]|(?:and|or|but|with|who)\b|$)/;
/** Before a race term: a labelled field ("Race: White", "Ethnicity: Hispanic/Latino"). */
const RACE_FIELD =
  /\b(?:(?:Self-identified |Self-reported )?(?:Race|Ethnicity|Race\/[Ee]thnicity|Ethnic (?:group|origin|background))|RACE|ETHNICITY|RACE\/ETHNICITY)\s*:\s*$/;

/**
 * A race or ethnicity term describing a person: before a person noun; after "is", "identifies as"; before "descent",
 * "origin"; first in a parenthesis after the person ("man (Black)"); in an ID line after the age or sex ("19 y/o M, Hispanic,", "54yo AA F",
 * "38F AA"); restated in a parenthesis ("Pacific Islander (Samoan)"); said of a child's parents ("Her parents are
 * Hmong"); or as a labelled field's value.
 * "Nigerian-born" states the origin as one span. A possessive ("White's classification") is a name.
 */
export function races(text: string): Mention[] {
  const out: Mention[] = [];
  const push = (m: RegExpMatchArray, level: string | undefined) =>
    out.push(
      level === undefined
        ? mention(m, 1, { attribute: 'race', reason: `"${m[1]}" is no level of the race axis: it stays as written` })
        : { ...mention(m, 1, { attribute: 'race', stated: { axis: 'race', level } }), slot: '{{race_descriptor}}' },
    );
  for (const [term, level] of RACE_TERMS) {
    // "Not Hispanic or Latino", "non-Hispanic": a term negated states another level, or none ("non-Hispanic Black" is a term).
    // "Ghanaian American" is one span: a slot replaces the whole identity.
    const re = new RegExp(`(?<!\\bnot |\\bnon-|\\bnon )\\b(${term.replace(/[- ]/g, '[- ]')}(?:-born|[- ]American)?)\\b(?!['’]s)`, 'dgi');
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index! - 40), m.index);
      const after = text.slice(m.index! + m[0].length);
      const listed = AFTER_AGE_OR_SEX.test(before) && /^\s*(?:[,.;:(\n]|$|w\/|with\b|who\b|[MF]\b|presents\b)/.test(after);
      const describesPerson =
        listed ||
        RACE_FIELD.test(before) ||
        (PARENTHESIS_AFTER_PERSON.test(before) && /^\s*[,;)]/.test(after)) ||
        /-born$/i.test(m[1]!) ||
        new RegExp(`^,?\\s+(?:[\\w-]+,?\\s+){0,2}${PERSON}\\b`).test(after) ||
        (/(?:\bidentifies as|\bself-identifies as|\bdescribes (?:himself|herself|themself) as|\bdescribed as|\bwho is)\s+(?:an?\s+)?$/i.test(
          before,
        ) &&
          (/^[A-Z]/.test(m[1]!) || ENDS_DESCRIPTION.test(after))) ||
        // After a bare "is" the term must end the predicate: "is Black.", "is Hispanic and ...", never "The diagnosis
        // is East African trypanosomiasis".
        (/\bis\s+(?:an?\s+)?$/i.test(before) && ENDS_DESCRIPTION.test(after)) ||
        // A child's parents' or family's identity is the child's for the template (as their language is, R10).
        (/\b(?:parents|family) (?:are|is)\s+(?:both\s+)?$/i.test(before) && ENDS_DESCRIPTION.test(after)) ||
        // The same identity restated in a parenthesis: "Pacific Islander (Samoan)"; a swap must replace both.
        (RESTATED_BEFORE.test(before) && /^\s*\)/.test(after)) ||
        /^\s+(?:descent|ancestry|origin|ethnicity|heritage|background|race|by birth)\b/i.test(after);
      // "The grandmother, who is Black", "His father is Hispanic": another person's identity, not the patient's (R5).
      if (OTHER_PERSONS_PREDICATE.test(before) && !AGED_ROLE_PREDICATE.test(before)) continue;
      // "first language is Vietnamese", "native tongue: Tagalog": a language, not an identity.
      if (/\b(?:language|tongue)\s*(?:is|was|:)?\s*$/i.test(before)) continue;
      const capitalised = /^(?:non[- ])?[A-ZÀ-Ý]/.test(m[1]!);
      if (!describesPerson || !(capitalised || /^(white|black|hispanic|asian|caucasian)$/i.test(m[1]!))) continue;
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
    }
  }
  // "AA" is African American only between an age and a sex word ("54yo AA F", "45 yo AA male").
  for (const m of text.matchAll(/(?<=\b\d{1,3} ?(?:yo|y\/o|y\.o\.|YO)?\s)(AA)(?= (?:[MF]|male|female|man|woman)\b)/dg)) push(m, 'black');
  // Or right after a run-together age and sex ("38F AA presents").
  for (const m of text.matchAll(/(?<=\b\d{1,3}[MF]\s)(AA)(?=\s)/dg)) push(m, 'black');
  for (const m of text.matchAll(CLINICAL_ANCESTRY))
    out.push(
      mention(m, 0, {
        attribute: 'ambiguous',
        reason: 'an ancestry the clinical answer may depend on: check whether race can vary around it',
      }),
    );
  return out;
}
