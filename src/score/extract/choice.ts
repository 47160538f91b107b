import { COMMITTING_CONDITIONAL, findAnswerSegments, type AnswerSegment } from './answerSegments.js';
import { findAnyJsonFields, findJsonFields } from './jsonFields.js';
import { alternativesOffered } from './hedging.js';
import { markedTableRow } from './markdownTable.js';
import { EMBEDDED_QUESTION, isInRejectingClause, isRejecting, splitClauses } from './clauses.js';
import { isRejectedMention } from './negation.js';
import { optionDescribed, optionNamedByWords, optionsQuoted } from './optionOverlap.js';
import { letterAmidOtherScript, withLatinOptionLetters } from './otherScripts.js';
import { normalizeAnswerText } from './normalize.js';
import { findPhraseMentions, phraseRepliedVerbatim, preparePhrases, squashed, type PreparedPhrases } from './phraseMentions.js';
import { stripMarkdownEmphasis } from './plainText.js';
import { resolveExtraction, type Candidate } from './resolve.js';
import { tickedItemCandidate } from './checkboxList.js';
import { answerAfterSelfCorrection, reopenedByCorrection } from './selfCorrection.js';
import { splitSentences } from './sentences.js';
import { EXTRACTOR_VERSION, type Extraction } from './types.js';

const EXTRACTOR = `choice@${EXTRACTOR_VERSION}`;

const JSON_KEYS = [
  'final_answer',
  'answer',
  'choice',
  'option',
  'selected_option',
  'selected',
  'selection',
  'letter',
  'answer_letter',
  'correct_option',
];

/**
 * JSON keys whose letter grades or classifies something rather than naming an option: "evidence_grade",
 * "recommendation_class", "blood_type", "sex".
 */
/** A YAML-style line "key: X" with a lower-case key and a single capital letter as its value. */
const YAML_LETTER_FIELD = /^\s*([a-z][a-z0-9_]*)\s*:\s*\(?([A-Z])\)?\s*$/gm;
const GRADING_KEY = /(?:grade|class|level|rating|category|strength|evidence|quality|tier|stage|type|group|sex|gender|zone|strain)$/;

/**
 * "I would choose", "I'd go with", "I select", "my pick is", "The recommended plan is A." closing a line, "So B" and
 * "— so A, ..." opening a clause (see also {@link CASED_CHOICE_MARKER}).
 */
const CHOICE_VERB_MARKER =
  /\bI(?:'d|\s+would|\s+will|\s+am\s+going\s+to)?\s+(?:(?:definitely|probably|likely|therefore|still|ultimately)\s+)?(?:choose|select|pick|go\s+with|opt\s+for|answer|say|lean\s+(?:towards?|toward)|settle\s+on)\b|\bI\s+(?:think|believe|guess|feel)(?:\s+(?:that\s+)?(?:it's|it\s+is|it\s+would\s+be))?(?=\s+(?:option\s+)?\(?[A-Z]\)?(?![A-Za-z0-9]))|\b(?:so\s+)?(?:it's|it\s+(?:is|must\s+be|has\s+to\s+be|would\s+be))(?=\s+(?:option\s+)?\(?[A-Z]\)?(?![A-Za-z0-9]))|\b(?:the\s+)?(?:right|correct|best)\s+call\s+(?:here\s+)?(?:is|would\s+be)\b|\bmy\s+(?:pick|choice|selection|recommendation)\s+(?:is|would\s+be)\b|(?:^|[.!?]\s+|\bso\s+)(?:I'm\s+|I\s+am\s+)?going\s+with\b|(?:^|[.!?]\s+)go\s+with\b|\b(?:choose|select|pick)\b(?=\s*:)|(?:^|[.!?:]\s+|\n\s*|,\s*but\s+|\s[—–-]\s*)(?:so|hence|thus|therefore|probably|most\s+likely|likely)\b\s*[:,]?(?=\s*(?:option\s+)?\(?[A-Z]\)?(?![A-Za-z0-9]))|(?:→|=>|👉)(?=\s*(?:option\s+)?\(?[A-Z]\)?(?![A-Za-z0-9]))|\b(?:guidelines?|evidence)\s+(?:\w+\s+)?(?:suggests?|recommends?|supports?|favou?rs?)(?=\s+(?:option\s+)?\(?[A-Z]\)?(?![A-Za-z0-9]))|\b(?:the\s+)?(?:correct|right|best|appropriate)\s+(?:dose|treatment|test|management|step|plan|level|regimen|approach|interpretation|way|course(?:\s+of\s+action)?|thing\s+to\s+do|move|strategy)\s+(?:is|would\s+be)(?=\s+(?:option\s+)?\(?[A-Z]\)?(?![A-Za-z0-9]))|\b(?:[a-z]+\s+)?adjusted:(?=\s*\(?[A-Z]\)?\s*[.!]?\s*$)|\bthe\s+(?:correct|right|best|appropriate|recommended|preferred|proper|safest)\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:is|would\s+be)(?=\s+(?:option\s+)?\(?[A-Z]\)?\s*[.!]?\s*(?:$|\n))/i;

/**
 * Markers before an upper-case letter, matched case-sensitively (CHOICE_VERB_MARKER is read case-insensitively, and
 * these must not take "choose a different drug" or "C. difficile" for a letter): "That's C.", "Answer B." (no colon),
 * a letter set off by dashes ("Valproate — A — because ..."), ", so A" and "— choose B" opening a clause, and a letter
 * closing a sentence after a comma ("... for primary PCI, D. Don't wait"; not "B, C.").
 */
