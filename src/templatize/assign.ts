import type { Gender } from './lexicon.js';
import type { Mention } from './types.js';

/**
 * Decides whom each gendered mention describes. The patient's sex is that of the first sex word or title, or of
 * the first pronoun when there is none. A sex word, title or pronoun of the other sex is someone else's; a pronoun
 * of the patient's sex after a relative of that sex ("her mother ... she said", "her daughter ... her mother") may be either's. Both become
 * `ambiguous`: listed for review and kept as written, never guessed. Returns the mentions and the patient's sex.
 */
export function assignMentions(mentions: readonly Mention[]): { mentions: Mention[]; sex: Gender | undefined } {
  const sex =
    mentions.find((m) => (m.attribute === 'sex' || m.attribute === 'title') && m.gender)?.gender ??
    mentions.find((m) => m.attribute === 'pronoun')?.gender;
  if (sex === undefined) return { mentions: [...mentions], sex };
  const relatives = mentions.filter((m) => m.attribute === 'ambiguous' && m.gender === sex);
  const assigned = mentions.map((m): Mention => {
    if (m.attribute !== 'sex' && m.attribute !== 'title' && m.attribute !== 'pronoun') return m;
    const { slot: _slot, ...unslotted } = m;
    if (m.gender !== sex)
      return {
        ...unslotted,
        attribute: 'ambiguous',
        reason: `"${m.surface}" is ${m.gender} and the patient is ${sex} (from the first sex word or pronoun): someone else, or a typo; kept as written`,
      };
    const relative = relatives.find((r) => r.start < m.start);
    if (m.attribute === 'pronoun' && relative)
      return {
        ...unslotted,
        attribute: 'ambiguous',
        reason: `may refer to the patient or to the "${relative.surface}" mentioned before it; kept as written`,
      };
    return m;
  });
  return { mentions: assigned, sex };
}
