/** English number words models write for small counts and scores ("Two", "Fifteen."), by value. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const LEADING_WORD = new RegExp(
  `^(\\W*)(${Object.keys(NUMBER_WORDS).join('|')})(?:[\\s-]+(one|two|three|four|five|six|seven|eight|nine))?\\b`,
  'i',
);

/**
 * The text with a leading number word written in digits ("Fifteen." -> "15.", "Twenty-two points" -> "22 points"),
 * or undefined when the text does not open with one. Only the opening word: number words inside prose ("one of the
 * criteria") are not values.
 */
export function leadingNumberWordAsDigits(text: string): string | undefined {
  const match = LEADING_WORD.exec(text);
  if (!match) return undefined;
  const tens = NUMBER_WORDS[(match[2] ?? '').toLowerCase()] ?? 0;
  const units = match[3] !== undefined && tens >= 20 && tens % 10 === 0 ? (NUMBER_WORDS[match[3].toLowerCase()] ?? 0) : 0;
  if (match[3] !== undefined && units === 0) return undefined;
  return `${match[1] ?? ''}${tens + units}${text.slice(match[0].length)}`;
}
