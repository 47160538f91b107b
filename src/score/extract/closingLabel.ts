import { splitSentences } from './sentences.js';

export interface LabelHead {
  readonly value: number;
  /** Lower case, e.g. "moderately severe" of "Moderately severe (15–19)". */
  readonly head: string;
}

/**
 * The heads of a scale's labels: the words before a bracket, colon or dash, up to three ("Moderately severe" of
 * "Moderately severe (15–19)", "Severe" of "Severe (20–27)"), when no other label has the same head. Longest first,
 * so "moderately severe" is tried before "severe".
 */
export function labelHeads(scale: ReadonlyArray<{ value: number; label: string }>): LabelHead[] {
  const heads = scale.flatMap((point) => {
    const head = /^\s*([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s*(?:[(:;—–]|\s-\s)/.exec(String(point.label))?.[1];
    return head === undefined ? [] : [{ value: point.value, head: head.toLowerCase() }];
  });
  return heads
    .filter((head) => heads.filter((other) => other.head === head.head).length === 1)
    .sort((a, b) => b.head.length - a.head.length);
}

/** What links a score or a count to its class at the end of a sentence: "17 = severe", "7 criteria → severe", "means". */
const VERDICT_LINK =
  /(?:=|→|=>|\s[—–-]\s|\b(?:means|indicates|suggests|is|are)\b|\bso\b)\s*(?:an?\s+|the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s*(?:\([^()]*\))?\s*[.!]?\s*$/i;

/**
 * A label head that closes the answer after a verdict link ("17 = severe depression", "COWS 18 — moderate withdrawal",
 * "so the impairment is moderate"), followed by at most one word of its own (the condition graded): its value. The
 * closing sentence must name no other label head; a negated head ("is not severe") is no verdict.
 */
export function closingLabelHead(plain: string, heads: readonly LabelHead[]): LabelHead | undefined {
  const sentence = splitSentences(plain.trim()).at(-1) ?? '';
  const tail = VERDICT_LINK.exec(sentence)?.[1]?.toLowerCase();
  if (tail === undefined) return undefined;
  const found = heads.find(({ head }) => tail === head || (tail.startsWith(`${head} `) && !tail.slice(head.length + 1).includes(' ')));
  if (found === undefined) return undefined;
  const lower = sentence.toLowerCase();
  const others = heads.filter(
    ({ head, value }) => value !== found.value && !found.head.includes(head) && new RegExp(`\\b${head}\\b`).test(lower),
  );
  return others.length === 0 ? found : undefined;
}