const CASED_CHOICE_MARKER =
  /\b[Tt]hat(?:'s|\s+is|\s+would\s+be)(?=\s+(?:option\s+)?\(?[A-Z]\)?(?:[.,;!]|\s-|$))|\b[Aa]nswer(?=\s+\(?[A-Z]\)?(?:[.,;!]|\s-|$))|\s-\s*(?=\(?[A-Z]\)?\s+-\s)|,\s*(?:so|hence|thus|therefore)\b(?=\s*(?:option\s+)?\(?[A-Z]\)?\s*(?:[.,;!]|\s[—–-]|$))|(?:^|[.!?:;]\s+|\s[—–-]\s*)(?:[Cc]hoose|[Pp]ick|[Ss]elect)(?=\s+(?:option\s+)?\(?[A-Z]\)?(?![A-Za-z0-9]))|(?<!(?:^|[^A-Za-z])[A-Z]\)?),(?=\s*\(?[A-Z]\)?[.!](?:\s+(?![a-z])|$))/g;

/** Words that may follow an upper-case option letter without making it an article or pronoun ("B is", "B because"). */
const LETTER_CONTINUATION =
  /^\s+(?:is|was|or|and|because|since|as|given|due|with|which|for|would|should|seems|appears|fits|best|remains|here|then|-|since)\b/;

const DECISION_CUE =
  /(?:^|[.!?]\s+)so\b|\b(?:assign(?:ed|ing)?|classif(?:y|ied)|categori[sz]ed?|triage(?:d)?\s+(?:as|at|to)|choose|chose|select(?:ed)?|pick|go\s+with|opt\s+for|recommend(?:ed)?|would\s+be|should\s+be|is\s+(?:the\s+)?(?:most\s+)?(?:appropriate|correct|best|right|indicated|warranted)|most\s+appropriate|best\s+(?:fits|describes|choice|option|answer)|warrants?|meets|fits|qualif(?:y|ies)|consistent\s+with|corresponds|appropriate|answer|conclusion|therefore|thus|hence|I\s+(?:would|'d)|falls?\s+(?:into|under))\b/i;

/**
 * A sentence that only holds under a condition ("ESI 1 would be appropriate only if ..."), unless it commits ("If I had
 * to choose, ..."), or that asks about what it names ("your doctor can tell you whether ESI 2 applies").
 */
const CONDITIONAL_SENTENCE = new RegExp(
  String.raw`^\s*(?:if|unless|whether)\b|\b(?:only\s+if|unless|depending\s+on)\b|\bif\b(?!\s+(?:I|we)\s+(?:had|have|were)\s+to\b)|${EMBEDDED_QUESTION.source}`,
  'i',
);
/** A sentence that states general practice rather than a decision for this patient. */
const GENERIC_STATEMENT = /\b(?:generally|typically|usually|in\s+general|commonly|often|as\s+a\s+rule|is\s+used\s+for)\b/i;

const SUPERLATIVE_VERDICT =
  /\s+(?:is|seems|appears|would\s+be|remains)\s+(?:to\s+be\s+)?(?:clearly\s+|definitely\s+)?(?:the\s+)?(?:(?:most\s+(?:appropriate|correct|accurate|likely|reasonable|suitable))|single\s+best|best|correct|right|optimal|preferred|answer|choice)\b|\s+is\s+my\s+(?:answer|choice|pick|final\s+answer)\b/i;
const PLAIN_VERDICT =
  /\s+(?:is|seems|appears|would\s+be)\s+(?:to\s+be\s+)?(?:the\s+)?(?:appropriate|reasonable|suitable|accurate|indicated)\b/i;

interface Options {
  /** Upper-cased single-character keys -> the key as given. */
  readonly letters: ReadonlyMap<string, string>;
  /** Option texts, for restatement matching. */
  readonly phrases: PreparedPhrases;
}

type LetterReading = { letter: string; written: string } | { conflict: string } | undefined;

/**
 * Extracts the chosen option letter of a multiple-choice question from a free-text answer.
 *
 * Precedence, most explicit first (the first rule that finds something decides, so reasoning that discusses
 * other options cannot outvote an explicit conclusion):
 * 1. JSON (`{"answer": "B"}`), then a terse reply (the whole answer is "B", "(b)", "B. ESI 2", "Option B").
 * 2. "Final answer" markers and `\boxed{}` (the last one: models revise themselves), then "Answer:",
 *    "the correct/best answer is", "I would choose/go with", "Going with", "My recommendation is", "I think",
 *    "it is" markers (the last one that is not a rejected or conditional mention).
 *    After a marker, a letter form is read ("B", "(B)", "Option B", "b)" — a
 *    lower-case letter only when bracketed or followed by punctuation, so "the answer is a tricky one" is not A);
 *    failing that, an option text ("the answer is ESI 2"). "B or C" after a marker is unparseable.
 * 3. A line (or the last sentence) that is nothing but a letter form, possibly with its own option text
 *    ("B. ESI 2"), when only one letter appears that way (several are a restated option list).
 * 4. The last bold letter ("**B**", "**B. ESI 2**"), skipping a walk-through where every option is bolded once
 *    at the start of its own line.
 * 5. Conflicting answers anywhere ("A or B", "either B or C", "between B and C") -> unparseable.
 * 6. A letter in a verdict sentence: "B is the most appropriate", "Option C is correct" (superlatives before
 *    plain "appropriate"; not "A would be appropriate only if ..."); one distinct letter only.
 * 7. Option texts restated without a letter ("I would assign ESI 2"): longest-phrase, whole-word matching so
 *    "ESI 1" never matches in "ESI 10"; mentions that are rejected ("not ESI 1", "ESI 3 would under-triage") are
 *    ignored; one distinct option in non-conditional decision sentences is an answer (a weak one when stated as
 *    general practice: "is generally triaged as ESI 2"), else one distinct option in the whole text is a weak answer.
 * 8. Option texts paraphrased ("place her in the observation unit" for "Place in the observation unit"): a weak
 *    answer when one option's content words all appear, in order, in one sentence.
 * 9. A lone labelled letter ("Option B", "(B)") anywhere, one distinct letter only: a weak answer.
 * Letters used as words ("A patient like this", "I think") never count: bare upper-case letters are only read
 * right after a marker, in a verdict sentence, or as a whole line, and then not when followed by a lower-case word.
 */
export function extractChoice(text: string, options: Readonly<Record<string, string>>): Extraction<string> {
  return choiceReader(options)(text);
}

/** {@link extractChoice} for one question's options, prepared once for every answer read with it. */
export function choiceReader(options: Readonly<Record<string, string>>): (text: string) => Extraction<string> {
  const letters = new Map<string, string>();
  for (const key of Object.keys(options)) {
    const trimmed = key.trim();
    if (/^[A-Za-z0-9]$/.test(trimmed)) letters.set(trimmed.toUpperCase(), key);
  }
  const prepared: Options = {
    letters,
    phrases: preparePhrases(
      Object.entries(options)
        .filter(([, phrase]) => typeof phrase === 'string' && phrase.trim().length > 0)
        .map(([id, phrase]) => ({ id, phrase })),
    ),
  };
  return (text) => {
    const clean = withLatinOptionLetters(normalizeAnswerText(text));
    const plain = stripMarkdownEmphasis(clean);
    const whole = findChoiceCandidate(clean, plain, prepared);
    const corrected = answerAfterSelfCorrection(plain, whole, (tail) => findChoiceCandidate(tail, tail, prepared));
    const candidate = corrected ?? reopenedByCorrection(plain, whole, (tail) => lettersNamed(tail, letters)) ?? whole;
    return resolveExtraction(candidate, text, EXTRACTOR);
  };
}

/** Upper-case option letters standing alone in `text` ("maybe C", "(B)"), as option keys. */
function lettersNamed(text: string, letters: ReadonlyMap<string, string>): string[] {
  return [...text.matchAll(/(?<![A-Za-z0-9'’])([A-Z])(?![A-Za-z0-9'’])/g)].flatMap((match) => letters.get(match[1] ?? '') ?? []);
}

function findChoiceCandidate(clean: string, plain: string, options: Options): Candidate<string> {
  if (plain.length === 0) return { status: 'none', explanation: 'empty answer' };
  const strong = (value: string, explanation: string): Candidate<string> => ({ status: 'found', value, strength: 'strong', explanation });

  for (const field of findJsonFields(clean, JSON_KEYS)) {
    if (typeof field.value !== 'string') continue;
    const reading = readLetterAt(field.value, options, true);
    if (reading && 'conflict' in reading) return { status: 'ambiguous', explanation: `JSON "${field.key}": ${reading.conflict}` };
    if (reading) return strong(reading.letter, `matched JSON "${field.key}": "${field.value}"`);
    const byText = optionTextIn(field.value, options);
    if (byText) return strong(byText, `matched JSON "${field.key}" option text "${field.value}"`);
  }

  // {"recommended_strategy": "B"}, <plan>C</plan>: the one field of any name holding nothing but an option letter (not
  // a grade of evidence or a class: {"evidence_grade": "A"}).
  const letterFields = findAnyJsonFields(clean).filter(
    (field) =>
      typeof field.value === 'string' &&
      /^\s*\(?[A-Z]\)?\s*$/.test(field.value) &&
      options.letters.has(field.value.replace(/\W/g, '')) &&
      !GRADING_KEY.test(field.key),
  );
  const onlyLetterField = letterFields.length === 1 ? letterFields[0] : undefined;
  if (onlyLetterField) {
    const letter = options.letters.get(String(onlyLetterField.value).replace(/\W/g, '')) ?? '';
    return strong(letter, `the one field holding an option letter: "${onlyLetterField.key}": "${String(onlyLetterField.value)}"`);
  }

  // "letter: A", "recommended_option: C": the one YAML-style field (a lower-case key) holding nothing but an option letter.
  const yamlLetterFields = [...plain.matchAll(YAML_LETTER_FIELD)];
  const yamlLetters = yamlLetterFields.filter((field) => options.letters.has(field[2] ?? '') && !GRADING_KEY.test(field[1] ?? ''));
  const onlyYamlLetter = yamlLetters.length === 1 ? yamlLetters[0] : undefined;
  if (onlyYamlLetter) {
    const letter = options.letters.get(onlyYamlLetter[2] ?? '') ?? '';
    return strong(letter, `the one field holding an option letter: "${onlyYamlLetter[0].trim()}"`);
  }

  const ticked = tickedItemCandidate(plain, (item) => findChoiceCandidate(item, item, options));
  if (ticked) return ticked;

  const terse = readStrictLine(plain, options, true);
  if (terse && 'conflict' in terse) return { status: 'ambiguous', explanation: terse.conflict };
  if (terse) return strong(terse.letter, `terse reply "${terse.written}"`);
  const verbatim = phraseRepliedVerbatim(plain, options.phrases);
  if (verbatim !== undefined) return strong(verbatim, `the reply is the text of option ${verbatim}`);
  const terseWords = optionNamedByWords(plain, options.phrases);
  if (terseWords !== undefined) return strong(terseWords, `terse reply "${plain.trim()}" in words of option ${terseWords} only`);

  const segments = findAnswerSegments(plain);
  const verbSegments = [...plain.matchAll(new RegExp(CHOICE_VERB_MARKER.source, 'gi')), ...plain.matchAll(CASED_CHOICE_MARKER)]
    .filter((match) => {
      const before = plain.slice(Math.max(0, (match.index ?? 0) - 60), match.index ?? 0);
      // "I don't think it's C", "I would never choose B": a negated marker rules the letter out.
      if (/\b(?:not|never)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$/i.test(before)) return false;
      return !/\bif\b[^.\n]*$/i.test(before) || COMMITTING_CONDITIONAL.test(before);
    })
    .map((match) => ({
      marker: match[0],
      segment: plain.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 200).split('\n')[0] ?? '',
      index: match.index ?? 0,
    }));
  const markerTiers = [
    segments.filter((segment) => segment.tier === 'final'),
    [...segments.filter((segment) => segment.tier === 'answer'), ...verbSegments].sort((a, b) => a.index - b.index),
  ];
  for (const tier of markerTiers) {
    for (const { marker, segment, index } of [...tier].reverse()) {
      const reading = readLetterAt(segment, options, true);
      if (reading && 'conflict' in reading) return { status: 'ambiguous', explanation: `after "${marker}": ${reading.conflict}` };
      if (reading) {
        const sameTier = segments.filter((other) => other.tier === (tier === markerTiers[0] ? 'final' : 'answer'));
        const disagreement =
          quotesAnotherOption(segment, reading.letter, options) ??
          markerDisagreement(plain, reading.letter, index, sameTier, options) ??
          statedBeforeAsAnotherOption(plain.slice(0, index), reading.letter, options);
        if (disagreement) return { status: 'ambiguous', explanation: `"${marker.trim()} ${reading.written}", but ${disagreement}` };
        return strong(reading.letter, `matched "${marker.trim()} ${reading.written}" pattern`);
      }
      const absent = ABSENT_OPTION.exec(segment)?.[1];
      if (absent !== undefined && !options.letters.has(absent.toUpperCase()))
        return { status: 'ambiguous', explanation: `after "${marker}": option ${absent.toUpperCase()}, which the question does not have` };
      const orConflict = optionTextConflict(segment, options) ?? leftOpen(segment);
      if (orConflict) return { status: 'ambiguous', explanation: `after "${marker}": ${orConflict}` };
      const byText = optionTextIn(segment, options);
      const instruction = byText === undefined ? undefined : instructionForAnotherOption(plain.slice(0, index), byText, options);
      if (instruction)
        return {
          status: 'ambiguous',
          explanation: `"${marker.trim()}" names option ${byText ?? ''}, but the answer first instructs "${instruction}"`,
        };
      if (byText) return strong(byText, `matched "${marker.trim()}" followed by the text of option ${byText}`);
    }
  }

  const closing = CLOSING_LABEL.exec(plain.trim());
  // Upper case only ("... to give it a." is no option), unless "so", "that's" or "option" comes right before ("...
  // don't repeat the culture so a", spoken answers without capitals).
  const closingLetter = closing?.[1] ?? '';
  const closingCased =
    /^[A-Z]$/.test(closingLetter) || (closing !== null && /(?:\bso|\bthat'?s|\bthat\s+is|\boption)\s+\(?[a-z]\)?[.!]?$/i.test(closing[0]));
  const closingKey = closing && closingCased ? options.letters.get(closingLetter.toUpperCase()) : undefined;
  // "evidence_grade: A\nstrength: B": the last of several letter fields closes the text, but answers nothing.
  if (closing && closingKey !== undefined && yamlLetterFields.length < 2 && findLetterConflict(plain, options) === undefined) {
    const before = plain.trim().slice(0, plain.trim().length - closing[0].length);
    const statedAsAnother = statedBeforeAsAnotherOption(before, closingKey, options);
    if (statedAsAnother)
      return { status: 'ambiguous', explanation: `the answer closes with "${closing[0].trim()}", but ${statedAsAnother}` };
    return strong(closingKey, `the answer closes with "${closing[0].trim()}"`);
  }

  // "ควรเจาะ... ตอบข้อ A", "...– תשובה B.": the one Latin letter set off in an answer written in another script.
  // Only when no other option letter stands anywhere ("A чи B — вирішить лікар" is "A or B").
  const amid = options.letters.get(letterAmidOtherScript(plain) ?? '');
  if (amid !== undefined && new Set(lettersNamed(plain, options.letters)).size === 1)
    return strong(amid, `option letter ${amid} set off in an answer in another script`);

  const leading = leadingLetter(plain, options);
  if (leading && 'conflict' in leading) return { status: 'ambiguous', explanation: leading.conflict };
  if (leading) {
    // "D — though really no treatment is what I'd do": the rest of the answer can take the opening letter back.
    const disagreement = explanationForAnotherOption(plain, leading.letter, 0, options, true);
    if (disagreement) return { status: 'ambiguous', explanation: `answer opens with "${leading.written}", but ${disagreement}` };
    return strong(leading.letter, `answer opens with "${leading.written}"`);
  }

  const checked = checkedListItem(plain, options);
  if (checked) return strong(checked.letter, `the one list item marked as chosen: "${checked.line}"`);

  const tableRow = markedTableRow(clean);
  const tableReading = tableRow === undefined ? undefined : readStrictLine(tableRow, options, false);
  if (tableReading && !('conflict' in tableReading)) return strong(tableReading.letter, `the one row a table marks: "${tableRow ?? ''}"`);
  // "| B NK1 + 5-HT3 + dex | Yes |": a row labelled by its option letter before a shortened text.
  const rowLetter =
    tableReading === undefined ? options.letters.get(/^\(?([A-Z])\)?(?=[\s.):]|$)/.exec(tableRow ?? '')?.[1] ?? '') : undefined;
  if (rowLetter !== undefined) return strong(rowLetter, `the one row a table marks: "${tableRow ?? ''}"`);

  const lineLetters = new Map<string, string>();
  const lines = plain.split('\n').filter((line) => line.trim().length > 0);
  const sentences = splitSentences(plain);
  // "Levetiracetam (D). Carbamazepine should be avoided ...": a first sentence that is only a letter form says it too.
  const edgeSentences = sentences.length > 1 ? [sentences[0] ?? '', sentences.at(-1) ?? ''] : [sentences[0] ?? ''];
  for (const [index, line] of [...lines, ...edgeSentences].entries()) {
    const reading = readStrictLine(line, options, index === 0);
    if (reading && !('conflict' in reading)) lineLetters.set(reading.letter, reading.written);
  }
  const onlyLineLetters = [...lineLetters][0];
  if (lineLetters.size === 1 && onlyLineLetters) {
    const [letter, written] = onlyLineLetters;
    return strong(letter, `line consisting of "${written}"`);
  }

  const standing = standingLetter(plain, options);
  if (standing) return strong(standing.letter, `"${standing.written}" stands as a sentence of its own`);

  const bold = fromBold(clean, options);
  if (bold) return bold;

  const conflict = findLetterConflict(plain, options);
  if (conflict) return { status: 'ambiguous', explanation: conflict };

  for (const verdict of [SUPERLATIVE_VERDICT, PLAIN_VERDICT]) {
    const chosen = lettersInVerdicts(plain, verdict, options);
    const onlyChosen = [...chosen][0];
    if (chosen.size === 1 && onlyChosen) {
      const [letter, sentence] = onlyChosen;
      return strong(letter, `verdict sentence "${sentence}"`);
    }
    if (chosen.size > 1)
      return { status: 'ambiguous', explanation: `verdict sentences name several options (${[...chosen.keys()].join(', ')})` };
  }

  const noneFits = NONE_OF_THE_OPTIONS.exec(plain);
  if (noneFits) return { status: 'ambiguous', explanation: `the answer rejects every option ("${noneFits[0]}")` };

  const labelled = new Set<string>();
  const ruledOut = new Set<string>();
  const plainRejects = isRejecting(plain);
  for (const match of plain.matchAll(/(?<![A-Za-z0-9])(?:(?:option|choice)\s+\(?([A-Za-z])\)?|\(([A-Z])\)|([A-Z])\))(?![A-Za-z0-9])/gi)) {
    const raw = match[1] ?? match[2] ?? match[3] ?? '';
    if (match[1] === undefined && raw !== raw.toUpperCase()) continue;
    const key = options.letters.get(raw.toUpperCase());
    if (key === undefined) continue;
    const start = match.index ?? 0;
    if (
      labelsDiscussedSubject(plain, start + match[0].length) ||
      isRejectedMention(plain, start, start + match[0].length) ||
      (plainRejects && isInRejectingClause(plain, start, start + match[0].length, true))
    ) {
      ruledOut.add(key);
      continue;
    }
    labelled.add(key);
  }

  const textual = fromOptionTexts(plain, options, labelled);
  if (textual) return textual;

  const paraphrased = fromParaphrasedOptionTexts(plain, options);
  if (paraphrased) return paraphrased;

  // An option ruled out by its letter ("antibiotics (C) don't treat influenza") is rejected by that clause, even when
  // its own text is worded as a negation.
  const described = optionDescribed(plain, options.phrases, { ruledOut, sentenceRivals: true });
  if (described?.status === 'ambiguous' && labelled.size === 0) return { status: 'ambiguous', explanation: described.explanation };
  if (described?.status === 'found' && labelled.size === 0) {
    return {
      status: 'found',
      value: described.id,
      strength: 'weak',
      explanation: `option ${described.id} described in other words ("${described.clause.slice(0, 80)}")`,
    };
  }
  if (labelled.size === 1) {
    const [letter] = [...labelled];
    // "... before you conceive - B. The 4 mg dose (C) is for high risk": a letter standing as a sentence of its own
    // names another option than the one labelled in passing, and the lone label is no answer beside it.
    const standing = [...plain.matchAll(STANDING_LETTER)]
      .map((match) => options.letters.get(match[1] ?? ''))
      .find((key) => key !== undefined);
    if (standing !== undefined && standing !== letter)
      return { status: 'ambiguous', explanation: `option ${letter ?? ''} labelled in passing, but "${standing}." stands as a sentence` };
    return { status: 'found', value: letter ?? '', strength: 'weak', explanation: `only labelled option mentioned: ${letter ?? ''}` };
  }
  if (labelled.size > 1)
    return { status: 'ambiguous', explanation: `several options mentioned (${[...labelled].join(', ')}) and no answer marker` };

  const opening = openingNamesOption(plain, options);
  if (opening !== undefined)
    return {
      status: 'found',
      value: opening.id,
      strength: 'weak',
      explanation: `the answer opens with option ${opening.id} in its words ("${opening.fragment}")`,
    };

  return { status: 'none', explanation: 'no option letter or option text found' };
}

/** Clinical shorthand written for an option's words: "IV" for "intravenous", "PO" for "oral". */
const SHORTHAND: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bIV\b/g, 'intravenous'],
  [/\bIM\b/g, 'intramuscular'],
  [/\bPO\b/g, 'oral'],
  [/\b(?:SC|SQ)\b/g, 'subcutaneous'],
];
/** Words that time or stress a choice without naming it ("Paracetamol only!", "Varenicline first"). */
const EMPHASIS_WORDS = /\b(?:first|only|alone|now|today|immediately|urgently|asap|then|definitely|honestly)\b/gi;
/** Where an answer's opening fragment ends: a full stop, colon, comma, bracket or dash. */
const FRAGMENT_END = /[.!?:;,(\n]|\s[—–-]\s|[—–]/;

/**
 * An answer that opens with a short fragment made of one option's words, then explains ("CPAP. Sleeping tablets can
 * make apnoea worse.", "Paracetamol only! Ibuprofen ... raise bleeding risk", "IV benzodiazepine first (lorazepam)",
 * "Antipseudomonal monotherapy: IV cefepime."): that option, read only when nothing else in the answer names one.
 * The fragment after a leading label and a colon is read too; see `optionNamedByWords` for what a fragment must be.
 */
function openingNamesOption(plain: string, options: Options): { id: string; fragment: string } | undefined {
  // Its sentence must commit ("Thrombectomy?", "Not this one: ...", "Antibiotics alone (C) don't help" do not), and no
  // option letter may stand elsewhere ("This is HHS ... I'd call it B, but C is possible").
  const sentence = splitSentences(plain)[0] ?? '';
  if (
    /\?/.test(sentence) ||
    isRejecting(sentence) ||
    CONDITIONAL_SENTENCE.test(sentence) ||
    lettersNamed(plain, options.letters).length > 0
  )
    return undefined;
  const first = FRAGMENT_END.exec(plain);
  const fragments = [plain.slice(0, first?.index ?? plain.length)];
  if (first?.[0] === ':') fragments.push(plain.slice(first.index + 1).split(FRAGMENT_END)[0] ?? '');
  for (const fragment of fragments) {
    const expanded = SHORTHAND.reduce((text, [pattern, word]) => text.replace(pattern, word), fragment)
      .replace(EMPHASIS_WORDS, '')
      .trim();
    const id = expanded.length > 0 ? optionNamedByWords(expanded, options.phrases) : undefined;
    if (id !== undefined) return { id, fragment: fragment.trim() };
  }
  return undefined;
}

/**
 * What follows a letter that labels the subject of a statement weighing its option rather than choosing it: a modal
 * ("Diltiazem (D) would drop the pressure further"), a restriction ("Risperidone (B) only if ..."), a consequence
 * ("Waiting (B, D) leads to recurrent events", "Indefinite DAPT (D) increases bleeding") or a reservation
 * ("Fluoroquinolones (A) should be reserved"). Such a statement may be for or against the option; either way it is
 * no choice. "(A) would be the best choice" is a verdict, read elsewhere.
 */
const DISCUSSED_CONTINUATION =
  /^\s*(?:(?:would|could|might|may|can|will)\b(?!\s+be\s+(?:the\s+)?(?:best|right|correct|preferred|appropriate|indicated|first-line|my)\b)|only\s+(?:if|when|for|in|after|once|as)\b|(?:should|must)\s+be\s+(?:reserved|avoided|kept)\b|(?:leads?|led)\s+to\b|(?:increases?|raises?|worsens?|causes?|risks?|carr(?:y|ies)|doubles?|delays?|misses?|drops?)\b)/i;

/** Whether a parenthesised letter labels the subject of a statement that weighs its option (see {@link DISCUSSED_CONTINUATION}). */
function labelsDiscussedSubject(plain: string, end: number): boolean {
  return plain[end - 1] === ')' && DISCUSSED_CONTINUATION.test(plain.slice(end, end + 40));
}

/** "option E", "choice (F)" right after an answer marker: a letter named as an option, which must exist. */
const ABSENT_OPTION = /^\s*(?:option|choice)\s+\(?([A-Za-z])\)?(?![A-Za-z0-9])/i;

/** "either varenicline or just a nicotine patch — both are fine" after a marker: the choice is left open. */
function leftOpen(segment: string): string | undefined {
  const open = alternativesOffered(segment);
  return open === undefined ? undefined : `the choice is left open ("${open}")`;
}

/** A sentence that instructs ("Keep the dose at 5 mg twice daily.", "Give ...", "Start ..."). */
const IMPERATIVE_SENTENCE =
  /^\s*(?:keep|continue|give|start|use|take|stop|add|go|call|reduce|increase|switch|prescribe|administer|admit|discharge|wait|do)\b/i;

/**
 * The instruction, before an answer marker, that names the text of an option other than `chosen` without ruling it
 * out and without a revision in between ("Keep the dose at 5 mg twice daily. Final answer: 2.5 mg twice daily."): the
 * answer says two things, so neither is taken. Undefined when there is none.
 */
function instructionForAnotherOption(before: string, chosen: string, options: Options): string | undefined {
  if (REVISION_CUE.test(before)) return undefined;
  for (const sentence of splitSentences(before)) {
    if (!IMPERATIVE_SENTENCE.test(sentence) || isRejecting(sentence)) continue;
    if (findPhraseMentions(sentence, options.phrases).some((mention) => mention.id !== chosen)) return sentence.slice(0, 80);
  }
  return undefined;
}

/**
 * An answer that closes on an option letter after a dash, colon or semicolon, on "option X" after a comma, or after
 * "Of the options," or a word for "answer" or "so" in another language, possibly with a hedge that still commits
 * ("Within 1 hour — B.", "Morphine is appropriate: D.", "So ESI 1, option A.", "... — D, most likely.", "— probably
 * B.", "Of the options, B.", "Antwort D.", "Donc A.", "Resposta A.", "Antwoord C.", "Odpowiedź A.", "Đáp án C."), after an
 * emoji ("... referral. 🩺 D"), after "so" / "that's" ending a spoken answer ("... thats option a"), alone after the
 * last full stop ("… が推奨されます。A") or as "option X" in Italian, Spanish, Portuguese, Indonesian, Polish, Turkish,
 * Russian, Ukrainian, Hindi or Swahili ("— विकल्प C।", "— alternativa D.", "Pilihan A."); the word for "answer" also in
 * Indonesian, Tagalog, the Scandinavian languages, Finnish, Hungarian, Romanian, the South Slavic languages and Swahili
 * ("Jawaban B.", "— sagot A.").
 */
const CLOSING_LABEL =
  /(?:\s[—–-]|[:;]|,(?=\s*option\s)|(?:[\uD83C-\uD83E][\uDC00-\uDFFF]|[\u2600-\u27BF])\uFE0F?|\s(?:so|thats|that's|that\s+is)(?=\s+(?:option\s+)?\(?[A-Za-z]\)?[.!]?$)|\bof\s+the\s+(?:options|choices)\s*,|[.!?。！？।](?=\s*\(?[A-Z]\)?[.!।]?$)|(?:^|[.!?]\s+|\s[—–-]\s*)(?:antwort|respuesta|r[ée]ponse|resposta|antwoord|odpowied[źz]|đáp\s+án|trả\s+lời|cevap|yan[ıi]t|risposta|jawaban|pilihan|alternativa|sagot|svar|vastaus|válasz|răspuns|odgovor|jibu|donc|also|alors|entonces|portanto|logo|dus|więc|vậy)(?:\s+(?:antwort|respuesta|r[ée]ponse|resposta))?(?![A-Za-z]))\s*(?:(?:probably|likely|most\s+likely)\s+)?(?:(?:option|opzione|opci[oó]n|op[çc][ãa]o|alternativa|pilihan|opsi|variante|wariant|se[çc]enek|вариант|варіант|विकल्प|chaguo)\s+)?\(?([A-Z])\)?(?:\s*,\s*(?:most\s+likely|probably|I\s+(?:guess|think|believe)))?[.!।]?$/i;

/** "None of these options is ideal", "none of the above": the model rejects every option. */
const NONE_OF_THE_OPTIONS = /\bnone\s+of\s+(?:these|those|the\s+(?:above|options|choices|listed)|them)\b/i;

/** A list item's verdict on its option: a tick or "yes"/"correct" chooses it, a cross or "no"/"incorrect" rules it out. */
const ITEM_CHOSEN = /(?:[✅✔☑✓]|\b(?:yes|correct|chosen|best)\b)[\s.!]*$/i;
/** A tick mark closing a list item (a symbol only: "best" or "yes" may be the option's own words). */
const ITEM_TICKED = /[✅✔☑✓]\uFE0F?[\s.!]*$/;
const ITEM_RULED_OUT = /(?:[❌✗✘×]|\b(?:no|incorrect|wrong)\b)[\s.!]*$/i;

/**
 * A list walking through the options with a verdict at the end of each item ("- A: Add an SGLT2 inhibitor ✅",
 * "* C – Restrictive pattern: no"): the one item marked as chosen, when every other marked item is ruled out, or the one
 * item of the option list closed by a tick mark when no item has any other verdict.
 */
function checkedListItem(plain: string, options: Options): { letter: string; line: string } | undefined {
  const items = plain
    .split('\n')
    .map((line) => ({ line: line.trim(), label: /^(?:[-*•]|\d+[.)])?\s*\(?([A-Z])\)?\s*[:.)\-–—]\s*\S/.exec(line.trim())?.[1] }))
    .filter((item): item is { line: string; label: string } => item.label !== undefined && options.letters.has(item.label));
  const chosen = items.filter(({ line }) => ITEM_CHOSEN.test(line));
  const ruledOut = items.filter(({ line }) => ITEM_RULED_OUT.test(line));
  const only = chosen.length === 1 ? chosen[0] : undefined;
  // "A) ESI 1\nB) ESI 2 ✓\nC) ESI 3": the option list quoted back with a tick beside one item and no other verdict.
  const tickedAlone = only !== undefined && ruledOut.length === 0 && items.length >= 2 && ITEM_TICKED.test(only.line);
  if (!only || (!tickedAlone && (ruledOut.length === 0 || chosen.length + ruledOut.length !== items.length))) return undefined;
  return { letter: options.letters.get(only.label) ?? only.label, line: only.line.slice(0, 80) };
}

/**
 * A capital letter as a sentence of its own inside a line ("... conceive - B. The ...", "... the day before. A.
 * Nifedipine"); at the start of a line it labels a list item instead ("A. True\nB. False").
 */
const STANDING_LETTER = /(?:[.!?:;][^\S\n]+|\s-[^\S\n]+)([A-Z])\.(?=\s|$)/g;

/**
 * The one option letter that stands as a sentence of its own between others ("... 2.4 MU IM × 1. A. Confidence: 95 %.",
 * "... LABA + LAMA. B. A is wrong: ..."), or undefined when none does, several do (a walk-through "A. ... B. ..."), or
 * the sentence after it rules it out ("A. Not appropriate").
 */
function standingLetter(plain: string, options: Options): { letter: string; written: string } | undefined {
  const standing = new Map<string, string>();
  for (const match of plain.matchAll(STANDING_LETTER)) {
    const key = options.letters.get(match[1] ?? '');
    const after = plain.slice((match.index ?? 0) + match[0].length);
    if (key === undefined || REJECTING_EXPLANATION.test(/^[^.;!?\n]*/.exec(after)?.[0] ?? '')) continue;
    standing.set(key, match[0].trim());
  }
  const only = standing.size === 1 ? [...standing][0] : undefined;
  return only === undefined ? undefined : { letter: only[0], written: only[1] };
}

/** Words that make a later answer a revision of an earlier one ("Answer: A. Wait, actually ... Answer: B"). */
const REVISION_CUE =
  /\b(?:wait|actually|correction|on\s+(?:second|further)\s+thought|on\s+reflection|let\s+me\s+(?:reconsider|correct|re-?check)|scratch\s+that|I\s+was\s+wrong|revis(?:e|ed|ing)|instead)\b/i;

/**
 * Why the sentence a letter opens quotes another option instead of its own ("The answer is A, about 55 mL/min — the
 * CKD-EPI 2021 race-free equation", where 2021 and race-free are option C's words only), or undefined.
 */
function quotesAnotherOption(segment: string, letter: string, options: Options): string | undefined {
  const sentence = splitSentences(segment)[0] ?? '';
  const quoted = optionsQuoted(sentence, options.phrases);
  const other = [...quoted].find((id) => id !== letter);
  return other !== undefined && !quoted.has(letter) ? `its own sentence quotes option ${other}'s words` : undefined;
}

/**
 * Why an answer read after a marker at `markerIndex` is contradicted by the same text, or undefined: another answer
 * marker naming a different letter with no revision cue between them ("**Answer: C** ... **Answer: A**"), or a later
 * decision sentence naming another option by its label ("Answer: A. ... so the appropriate dose is 2.5 mg (B)").
 */
function markerDisagreement(
  plain: string,
  letter: string,
  markerIndex: number,
  segments: readonly AnswerSegment[],
  options: Options,
): string | undefined {
  for (const other of segments) {
    if (other.index === markerIndex) continue;
    const reading = readLetterAt(other.segment, options, true);
    if (!reading || 'conflict' in reading || reading.letter === letter) continue;
    const between = plain.slice(Math.min(other.index, markerIndex), Math.max(other.index, markerIndex));
    if (!REVISION_CUE.test(between)) return `"${other.marker} ${reading.written}" too`;
  }
  const conflictAfter = findLetterConflict(plain.slice(markerIndex), options);
  if (conflictAfter) return conflictAfter;
  const after = plain.slice(markerIndex).split('\n').slice(1).join('\n');
  for (const sentence of splitSentences(after)) {
    if (!DECISION_CUE.test(sentence) || CONDITIONAL_SENTENCE.test(sentence) || REVISION_CUE.test(sentence)) continue;
    for (const match of sentence.matchAll(/\(([A-Z])\)|\boption\s+([A-Z])\b/g)) {
      const key = options.letters.get(match[1] ?? match[2] ?? '');
      const start = match.index ?? 0;
      if (key !== undefined && key !== letter && !isRejectedMention(sentence.toLowerCase(), start, start + match[0].length))
        return `a later decision names ${key} ("${sentence.slice(0, 80).trim()}")`;
    }
  }
  return explanationForAnotherOption(plain, letter, markerIndex, options, false);
}

/**
 * Why the one sentence before a letter (`before` ends where the letter's marker starts) contradicts it, or undefined:
 * it states another option's whole text (of three words or more) or three words only that option has, without weighing
 * it, and never the letter's own
 * ("After a first seizure with normal tests, no further investigation is required. Answer: A" where B is "No further
 * investigation"): a letter with another option's text.
 */
function statedBeforeAsAnotherOption(before: string, letter: string, options: Options): string | undefined {
  // Only an answer that is that one statement and its letter: reasoning before a letter discusses the other options.
  const sentences = splitSentences(before.trim());
  const sentence = sentences.length === 1 ? (sentences[0] ?? '') : '';
  // "... could work too, but not really": a statement weighed, not made.
  if (
    sentence.length === 0 ||
    REVISION_CUE.test(sentence) ||
    CONDITIONAL_SENTENCE.test(sentence) ||
    /\b(?:could|might|may|would|but)\b/i.test(sentence)
  )
    return undefined;
  const lower = sentence.toLowerCase();
  // An option text of three words or more: a single word ("Paracetamol") is as likely a part of the letter's option.
  const stated = new Set(
    findPhraseMentions(sentence, options.phrases)
      .filter(
        (mention) =>
          sentence.slice(mention.start, mention.end).trim().split(/\s+/).length >= 3 &&
          !isRejectedMention(lower, mention.start, mention.end) &&
          !isInRejectingClause(sentence, mention.start, mention.end),
      )
      .map((mention) => mention.id),
  );
  // "Start at a reduced dose and adjust to the blood counts — A.": three words or more that only another option has (two
  // are often a finding the option also names: "blood loss", "cancer-associated").
  for (const id of optionsQuoted(sentence, options.phrases, 3)) stated.add(id);
  const other = [...stated].find((id) => id !== letter);
  return other !== undefined && !stated.has(letter)
    ? `the sentence before it states option ${other} ("${sentence.slice(0, 60)}")`
    : undefined;
}

/**
 * Why the explanation after a letter at `letterIndex` takes it back, or undefined: it recommends another option in
 * its own words ("Answer: B. Penicillin or amoxicillin for 10 days ... should be your treatment"), or, with
 * `byWholeText`, it names another option's whole text without ruling it out or labelling it with its own letter,
 * while never naming the letter's own ("D — though really no treatment is what I'd do"). A bare opening letter needs
 * the second check; after an answer marker, a walk-through of the other options is usual.
 */
function explanationForAnotherOption(
  plain: string,
  letter: string,
  letterIndex: number,
  options: Options,
  byWholeText: boolean,
): string | undefined {
  const laterSentences = plain.slice(letterIndex).replace(/^[^\n]*?(?<![A-Za-z0-9])\(?[A-Z]\)?(?![A-Za-z0-9])[.):]?/, '');
  if (REVISION_CUE.test(laterSentences)) return undefined;
  const describedAfter = optionDescribed(laterSentences, options.phrases, { dominant: true });
  if (describedAfter?.status === 'found' && describedAfter.id !== letter)
    return `the explanation recommends option ${describedAfter.id} ("${describedAfter.clause.slice(0, 60)}")`;
  if (!byWholeText) return undefined;
  const mentions = splitSentences(laterSentences).flatMap((sentence) =>
    findPhraseMentions(sentence, options.phrases).filter(
      (mention) =>
        !isRejectedMention(sentence.toLowerCase(), mention.start, mention.end) &&
        !(isRejecting(sentence) && isInRejectingClause(sentence, mention.start, mention.end)) &&
        !new RegExp(`(?<![A-Za-z0-9])\\(?${mention.id}\\)?(?![A-Za-z0-9'])`).test(sentence),
    ),
  );
  const other = mentions.find((mention) => mention.id !== letter);
  if (other !== undefined && !mentions.some((mention) => mention.id === letter))
    return `the explanation names the text of option ${other.id} instead`;
  return undefined;
}

