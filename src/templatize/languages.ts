import { LANGUAGES, RACE_TERMS } from './lexicon.js';
import { mention, SOCIAL_HISTORY_LABEL } from './mention.js';
import { OTHER_PERSON_NOUNS, UNSEXED_WORDS } from './people.js';
import type { Mention } from './types.js';

/** Language names as written in prose and in capitals ("SOMALI"), longest first. */
const LANGUAGE_NAMES = Object.keys(LANGUAGES)
  .sort((a, b) => b.length - a.length)
  .flatMap((name) => [name, name.toUpperCase()])
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
/** After a language name: no \b, which fails after an apostrophe or accent ("K'iche'", "Kreyòl"). */
const NAME_END = String.raw`(?![\wÀ-ɏ])`;
const LANGUAGE_OTHER_THAN_ENGLISH = new RegExp(String.raw`\b(?!English\b)(?:${LANGUAGE_NAMES})${NAME_END}`);
const LANGUAGE_BY_CAPITALS = new Map(Object.entries(LANGUAGES).map(([name, level]) => [name.toUpperCase(), { name, level }]));

/** Words before a language that say the patient speaks it ("speaks only", "monolingual", "history obtained in"). */
const SPEAKS = String.raw`(?:speaks|speaking|speak|spoke|spoken|prefers|prefer|understands|communicates|communicate|communicating|converses|signs|uses|use|using|monolingual|fluent)(?:\s+(?:only|mostly|mainly|primarily|predominantly|exclusively|in|via|through|using))*`;
const IN_LANGUAGE = String.raw`(?:obtained|taken|conducted|given|answers|responds|replies|interviewed|examined|counseled|counselled|consented|more comfortable|most comfortable|history|(?:receive|receiving|get|be seen|be given) (?:care|information|instructions|results)?|(?:letters|leaflets|materials|a summary|written information|consent forms?)(?= in (?!English\b))) in`;
/** After a language: it is the patient's ("Spanish-speaking", "Mandarin interpreter", "Spanish-language interpreter"). */
const AFTER_NAME = String.raw`(?:[- ]speaking| speakers?| interpreter| translator| user|[- ]language interpreter|[- ]dominant|-only| only speaker| only(?=\s*(?:[,;.)]|$))| (?:primary|preferred)(?=\s*(?:[,;.)]|$))| (?:first|primary|preferred|main|home) language| as (?:a |her |his |their )?(?:second|first) language)`;
/**
 * Labelled fields (D1): "Interpreter: Vietnamese", "Preferred language: Vietnamese", "LEP: yes (Russian)", also
 * with a dash for the colon ("Preferred language - Mandarin"), and inside a parenthesis ("(interpreter: Russian)").
 */
const FIELD = String.raw`(?:[Ii]nterpreter(?: [Nn]eeded| [Rr]equired| [Uu]sed| [Rr]equested)?|(?:Preferred |Primary |Spoken |Home )?[Ll]anguage(?: spoken| preference| of care)?|Lang|LEP|INTERPRETER|(?:PREFERRED |PRIMARY )?LANGUAGE)(?:\s*\([^()\n]{1,20}\))?(?:\s*:\s*|\s+[-–]\s+)(?:(?:yes|Yes|YES|Y|required|needed|requested)\s*)?[(-]?\s*`;

/**
 * Before a language phrase: another person speaks it ("his wife, who speaks only", "Her daughter is Spanish-speaking",
 * "her son speaks"); a bare noun only before a verb ("the staff Navajo interpreter" is the patient's need). The
 * writer's own "my mom only speaks Spanish" names the patient (D4).
 */
