import type { Candidate } from './resolve.js';

/**
 * Interjections with which a model takes back what it just wrote: "Yes — wait, ...", "ESI 3 ... no, wait:", "No. Hmm, ...",
 * "ESI 3 — no, ...", "... is convincing... no, ...",
 * "Correcting myself:", "hold on,", "on reflection", "scratch that", "sorry, I misread", "Sorry, miscalculated", "reconsidering,",
 * "Yes... actually no", "Initially I'd ..., but ..." (a first thought set against what follows); "actually" also in
 * Portuguese, Spanish, French, German, Italian, Indonesian, Russian, Ukrainian and Greek ("na verdade", "en fait", ...).
 *
 * Each is written so that ordinary prose does not match: "wait" and "hold on" only as an interjection followed by
 * punctuation ("don't wait for the troponin" is advice, not a revision), "actually" only at the start of a clause,
 * "sorry" only with "I misread/meant/was wrong" or as a sentence of its own before a dash ("G3a. Sorry — it's G3b";
 * "I'm sorry you're feeling this way" is not a correction),
 * "correction" only followed by punctuation ("correction of hyponatraemia" is a treatment).
 */
// "... (A) is usually how it's started — but wait, you carry HLA-B*58:01": "but wait" and "oh wait" revise too.
const REVISION_CUE =
  /(?:^|[.,;:!?\-—–]\s*|\.\.\.\s*|\b(?:no|but|oh),?\s+)(?:wait|hold\s+on)\b(?=\s*[,:;.!\-—–])|(?:\s[-—–]|\.\.\.|…)\s*no\s*,(?=\s)|\b(?:no,?\s+)?correction\b(?=\s*[,:;.!\-—–])|\bcorrecting\s+(?:myself|that)\b|(?:^|[.,;:!?\-—–]\s*|\.\.\.\s*)(?:actually|na\s+verdade|en\s+realidad|de\s+hecho|en\s+fait|eigentlich|in\s+realtà|sebenarnya|на\s+самом\s+деле|насправді|στην\s+πραγματικότητα)(?![\w\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF])|(?:^|[.,;:!?\-—–]\s*|\.\.\.\s*)h+m+\b(?=\s*[,.!\-—–])|\bon\s+(?:second|further)\s+thought\b|\bon\s+reflection\b|\bscratch\s+that\b|\bI\s+was\s+wrong\b|\bI\s+(?:misread|missed|miscounted|miscalculated)\b|(?:^|[.!?]\s+)sorry\s*(?=[-—–])|\bsorry,?\s+(?:I\s+)?(?:misread|meant|mean|was\s+wrong|made\s+(?:a|an)\s+(?:mistake|error)|miscalculated|miscounted|misspoke)\b|(?:^|[.,;:!?\-—–]\s*|\.\.\.\s*)(?:reconsidering|rethinking|re-?checking|re-?reading|recalculating|on\s+reconsideration)\b|\blet\s+me\s+(?:re-?check|reconsider|correct|recalculate|re-?read|re-?count|re-?do|re-?add)\b|\bbut(?=\s)(?<=\b(?:initially|at\s+first|my\s+first\s+(?:thought|instinct)\s+(?:is|was))\b[^!?\n]{1,120}?\bbut)/gi;