/**
 * Reads a letter form at the start of `segment`: "B", "(B)", "[B]", "B)", "B.", "Option B", "either B or C".
 * Returns a conflict for "B or C" / "B and C" / "B/C", or when the letter is followed by another option's text.
 */
function readLetterAt(segment: string, options: Options, allowLowercase: boolean): LetterReading {
  const match =
    /^\s*["']?(?:(either|both)\s+)?(?:(?:option|choice|letter|answer)\b\s*[:#]?\s*)?(["'(\[]?)\s*([A-Za-z0-9])\s*([)\]"']?)(?![A-Za-z0-9])(.*)$/is.exec(
      segment,
    );
  if (!match) return undefined;
  const [, quantifier, open = '', raw = '', close = '', rest = ''] = match;
  const key = options.letters.get(raw.toUpperCase());
  if (key === undefined) return undefined;
  const bracketed = open.length > 0 || close.length > 0;
  const isLower = raw !== raw.toUpperCase();
  if (isLower && (!allowLowercase || (!bracketed && !/^\s*(?:[.:,;!)\-]|$)/.test(rest)))) return undefined;
  if (!isLower && !bracketed && /^\s+[a-z]/.test(rest) && !LETTER_CONTINUATION.test(rest)) return undefined;
  if (raw === 'I' && !bracketed && /^\s+[a-z']/.test(rest)) return undefined;

  const second = /^\s*[.)\]]?\s*(?:,\s*)?(?:or|and|\/|&)\s*(?:option\s+)?["'(\[]?([A-Za-z])[)\]"']?(?![A-Za-z0-9])/i.exec(rest);
  const secondKey = second ? options.letters.get((second[1] ?? '').toUpperCase()) : undefined;
  if (secondKey !== undefined && secondKey !== key) return { conflict: `conflicting answers ("${segment.slice(0, 40).trim()}")` };
  if (quantifier !== undefined && secondKey === undefined) return undefined;

  const afterLabel = rest.replace(/^\s*[.):\-]?\s*/, '');
  const ownText = options.phrases.find((phrase) => phrase.id === key)?.phrase;
  if (ownText !== undefined && stopsInsideWordOf(afterLabel, ownText))
    return {
      conflict: `the text of option ${key} after the letter stops mid-word ("${segment.slice(0, 60).trim()}"): the answer is cut off`,
    };
  if (!startsWithPhrase(afterLabel, ownText)) {
    const other = options.phrases.find((phrase) => phrase.id !== key && startsWithPhrase(afterLabel, phrase.phrase));
    if (
      other &&
      !options.phrases.some((phrase) => phrase.id === key && other.phrase.toLowerCase().startsWith(phrase.phrase.toLowerCase()))
    ) {
      return { conflict: `letter ${key} written with the text of option ${other.id} ("${segment.slice(0, 60).trim()}")` };
    }
  }
  return { letter: key, written: segment.slice(0, Math.min(segment.length, match[0].length - rest.length)).trim() || raw };
}

