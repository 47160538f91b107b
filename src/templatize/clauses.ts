/** Where sentences, clauses and note sections begin: the frame a pronoun's referent is looked for in. */

/**
 * The stop of a title ("Dr. Singh", "Sgt. Ruiz") ends no sentence, nor that of an initial before a lowercase word
 * ("C. difficile", "E. coli").
 */
const NOT_A_TITLE = String.raw`(?<!\b(?:Dr|Mrs?|Ms|Mx|St|Sgt|Prof|Capt|Lt))(?!(?<=\b[A-Z])\.\s+[a-z])`;
/** A sentence end, also inside a closing quote or bracket ("'just isn't eating.' Pt has ..."), or a line break. */
export const SENTENCE_END = new RegExp(String.raw`${NOT_A_TITLE}[.!?;]['"’”)]*(?:\s|$)|\n`);
const SENTENCE_ENDS = new RegExp(String.raw`${NOT_A_TITLE}[.!?;\n]['"’”)]*(?:\s|$)`, 'g');

/** No more than one sentence end between two offsets. */
export function sameOrPreviousSentence(text: string, from: number, to: number): boolean {
  return (text.slice(from, to).match(SENTENCE_ENDS) ?? []).length <= 1;
}

/** No sentence end between two offsets. */
export function sameSentence(text: string, from: number, to: number): boolean {
  return (text.slice(from, to).match(SENTENCE_ENDS) ?? []).length === 0;
}

/** Labels that open a section of a note on a new line, also the letters of SBAR and SOAP notes ("A: ..."). */
const SECTION =
  /\n[ \t]*(?:HPI|PMH|PSH|SH|FH|FHx|SHx|Social(?: history)?|Family history|Exam|PE|Physical exam(?:ination)?|O\/E|ROS|Meds|Medications|Allergies|Vitals|Labs|Imaging|Assessment|Plan|A\/P|A&P|Impression|(?:Hospital|ED|Clinical) course|Course|Dispo(?:sition)?|Background|Situation|Recommendation|History|Hx|CC|Chief complaint|Obs|Findings)\s*:|\n[SBAROP]:/i;
/** A line opening a section of a note ("SH: he smokes", "Exam: ...") between two offsets: a new topic. */
export function newSection(text: string, from: number, to: number): boolean {
  return SECTION.test(text.slice(from, to + 1));
}

/** The offset where the clause holding `at` begins: after a sentence end, a semicolon, a label's colon or a line break. */
export function clauseStart(text: string, at: number): number {
  const before = text.slice(0, at);
  const ends = [...before.matchAll(new RegExp(String.raw`${NOT_A_TITLE}[.!?;:]['"’”)]*\s|\n`, 'g'))];
  const last = ends.at(-1);
  return last ? last.index! + last[0].length : 0;
}

/**
 * A person named at the head of their clause, as its subject ("The son asked", "Night RN Jackie Tran assessed pt",
 * "A shelter volunteer says", "His uncle died"): before them only a conjunction, determiners, possessives and up to
 * three modifiers that are not verbs. A possessor ("The patient's wife") is not the subject.
 */
export function isClauseSubject(text: string, start: number, end: number): boolean {
  if (/^['’]s\b/.test(text.slice(end))) return false;
  const head = text
    .slice(clauseStart(text, start), start)
    .replace(/^\s*(?:and|but|then|so|while|because|when|although|as)\s+/i, '')
    .replace(/^\s*["'“‘(]?/, '');
  const words = head.split(/\s+/).filter((w) => w !== '');
  return (
    words.length <= 4 &&
    words.every(
      (w) =>
        !/(?:ed|ing)$|^(?:says?|states?|reports?|notes?|calls?|asks?|about|with|by|of|for|to|from|is|was|has|had|am|are|were|I['’]m)$/i.test(
          w,
        ),
    )
  );
}

/** The clause that follows the pronoun's, up to the next sentence end or semicolon. */
export function clauseAfter(text: string, at: number): string {
  return text.slice(at).split(new RegExp(String.raw`${NOT_A_TITLE}[.!?;\n]`))[0] ?? '';
}
