/**
 * A verdict label that rules out what it introduces after a colon or dash: "Not appropriate: ED now", "Not this one:
 * Start doxycycline", "Wrong - B". Anchored: the whole clause is the label.
 */
export const REJECTING_VERDICT =
  /^(?:not\s+(?:this\s+one|that\s+one|appropriate|recommended|indicated|advised|correct|right|(?:the\s+)?(?:answer|best\s+(?:option|choice)))|inappropriate|incorrect|wrong|rejected|contraindicated)$/i;

/** Lead-ins that reject what follows: "not ESI 1", "rather than B", "instead of admission", "over C", "vs. D", a verdict label. */
const REJECTING_LEAD_IN = new RegExp(
  `(?:\\b(?:${REJECTING_VERDICT.source.slice(1, -1)})\\s*[:—–-]|${/\bnot|n't|\brather\s+than|\binstead\s+of|\bover|\bversus|\bvs\.?|\bthan|\bexclud(?:e|es|ed|ing)|\brule[sd]?\s+out|\bruling\s+out|\bnor|\bneither|\bno|\bavoid(?:ing)?|\bagainst|\bunlike|\beliminat(?:e|es|ed|ing)|\bdismiss(?:ing)?|\bbelow|\babove|\bbeyond|\bshort\s+of/.source})\\s+(?:(?:an?|the|to|for|at|as|option|choice|level|category|with)\\s+){0,3}[("']?\\s*$`,
  'i',
);
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
  if (REJECTING_LEAD_IN.test(leadIn)) return true;
  return REJECTING_CONTINUATION.test(text.slice(end, end + 60));
}