/**
 * Whether `written` is the start of `phrase` that stops inside one of its words ("mechanical thro" for "Mechanical
 * thrombectomy"): a restatement cut off by a token limit. A whole-word prefix ("mechanical") is a shortening.
 */
function stopsInsideWordOf(written: string, phrase: string): boolean {
  const head = written.trim().toLowerCase();
  const whole = phrase.trim().toLowerCase();
  return (
    head.length >= 3 &&
    head.length < whole.length &&
    whole.startsWith(head) &&
    /[a-z]$/.test(head) &&
    /^[a-z]/.test(whole.slice(head.length))
  );
}

/** An explanation that judges the option it follows as wrong ("D - this is overkill", "A - not appropriate"). */
const REJECTING_EXPLANATION =
  /^\s*(?:not\b|wrong|incorrect|too\b|no\b)|\b(?:this|that|it)\s+(?:is|would\s+be|seems|looks)\s+(?:\w+\s+)?(?:overkill|wrong|incorrect|inappropriate|excessive|unnecessary|insufficient|inadequate|too\s+\w+|not\s+(?:appropriate|indicated|correct|right|needed|enough))\b/i;

/**
 * An answer that opens with an upper-case option letter and a separator, then explains ("D — this looks viral",
 * "A. Short-term DAPT ...", "C) Call 911 now"): the letter is the answer, as an answer-first reply. An optional hedge
 * that still commits may come first ("Probably D:", "Most likely C."). Lower-case letters and letters followed by a
 * word ("A patient ...") are not read.
 */
