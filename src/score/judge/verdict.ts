import { findJsonFields } from '../extract/jsonFields.js';
import { normalizeAnswerText } from '../extract/normalize.js';

/** A judge's answer as read: the verdict (null when none could be read), its confidence, its reason and how it was read. */
export interface ParsedVerdict<V extends string> {
  verdict: V | null;
  /** In [0, 1]; null when the judge gave none that could be read ("high" is not a number). */
  confidence: number | null;
  reason: string;
  parse: 'json' | 'text' | 'none';
}

/**
 * How a judge may phrase each verdict in prose. Phrases are tried in order and each match hides its text from
 * the ones after it, so negated forms come first: "not adequate" is read as inadequate and never also as adequate.
 */
export interface VerdictVocabulary<V extends string> {
  phrases: readonly (readonly [RegExp, V])[];
}

export type RubricVerdict = 'adequate' | 'inadequate';
export type PairVerdict = 'same' | 'different';

const NOT = String.raw`(?:\bnot|n't|\bnever)\s+(?:\w+\s+){0,2}`;

export const RUBRIC_VOCABULARY: VerdictVocabulary<RubricVerdict> = {
  phrases: [
    [new RegExp(`${NOT}adequate\\b`), 'inadequate'], // "is not adequate", "isn't fully adequate"
    [/\binadequate\b/, 'inadequate'],
    [/\badequate\b/, 'adequate'],
  ],
};

export const PAIR_VOCABULARY: VerdictVocabulary<PairVerdict> = {
  phrases: [
    [new RegExp(`${NOT}(?:the\\s+)?same\\b`), 'different'], // "not the same", "aren't quite the same"
    [new RegExp(`${NOT}differ(?:ent)?\\b`), 'same'], // "do not differ", "don't meaningfully differ"
    [/\bno\s+(?:[\w-]+\s+){0,3}differences?\b/, 'same'], // "no clinically meaningful difference"
    [/\bdiffer(?:s|ent|ence|ences)?\b/, 'different'],
    [/\b(?:same|identical|equivalent)\b/, 'same'],
  ],
};

const MAX_REASON = 500;

/**
 * Reads a judge's answer. The structured form is asked for (`{"verdict": ..., "confidence": ..., "reason": ...}`)
 * and read leniently (inside prose or code fences, single-quoted, truncated). Without a JSON verdict, prose is read:
 * a "Verdict: ..." line first, else every verdict phrase in the text, which must all agree. Anything ambiguous
 * (both verdicts, an unknown label, nothing) gives a null verdict: the item then goes to clinician review rather
 * than being guessed.
 */
export function parseVerdict<V extends string>(raw: string, vocabulary: VerdictVocabulary<V>): ParsedVerdict<V> {
  const text = normalizeAnswerText(raw);
  const fields = findJsonFields(text, ['verdict', 'confidence', 'reason']);
  const field = (key: string) => fields.find((f) => f.key === key)?.value;
  const jsonVerdict = field('verdict');
  if (jsonVerdict !== undefined) {
    const reason = field('reason');
    return {
      verdict: typeof jsonVerdict === 'string' ? classify(jsonVerdict, vocabulary) : null,
      confidence: readConfidence(field('confidence')),
      reason: typeof reason === 'string' ? reason : '',
      parse: 'json',
    };
  }
  const stated = /\bverdict\b\s*(?:is|[:=-])?\s*[*_"']*\s*([^\n.;,]+)/i.exec(text);
  const verdict = (stated ? classify(stated[1]!, vocabulary) : null) ?? classify(text, vocabulary);
  const confidence = /\bconfidence\b[^\d\n]{0,20}?(\d+(?:\.\d+)?\s*%?)/i.exec(text);
  return {
    verdict,
    confidence: readConfidence(confidence?.[1]),
    reason: text.slice(0, MAX_REASON),
    parse: verdict === null ? 'none' : 'text',
  };
}

/** The one verdict the phrases in `text` agree on, or null when they name none or disagree. */
function classify<V extends string>(text: string, vocabulary: VerdictVocabulary<V>): V | null {
  let remaining = text.toLowerCase();
  const found = new Set<V>();
  for (const [pattern, verdict] of vocabulary.phrases) {
    remaining = remaining.replace(new RegExp(pattern.source, 'g'), (match) => {
      found.add(verdict);
      return ' '.repeat(match.length);
    });
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** A probability from 0.8, "0.8", 80 or "80%"; null for anything else ("high", -1, 1.5, 250). */
function readConfidence(value: unknown): number | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(typeof value === 'number' || typeof value === 'string' ? String(value) : '');
  if (!match) return null;
  const number = Number(match[1]);
  const percent = match[2] === '%' || (Number.isInteger(number) && number > 1);
  const probability = percent ? number / 100 : number;
  return probability >= 0 && probability <= 1 ? probability : null;
}
