/** Longest input tail ever looked at (plus the head): a model's conclusion sits at the end of its output. */
const HARD_INPUT_CAP = 1_000_000;
/** Characters kept from the start of the visible answer (terse answers put the letter first). */
const SCAN_HEAD_CHARS = 2_000;
/** Characters kept from the end of the visible answer (chain-of-thought answers conclude last). */
const SCAN_TAIL_CHARS = 18_000;

const REASONING_TAG = /<(\/?)\s*(?:think|thinking|reasoning|reflection)\s*>/i;

/** Rewrites applied in order, each to every occurrence (written without the `g` flag, which GLOBAL_REWRITES adds). */
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\r\n?/, '\n'],
  [/[\u200B-\u200D\u2060\uFEFF\u00AD]/, ''], // zero-width characters, soft hyphen
  [/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/, ' '], // control characters
  [/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/, '-'], // dashes and minus signs
  [/[\u2018\u2019\u201A\u201B\u2032]/, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/, '"'],
  // CJK and Arabic punctuation that NFKC keeps: "是的。" ends a sentence, "لا،" is "no,".
  [/\u3002/, '. '],
  [/[\u3001\u060C]/, ','],
  [/\u061B/, ';'],
  [/\u061F/, '?'],
  [/^[^\S\n]*(?:```|~~~)[^\n]*$/m, ''], // code fence lines (content kept)
  // <answer unit="years">10</answer> keeps its unit; <answer value="yes"/> states its answer in an attribute.
  [/<\s*((?:final[_ ]?)?answer)\s+unit\s*=\s*"([^"<>\n]{1,20})"\s*>([^<>\n"]{1,80})<\/\s*\1\s*>/i, '\nAnswer: $3 $2\n'],
  [/<\s*(?:final[_ ]?)?answer\s+(?:value|choice|option)\s*=\s*"([^"<>\n]{1,40})"\s*\/?>/i, '\nAnswer: $1\n'],
  [/<\s*(?:final[_ ]?)?answer\s*>/i, '\nAnswer: '],
  [/<\s*\/\s*(?:final[_ ]?)?answer\s*>/i, '\n'],
  [/\\boxed\s*\{((?:[^{}]|\{[^{}]*\}){0,120})\}/, '\nFinal answer: $1\n'],
  [/\\mu(?![A-Za-z])\s*/, 'µ'], // "500\,\mu\text{g}": LaTeX micro before the unit it prefixes
  [/\\(?:text|mathrm|mathbf|textbf|operatorname)\s*\{([^{}]{0,80})\}/, '$1'],
  [/\\times\b/, '×'],
  [/\\approx\b/, '≈'],
  [/\\(?:geq|ge)\b/, '≥'],
  [/\\(?:leq|le)\b/, '≤'],
  [/\\[,;:! ]/, ' '],
  [/\\[()[\]]|\$+/, ''],
  [/<\s*\/?\s*(?:b|strong)\s*>/i, '**'],
  [/<\s*br\s*\/?\s*>/i, '\n'],
  [/<\s*\/?\s*(?:em|i|u|p|div|span|response|output)\s*>/i, ''],
  [/`/, ''],
  // XML leaf elements become JSON fields, which every extractor reads: <level>3</level> is "level": "3", and a unit
  // attribute stays with its value (<value unit="%">8</value> is "value": "8 %").
  [/<([A-Za-z][\w-]{0,30})\s+unit\s*=\s*"([^"<>\n]{1,20})"\s*>([^<>\n"]{1,80})<\/\1\s*>/, '\n"$1": "$3 $2"\n'],
  [/<([A-Za-z][\w-]{0,30})\s*>([^<>\n"]{1,300})<\/\1\s*>/, '\n"$1": "$2"\n'],
  [/<\/?\s*[A-Za-z][\w-]{0,30}\s*>/, '\n'],
  [/[^\S\n]+/, ' '],
  [/ *\n */, '\n'],
  [/\n{3,}/, '\n\n'],
];
/** Vulgar fractions as decimals: NFKC would turn "29½" into "291⁄2", which reads as 291 and 2. */
const VULGAR_FRACTIONS: Readonly<Record<string, string>> = {
  '½': '5',
  '¼': '25',
  '¾': '75',
  '⅛': '125',
  '⅜': '375',
  '⅝': '625',
  '⅞': '875',
};
const VULGAR_FRACTION = /(?:(\d+)\s?)?([½¼¾⅛⅜⅝⅞])/g;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_POWER = /10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g;

/**
 * The rewrites as global patterns, made once. Only `String.prototype.replace` uses them, which starts every search at
 * 0 and leaves `lastIndex` at 0, so sharing them carries no state from one call to the next.
 */
const GLOBAL_REWRITES = REWRITES.map(([pattern, replacement]) => [new RegExp(pattern.source, `${pattern.flags}g`), replacement] as const);

/**
 * Turns an untrusted model output into the text every extractor scans.
 *
 * Order matters and is chosen so that each step is linear in the input:
 * 1. Coerce to a string; of a giant input keep the first 2,000 and the last 1,000,000 characters (a reasoning
 *    block can be long; the answer follows it).
 * 2. Drop reasoning blocks (`<think>...</think>`, also `thinking`/`reasoning`): a paired block is removed, a closing
 *    tag without an opening one (the opening tag was part of the prompt template) drops everything before it, an
 *    opening tag that is never closed (output truncated mid-thought) drops everything after it. The scan is a single
 *    pass over the tags, so a flood of unmatched tags cannot cause quadratic work.
 * 3. Keep the first 2,000 and the last 18,000 characters of what is left: terse answers lead with the answer and
 *    chain-of-thought answers end with it, so the middle is the least informative part.
 * 4. Unicode: vulgar fractions as decimals ("29½" is 29.5, "½ mg" is 0.5 mg), then NFKC (full-width letters and digits, non-breaking spaces, superscript digits, roman numeral
 *    code points), dashes and minus signs to `-`, curly quotes to straight ones, CJK and Arabic full stops and commas to ASCII ones, zero-width and control characters
 *    removed, CRLF to LF.
 * 5. Markup: code fence lines removed (their content kept), `<answer>` tags turned into an `Answer:` line,
 *    LaTeX `\boxed{x}` into a `Final answer: x` line, other LaTeX wrappers and HTML emphasis unwrapped, backticks
 *    removed, other XML leaf elements turned into JSON fields (`<level>3</level>` into `"level": "3"`) and the
 *    remaining bare tags into line breaks.
 * 6. Horizontal whitespace collapsed, and the result trimmed.
 */
export function normalizeAnswerText(raw: unknown): string {
  let text = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  if (text.length > HARD_INPUT_CAP + SCAN_HEAD_CHARS) text = `${text.slice(0, SCAN_HEAD_CHARS)}\n${text.slice(-HARD_INPUT_CAP)}`;

  text = removeReasoningBlocks(text);

  if (text.length > SCAN_HEAD_CHARS + SCAN_TAIL_CHARS) {
    text = `${text.slice(0, SCAN_HEAD_CHARS)}\n\n[...]\n\n${text.slice(-SCAN_TAIL_CHARS)}`;
  }

  // "10⁹/L" would become "109/L": a superscript power of ten is written out first.
  text = text.replace(
    SUPERSCRIPT_POWER,
    (_, minus: string, digits: string) =>
      `10^${minus === '' ? '' : '-'}${[...digits].map((digit) => SUPERSCRIPT_DIGITS.indexOf(digit)).join('')}`,
  );
  text = text.replace(
    VULGAR_FRACTION,
    (_, whole: string | undefined, fraction: string) => `${whole ?? '0'}.${VULGAR_FRACTIONS[fraction] ?? ''}`,
  );
  text = text.normalize('NFKC').replace(NON_ASCII_DIGIT, asciiDigit);
  for (const [pattern, replacement] of GLOBAL_REWRITES) text = text.replace(pattern, replacement);
  return text.trim();
}

/** A decimal digit of another script: Persian "۴", Bengali "৪", Devanagari "४", Thai "๔". */
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;

/**
 * The ASCII digit for a decimal digit of another script. Unicode encodes each script's digits 0-9 as one contiguous
 * run, so the digit's value is how many digits precede it in its run.
 */
function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0) ?? 0;
  let value = 0;
  while (value < 9 && /\p{Nd}/u.test(String.fromCodePoint(code - value - 1))) value += 1;
  return String(value);
}

/** Single pass over reasoning tags; see step 2 of {@link normalizeAnswerText}. */
function removeReasoningBlocks(text: string): string {
  let visible = '';
  let depth = 0;
  let cursor = 0;
  for (const tag of text.matchAll(new RegExp(REASONING_TAG.source, 'gi'))) {
    const start = tag.index ?? 0;
    const isClosing = tag[1] === '/';
    if (!isClosing) {
      if (depth === 0) visible += text.slice(cursor, start);
      depth += 1;
    } else if (depth > 0) {
      depth -= 1;
    } else {
      // A closing tag with no opening one: everything so far was reasoning.
      visible = '';
    }
    cursor = start + tag[0].length;
  }
  if (depth === 0) visible += text.slice(cursor);
  return visible;
}
