/** Lead-ins that reject what follows: "not ESI 1", "rather than B", "instead of admission", "over C", "vs. D". */
const REJECTING_LEAD_IN =
  /(?:\bnot|n't|\brather\s+than|\binstead\s+of|\bover|\bversus|\bvs\.?|\bthan|\bexclud(?:e|es|ed|ing)|\brule[sd]?\s+out|\bruling\s+out|\bnor|\bneither|\bno|\bavoid(?:ing)?|\bagainst|\bunlike|\beliminat(?:e|es|ed|ing)|\bdismiss(?:ing)?|\bbelow|\babove|\bbeyond|\bshort\s+of)\s+(?:(?:an?|the|to|for|at|as|option|choice|level|category|with)\s+){0,3}[("']?\s*$/i;
/**
 * Labels that reject the item they introduce: "Not appropriate: Emergency department now", "Not this one: B",
 * "Incorrect - C". Only evaluative words after "not", so "Not urgent care: the emergency department" (a contrast that
 * names the chosen item after the colon) is not a rejection of what follows.
 */
const REJECTING_LABEL_WORDS = String.raw`(?:\bnot\s+(?:(?:the\s+)?(?:right|best|correct|ideal|preferred|recommended|appropriate|indicated|suitable|advised|advisable|warranted|necessary|needed|safe|this\s+one|that\s+one|answer)|an?\s+(?:option|good\s+(?:choice|option|idea)))(?:\s+(?:here|now|for\s+(?:you|him|her|them|this\s+patient)))?|\b(?:incorrect|wrong|inappropriate|rejected|ruled\s+out|avoid|contraindicated))`;
const REJECTING_LABEL_BEFORE = new RegExp(`${REJECTING_LABEL_WORDS}\\s*[:\\-]\\s*[("']?\\s*$`, 'i');
const REJECTING_LABEL_ALONE = new RegExp(`^\\W*${REJECTING_LABEL_WORDS}\\W*$`, 'i');

/** Whether a whole clause is a rejecting label ("Not appropriate", "Incorrect"), which rules out the clause after it. */
export function isRejectingLabel(clause: string): boolean {
  return REJECTING_LABEL_ALONE.test(clause);
}

/** A short heading that rules out the options listed after it: "What I'd avoid", "Not recommended", "Don't". */
const REJECTING_HEADING =
  /^[\s*#>_-]*(?:what\s+(?:I(?:'d|\s+would)\s+(?:not|never|avoid|skip)|not\s+to|to\s+avoid)\b[\w\s']{0,20}|(?:things\s+|options?\s+)?to\s+avoid|avoid|don't|do\s+not|never|not\s+recommended|I(?:'d|\s+would)\s+(?:not|never|avoid|skip)\b[\w\s']{0,20})[\s*_]*$/i;

/**
 * Whether the words before a sentence's colon are a heading that rules out everything the sentence lists after it
 * ("What I would NOT do: codeine (A), tramadol (C)."), where a rejecting label rules out only the clause after it.
 */
export function isRejectingHeading(words: string): boolean {
  return REJECTING_HEADING.test(words);
}

/** Continuations that reject what precedes: "ESI 1 is too high", "C would under-triage", "A (incorrect)", "would overdose her". */
const REJECTING_CONTINUATION =
  /^\s*[)"']?\s*(?:[:,\-]\s*)?(?:(?:is|are|would\s+be|seems|appears|was|would)\s+(?:(?:also|clearly|definitely|probably|likely)\s+)?(?:not\b|too\b|less\b|(?:in)?appropriate\s+only|inappropriate|incorrect|wrong|unlikely|excessive|insufficient|unnecessary|overly|reserved\s+for|for\s+patients\s+who|an?\s+(?:over|under)|under-?\s?triage|over-?\s?triage|under-?estimat|over-?estimat)|\(?(?:incorrect|wrong|not\s+correct|too\s+(?:high|low|aggressive|conservative))\b|(?:is|are|was|were)?\s*(?:ruled\s+out|excluded|eliminated)|would\s+(?:under|over)-?\s?(?:triage|treat|estimate)|doesn't|does\s+not|isn't|wouldn't|fails?\b|requires?\s+(?:immediate\s+)?life-saving|can\s+be\s+ruled|(?:would|could|might|will)\s+(?:(?:over|under)-?dose|harm|endanger|be\s+(?:dangerous|harmful|unsafe)))/i;

/**
 * Whether the mention at `[start, end)` of `text` is being rejected rather than chosen: preceded by a rejecting
 * lead-in ("not", "rather than", "instead of", "over", "versus", "than", "excluding") or followed by a rejecting
 * continuation ("is too high", "would under-triage", "(incorrect)", "is reserved for", "does not").
 *
 * Used by the mention-counting rules of the extractors, so that reasoning such as "ESI 1 is reserved for patients
 * needing immediate intervention; this patient is ESI 2 rather than ESI 3" counts one mention (ESI 2), not three.
 * Only the nearby text is inspected (40 characters before, 60 after) to stay local to the mention's clause.
 */
export function isRejectedMention(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const lineStart = before.lastIndexOf('\n');
  const leadIn = lineStart >= 0 ? before.slice(lineStart + 1) : before;
  if (REJECTING_LEAD_IN.test(leadIn) || REJECTING_LABEL_BEFORE.test(leadIn)) return true;
  return REJECTING_CONTINUATION.test(text.slice(end, end + 60));
}