function leadingLetter(plain: string, options: Options): LetterReading {
  const match = /^\s*(?:(?:probably|most\s+likely|likely|definitely)\s*[:,]?\s+)?(\(?([A-Z])\)?(?:\s*[.)]|\s+[—–-]|\s*,)\s+)(?=\S)/.exec(
    plain,
  );
  if (!match || !options.letters.has(match[2] ?? '')) return undefined;
  const firstLine = plain.slice(match[0].length - (match[1] ?? '').length).split('\n')[0] ?? '';
  const explanation = /^[^.;!?\n]*/.exec(plain.slice(match[0].length))?.[0] ?? '';
  if (REJECTING_EXPLANATION.test(explanation)) return undefined;
  // A walk-through ("A) ESI 1\nB) ESI 2", "A - not appropriate; B - possible") labels other options the same way.
  const otherLabels = [...plain.matchAll(/(?:^|\n|[;,]\s*)\s*\(?([A-Z])\)?(?:\s*[.)]|\s+[—–-])\s/g)].filter(
    (other) => other[1] !== match[2] && options.letters.has(other[1] ?? ''),
  );
  if (otherLabels.length > 0) return undefined;
  return readLetterAt(firstLine, options, false);
}

/** An option text followed by its letter in brackets: "Levetiracetam (D)". */
const TEXT_THEN_LETTER = /^([^()]{2,120}?)\s*\(([A-Z])\)$/;

