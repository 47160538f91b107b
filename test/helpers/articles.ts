import { numberToWords } from '../../src/template/words.js';

/**
 * The reader's ear, written apart from the renderer: numbers are said as words, capitals not followed by a
 * lowercase letter are said letter by letter, and a handful of words do not sound as they are spelled. `known`
 * gives the article of words the ear does not know (a test's own levels), looked up by the whole word.
 */
const SAID_AS_CONSONANT = /^(one\b|once|uni[^nmd]|eu|use|usu|uri|ure)/;
const SAID_AS_VOWEL = /^(hour|honest|heir)/;
const LETTERS_SAID_WITH_A_VOWEL = 'AEFHILMNORSX';
export function startsWithVowelSound(word: string): boolean {
  const number = /^\d+/.exec(word)?.[0];
  if (number !== undefined)
    return startsWithVowelSound(numberToWords(Number(number.length > 3 ? number.slice(0, number.length - 3) : number)));
  if (/^[A-Z][A-Z]*(?![a-z])/.test(word)) return LETTERS_SAID_WITH_A_VOWEL.includes(word[0]!);
  const lower = word.toLowerCase();
  if (SAID_AS_CONSONANT.test(lower)) return false;
  if (SAID_AS_VOWEL.test(lower)) return true;
  return /^[aeiou]/.test(lower);
}

/** Every "a"/"an" in the text that does not match the sound of the next word, as "a Arabic". */
export function articleErrors(text: string, known: ReadonlyMap<string, 'a' | 'an'> = new Map()): { checked: number; errors: string[] } {
  const errors: string[] = [];
  let checked = 0;
  for (const m of text.matchAll(/\b(a|an)\s+([^\s,.;]+)/gi)) {
    checked++;
    const expected = known.get(m[2]!);
    const vowel = expected === undefined ? startsWithVowelSound(m[2]!) : expected === 'an';
    if ((m[1]!.toLowerCase() === 'an') !== vowel) errors.push(m[0]);
  }
  return { checked, errors };
}
