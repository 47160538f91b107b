import type { Problem } from '../util/problems.js';
import { LINE_BREAK, PLACEHOLDER, placeholderKey } from './render.js';
import type { Vignette } from './types.js';
import { ONES } from './words.js';

/**
 * Words that read as a unit when they follow a number ("4 hours", "7 pm"); compared in the singular, case-blind.
 * Symbols need no list: a token after a number that starts with /, %, ° or ^, or contains a /, is its unit
 * ("20/min", "96%", "38.2 °C", "10^9/L", "mL/min/1.73"), and so are letters glued to it ("10mg", "12-lead").
 */
const WORD_UNITS = new Set([
  'mg',
  'g',
  'kg',
  'mcg',
  'µg',
  'microgram',
  'ml',
  'l',
  'litre',
  'liter',
  'mmhg',
  'mmol',
  'meq',
  'ng',
  'pg',
  'iu',
  'unit',
  'dose',
  'cm',
  'mm',
  'm',
  'm2',
  'inch',
  'ft',
  'foot',
  'feet',
  'lb',
  'kcal',
  'kilogram',
  'gram',
  'pound',
  's',
  'sec',
  'second',
  'min',
  'minute',
  'h',
  'hr',
  'hour',
  'day',
  'week',
  'month',
  'year',
  'am',
  'pm',
  'pack-year',
  'pack',
  'beat',
  'breath',
  'cigarette',
  'drink',
  'episode',
  'time',
  'point',
]);

/**
 * Number words a paraphrase may use for a digit and still say the same thing: zero to twenty. "fifteen minutes" and
 * "15 minutes" are the same fact. "one" counts only before a unit ("one pack", "one hour"): alone it is usually a
 * pronoun ("no one", "the one").
 */
const NUMBER_WORDS = [...ONES, 'twenty'];

const NUMBER = new RegExp(String.raw`(?<![\w.])([-−]?\d+(?:[.,:/]\d+)*|${NUMBER_WORDS.join('|')})(?![\w])(?=(\s?)([^\s,;()"]*))`, 'gi');

/** Every number with the unit that follows it ("20 /min", "96 %", "4 hour", "3"), in text order. */
export function numbersWithUnits(text: string): string[] {
  const found: string[] = [];
  for (const m of text.replace(PLACEHOLDER, ' ').matchAll(NUMBER)) {
    const raw = m[1]!;
    const wordIndex = NUMBER_WORDS.indexOf(raw.toLowerCase());
    const unit = unitOf(m[3]!, m[2] === '');
    if (raw.toLowerCase() === 'one' && unit === undefined) continue;
    const value = wordIndex >= 0 ? String(wordIndex) : raw.replace('−', '-');
    found.push(unit === undefined ? value : `${value} ${unit}`);
  }
  return found;
}

function unitOf(token: string, attached: boolean): string | undefined {
  // "24-hour" and "24 hours" are one fact: a joining hyphen is spelling, not unit.
  const unit = token.replace(/[.:!?'"]+$/, '').replace(/^-(?=[a-zA-Z])/, '');
  if (unit === '' || /^[–-]?\d/.test(unit)) return undefined;
  if (/^[/%°^]/.test(unit) || unit.includes('/')) return unit;
  const singular = unit.toLowerCase().replace(/(?<=[a-z]{2})s$/, '');
  if (WORD_UNITS.has(singular) || WORD_UNITS.has(unit.toLowerCase())) return singular;
  // Letters glued to the number ("10mg") are a unit however they are spelled.
  return attached && /^[a-zA-Zµ]/.test(unit) ? unit : undefined;
}

/**
 * Placeholder names by key ("{{They}}" and "{{they}}" are one placeholder), in text order. A line break (`{{br}}`)
 * is layout, not content: a paraphrase may lay its lines out differently.
 */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => placeholderKey(m[1]!).key).filter((key) => key !== LINE_BREAK);
}

/** "original has 20 /min, paraphrase has 32 /min": what each side has more of than the other, or undefined. */
function multisetDifference(
  original: readonly string[],
  paraphrase: readonly string[],
  show: (item: string) => string,
): string | undefined {
  const count = (items: readonly string[]) => items.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const a = count(original);
  const b = count(paraphrase);
  const surplus = (from: Map<string, number>, other: Map<string, number>, otherName: string) =>
    [...from.entries()].flatMap(([item, n]) => {
      const m = other.get(item) ?? 0;
      if (n <= m) return [];
      return [m === 0 ? (n === 1 ? show(item) : `${show(item)} ×${n}`) : `${show(item)} ×${n} (${otherName} ×${m})`];
    });
  const inOriginal = surplus(a, b, 'paraphrase');
  const inParaphrase = surplus(b, a, 'original');
  if (inOriginal.length === 0 && inParaphrase.length === 0) return undefined;
  const list = (items: string[]) => (items.length ? items.join(', ') : 'nothing else');
  return `original has ${list(inOriginal)}, paraphrase has ${list(inParaphrase)}`;
}

/**
 * A paraphrase is a control only if it changes wording and nothing a clinician would read as a fact: every number
 * (with its unit) and every placeholder of the original must appear in it as often as in the original, in any order.
 */
export function validateParaphrases(vignettes: readonly Vignette[], problems: Problem[]): void {
  for (const v of vignettes) {
    const numbers = numbersWithUnits(v.text);
    const placeholders = placeholderNames(v.text);
    v.paraphrases.forEach((paraphrase, i) => {
      const line = v.paraphraseLines?.[i] ?? v.line;
      const at = (message: string) => problems.push({ file: v.file, line, field: `${v.id}.paraphrases[${i}]`, message });
      const numberDiff = multisetDifference(numbers, numbersWithUnits(paraphrase), (x) => x);
      if (numberDiff)
        at(
          `changes the numbers: ${numberDiff}; a paraphrase must keep every number and unit of \`text\` (rewrite it, or change \`text\` too if the number was wrong)`,
        );
      const placeholderDiff = multisetDifference(placeholders, placeholderNames(paraphrase), (x) => `{{${x}}}`);
      if (placeholderDiff)
        at(`changes the placeholders: ${placeholderDiff}; a paraphrase must use every placeholder of \`text\` as often as \`text\` does`);
    });
  }
}
