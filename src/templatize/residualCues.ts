import { LANGUAGES, RACE_TERMS } from './lexicon.js';
import type { Mention } from './types.js';

interface Span {
  start: number;
  end: number;
}

const literally = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Race and ethnicity terms as the lexicon writes them (capitalised: "white" before "blood" is no one's race). */
const RACE_WORD = new RegExp(String.raw`(?<![\p{L}-])(?:${RACE_TERMS.map(([t]) => literally(t)).join('|')})(?![\p{L}-])`, 'gu');
/**
 * An origin stated in a form of its own, whatever the people named ("of Igbo extraction", "of Punjabi Sikh
 * background", "Guatemalan Maya origin", "the Santhal community"), or a capitalised word between an age and the noun it describes ("a
 * 70-year-old Malay lady", "45-year-old male Eurasian taxi driver"): an ethnicity, nationality or religion the
 * lexicon may not know.
 */
const ORIGIN =
  /\b(?:of )?(?:\p{Lu}[\p{Ll}'’-]+ ){1,3}(?:extraction|background|descent|heritage|origin|ancestry)\b|(?<=\bthe )(?:\p{Lu}[\p{Ll}'’-]+ ){1,2}(?:community|tribe|people|[Nn]ation|caste|clan)\b|(?<=\b\d{1,3}[- ]?(?:years?|yrs?|months?)[- ]old,? (?:(?!(?:with|and|who|has|had|is|was|in|on|at|from|of|for|to|presents?|comes?)\b)[\p{Ll}-]+ ){0,2})\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}\p{Ll}[\p{L}'’-]*)*(?= [\p{Ll}])/gu;
/**
 * A word about paying for care: insurance, coverage, a medical aid or health scheme, a named public programme
 * ("MediShield Life", "Medi-Cal", "COBRA", "NHIA cover", "enrolled in the NHIS"), an employer's plan or a large
 * insurer's name ("Employer-sponsored Cigna plan", "Private cover: Bupa").
 */
const COVERAGE =
  /\b(?:(?:un|under)?insur(?:ance|ed|er)|coverage|covered (?:by|under|through)|medical aid|health (?:benefits|scheme|plan|system|cover)|self[- ]?pay(?:ing)?|Medi(?:-Cal|caid|care|[A-Z]\w+)|COBRA|co-?pays?|enrolled in (?:the )?\p{Lu}{2,}|\p{Lu}{2,}(?:-\p{Lu}+)? cover|(?:private|public|health|medical) cover|employer[- ](?:sponsored|provided|based)|Aetna|Cigna|Humana|Anthem|Kaiser(?: Permanente)?|UnitedHealth\w*|Blue (?:Cross|Shield)|BCBS|TRICARE|Tricare|Bupa|Medibank|IHS|Indian Health Service)\b/gu;
/**
 * A language named or spoken ("speaks isiXhosa only", "limited Spanish", "Tamil-speaking"); an interpreter is
 * templatizeCase's to judge.
 */
const LANGUAGE_WORD = new RegExp(
  String.raw`(?<![\p{L}-])(?:${Object.keys(LANGUAGES).map(literally).join('|')})(?![\p{L}])|\bspeaks? (?:only |mainly |mostly |little |some |limited |no )?\p{Ll}{0,3}\p{Lu}\p{L}+|\b[\p{L}'’]+-speaking\b`,
  'gu',
);
/** A courtesy or religious title before a name that the sex-word detector does not read ("Fr. Dominic", "Herr Becker", "Sr. Mary"). */
const TITLE_WORD =
  /\b(?:Mrs?|Ms|Mx|Miss|Sr|Fr|Sra|Srta|Sig\.?ra|Herr|Frau|Mme|Mlle|Madam|Se[ñn]ora?|Sister|Father|Brother|Dame|Sir)\.?(?= \p{Lu}\p{Ll})/gu;
/** An age in a form of its own ("78 y/o", "aged 70", "43 years of age"). */
const AGE_WORD = /\b\d{1,3} ?(?:-?years?-?old|yo|y\/o|y\.o\.|yrs? old|years of age)\b|\baged? \d{1,3}\b/gi;

/** The rest of a clause. */
const CLAUSE_REST = /^[^.;,\n]*/;

const KINDS: readonly { pattern: RegExp; what: string; toClauseEnd: boolean }[] = [
  { pattern: RACE_WORD, what: 'a race or ethnicity term', toClauseEnd: false },
  { pattern: ORIGIN, what: 'an origin, ethnicity or nationality', toClauseEnd: false },
  { pattern: COVERAGE, what: 'a coverage or payment word', toClauseEnd: true },
  { pattern: LANGUAGE_WORD, what: 'a language word', toClauseEnd: false },
  { pattern: TITLE_WORD, what: 'a title stating sex', toClauseEnd: false },
  { pattern: AGE_WORD, what: 'an age', toClauseEnd: false },
];

/**
 * The demographic words a template would keep as written with nobody told: words the detector's own lexicons
 * recognise that no detector read at all (neither as the patient's nor as someone else's). Each is listed for review
 * as `ambiguous`, never slotted, so a cue the detector cannot place is at worst the same in every variant and
 * flagged, not silently repeated. A coverage word is listed with the rest of its clause ("coverage is QUEST
 * Integration"), where the plan's name is, up to the next span the detector read.
 */
export function residualCues(text: string, read: readonly Span[]): Mention[] {
  const found: Mention[] = [];
  const overlapping = (s: Span) => (r: Span) => s.start < r.end && r.start < s.end;
  const taken = (s: Span) => read.some(overlapping(s)) || found.some(overlapping(s));
  for (const { pattern, what, toClauseEnd } of KINDS)
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      let end = start + m[0].length;
      if (taken({ start, end })) continue;
      if (toClauseEnd) {
        const nextRead = read.reduce((first, r) => (r.start >= end && r.start < first ? r.start : first), Number.POSITIVE_INFINITY);
        end = Math.min(end + CLAUSE_REST.exec(text.slice(end))![0].length, nextRead);
      }
      const surface = text.slice(start, end).trimEnd();
      found.push({
        start,
        end: start + surface.length,
        attribute: 'ambiguous',
        surface,
        reason: `${what} the detector could not place: kept as written, the same in every variant; check whether it is the patient's`,
      });
    }
  return found.sort((a, b) => a.start - b.start);
}