/** Words with which a revision gives up on answering ("I can't tell without vitals", "not sure", "I don't know"). */
const UNSURE =
  /\b(?:can't|cannot|can\s+not)\s+(?:tell|say|decide|be\s+sure|determine)\b|\bnot\s+(?:sure|certain)\b|\bunsure\b|\bdon't\s+know\b|\bhard\s+to\s+say\b/i;

/**
 * Words with which a correction restates its answer ("no — it's 3.", "reconsidering, it is 2400 mL", "rechecking the
 * vitals: it should be 2"): dropped so that
 * what follows reads as a terse reply. The text with them is read first, so "no, it's not indicated" stays a "no".
 */
const RESTATEMENT_LEAD =
  /^(?:[^:.\n]{0,40}:\s*)?(?:(?:no|nope|so|then)\s*[,:;\-—–]+\s*|(?:it's|it\s+is|it\s+should\s+be|that\s+should\s+be|make\s+(?:it|that)|the\s+(?:right\s+|correct\s+)?(?:answer|value|level|score|dose)\s+is)\s+)+/i;

/**
 * A cue opening a new paragraph after a complete answer ("No.\n\nWait, actually yes: ...") is left to each
 * extractor's own rules for later lines (the corpus keys the leading answer there); only revisions inside the
 * answer's own paragraph are read here.
 */
const PARAGRAPH_START = /\n[^\S\n]*\n\s*(?:(?:no|wait|hold\s+on|actually|sorry|oh)[\s,.:;!\-—–]*)*$/i;

/**
 * The parts of `plain` that follow a self-correction, most recent correction first: for each cue, the text right
 * after it and the text after the end of its sentence ("Yes — sorry, I misread the question. No, ..." answers in the
 * next sentence; "Correcting myself: no, ..." answers in the same one). A cue at the very start of the answer is
 * not a correction of anything and is skipped.
 */
export function textsAfterSelfCorrection(plain: string): string[] {
  const tails: string[] = [];
  const cues = [...plain.matchAll(REVISION_CUE)].filter((match) => {
    const before = plain.slice(0, (match.index ?? 0) + Math.max(0, match[0].search(/\S/)));
    return before.trim().length > 0 && !PARAGRAPH_START.test(before);
  });
  for (const cue of cues.reverse()) {
    const after = plain.slice((cue.index ?? 0) + cue[0].length);
    const sentenceEnd = /[.!?](?:\s+|$)|\n/.exec(after);
    const sameSentence = after.replace(/^[\s,:;.!\-—–]+/, '');
    const nextSentence = sentenceEnd ? after.slice(sentenceEnd.index + sentenceEnd[0].length).trim() : '';
    for (const tail of [sameSentence, nextSentence]) {
      if (tail.length === 0) continue;
      tails.push(tail);
      const restated = tail.replace(RESTATEMENT_LEAD, '');
      if (restated !== tail && restated.length > 0) tails.push(restated);
    }
  }
  return tails;
}

/**
 * The revision cue a text ends on, with nothing after it but a comma, colon or dash ("Hmm, actually", "Wait —"), or
 * undefined. A closing full stop is left alone: "B is right, actually." ends a sentence, not the text's last word.
 */
function correctionCutOff(plain: string): string | undefined {
  const last = [...plain.matchAll(REVISION_CUE)].at(-1);
  if (last === undefined) return undefined;
  const before = plain.slice(0, last.index ?? 0);
  const after = plain.slice((last.index ?? 0) + last[0].length);
  return before.trim().length > 0 && /^[\s,:;\-—–…]*$/.test(after) ? last[0].trim() : undefined;
}

/**
 * The answer a self-correcting text ends on, or undefined when it has no correction or the corrected part commits to
 * nothing. The part after the most recent correction that yields an explicit (strong) answer wins: "Yes — wait, ...
 * Correcting myself: no" is "no", though it opens with "Yes". A weak answer after a correction is used only when the
 * whole text is ambiguous (the correction is what makes it so) — never to override an explicit answer; when it
 * disagrees with the whole text's answer, neither is taken ("C — call 911. Actually, B is faster, so B."); nor when the
 * corrected part hedges between answers ("B. On second thought, it could be B or C").
 */
export function answerAfterSelfCorrection<T>(
  plain: string,
  whole: Candidate<T>,
  find: (text: string) => Candidate<T>,
): Candidate<T> | undefined {
  // "So B.\n\nHmm, actually", "Yes. Wait —": the text is cut off right after it starts to take its answer back.
  const cutOff = correctionCutOff(plain);
  if (cutOff !== undefined && whole.status === 'found')
    return { status: 'ambiguous', explanation: `${whole.explanation}, but the text ends on a self-correction ("${cutOff}")` };
  const readings = textsAfterSelfCorrection(plain).map((tail) => find(tail));
  const strong = readings.find((reading) => reading.status === 'found' && reading.strength === 'strong');
  const weakOther = readings.find((reading) => reading.status === 'found' && whole.status === 'found' && reading.value !== whole.value);
  if (strong === undefined && weakOther?.status === 'found' && whole.status === 'found') {
    return { status: 'ambiguous', explanation: `${whole.explanation}, but after a self-correction: ${weakOther.explanation}` };
  }
  // "B. Hmm, on second thought it could be B or C", "ESI 3 — no, wait, I can't tell without vitals": the revision
  // reopens the question, so the first answer no longer stands.
  const unsure = textsAfterSelfCorrection(plain).find((tail) => UNSURE.test(tail));
  if (strong === undefined && unsure !== undefined && whole.status === 'found')
    return { status: 'ambiguous', explanation: `${whole.explanation}, but a self-correction leaves it open ("${unsure.slice(0, 60)}")` };
  const reopened = readings.find((reading) => reading.status === 'ambiguous');
  if (strong === undefined && reopened !== undefined && whole.status === 'found') {
    return { status: 'ambiguous', explanation: `${whole.explanation}, but a self-correction reopens it: ${reopened.explanation}` };
  }
  const corrected = strong ?? (whole.status === 'ambiguous' ? readings.find((reading) => reading.status === 'found') : undefined);
  if (corrected?.status !== 'found') return undefined;
  return { ...corrected, explanation: `after a self-correction: ${corrected.explanation}` };
}

/**
 * "B. Hmm, maybe C.", "Yes (no, wait — her eGFR is 28): no.": a revision that names another value without the
 * extractor reading it as a committed answer still leaves two candidates, so the first answer no longer stands. Used
 * when `answerAfterSelfCorrection` finds nothing; `named` lists the values a stretch of text names.
 */
export function reopenedByCorrection<T>(
  plain: string,
  whole: Candidate<T>,
  named: (text: string) => readonly T[],
): Candidate<T> | undefined {
  if (whole.status !== 'found') return undefined;
  for (const tail of textsAfterSelfCorrection(plain)) {
    const other = named(tail).find((value) => value !== whole.value);
    if (other !== undefined)
      return { status: 'ambiguous', explanation: `${whole.explanation}, but a self-correction then names ${String(other)}` };
  }
  return undefined;
}
