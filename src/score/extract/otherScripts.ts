/**
 * Answers written in a script other than Latin (Cyrillic, Greek, Hebrew, Arabic, Thai, Bengali, ...): an option letter
 * or a scale value stands out there as the one Latin letter or the one number set off beside a word of that script
 * ("ตอบข้อ A", "– תשובה B.", "گزینه B.", "রমা 4", "פנה היום למיון — רמה 4."), whatever the word for "answer", "option" or
 * "level" is in that language.
 */

/** A word of letters (and combining marks) of a script other than Latin. */
const OTHER_SCRIPT_WORD = String.raw`(?:(?!\p{Script=Latin})[\p{L}\p{M}])+`;

/**
 * A value right after a word of another script (possibly after a colon and one more such word: "پاسخ: گزینه A —",
 * "คำตอบ: ข้อ A"), closing its sentence or the text, or followed by a dash or a colon: group 1.
 */
function valueAfterOtherScript(value: string): RegExp {
  return new RegExp(
    String.raw`${OTHER_SCRIPT_WORD}:?\s+(?:${OTHER_SCRIPT_WORD}\s+)?(${value})(?![.,]\d)(?=\s*(?:[.!?।,;:)]|\s-\s|$))`,
    'gu',
  );
}

const LETTER_AFTER_OTHER_SCRIPT = valueAfterOtherScript('[A-Z]');
const NUMBER_AFTER_OTHER_SCRIPT = valueAfterOtherScript(String.raw`\d{1,2}`);

/**
 * A letter of Greek, Cyrillic, Armenian, Hebrew, Arabic, an Indic or South-East Asian script, CJK or Hangul: a cheap
 * test that spares answers in Latin script the scan below.
 */
const OTHER_SCRIPT_LETTER = /[\u0370-\u1FFF\u3040-\u9FFF\uAC00-\uD7AF]/;

/** The one distinct value `pattern` finds, as written, or undefined when it finds none or several. */
function onlyValue(text: string, pattern: RegExp): string | undefined {
  if (!OTHER_SCRIPT_LETTER.test(text)) return undefined;
  const values = new Set([...text.matchAll(pattern)].map((match) => match[1] ?? ''));
  return values.size === 1 ? [...values][0] : undefined;
}

/** The one Latin capital letter an answer in another script sets off as its answer ("ตอบข้อ A", "– תשובה B."). */
export function letterAmidOtherScript(text: string): string | undefined {
  return onlyValue(text, LETTER_AFTER_OTHER_SCRIPT);
}

/** The one number an answer in another script sets off as its answer ("— רמה 4.", "ไปโรงพยาบาลทันที ข้อ 4"). */
export function numberAmidOtherScript(text: string): number | undefined {
  const value = onlyValue(text, NUMBER_AFTER_OTHER_SCRIPT);
  return value === undefined ? undefined : Number(value);
}

/**
 * Cyrillic and Greek capitals in alphabet order, standing for option letters A to E ("Ответ Б" is B, "Ответ Г" is D).
 * Not Cyrillic "В": third in its alphabet, it looks like a Latin B, so either may be meant.
 */
const OPTION_LETTERS_IN_ORDER: ReadonlyArray<readonly [string, string]> = [
  ['АΑ', 'A'],
  ['БΒ', 'B'],
  ['Γ', 'C'],
  ['ГΔ', 'D'],
  ['ДΕ', 'E'],
];

/**
 * A Cyrillic or Greek capital standing where an option letter stands (alone, before a dash, colon, bracket or full
 * stop: "Відповідь: А — статин", "Ответ Б:"), rewritten as the Latin letter of the same place in the alphabet. Not a
 * capital before a word ("А потім", "В лікарні": a conjunction or a preposition).
 */
const LETTER_POSITION = /(?<![\p{L}\p{N}])([АБГДΑΒΓΔΕ])(?=\s*(?:[:.)]|\s-\s|$))(?![\p{L}\p{N}])/gu;

export function withLatinOptionLetters(text: string): string {
  return text.replace(LETTER_POSITION, (letter) => OPTION_LETTERS_IN_ORDER.find(([from]) => from.includes(letter))?.[1] ?? letter);
}
