import type { Gender } from './lexicon.js';
import type { Person } from './people.js';
import type { Mention } from './types.js';

/**
 * Decides whom each gendered mention describes. The patient's sex is that of the first sex word or title, or of
 * the first pronoun when there is none. A sex word, title or pronoun of the other sex is someone else's: after a
 * person named before it (a relative, a clinician) it is theirs and dropped, otherwise it is listed as
 * `ambiguous` (someone else, or a typo). A pronoun of the patient's sex near a relative of that sex ("her
 * daughter says she...") may be either's and is `ambiguous` too, unless it stands before a relative noun ("her
 * mother's"), where it is the patient's (R5). Ambiguous spans are kept as written, never guessed. A spouse span
 * keeps its possessive slot only when the possessive is the patient's. Returns the mentions and the patient's sex.
 */
export function assignMentions(
  mentions: readonly Mention[],
  people: readonly Person[],
  text: string,
): { mentions: Mention[]; sex: Gender | undefined } {
  // In the patient's own words ("I'm 45, female") a third-person pronoun is someone else's (R11).
  const own = selfDescribed(text) ? mentions.filter((m) => m.attribute !== 'pronoun') : mentions;
  const speakers = own.filter((m) => m.attribute === 'pronoun' && isSpeaker(text, m, people));
  const sex =
    own.find((m) => (m.attribute === 'sex' || m.attribute === 'title') && m.gender)?.gender ??
    own.find((m) => m.attribute === 'pronoun' && !speakers.includes(m))?.gender;
  if (sex === undefined) return { mentions: own.filter((m) => !speakers.includes(m)), sex };
  const assigned = own.flatMap((m): Mention[] => {
    if (speakers.includes(m) && m.gender !== sex) return [];
    const { slot: _slot, ...unslotted } = m;
    if (m.attribute === 'ambiguous') return m.slot && m.gender !== sex ? [unslotted] : [m];
    if (m.attribute !== 'sex' && m.attribute !== 'title' && m.attribute !== 'pronoun') return [m];
    if (m.gender !== sex) {
      if (people.some((p) => p.end <= m.start)) return [];
      return [
        {
          ...unslotted,
          attribute: 'ambiguous',
          reason: `"${m.surface}" is ${m.gender} and the patient is ${sex} (from the first sex word or pronoun): someone else, or a typo; kept as written`,
        },
      ];
    }
    if (m.attribute !== 'pronoun' || beforeRelative(text, m, people)) return [m];
    const relative = people.find(
      (p) => p.gender === sex && p.end <= m.start && sameOrPreviousSentence(text, p.end, m.start) && !objectOf(text, p, m, own),
    );
    if (relative)
      return [
        {
          ...unslotted,
          attribute: 'ambiguous',
          reason: `may refer to the patient or to the "${relative.surface}" mentioned before it; kept as written`,
        },
      ];
    return [m];
  });
  return { mentions: assigned, sex };
}

/** "I am a 30-year-old woman", "I'm 45, female": the patient speaks and describes themself. */
function selfDescribed(text: string): boolean {
  return /\bI(?: am|'m|’m) (?:an? )?(?:\d|[\w-]+-year-old|male|female|man|woman)/.test(text);
}

/**
 * A pronoun opening a report right after another person was named ("the patient's husband. He says she...") is that
 * person speaking (D5), not the patient.
 */
function isSpeaker(text: string, m: Mention, people: readonly Person[]): boolean {
  return (
    /^ (?:says|said|states|stated|reports|reported|tells|told|notes|noted|calls|called)\b/.test(text.slice(m.end)) &&
    people.some(
      (p) => (p.gender === undefined || p.gender === m.gender) && p.end <= m.start && sameOrPreviousSentence(text, p.end, m.start),
    )
  );
}

/**
 * An object pronoun in the sentence of the relative it follows, with no pronoun of that sex between them, is not
 * the relative ("His boyfriend brought him in", "Pt's brother donated a kidney to him"): that would be "himself".
 */
function objectOf(text: string, p: Person, m: Mention, mentions: readonly Mention[]): boolean {
  return (
    /^\{\{[Tt]hem\}\}$/.test(m.slot ?? '') &&
    sameOrPreviousSentence(text, p.end, m.start) &&
    !/[.!?;\n]/.test(text.slice(p.end, m.start)) &&
    !mentions.some((o) => o.attribute === 'pronoun' && o.gender === m.gender && o.start > p.end && o.start < m.start)
  );
}

/** A possessive right before a relative noun, perhaps with one word between ("her maternal aunt"). */
function beforeRelative(text: string, m: Mention, people: readonly Person[]): boolean {
  return people.some((p) => p.start > m.end && /^ (?:[\w-]+ )?$/.test(text.slice(m.end, p.start)));
}

/** No more than one sentence end between two offsets. */
function sameOrPreviousSentence(text: string, from: number, to: number): boolean {
  return (text.slice(from, to).match(/[.!?;\n](?:\s|$)/g) ?? []).length <= 1;
}