const ANOTHER_SPEAKER = new RegExp(
  String.raw`\b(?:${OTHER_PERSON_NOUNS})s?(?:,?\s+who(?:\s+is)?|\s+is)\s+(?:(?:only|also|mostly)\s+)?$`,
  'i',
);
const ANOTHER_SUBJECT = new RegExp(String.raw`\b(?:${OTHER_PERSON_NOUNS})s?\s+(?:(?:only|also|mostly)\s+)?$`, 'i');
/** The same subject opening its sentence, with a predicate between ("Her nephew (POA) lives in Naples and speaks only"). */
const ANOTHER_SUBJECT_FAR = new RegExp(
  String.raw`(?:^|[.;!?]\s+|\n)(?:(?:his|her|their|the|pt['’]s|patient['’]s)\s+)?(?:[\w-]+\s+)?(?:${OTHER_PERSON_NOUNS})s?(?:\s*\([^()]{1,20}\))?\s+[^.;,()\n]{1,40}?\s+and\s+(?:(?:only|also|mostly)\s+)?$`,
  'i',
);
const WRITERS_RELATIVE = new RegExp(String.raw`\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:${OTHER_PERSON_NOUNS})s?\b[^.;]*$`, 'i');
/** The same noun as the patient's own role, described by their age ("a 45-year-old nurse who speaks only Tagalog"). */
const AGED_ROLE = new RegExp(
  String.raw`\d{1,3}[- ](?:year|yr)s?[- ]old\s+(?:[\w-]+\s+)?(?:${OTHER_PERSON_NOUNS})(?:,?\s+who(?:\s+is)?|\s+is)?\s+$`,
  'i',
);
/** A social history line up to an item ("SH: retired; lives alone;"). */
const SOCIAL_HISTORY_LINE = String.raw`${SOCIAL_HISTORY_LABEL}[^\n]*`;
/** A child patient, whose caregivers' language is keyed as theirs (R10). "x 6 wks" is a duration, not an age. */
const CHILD =
  /\b(?:(?:[0-9]|1[0-7])[- ](?:year|yr)s?[- ]old|\d{1,2}[- ](?:month|week|day)s?[- ]old|\d{1,2} ?(?:mo|mos|wk|wks)(?=,? ?(?:old|[MF]|boy|girl|infant|baby|son|daughter)\b)|(?:[0-9]|1[0-7]) ?(?:yo|y\/o|y\.o\.)|infant|newborn|neonate|toddler|baby|boy|girl|child)\b/i;

/** Whether the text is about a child, whose caregivers' language is keyed as theirs (R10). */
export const childPatient = (text: string): boolean => CHILD.test(text);

/**
 * A language the patient speaks ("speaks only Spanish", "Spanish-speaking", "preferred language is Spanish",
 * "a Spanish interpreter", "history obtained in Spanish", a labelled field), in prose or in capitals ("REQUIRES
 * SOMALI INTERPRETER": no slot renders capitals, so it is pinned), and English stated as lacking ("limited
 * English", "does not speak English"). A name in lowercase is not read: "speaking french" is rare, "speak up" is not.
 */