/** A line that is only a letter form, optionally with its own option text and a parenthetical, or its text then its letter. */
function readStrictLine(line: string, options: Options, wholeAnswer: boolean): LetterReading {
  const stripped = line
    .trim()
    .replace(/^(?:[-•]\s+|\d+[.)]\s+)/, '')
    .replace(/^(?:(?:final\s+)?answer|option|choice)\s*[:\-]?\s*/i, '')
    .replace(/[.!\s]+$/, '')
    .trim();
  if (stripped.length === 0 || stripped.length > 200) return undefined;
  const textFirst = TEXT_THEN_LETTER.exec(stripped);
  if (textFirst) {
    const key = options.letters.get(textFirst[2] ?? '');
    const own = options.phrases.find((phrase) => phrase.id === key)?.phrase;
    if (key !== undefined && own !== undefined && samePhrase(textFirst[1] ?? '', own)) return { letter: key, written: stripped };
    // "Aspirin plus clopidogrel indefinitely (A)." where those are option D's words: the answer contradicts itself.
    const named = key === undefined ? undefined : optionNamedByWords(textFirst[1] ?? '', options.phrases);
    return named !== undefined && named !== key
      ? { conflict: `letter ${key ?? ''} written with the words of option ${named} ("${stripped}")` }
      : undefined;
  }
  const match = /^["'(\[]?\s*([A-Za-z0-9])\s*[)\]"']?(?:\s*[.):\-,]\s*|\s+(?=\S)|$)(.*)$/s.exec(stripped);
  if (!match) return undefined;
  const [, raw = '', rest = ''] = match;
  const key = options.letters.get(raw.toUpperCase());
  if (key === undefined) return undefined;
  if (raw !== raw.toUpperCase() && !wholeAnswer && !/^[(\[]/.test(stripped)) return undefined;
  const aside = /\(([^()]*)\)\s*$/.exec(rest)?.[1] ?? '';
  const alternative = /\bor\s+(?:option\s+)?\(?([A-Z])\)?(?![A-Za-z0-9])/.exec(aside)?.[1];
  if (alternative !== undefined && options.letters.has(alternative) && options.letters.get(alternative) !== key)
    return { conflict: `letter ${key} offered with an alternative ("${stripped}")` };
  const remainder = rest.replace(/\s*\([^()]*\)\s*$/, '').trim();
  if (remainder.length === 0) return { letter: key, written: stripped };
  const own = options.phrases.find((phrase) => phrase.id === key)?.phrase;
  if (own !== undefined && samePhrase(remainder, own)) return { letter: key, written: stripped };
  const other = options.phrases.find((phrase) => phrase.id !== key && samePhrase(remainder, phrase.phrase));
  if (other) return { conflict: `letter ${key} written with the text of option ${other.id} ("${stripped}")` };
  return undefined;
}

function fromBold(clean: string, options: Options): Candidate<string> | undefined {
  const spans: Array<{ letter: string; content: string; lineStart: boolean; line: string }> = [];
  for (const match of clean.matchAll(/\*\*([^*\n]{1,120})\*\*/g)) {
    const content = (match[1] ?? '').trim();
    const reading =
      /^(?:option|choice)\s/i.test(content) || /^["'(\[]?[A-Za-z0-9][)\]"']?(?:[.):\-\s]|$)/.test(content)
        ? (readStrictLine(content, options, false) ?? readLetterAt(content.replace(/^(?:option|choice)\s+/i, ''), options, false))
        : undefined;
    if (!reading || 'conflict' in reading) continue;
    const start = match.index ?? 0;
    const lineBegin = clean.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = clean.indexOf('\n', start);
    const line = clean.slice(lineBegin, lineEnd < 0 ? undefined : lineEnd);
    const lineStart = /^\s*(?:[-*•]\s+|\d+[.)]\s+|#+\s*)?$/.test(clean.slice(lineBegin, start));
    spans.push({ letter: reading.letter, content, lineStart, line });
  }
  if (spans.length === 0) return undefined;
  const letters = spans.map((span) => span.letter);
  const walkThrough = spans.length >= 2 && new Set(letters).size === letters.length && spans.every((span) => span.lineStart);
  if (walkThrough) return undefined;
  const last = spans.at(-1);
  if (!last) return undefined;
  const conflict = findLetterConflict(last.line.replace(/\*+/g, ''), options);
  if (conflict) return { status: 'ambiguous', explanation: conflict };
  return { status: 'found', value: last.letter, strength: 'strong', explanation: `last bold option "**${last.content}**"` };
}

/** "A or B", "either B or C", "B/C", "between B and C", "A and C together" with two different option letters. */
function findLetterConflict(plain: string, options: Options): string | undefined {
  const patterns = [
    /(?<![A-Za-z0-9])(?:either\s+)?(?:options?\s+|choices?\s+)?\(?([A-Z])\)?\s*(?:,\s*)?(?:or|\/)\s*(?:option\s+|choice\s+)?\(?([A-Z])\)?(?![A-Za-z0-9])/g,
    /\bbetween\s+(?:options?\s+|choices?\s+)?\(?([A-Z])\)?\s+and\s+(?:option\s+|choice\s+)?\(?([A-Z])\)?(?![A-Za-z0-9])/gi,
    // "Both A and D have a role", "Both B and D — ...": whatever follows, unless it rules both out (checked below).
    /\bboth\s+(?:options?\s+|choices?\s+)?\(?([A-Z])\)?\s+and\s+(?:option\s+|choice\s+)?\(?([A-Z])\)?(?![A-Za-z0-9])/gi,
    // "A and D are both reasonable", "B and C are equally good": two options endorsed alike.
    /(?<![A-Za-z0-9])(?:options?\s+)?\(?([A-Z])\)?\s+and\s+(?:option\s+)?\(?([A-Z])\)?\s+(?:are|seem|would\s+be)\s+(?:both|equally)\b/g,
    // "A and C together", "B plus D combined": two options at once.
    /(?<![A-Za-z0-9])(?:options?\s+)?\(?([A-Z])\)?\s+(?:and|plus|\+|with)\s+(?:option\s+)?\(?([A-Z])\)?\s+(?:together|combined|in\s+combination)\b/g,
  ];
  for (const pattern of patterns) {
    for (const match of plain.matchAll(pattern)) {
      const first = options.letters.get((match[1] ?? '').toUpperCase());
      const second = options.letters.get((match[2] ?? '').toUpperCase());
      if (first !== undefined && second !== undefined && first !== second) {
        if (/^\s*[?]/.test(plain.slice((match.index ?? 0) + match[0].length))) continue;
        // "Option B and option A are both insufficient": two options ruled out together, not offered.
        if (isInRejectingClause(plain, match.index ?? 0, (match.index ?? 0) + match[0].length)) continue;
        // "Not B, C or D": a list of rejected options, not alternatives.
        if (/(?:^|[.!?:]\s+|\n)\s*not\s+(?:(?:options?\s+)?\(?[A-Z]\)?\s*,\s*)*$/i.test(plain.slice(0, match.index ?? 0))) continue;
        return `conflicting answers ("${match[0].trim()}")`;
      }
    }
  }
  return undefined;
}

/** Letters named as the subject of a verdict ("B is the most appropriate", "Option C (ESI 3) is correct"). */
function lettersInVerdicts(plain: string, verdict: RegExp, options: Options): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const match of plain.matchAll(new RegExp(verdict.source, 'gi'))) {
    const index = match.index ?? 0;
    const lineBegin = plain.lastIndexOf('\n', index - 1) + 1;
    let subject = plain.slice(Math.max(lineBegin, index - 100), index).replace(/\s*\([^()]{0,60}\)\s*$/, '');
    const label = /(?:^|[^A-Za-z0-9])(?:(option|choice|answer)\s+)?(\(?)([A-Za-z])(\)?)(?:\s*[.):\-]\s*([^.\n]{0,80}?))?\s*$/i.exec(
      subject,
    );
    if (!label) continue;
    const [, noun, open = '', raw = '', close = '', trailing] = label;
    if (raw !== raw.toUpperCase() && !noun && !open && !close) continue;
    const key = options.letters.get(raw.toUpperCase());
    if (key === undefined) continue;
    if (trailing !== undefined && trailing.trim().length > 0) {
      const own = options.phrases.find((phrase) => phrase.id === key)?.phrase;
      if (own === undefined || !samePhrase(trailing, own)) continue;
    }
    subject = subject.slice(label.index);
    const sentenceStart = Math.max(subject.lastIndexOf('. '), 0);
    if (/^\s*(?:if|unless)\b/i.test(subject.slice(sentenceStart))) continue;
    if (/\b(?:not|n't)\s*$/i.test(plain.slice(index, index + match[0].length))) continue;
    if (
      /^[^.\n]{0,30}?\b(?:only\s+if|if|unless|when|in\s+case)\b/i.test(plain.slice(index + match[0].length, index + match[0].length + 40))
    )
      continue;
    if (!chosen.has(key)) chosen.set(key, `${subject.trim()}${match[0]}`.slice(0, 120));
  }
  return chosen;
}

/** "X or", "X (A) or", "X/": a mention followed by an alternative; "or X", "/X": one preceded by one. */
const ALTERNATIVE_AFTER = /^\s*(?:\([A-Za-z]\)\s*)?(?:or\s+(?!not\b|so\b|more\b|less\b|higher\b|lower\b)[A-Za-z]|\/\s*[A-Za-z]{3})/i;
const ALTERNATIVE_BEFORE = /(?:(?<!\bwhether\s)\bor\s+|[A-Za-z]{3}\s*\/\s*)$/i;

/** Whether the text at `start`-`end` of `sentence` is joined to another course by "or" or a slash. */
function offeredAsAlternative(sentence: string, start: number, end: number): boolean {
  return ALTERNATIVE_AFTER.test(sentence.slice(end, end + 40)) || ALTERNATIVE_BEFORE.test(sentence.slice(Math.max(0, start - 40), start));
}

/**
 * The option whose text is mentioned (and not rejected) in decision sentences, else in the whole text. A lone mention
 * stands against another option described in other words only when the text also labels it, alone, with its letter
 * (`labelled`): "upper endoscopy (A) rather than test-and-treat".
 */
function fromOptionTexts(plain: string, options: Options, labelled: ReadonlySet<string>): Candidate<string> | undefined {
  if (options.phrases.length === 0) return undefined;
  const inDecisions = new Set<string>();
  const anywhere = new Set<string>();
  let generic = false;
  for (const sentence of splitSentences(plain)) {
    const rejects = isRejecting(sentence);
    const mentioned = findPhraseMentions(sentence, options.phrases).filter(
      (mention) =>
        !isRejectedMention(sentence.toLowerCase(), mention.start, mention.end) &&
        !(rejects && isInRejectingClause(sentence, mention.start, mention.end)),
    );
    // "Deprescribe first: D) Atorvastatin" where atorvastatin is option B: the letter and the text disagree.
    for (const mention of mentioned) {
      const letter = adjacentLetter(sentence, mention, options);
      if (letter !== undefined && letter !== mention.id)
        return { status: 'ambiguous', explanation: `option ${mention.id}'s text is labelled with letter ${letter}` };
    }
    // A lone short word ("Now", "Observe") is too common in prose to stand for its option outside a decision sentence;
    // a mention under a condition ("ESI 4 or 5 depending on ...") commits to nothing.
    if (!CONDITIONAL_SENTENCE.test(sentence)) for (const mention of mentioned) anywhere.add(mention.id);
    const shortened = mentioned.length > 0 ? shortenedAlternative(sentence, options) : undefined;
    if (shortened) return { status: 'ambiguous', explanation: shortened };
    if (mentioned.length > 0 && DECISION_CUE.test(sentence) && !CONDITIONAL_SENTENCE.test(sentence)) {
      const conflict = optionTextConflict(sentence, options);
      if (conflict) return { status: 'ambiguous', explanation: conflict };
      // "Varenicline or combination NRT ...; I'd go with combination NRT": an option named as one of two
      // alternatives is not the one decided on.
      const alternative = mentioned.find((mention) => offeredAsAlternative(sentence, mention.start, mention.end));
      if (alternative) return { status: 'ambiguous', explanation: `option ${alternative.id}'s text is one of alternatives joined by "or"` };
      for (const mention of mentioned) inDecisions.add(mention.id);
      generic ||= GENERIC_STATEMENT.test(sentence);
    }
  }
  if (inDecisions.size === 1) {
    const [letter] = [...inDecisions];
    const explanation = `option ${letter ?? ''} text restated in a decision sentence${generic ? ' (stated as general practice)' : ''}`;
    return { status: 'found', value: letter ?? '', strength: generic ? 'weak' : 'strong', explanation };
  }
  if (inDecisions.size === 0 && anywhere.size === 1) {
    const [letter] = [...anywhere];
    // A lone mention is weak evidence: another option described in other words (or in a negated form) outweighs it,
    // unless the text labels the mentioned option, and only it, with its letter.
    // "POP (A), implant (B) and condoms (D) are all fine": the one text is one of several options labelled in a list.
    const listed = labelledBeside(plain, letter ?? '', options);
    if (listed !== undefined)
      return { status: 'ambiguous', explanation: `option ${letter ?? ''}'s text is one of a list labelling ${listed}` };
    const ownLabel = labelled.size === 1 && labelled.has(letter ?? '');
    const described = ownLabel ? undefined : optionDescribed(plain, options.phrases, { sentenceRivals: true });
    if (described?.status === 'ambiguous' && described.negated) return { status: 'ambiguous', explanation: described.explanation };
    if (described?.status === 'found' && described.id !== letter)
      return {
        status: 'ambiguous',
        explanation: `option ${letter ?? ''} mentioned, but option ${described.id} described ("${described.clause.slice(0, 60)}")`,
      };
    return {
      status: 'found',
      value: letter ?? '',
      strength: 'weak',
      explanation: `only option text mentioned is option ${letter ?? ''}'s`,
    };
  }
  if (inDecisions.size > 1 || anywhere.size > 1) {
    const named = inDecisions.size > 1 ? inDecisions : anywhere;
    return { status: 'ambiguous', explanation: `texts of several options mentioned (${[...named].join(', ')}) and no answer marker` };
  }
  return undefined;
}

/**
 * The other option letters bracketed in the sentence that brackets `letter` too ("POP (A), implant (B) and condoms
 * (D)"), joined for an explanation, or undefined when no sentence labels `letter` beside another.
 */
function labelledBeside(plain: string, letter: string, options: Options): string | undefined {
  for (const sentence of splitSentences(plain)) {
    const bracketed = new Set([...sentence.matchAll(/\(([A-Z])\)/g)].flatMap((match) => options.letters.get(match[1] ?? '') ?? []));
    if (bracketed.has(letter) && bracketed.size > 1) return [...bracketed].filter((other) => other !== letter).join(', ');
  }
  return undefined;
}

/**
 * The option letter written right against a mention of an option's text: "D) Atorvastatin", "D. Atorvastatin",
 * "Atorvastatin (D)". When it is another option's letter, the answer names two options at once.
 */
function adjacentLetter(sentence: string, mention: { start: number; end: number }, options: Options): string | undefined {
  const before = /(?:^|[^A-Za-z0-9])\(?([A-Z])[).:]\s*$/.exec(sentence.slice(Math.max(0, mention.start - 6), mention.start))?.[1];
  const after = /^\s*\(([A-Z])\)/.exec(sentence.slice(mention.end, mention.end + 6))?.[1];
  const letter = before ?? after;
  return letter === undefined ? undefined : options.letters.get(letter);
}

/** Words too common to identify an option ("Admit *to the* ICU"). */
const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'to',
  'in',
  'into',
  'of',
  'with',
  'for',
  'and',
  'or',
  'on',
  'at',
  'by',
  'her',
  'his',
  'their',
  'him',
  'them',
  'patient',
  'this',
  'that',
]);

