export interface PhraseMention {
  /** The id of the phrase that matched (an option letter, a scale value). */
  readonly id: string;
  /** Offsets into the lower-cased text. */
  readonly start: number;
  readonly end: number;
}

/**
 * Finds whole-word mentions of the given phrases (option texts, scale labels) in `text`, case-insensitively.
 *
 * Precedence: longer phrases claim their spans first and a shorter phrase never matches inside a claimed span, so
 * with options "Admit" and "Admit to ICU" the text "admit to ICU" mentions only the second, and with labels "Urgent"
 * and "Less urgent" the text "less urgent" mentions only the second. Word boundaries are alphanumeric, so "ESI 1"
 * does not match inside "ESI 10" and "likely" does not match inside "unlikely". Inside a phrase, spaces and hyphens
 * are interchangeable and optional ("non-urgent" = "non urgent" = "nonurgent", "ESI 2" = "ESI-2"). Trailing
 * punctuation of a phrase is ignored. Mentions are returned in text order.
 */
export function findPhraseMentions(
  text: string,
  phrases: ReadonlyArray<{ readonly id: string; readonly phrase: string }>,
): PhraseMention[] {
  const haystack = text.toLowerCase();
  const prepared = phrases
    .map(({ id, phrase }) => ({
      id,
      tokens: phrase
        .toLowerCase()
        .normalize('NFKC')
        .replace(/[.;:,!?]+$/, '')
        .split(/[\s-]+/)
        .filter((token) => token.length > 0),
    }))
    .filter((entry) => entry.tokens.length > 0)
    .sort((a, b) => b.tokens.join(' ').length - a.tokens.join(' ').length);

  const claimed: PhraseMention[] = [];
  for (const { id, tokens } of prepared) {
    const body = tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]*');
    const pattern = new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`, 'g');
    for (const match of haystack.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (claimed.some((other) => start < other.end && other.start < end)) continue;
      claimed.push({ id, start, end });
    }
  }
  return claimed.sort((a, b) => a.start - b.start);
}
