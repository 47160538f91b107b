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

/** Spanish number words for the small counts models write in Spanish answers ("Cinco días", "En diez años"). */
const SPANISH_NUMBER_WORDS: Readonly<Record<string, number>> = {
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
};
/**
 * Portuguese, French, German, Italian, Indonesian and Tagalog number words for the same small counts ("Dez unidades",
 * "sechs Monate", "dix jours", "dieci giorni", "empat minggu", "apat na linggo"); read only before a unit, like the others.
 */
const OTHER_NUMBER_WORDS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    ['dois', 'duas', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'doze', 'quinze'].map((word, index) => [
      word,
      [2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15][index] ?? 0,
    ]),
  ),
  ...Object.fromEntries(
    ['deux', 'trois', 'quatre', 'cinq', 'sept', 'huit', 'neuf', 'dix', 'douze', 'quinze'].map((word, index) => [
      word,
      [2, 3, 4, 5, 7, 8, 9, 10, 12, 15][index] ?? 0,
    ]),
  ),
  ...Object.fromEntries(
    ['zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'zwölf', 'vierzehn'].map((word, index) => [
      word,
      [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14][index] ?? 0,
    ]),
  ),
  ...Object.fromEntries(
    ['tre', 'quattro', 'cinque', 'sette', 'otto', 'dieci', 'dodici', 'quindici'].map((word, index) => [
      word,
      [3, 4, 5, 7, 8, 10, 12, 15][index] ?? 0,
    ]),
  ),
  ...Object.fromEntries(
    [
      'dua',
      'tiga',
      'empat',
      'enam',
      'tujuh',
      'delapan',
      'sembilan',
      'sepuluh',
      'dalawa',
      'tatlo',
      'apat',
      'anim',
      'pito',
      'walo',
      'siyam',
      'sampu',
    ].map((word, index) => [word, [2, 3, 4, 6, 7, 8, 9, 10, 2, 3, 4, 6, 7, 8, 9, 10][index] ?? 0]),
  ),
};
const ANY_NUMBER_WORD: Readonly<Record<string, number>> = { ...NUMBER_WORDS, ...SPANISH_NUMBER_WORDS, ...OTHER_NUMBER_WORDS };

/** A number word (and a second for "twenty-one"), then Tagalog's linker ("apat na linggo") when a unit follows. */
const WORD_BEFORE_WORD = new RegExp(
  `\\b(${Object.keys(ANY_NUMBER_WORD).join('|')})(?:[\\s-]+(one|two|three|four|five|six|seven|eight|nine))?(?:\\s+n[ag](?=\\s))?(?=\\s+[A-Za-zµμ%])`,
  'gi',
);
/** "for a week", "within an hour", "in a decade": one of a duration, after a word that measures time. */
const ONE_DURATION = /\b(for|within|in|after|about|over|than|least|up\s+to)\s+(?:a|an|one)\s+(decade|year|month|week|day|hour|minute)\b/gi;

/** "twelve and a half", "2 and a quarter": a whole number and a fraction. */
const AND_A_FRACTION = new RegExp(`\\b(\\d+|${Object.keys(ANY_NUMBER_WORD).join('|')})\\s+and\\s+a\\s+(half|quarter)\\b`, 'gi');

/** Swahili counts after the unit they count: "siku tano" (five days), "wiki mbili" (two weeks), "miezi sita". */
const SWAHILI_NUMBER_WORDS: Readonly<Record<string, number>> = {
  moja: 1,
  mbili: 2,
  tatu: 3,
  nne: 4,
  tano: 5,
  sita: 6,
  saba: 7,
  nane: 8,
  tisa: 9,
  kumi: 10,
};
const SWAHILI_UNITS: Readonly<Record<string, string>> = { siku: 'days', wiki: 'weeks', miezi: 'months', mwezi: 'month' };
const SWAHILI_COUNT = new RegExp(
  `\\b(${Object.keys(SWAHILI_UNITS).join('|')})\\s+(${Object.keys(SWAHILI_NUMBER_WORDS).join('|')})\\b`,
  'gi',
);

/** "half the usual starting dose", "half of the standard dose": 50 % of a dose. */
const HALF_DOSE =
  /\bhalf\s+(?:of\s+)?(?:the|her|his|their|your)\s+(?:(?:usual|standard|normal|full|starting|recommended|adult|current)\s+){0,3}dose\b/gi;
/** "half a year", "half an hour", "a half-day": half of one duration. */
const HALF_DURATION = /\b(?:half\s+(?:a|an|one)|a\s+half-?)\s*(year|month|week|day|hour|minute)\b/gi;

/**
 * The text with number words that count a unit written in digits ("ten years" -> "10 years", "seven days", "Cinco
 * días", "for a week" -> "for 1 week", "a decade" -> "10 years", "half a year" -> "0.5 year", "half the usual dose" ->
 * "50 % of the dose", "twelve and a half" -> "12.5", Swahili "siku tano" -> "5 days"). `isUnitAt` says whether a unit
 * opens the given text;
 * a number word before anything else ("one of the criteria", "two tablets") stays a word.
 */
export function numberWordsBeforeUnits(text: string, isUnitAt: (rest: string) => boolean): string {
  return text
    .replace(ONE_DURATION, (_, lead: string, unit: string) => (unit.toLowerCase() === 'decade' ? `${lead} 10 years` : `${lead} 1 ${unit}`))
    .replace(/\b(?:a|one)\s+decade\b/gi, '10 years')
    .replace(HALF_DURATION, (_, unit: string) => `0.5 ${unit}`)
    .replace(HALF_DOSE, '50 % of the dose')
    .replace(AND_A_FRACTION, (written: string, whole: string, fraction: string) => {
      const units = /^\d/.test(whole) ? Number(whole) : ANY_NUMBER_WORD[whole.toLowerCase()];
      return units === undefined ? written : String(units + (fraction.toLowerCase() === 'half' ? 0.5 : 0.25));
    })
    .replace(
      SWAHILI_COUNT,
      (_, unit: string, count: string) => `${SWAHILI_NUMBER_WORDS[count.toLowerCase()] ?? ''} ${SWAHILI_UNITS[unit.toLowerCase()] ?? unit}`,
    )
    .replace(WORD_BEFORE_WORD, (written: string, tensWord: string, unitsWord: string | undefined, offset: number, whole: string) => {
      // A unit is short: looking at the next 40 characters keeps this linear in the text.
      if (!isUnitAt(whole.slice(offset + written.length, offset + written.length + 40))) return written;
      const tens = ANY_NUMBER_WORD[tensWord.toLowerCase()] ?? 0;
      const units = unitsWord === undefined ? 0 : (NUMBER_WORDS[unitsWord.toLowerCase()] ?? 0);
      if (unitsWord !== undefined && (tens < 20 || tens % 10 !== 0)) return written;
      return String(tens + units);
    });
}