export function languages(text: string): Mention[] {
  const named = (m: RegExpMatchArray, group: number): Mention[] => {
    const written = m[group]!;
    const known = written in LANGUAGES ? { name: written, level: LANGUAGES[written] } : LANGUAGE_BY_CAPITALS.get(written);
    if (!known) return [];
    const capitals = written !== known.name;
    return [
      {
        ...mention(m, group, { attribute: 'language' }),
        ...(known.level
          ? { stated: { axis: 'language' as const, level: known.level }, ...(capitals ? {} : { slot: '{{language_label}}' }) }
          : { reason: `"${written}" is no level of the language axis: it stays as written` }),
        ...(known.level && capitals ? { reason: 'written in capitals: no slot renders it back, so it is kept as written' } : {}),
      },
    ];
  };
  const lacking =
    /\b(?:(?:little|limited|no|minimal|poor|broken) English(?: proficiency)?|(?:does not|doesn't|doesnt|cannot|can't|do not|don't|dont) (?:speak|read|understand|write) (?:much |any |good |a lot of )?English|(?:my|his|her|their) English is (?:limited|poor|minimal|basic|not good)|[Nn]on-English[- ]speaking|NON-ENGLISH[- ]SPEAKING|LIMITED ENGLISH(?: PROFICIENCY)?|English (?:as an? )?second language|LEP(?=\s*[,;(|—–]|\s*$))\b/dg;
  // An adult relative's or companion's language is theirs, not the patient's; a child's caregiver's is the child's (R10).
  const child = childPatient(text);
  const theirs = (m: RegExpMatchArray) => {
    const before = text.slice(Math.max(0, m.index! - 60), m.index);
    // "Mom only speaks Vietnamese": a relation capitalised as a name, with no possessive, is the patient in a relative's voice (D4).
    if (/(?:^|[^\p{L}\s]\s*|\n)(?:Mom|Dad|Mum|Grandma|Grandpa|Nana)\s+(?:(?:only|also|mostly)\s+)?$/u.test(before)) return false;
    // "his interpreter spoke Amharic": the language an interpreter speaks is the patient's need.
    if (/\b(?:interpreter|translator)s?\s+(?:[\w-]+\s+)?$/i.test(before)) return false;
    const another =
      ANOTHER_SPEAKER.test(before) ||
      (/^[a-z]/.test(m[0]) && (ANOTHER_SUBJECT.test(before) || ANOTHER_SUBJECT_FAR.test(text.slice(Math.max(0, m.index! - 100), m.index))));
    return !child && another && !AGED_ROLE.test(before) && !WRITERS_RELATIVE.test(before);
  };
  // "speaks Tongan at home, fluent English", "Mother prefers Hindi; father speaks English", "I'm the only one who speaks
  // English; I interpret for my mom": English spoken beside another language's need, or by someone who interprets
  // for another, bridges that need: it states none of the patient's.
  const spokenEnglish = (m: Mention) => m.surface === 'English' && SPOKEN_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start));
  const notPatients = (m: RegExpMatchArray) => {
    const after = text.slice(m.index! + m[0].length);
    return groupAfter(after) || SOMEONE_ELSE_AFTER.test(after);
  };
  const find = (pattern: string, flags = 'dg') =>
    [...text.matchAll(new RegExp(pattern.replaceAll(String.raw`(${LANGUAGE_NAMES})\b`, `(${LANGUAGE_NAMES})${NAME_END}`), flags))].flatMap(
      (m) => (theirs(m) || notPatients(m) ? [] : named(m, 1)),
    );
  const found = [
    ...[...text.matchAll(lacking)]
      .filter((m) => !theirs(m))
      .map((m) =>
        mention(m, 0, { attribute: 'language', reason: 'English stated as lacking: the language is pinned to the one named, not varied' }),
      ),
    ...find(String.raw`\b(?:${SPEAKS}|${IN_LANGUAGE})\s+(?:an?\s+|the\s+)?(${LANGUAGE_NAMES})\b`, 'dgi'),
    ...find(String.raw`\b(${LANGUAGE_NAMES})${AFTER_NAME}\b`, 'dgi'),
    ...find(String.raw`\b(?:primary|preferred|native|first|only|main|home) (?:language|tongue)(?: is|:|,)?\s+(${LANGUAGE_NAMES})\b`, 'dgi'),
    // "Non-English speaking (Amharic)", "limited English proficiency (Dari)", "LEP, Vietnamese": the language named beside the lack.
    ...find(
      String.raw`\b(?:non-English[- ]speaking|(?:limited|little|no) English(?: proficiency)?|(?:does not|doesn't) speak English|LEP)\s*(?:\(|[,;]\s*)(${LANGUAGE_NAMES})\b`,
      'dgi',
    ),
    ...find(
      String.raw`\b(${LANGUAGE_NAMES}) is (?:his|her|their|your|the patient's|the family's|a) (?:primary|preferred|native|first|only|main|second) language\b`,
    ),
    ...find(String.raw`\b${FIELD}(${LANGUAGE_NAMES})\b`),
    // "Speaks English and Hmong", "Michif and English" on an ID line: the second language of a pair the patient speaks.
    ...find(String.raw`\b(?:${SPEAKS})\s+(?:${LANGUAGE_NAMES})${NAME_END}\s+and\s+(${LANGUAGE_NAMES})\b`, 'dgi'),
    // "bilingual (Spanish/English)": the language named first.
    ...find(String.raw`\bbilingual \((${LANGUAGE_NAMES})\b`),
    // "SH: Japanese American; English; Medicare": a language alone as an item of a social history line (a name that is
    // also an ethnicity, "Korean", is read as race there).
    ...find(String.raw`(?<=${SOCIAL_HISTORY_LINE}[;.]\s*)(${LANGUAGE_NAMES})(?=\s*(?:[;.](?:\s|$)|\n|$))`).filter(
      (m) => !RACE_TERMS.some(([term]) => term.toLowerCase() === m.surface.toLowerCase()),
    ),
    // "interpreter (Spanish)", "interpreter for Arabic", "interpreter used (Mandarin)".
    ...find(String.raw`\binterpreter(?: used| present| requested| needed| required)? (?:\(|for )(${LANGUAGE_NAMES})\b`, 'dgi'),
    // "in Spanish through the interpreter line", "in Dari via a video interpreter".
    ...find(String.raw`\bin (${LANGUAGE_NAMES}) (?:through|via|with|using|by) (?:an? |the )?(?:[\w-]+ )?interpreter`, 'dgi'),
  ];
  // Only a language the patient is found to have bridges: a neighbour's ("interprets for a Hmong-speaking
  // neighbour; the patient speaks only English") does not.
  const bridged = INTERPRETS_FOR.test(text) || found.some((m) => LANGUAGE_OTHER_THAN_ENGLISH.test(m.surface) && isLanguageName(m.surface));
  return withoutStrayInterpreters(
    text,
    found.filter((m) => !(bridged && spokenEnglish(m))),
  );
}

