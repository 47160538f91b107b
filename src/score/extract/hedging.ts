/**
 * (Each pattern starts on a word, never on a run of spaces, so that a long run of whitespace is scanned once.)
 *
 * Wordings with which an answer leaves the choice between alternatives open, whatever the question type:
 * - "whichever gets you there faster" (but not a rule that combines two limits: "whichever comes first");
 * - "either is reasonable", "both are equally acceptable", "X or Y, both are first-line", "both could work", "about
 *   equally effective";
 * - an answer that opens with "It depends" (or its Spanish, Portuguese, French, German or Italian form);
 * - "X, or maybe Y" and its forms in those languages ("ou talvez", "o quizás", "ou peut-être", "oder vielleicht");
 * - a condition answered both ways ("If you are over 50, A; if younger, B", "If ... . Otherwise, ...");
 * - the answer saying it is undecided: "hard to say", "could go either way", "either way is fine", "a toss-up";
 * - a second course offered as a substitute ("X, or just Y", "X, or simply Y", "X, or alternatively Y"), a guess with
 *   its alternative ("Maybe X, or Y"), a verdict doubted after "but" ("..., but ... so maybe not"), and both courses
 *   called defensible ("both approaches have their supporters"), and "either of the first two".
 */
/** "..., but ... so maybe not": a verdict taken back into doubt in its own sentence. */
export const DOUBTED_AFTER_BUT = /\bbut\b[^.!?\n]{0,150}\b(?:maybe|perhaps|possibly)\s+(?:not|yes|no)\b/i;

const HEDGES: readonly RegExp[] = [
  /\bwhichever\b(?!\s+(?:comes?|occurs?|happens?|is)\s+(?:first|last|earlier|later|sooner|longer|shorter|greater|higher|lower|less|more)\b)/i,
  /\b(?:either|both)(?:\s+(?:one|option|choice)s?)?\s+(?:is|are|would\s+be|works?|will\s+do|seems?)\s+(?:\w+\s+)?(?:fine|reasonable|acceptable|ok(?:ay)?|appropriate|valid|good)\b/i,
  // "Lactulose (A) or rifaximin, both are first-line", "X or Y are both recommended": two alternatives ranked alike
  // (not "EEG and MRI (A). Both are recommended", one option's two parts).
  /\bor\b[^.!?;\n]{1,80}\b(?:both\s+(?:are|being)|are\s+both)\s+(?:\w+\s+)?(?:fine|reasonable|acceptable|appropriate|valid|first[-\s]line|recommended)\b/i,
  /\b(?:either|both)(?:\s+(?:one|option|choice)s?)?\s+(?:could|would|might|can|will)\s+(?:also\s+)?work\b/i,
  /\bequally\s+(?:effective|good|valid|reasonable|acceptable|appropriate)\b/i,
  /^\W*(?:it\s+(?:really\s+|all\s+)?depends|depende|ça\s+dépend|cela\s+dépend|es\s+kommt\s+darauf\s+an|(?:das\s+)?hängt\s+davon\s+ab|dipende)\b/i,
  /\b(?:or\s+(?:maybe|perhaps|possibly)|ou\s+talvez|o\s+(?:quizás?|tal\s+vez)|ou\s+peut-être|oder\s+vielleicht|o\s+forse)\b/i,
  /(?:^|[.!?;]\s*)if\b[^.!?;\n]{1,150}[.!?;]\s*(?:(?:and|but)\s+)?(?:if|otherwise|else)\b/i,
  /,\s*or\s+(?:just|simply|alternatively|else\s+just)\b/i,
  /(?:^|[.!?:]\s*)(?:maybe|perhaps)\b[^.!?\n]{1,160},\s*or\b/i,
  DOUBTED_AFTER_BUT,
  /\beither\s+of\s+(?:the|these|those)\s+(?:first|last|top|two|options|levels|choices)\b/i,
  /\bboth\s+(?:approaches|options|strategies|choices|courses)\s+(?:have\s+(?:their\s+)?(?:supporters|advocates|merits?|proponents)|are\s+(?:defensible|supported|used))\b/i,
  /\b(?:hard|difficult|impossible|tough)\s+to\s+(?:say|tell)\b|\bcould\s+go\s+either\s+way\b|\beither\s+way\s+(?:is|would\s+be|seems)\s+(?:\w+\s+)?(?:fine|reasonable|acceptable|ok(?:ay)?)\b|\btoss-?up\b/i,
];

/**
 * "That depends on your friend's age — between 40 and 75 the answer would be yes, under 40 only with ...": an answer
 * that opens on what it depends on and never commits for this case ("but", "however", "here", "in her case").
 */
const DEPENDS_WITHOUT_COMMITMENT =
  /^\W*(?:it|that|this)\s+(?:really\s+|all\s+)?depends\b(?![\s\S]*\b(?:but|however|here|so|in\s+(?:this|your|her|his|their)\s+case|for\s+(?:you|her|him|them|this\s+patient))\b)/i;

/** The opening of an answer that says what it depends on and gives an answer only under conditions, or undefined. */
export function dependsWithoutCommitment(text: string): string | undefined {
  return DEPENDS_WITHOUT_COMMITMENT.exec(text)?.[0].trim();
}

/** The wording by which `text` leaves open which of several answers it means, or undefined. */
export function hedgeBetweenAnswers(text: string): string | undefined {
  for (const pattern of HEDGES) {
    const match = pattern.exec(text);
    if (match) return match[0].trim().slice(0, 60);
  }
  return undefined;
}

/**
 * "either X or Y" (not "Either way, ..."): alternatives named, which may both be one answer ("either the emergency
 * department or a direct admission" for "hospital today"), so this only tells a text that answers nothing from a refusal.
 */
const EITHER_OR = /\beither\b(?!\s+way\b)[^.;:\n]{1,60}\bor\b/i;
/** "Options include X and Y; your neurologist will decide": alternatives listed, none taken. */
const OPTIONS_LISTED = /\b(?:the\s+)?(?:options|choices|alternatives)\s+(?:include|are)\b/i;

/** Like {@link hedgeBetweenAnswers}, and also "either X or Y" and "options include X and Y". */
export function alternativesOffered(text: string): string | undefined {
  return hedgeBetweenAnswers(text) ?? (EITHER_OR.exec(text) ?? OPTIONS_LISTED.exec(text))?.[0].slice(0, 60);
}