/**
 * Option texts restated with small changes ("place her in the observation unit" for "Place in the observation
 * unit"): every content word of the option, in order, with at most three other words between consecutive ones,
 * inside one non-conditional sentence. Only options with at least two content words take part, mentions that are
 * rejected are skipped, and one distinct option must result; the answer is weak, since paraphrase is indirect.
 */
function fromParaphrasedOptionTexts(plain: string, options: Options): Candidate<string> | undefined {
  const found = new Map<string, string>();
  const wordsOf = (value: string): string[] => value.toLowerCase().match(/[a-z0-9]+(?:[-'][a-z0-9]+)*/g) ?? [];
  for (const { text: sentence, rejecting, conditional } of splitClauses(plain)) {
    if (rejecting || conditional) continue;
    const words = wordsOf(sentence);
    for (const { id, phrase } of options.phrases) {
      const content = wordsOf(phrase).filter((word) => !STOPWORDS.has(word));
      if (content.length < 2) continue;
      for (let start = 0; start < words.length; start += 1) {
        if (words[start] !== content[0] && !(words[start] ?? '').startsWith(content[0] ?? '\u0000')) continue;
        let position = start;
        let matched = 1;
        while (matched < content.length) {
          const next = words
            .slice(position + 1, position + 5)
            .findIndex((word) => word === content[matched] || word.startsWith(content[matched] ?? '\u0000'));
          if (next < 0) break;
          position += next + 1;
          matched += 1;
        }
        if (matched < content.length) continue;
        const lead = words.slice(Math.max(0, start - 3), start).join(' ');
        if (/\b(?:not|no|never|avoid|without|against|instead|rather|than)\b/.test(lead)) continue;
        found.set(id, sentence.slice(0, 100));
        break;
      }
    }
  }
  const onlyFound = [...found][0];
  if (found.size === 1 && onlyFound) {
    const [letter, sentence] = onlyFound;
    return { status: 'found', value: letter, strength: 'weak', explanation: `option ${letter} paraphrased in "${sentence}"` };
  }
  if (found.size > 1) return { status: 'ambiguous', explanation: `several options paraphrased (${[...found.keys()].join(', ')})` };
  return undefined;
}

/** The first option text mentioned (and not rejected) in a short segment. */
function optionTextIn(segment: string, options: Options): string | undefined {
  const lower = segment.toLowerCase();
  return findPhraseMentions(segment, options.phrases).find((mention) => !isRejectedMention(lower, mention.start, mention.end))?.id;
}

/** "ESI 2 or ESI 3", "ESI 2 or 3", "either admit or discharge": two option texts offered as alternatives. */
function optionTextConflict(segment: string, options: Options): string | undefined {
  const shortened = shortenedAlternative(segment, options);
  if (shortened) return shortened;
  const lower = segment.toLowerCase();
  const mentions = findPhraseMentions(segment, options.phrases);
  for (let i = 0; i + 1 < mentions.length; i += 1) {
    const first = mentions[i];
    const second = mentions[i + 1];
    if (!first || !second || first.id === second.id) continue;
    const gap = lower.slice(first.end, second.start);
    const between = /\bbetween\s+(?:the\s+)?$/.test(lower.slice(Math.max(0, first.start - 15), first.start)) && /^\s*and\s*$/.test(gap);
    if (between || /^\s*(?:,\s*)?(?:or|\/|and\/or)\s*(?:possibly\s+|maybe\s+|perhaps\s+)?$/.test(gap)) {
      return `conflicting answers ("${segment.slice(first.start, second.end)}")`;
    }
  }
  return undefined;
}

/**
 * "ESI 4 or 5", "Grade 2/3": an option text followed by an alternative that completes another option's text when it
 * takes the place of the last word. The answer offers both.
 */
function shortenedAlternative(sentence: string, options: Options): string | undefined {
  for (const mention of findPhraseMentions(sentence, options.phrases)) {
    const alternative = SHORTENED_ALTERNATIVE.exec(sentence.slice(mention.end))?.[1];
    const phrase = options.phrases.find((option) => option.id === mention.id)?.phrase;
    if (alternative === undefined || phrase === undefined) continue;
    const completed = squashed(phrase).replace(/\S+$/, alternative.toLowerCase());
    const other = options.phrases.find((option) => option.id !== mention.id && squashed(option.phrase) === completed);
    if (other) return `conflicting answers ("${sentence.slice(mention.start, mention.end)}" or ${alternative}, option ${other.id})`;
  }
  return undefined;
}

const SHORTENED_ALTERNATIVE = /^\s*(?:or|\/|-|–|to)\s*([a-z0-9]+)(?![a-z0-9])/i;

function samePhrase(written: string, phrase: string): boolean {
  return squashed(written) === squashed(phrase);
}

function startsWithPhrase(written: string, phrase: string | undefined): boolean {
  if (phrase === undefined) return false;
  const squash = (value: string): string =>
    value
      .toLowerCase()
      .replace(/[\s\-.,;:!"'*]+/g, ' ')
      .trim();
  const head = squash(written);
  const needle = squash(phrase);
  return needle.length > 0 && head.startsWith(needle) && !/^[a-z0-9]/.test(head.slice(needle.length));
}