/**
 * After a language: a group of people, perhaps at the end of a list of languages ("Spanish-speaking, Haitian
 * Creole-speaking and ASL users", "Spanish speakers"): a service's or a study's, not the patient's.
 */
const GROUP_NOUN = /^(?:users|patients|families|clients|residents|communities|populations|people|persons|speakers|households|members)$/;
const LIST_WORD = /^(?:-?speaking|and|or|\p{Lu}[\p{L}'’-]*)$/u;
function groupAfter(after: string): boolean {
  const words = /^[^.;:\n()]{0,80}/
    .exec(after)![0]
    .split(/[\s,]+/)
    .filter((w) => w !== '');
  const group = words.findIndex((w) => GROUP_NOUN.test(w));
  return group !== -1 && words.slice(0, group).every((w) => LIST_WORD.test(w));
}
/**
 * After a language: someone else who speaks it ("a Hmong-speaking neighbour", "the Welsh-speaking clinician"). A
 * caregiver's language is a child's (R10), and an interpreter's is the patient's need: neither is read here.
 */
const SOMEONE_ELSE_AFTER = new RegExp(
  String.raw`^(?:[- ]speaking)?\s+(?!(?:interpreter|translator|caregiver|carer|guardian)s?\b)(?:${UNSEXED_WORDS})s?\b`,
  'i',
);

/** Before a language: words saying someone speaks it ("speaks", "fluent in", "comfortable in"). */
const SPOKEN_BEFORE = new RegExp(String.raw`\b(?:${SPEAKS}|comfortable)(?: in)?\s+$`, 'i');
/** Someone interpreting for another person: "I interpret for my mom", "she interprets for her parents". */
const INTERPRETS_FOR = /\binterpret(?:s|ed|ing)? for (?:my|his|her|their|our|the) /i;
/** Right after a language name: it is an interpreter's ("Spanish interpreter", "Spanish-language translator"). */
const INTERPRETER_AFTER = /^(?:[- ]language)?[- ](?:interpreter|translator)\b/i;
const isLanguageName = (surface: string) => surface in LANGUAGES || LANGUAGE_BY_CAPITALS.has(surface);

/**
 * "Grandmother speaks only Mam; Mam interpreter unavailable, Spanish interpreter used with partial understanding":
 * an interpreter of a language nobody is said to speak, where another language (not English) is said to be spoken,
 * is a stopgap, not the patient's need. It stays as written, listed for review.
 */
function withoutStrayInterpreters(text: string, found: Mention[]): Mention[] {
  const ofInterpreter = (m: Mention) => INTERPRETER_AFTER.test(text.slice(m.end));
  const spoken = [
    ...new Set(
      found.filter((m) => !ofInterpreter(m) && isLanguageName(m.surface) && m.surface.toLowerCase() !== 'english').map((m) => m.surface),
    ),
  ];
  const isSpoken = (name: string) => spoken.some((s) => s.toLowerCase() === name.toLowerCase());
  return found.map(
    (m): Mention =>
      spoken.length > 0 && ofInterpreter(m) && !isSpoken(m.surface)
        ? {
            start: m.start,
            end: m.end,
            surface: m.surface,
            attribute: 'language',
            reason: `an interpreter of ${m.surface} where the text names ${spoken.join(', ')} as spoken: a stopgap, not the patient's language`,
          }
        : m,
  );
}

/**
 * An interpreter, named or not ("phone interpreter", "interpreter present"): the language cannot vary around it
 * (an English-speaking variant with an interpreter makes no sense), so a named language is pinned. Not a span of
 * its own (R10): an interpreter that names no language states none.
 */
export const INTERPRETER = /\binterpret(?:er|ers|s|ed|ing)\b/i;
