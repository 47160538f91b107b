import { LANGUAGES } from './lexicon.js';
import { mention } from './mention.js';
import type { Mention } from './types.js';

/** Language names as written in prose and in capitals ("SOMALI"), longest first. */
const LANGUAGE_NAMES = Object.keys(LANGUAGES)
  .sort((a, b) => b.length - a.length)
  .flatMap((name) => [name, name.toUpperCase()])
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const LANGUAGE_BY_CAPITALS = new Map(Object.entries(LANGUAGES).map(([name, level]) => [name.toUpperCase(), { name, level }]));

/** Words before a language that say the patient speaks it ("speaks only", "monolingual", "history obtained in"). */
const SPEAKS = String.raw`(?:speaks|speaking|speak|prefers|understands|communicates|communicate|communicating|converses|signs|uses|using|monolingual|fluent)(?:\s+(?:only|mostly|mainly|primarily|predominantly|exclusively|in|via|through|using))*`;
const IN_LANGUAGE = String.raw`(?:obtained|taken|conducted|given|answers|responds|replies|interviewed|examined|counseled|counselled|consented|more comfortable|most comfortable|history) in`;
/** After a language: it is the patient's ("Spanish-speaking", "Mandarin interpreter", "Spanish-language interpreter"). */
const AFTER_NAME = String.raw`(?:[- ]speaking| speaker| interpreter| translator| user|[- ]language interpreter|[- ]dominant|-only| only speaker)`;
/**
 * Labelled fields (D1): "Interpreter: Vietnamese", "Preferred language: Vietnamese", "LEP: yes (Russian)", also
 * with a dash for the colon ("Preferred language - Mandarin"), and inside a parenthesis ("(interpreter: Russian)").
 */
const FIELD = String.raw`(?:[Ii]nterpreter(?: [Nn]eeded| [Rr]equired| [Uu]sed| [Rr]equested)?|(?:Preferred |Primary |Spoken |Home )?[Ll]anguage(?: spoken| preference| of care)?|Lang|LEP|INTERPRETER|(?:PREFERRED |PRIMARY )?LANGUAGE)(?:\s*:\s*|\s+[-–]\s+)(?:(?:yes|Yes|YES|Y|required|needed|requested)\s*)?[(-]?\s*`;

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
    /\b(?:(?:little|limited|no|minimal|poor|broken) English(?: proficiency)?|(?:does not|doesn't|cannot|can't|do not|don't) speak English|[Nn]on-English[- ]speaking|NON-ENGLISH[- ]SPEAKING|LIMITED ENGLISH(?: PROFICIENCY)?)\b/dg;
  const find = (pattern: string, flags = 'dg') => [...text.matchAll(new RegExp(pattern, flags))].flatMap((m) => named(m, 1));
  return [
    ...[...text.matchAll(lacking)].map((m) =>
      mention(m, 0, { attribute: 'language', reason: 'English stated as lacking: the language is pinned to the one named, not varied' }),
    ),
    ...find(String.raw`\b(?:${SPEAKS}|${IN_LANGUAGE})\s+(?:an?\s+|the\s+)?(${LANGUAGE_NAMES})\b`, 'dgi'),
    ...find(String.raw`\b(${LANGUAGE_NAMES})${AFTER_NAME}\b`, 'dgi'),
    ...find(String.raw`\b(?:primary|preferred|native|first|only|main|home) (?:language|tongue)(?: is|:|,)\s+(${LANGUAGE_NAMES})\b`, 'dgi'),
    // "Non-English speaking (Amharic)", "limited English proficiency (Dari)": the language named beside the lack.
    ...find(String.raw`\b(?:non-English[- ]speaking|(?:limited|little|no) English(?: proficiency)?|LEP)\s*\((${LANGUAGE_NAMES})\)`, 'dgi'),
    ...find(
      String.raw`\b(${LANGUAGE_NAMES}) is (?:his|her|their|the patient's|the family's) (?:primary|preferred|native|first|only|main) language\b`,
    ),
    ...find(String.raw`\b${FIELD}(${LANGUAGE_NAMES})\b`),
    // "interpreter (Spanish)", "interpreter for Arabic".
    ...find(String.raw`\binterpreter (?:\(|for )(${LANGUAGE_NAMES})\b`, 'dgi'),
  ];
}

/**
 * An interpreter, named or not ("phone interpreter", "interpreter present"): the language cannot vary around it
 * (an English-speaking variant with an interpreter makes no sense), so a named language is pinned. Not a span of
 * its own (R10): an interpreter that names no language states none.
 */
export const INTERPRETER = /\binterpret(?:er|ers|s|ed|ing)\b/i;
