/** Number words from zero to nineteen, by value. */
export const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
export const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English words for a whole number from 0 to 999: 54 -> "fifty-four". */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new Error(`numberToWords: expected a whole number from 0 to 999, got ${n}`);
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : '');
  const rest = n % 100;
  return `${ONES[Math.floor(n / 100)]} hundred${rest ? ` and ${numberToWords(rest)}` : ''}`;
}

/**
 * Words whose first sound their spelling hides, matched at the start of the lowercased word. Vowel sound despite a
 * consonant letter: a silent h. Consonant sound despite a vowel letter: a "you" sound or a "w" sound (one, once,
 * oneself, Uyghur, Uighur).
 * The "you" sound is a class: a leading u before a single consonant and a vowel (unit, usual, urine, Ugandan,
 * Uruguayan, Utahn, uvula), Ukrainian, and eu (European). Not un- as a prefix, which keeps its vowel (uninsured,
 * unidentified; but union, unique, universal), and not a consonant pair (ulcer, urgent, Urdu, Uzbek, usher).
 * VOWEL_SOUND lists the words of the class said with "oo" (Uber, umami, udon, upon, Uzi).
 */
const VOWEL_SOUND = /^(hour|honest|honou?r|heir|hba1c|uber|umami|udon|upon|uzi)/;
const CONSONANT_SOUND = /^(uni(?![nmd])|u[bcdfgjklmprstvz][aeiouy]|ukr|uy|uigh|eu|one(?![a-z])|oneself|once)/;
/** The sheep ("a ewe") and not the language of Ghana and Togo ("an Ewe interpreter"), which is written capitalised. */
const EWE = /^ewes?(?![a-z])/;
/** Capitalised abbreviations said as a word, not letter by letter (so the word's own first sound decides). */
const SPOKEN_ACRONYMS = new Set(['AIDS', 'COVID', 'HIPAA', 'NASA', 'NATO', 'SNAP', 'UNICEF', 'WIC']);
/** Letters whose spoken name starts with a vowel sound: "an MRI", "an HIV test", "an X-ray", but "a CT scan". */
const VOWEL_SOUND_LETTERS = 'AEFHILMNORSX';

/**
 * "a" or "an" for the word that follows, by its first sound rather than its spelling:
 * - numbers by how they are said: an 8-year-old, an 11-year-old, an 18-year-old, an 80-year-old; a 1-year-old;
 * - initialisms (capitals not followed by a lowercase letter) by the name of their first letter: an MRI, an HIV
 *   test, an X-ray, a CT scan; abbreviations said as words (SPOKEN_ACRONYMS) as words: a NATO, an AIDS;
 * - other words by their first letter (a, e, i, o, u take "an"), with the exceptions above: a unit, a Uruguayan,
 *   a European, a one-time, a Uyghur, an hour, an honest.
 * A level whose word this rule gets wrong sets its own `article` in the demographics YAML.
 */
export function indefiniteArticle(nextWord: string): 'a' | 'an' {
  const word = nextWord.trim();
  const digits = /^(\d+)/.exec(word)?.[1];
  if (digits !== undefined) {
    if (digits.startsWith('8')) return 'an';
    // 11 and 18 (and 11,000-style groups) are spoken "eleven", "eighteen".
    if ((digits.length === 2 || digits.length === 5) && (digits.startsWith('11') || digits.startsWith('18'))) return 'an';
    return 'a';
  }
  const initialism = /^[A-Z][A-Z0-9]*(?![a-z])/.exec(word)?.[0];
  if (initialism !== undefined && !SPOKEN_ACRONYMS.has(initialism.replace(/[0-9]+$/, '')))
    return VOWEL_SOUND_LETTERS.includes(initialism[0]!) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (VOWEL_SOUND.test(lower)) return 'an';
  if (CONSONANT_SOUND.test(lower) || EWE.test(word)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
