import { isRejecting } from './clauses.js';

export interface PhraseMention {
  /** The id of the phrase that matched (an option letter, a scale value). */
  readonly id: string;
  /** Offsets into the lower-cased text. */
  readonly start: number;
  readonly end: number;
}

/** A phrase an answer may name: an option text or a scale label, with what it stands for. */
export interface Phrase {
  readonly id: string;
  readonly phrase: string;
}

/** One phrase's whole-word pattern, compiled once. */
interface PhrasePattern {
  readonly id: string;
  readonly pattern: RegExp;
}

const PATTERNS = Symbol('phrase patterns');

/**
 * Phrases with their patterns compiled, longest first ({@link preparePhrases}); still a plain array of phrases to
 * every other reader. A question's phrases are prepared once, not for every answer read.
 */
export type PreparedPhrases = ReadonlyArray<Phrase> & { readonly [PATTERNS]: readonly PhrasePattern[] };

/** `phrases` with their mention patterns compiled once, for {@link findPhraseMentions}. */
export function preparePhrases(phrases: ReadonlyArray<Phrase>): PreparedPhrases {
  return Object.freeze(Object.assign([...phrases], { [PATTERNS]: phrasePatterns(phrases) }));
}

/**
 * Finds whole-word mentions of the given phrases (option texts, scale labels) in `text`, case-insensitively.
 *
 * Precedence: longer phrases claim their spans first and a shorter phrase never matches inside a claimed span, so
 * with options "Admit" and "Admit to ICU" the text "admit to ICU" mentions only the second, and with labels "Urgent"
 * and "Less urgent" the text "less urgent" mentions only the second. Word boundaries are alphanumeric, so "ESI 1"
 * does not match inside "ESI 10" and "likely" does not match inside "unlikely". Inside a phrase, spaces and hyphens
 * are interchangeable and optional ("non-urgent" = "non urgent" = "nonurgent", "ESI 2" = "ESI-2"). Trailing
 * punctuation of a phrase is ignored. Mentions are returned in text order. Phrases from {@link preparePhrases} are
 * not compiled again.
 */
export function findPhraseMentions(text: string, phrases: ReadonlyArray<Phrase> | PreparedPhrases): PhraseMention[] {
  const haystack = foldAccents(text.toLowerCase());
  const patterns = PATTERNS in phrases ? phrases[PATTERNS] : phrasePatterns(phrases);
  const claimed: PhraseMention[] = [];
  for (const { id, pattern } of patterns) {
    for (const match of haystack.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (claimed.some((other) => start < other.end && other.start < end)) continue;
      claimed.push({ id, start, end });
    }
  }
  return claimed.sort((a, b) => a.start - b.start);
}

/**
 * Each phrase's pattern, longest phrase first. A pattern is global and only ever used through `matchAll`, which
 * copies it, so sharing one carries no state from one search to the next.
 */
function phrasePatterns(phrases: ReadonlyArray<Phrase>): PhrasePattern[] {
  return phrases
    .map(({ id, phrase }) => ({
      id,
      tokens: foldAccents(phrase.toLowerCase().normalize('NFKC'))
        .replace(/[.;:,!?]+$/, '')
        .split(/[\s-]+/)
        .filter((token) => token.length > 0),
    }))
    .filter((entry) => entry.tokens.length > 0)
    .sort((a, b) => b.tokens.join(' ').length - a.tokens.join(' ').length)
    .map(({ id, tokens }) => {
      const body = tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]*');
      return { id, pattern: new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`, 'g') };
    });
}

/**
 * Latin letters without their accents, one character for one ("paracétamol" = "paracetamol", "ibuprofène" =
 * "ibuprofen" + "e"), so offsets into the folded text are offsets into the text.
 */
export function foldAccents(text: string): string {
  return text.replace(/[\u00C0-\u024F]/g, (letter) => letter.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 1) || letter);
}

/** Lower case, punctuation and runs of spaces folded, so "Emergency department now." equals "emergency department now". */
export function squashed(value: string): string {
  return value
    .toLowerCase()
    .replace(/[\s\-.,;:!"'*]+/g, ' ')
    .trim();
}

/**
 * The phrase (an option text, a scale label) that a reply is word for word, or that follows its last colon ("The
 * right approach here is: A triptan, such as sumatriptan, at the start of an attack") when a short lead-in of one
 * sentence precedes the colon and does not rule it out ("Not recommended: ..."). A reply that is exactly one phrase is complete even without a full stop, so
 * it is an explicit answer, not a sentence cut off.
 */
export function phraseRepliedVerbatim(
  text: string,
  phrases: ReadonlyArray<{ readonly id: string; readonly phrase: string }>,
): string | undefined {
  const reply = text.trim();
  if (reply.includes('\n')) return undefined;
  const colon = reply.lastIndexOf(':');
  const candidates = [reply];
  const leadIn = reply.slice(0, Math.max(0, colon));
  if (colon > 0 && leadIn.length <= 60 && !/[.!?]/.test(leadIn) && !isRejecting(leadIn)) candidates.push(reply.slice(colon + 1));
  for (const candidate of candidates) {
    const ids = new Set(phrases.filter(({ phrase }) => squashed(phrase) === squashed(candidate)).map(({ id }) => id));
    if (ids.size === 1) return [...ids][0];
  }
  return undefined;
}
