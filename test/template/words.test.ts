import { describe, expect, it } from 'vitest';
import { indefiniteArticle, numberToWords } from '../../src/template/words.js';

describe('indefiniteArticle', () => {
  it.each([
    ['45-year-old', 'a'],
    ['8-year-old', 'an'],
    ['11-year-old', 'an'],
    ['18-year-old', 'an'],
    ['80-year-old', 'an'],
    ['85-year-old', 'an'],
    ['1-year-old', 'a'],
    ['110-year-old', 'a'],
    ['American', 'an'],
    ['Asian', 'an'],
    ['Black', 'a'],
    ['unit', 'a'],
    ['uninsured', 'an'],
    ['European', 'a'],
    ['hour', 'an'],
    ['older', 'an'],
    ['MRI', 'an'],
    ['HIV-positive', 'an'],
    ['X-ray', 'an'],
    ['CT', 'a'],
    ['US-born', 'a'],
    ['NATO', 'a'],
    ['AIDS', 'an'],
    ['Arabic', 'an'],
    ['one-armed', 'a'],
    ['urine', 'a'],
    ['Ukrainian', 'a'],
    ['Urdu', 'an'],
    ['unidentified', 'an'],
    ['SpO2', 'a'],
    // The "you" sound as a class (u, one consonant, a vowel), and the words of the class said with "oo".
    ['Uruguayan', 'a'],
    ['Utahn', 'a'],
    ['uvula', 'a'],
    ['Ugandan', 'a'],
    ['union', 'a'],
    ['Uzbek', 'an'],
    ['usher', 'an'],
    ['ulcer', 'an'],
    ['urgent', 'an'],
    ['unusual', 'an'],
    ['Uber', 'an'],
    ['upon', 'an'],
    // A "w" sound.
    ['Uyghur', 'a'],
    ['Uighur', 'a'],
    ['oneself', 'a'],
    ['Onondaga', 'an'],
    // The language is capitalised, the sheep is not.
    ['Ewe', 'an'],
    ['ewe', 'a'],
  ])('%s takes "%s"', (word, article) => {
    expect(indefiniteArticle(word)).toBe(article);
  });
});

describe('numberToWords', () => {
  it('writes ages as words', () => {
    expect(numberToWords(54)).toBe('fifty-four');
    expect(numberToWords(80)).toBe('eighty');
    expect(numberToWords(13)).toBe('thirteen');
    expect(numberToWords(101)).toBe('one hundred and one');
  });
  it('rejects what it cannot say', () => {
    expect(() => numberToWords(-1)).toThrow(/numberToWords: expected a whole number/);
    expect(() => numberToWords(2.5)).toThrow(/numberToWords/);
  });
});
