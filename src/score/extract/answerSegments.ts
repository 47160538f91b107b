export type AnswerSegmentTier = 'final' | 'answer';

export interface AnswerSegment {
  /** `final`: "final answer"-style markers (and `\boxed{}`); `answer`: "answer:", "the correct answer is", .... */
  readonly tier: AnswerSegmentTier;
  /** The marker as written, for explanations. */
  readonly marker: string;
  /** The text after the marker up to the end of its line (or the next non-empty line if the marker ends a line). */
  readonly segment: string;
  /** Offset of the marker in the searched text. */
  readonly index: number;
}

const SEGMENT_MAX_CHARS = 240;

const FINAL_MARKER =
  /\bfinal[^\S\n]*:|\bfinal\s+(?:answer|choice|selection|response|decision|recommendation|verdict|assessment|determination|classification|triage(?:\s+(?:level|category|decision|assignment))?|esi(?:\s+level)?|level|dose|dosage|score|estimate|egfr|gfr|result|value|rating|output)\b(?:[^\S\n]*\([^)\n]{0,40}\))?[^\S\n]*(?:is\b|would\s+be\b|will\s+be\b|[:=]|-(?=\s)|(?=\n))/i;

const ANSWER_MARKER =
  /\b(?:(?:the|my|our)\s+)?(?:(?:correct|best|right|proper|single\s+best|short|overall|most\s+(?:appropriate|likely|accurate|reasonable|correct|suitable))\s+)?(?:answer|option|choice|response|selection)\b(?:\s+(?:for\s+(?:you|him|her|them|this\s+(?:patient|case))|here|in\s+this\s+case))?(?:[^\S\n]*\([^)\n]{0,40}\))?[^\S\n]*(?:is\b|would\s+be\b|should\s+be\b|[:=]|-(?=\s)|(?=\n))|\b(?:recommended|recommendation|selected|chosen|decision|verdict|my\s+pick)\b(?:\s+(?:treatment|option|choice|management|approach|action|test|regimen))?[^\S\n]*[:=]|\b(?:la\s+)?(?:opci[oó]n|respuesta)\s+(?:correcta\s+)?(?:es|ser[ií]a)(?:\s+la)?\b|\b(?:(?:die|la|a)\s+)?(?:(?:richtige|korrekte|bonne|meilleure)\s+)?(?:antwort|respuesta|r[ée]ponse|resposta|op[çc][ãa]o)(?:\s+(?:correcta|correta|correcte|exacta))?[^\S\n]*(?:ist\b|lautet\b|est\b|é(?=\s)|:)(?:\s+(?:la|le|die)\b)?(?:\s+(?:a\s+)?(?:alternativa|option|opci[oó]n|op[çc][ãa]o)\b)?|(?<=^|[\s.,;!?(*])(?:antwoord|odpowied[źz]|đáp\s+án|trả\s+lời|cevap|yan[ıi]t|risposta)(?:\s+(?:is|jest|là|è))?[^\S\n]*:|答案(?:是|为)?:?|回答:|(?<=^|[\s.,;:!?(*。、])(?:ответ|risposta|jibu|जवाब|उत्तर|정답|答え|正解)(?:[^\S\n]*(?:[:：=]|[—–-](?=\s)))?(?=[^\S\n]*(?:\(?[A-Ha-h1-9]\)?(?:[\s.,;:!?)।。、]|$)))/i;

/**
 * A word right before the marker that makes it describe a rejected or hypothetical answer, or one ranked below the
 * answer ("1st choice: A ... 2nd choice: C": the second choice is a fallback), or every option in turn ("Let's go
 * through each option:").
 */
const DISQUALIFYING_LEAD_IN =
  /\b(?:wrong|incorrect|not|other|another|alternative|alternate|tempting|second[\s-]?best|least|distractor|possible|plausible|likely\s+wrong|n't|2nd|3rd|4th|second|third|fourth|backup|fallback|each|every|any|following|these|those)\s*$/i;

/** Words earlier in the same sentence that make the marker conditional ("If she were hypotensive, the answer would be A"). */
const CONDITIONAL_SENTENCE =
  /\b(?:if|unless|otherwise|some\s+(?:would|might|may|could)|one\s+(?:might|could)|would\s+have|(?:might|could|may|would)\s+(?:argue|say|think|suggest|claim|prefer))\b/i;
/** Conditionals that still introduce the model's own answer ("If I had to choose, the answer is B"). */
export const COMMITTING_CONDITIONAL =
  /\bif\s+(?:I|we)\s+(?:had|have|were|was)\s+to\s+(?:choose|pick|select|answer|guess|decide|give|commit)\b|\bif\s+(?:forced|pressed|asked)\b/i;

/**
 * Finds explicit answer markers and the text that follows each one, in text order.
 *
 * Two tiers, which callers try in this order:
 * - `final`: "Final answer", "Final ESI level", "Final dose", ... and `\boxed{...}` (normalised to "Final answer:").
 *   A model that writes "final answer" has concluded; the last one wins because models sometimes revise themselves.
 * - `answer`: "Answer:", "The (correct|best|most appropriate) answer/option/choice (for you|here) is", "My answer:", the Spanish
 *   "La opción correcta es (la)" and its German, French and Portuguese forms ("Die richtige Antwort ist", "Antwort:",
 *   "La bonne réponse est", "A resposta correta é (a alternativa)"), the Russian, Italian, Swahili, Hindi, Korean and
 *   Japanese words for "answer" right before a letter or number ("Ответ A —", "risposta A.", "जवाब: 2", "정답 A."), and field
 *   names with a colon ("Recommended:", "Recommendation:", "Selected:", "Decision:", "Verdict:"). Markers
 *   preceded by a disqualifying word ("the wrong answer is", "another option would be") or sitting in a
 *   conditional sentence ("if ..., the answer would be A") are skipped, unless the conditional commits
 *   ("if I had to choose, ...").
 *
 * Expects text whose markdown emphasis has already been stripped (see `stripMarkdownEmphasis`). A marker that ends
 * its line ("## Final Answer" followed by the answer on the next line) takes the next non-empty line as its segment.
 */
export function findAnswerSegments(plainText: string): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  for (const [tier, marker] of [
    ['final', FINAL_MARKER],
    ['answer', ANSWER_MARKER],
  ] as const) {
    for (const match of plainText.matchAll(new RegExp(marker.source, 'gi'))) {
      const index = match.index ?? 0;
      if (tier === 'answer' && isDisqualified(plainText, index)) continue;
      if (tier === 'answer' && /^final\b/i.test(plainText.slice(Math.max(0, index - 6), index).trim())) continue;
      const segment = segmentAfter(plainText, index + match[0].length);
      if (segment.length === 0) continue;
      segments.push({ tier, marker: match[0].trim(), segment, index });
    }
  }
  return segments.sort((a, b) => a.index - b.index);
}

function isDisqualified(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 160), index);
  if (DISQUALIFYING_LEAD_IN.test(before)) return true;
  const sentenceStart = Math.max(before.lastIndexOf('\n'), before.search(/[.!?]\s+[^.!?]*$/));
  const sentence = sentenceStart >= 0 ? before.slice(sentenceStart + 1) : before;
  return CONDITIONAL_SENTENCE.test(sentence) && !COMMITTING_CONDITIONAL.test(sentence);
}

function segmentAfter(text: string, from: number): string {
  let rest = text.slice(from, from + SEGMENT_MAX_CHARS * 2);
  const leadingBlank = /^[^\S\n]*(?:[:=\-][^\S\n]*)?(?:\n\s*)?/.exec(rest);
  if (leadingBlank) rest = rest.slice(leadingBlank[0].length);
  const lineEnd = rest.indexOf('\n');
  return (lineEnd >= 0 ? rest.slice(0, lineEnd) : rest).slice(0, SEGMENT_MAX_CHARS).trim();
}
