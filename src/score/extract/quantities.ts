import { parseUnit, type ParsedUnit } from './units.js';

export interface Quantity {
  /** The number as written, parsed ("1,000" -> 1000, "2,5" before a unit -> 2.5, "-3" -> -3). */
  readonly value: number;
  /** The unit right after the number, if any. */
  readonly unit?: ParsedUnit;
  /** Doses per day from a frequency written after the amount ("twice daily" -> 2, "every 6 hours" -> 4, "daily" -> 1). */
  readonly perDay?: number;
  /** Set when the number starts a range or an alternative ("60-80 mg", "60 to 80", "75 or 150 mg", "between 60 and 80"). */
  readonly range?: string;
  /** Set when the number is a bound rather than a value ("<30", "at least 60", "up to 4 g", "maximum 4 g"). */
  readonly bound?: string;
  /** Set for "5/10" and "5 out of 10". */
  readonly outOf?: number;
  /** True when the number is an operand of arithmetic ("70 kg × 15 mg/kg", "2 + 1 + 1"), not a result. */
  readonly isOperand: boolean;
  /** Set for a number without a unit that counts dosage forms ("2 tablets", "4 puffs"): a count, not an amount. */
  readonly countedForm?: string;
  /** Set for a strength multiplied by a count of dosage forms ("two 500 mg tablets", "2 x 500 mg caps"). */
  readonly formCount?: string;
  /**
   * Set when the number cannot be read with confidence: "1.250 g" may be 1.25 g or, with a European thousands dot,
   * 1250 g. ("2.400 mL", three decimals ending in "00" before a unit, is read as European thousands: 2400.)
   */
  readonly uncertain?: string;
  /** The word right after a number that has no known unit ("15 MME"), so a custom unit can be compared. */
  readonly wordAfter?: string;
  /** Offsets in the scanned text, covering the number, its unit, frequency and range. */
  readonly start: number;
  readonly end: number;
  /** The quantity as written. */
  readonly text: string;
}

/**
 * A numeral: comma thousands ("4,080"), space thousands before a unit ("14 000 µg", "2 400 mL"), a decimal, a
 * European decimal comma before a unit ("2,5 mg") or with one or two decimals closing the answer ("FIB-4 = 2,44", "INR 2,5":
 * a thousands comma always has three digits after it), an integer.
 */
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?=\s*[a-zµμ%])|\d+\.\d+|\d+,\d{1,2}(?=\s*[a-zµμ%]|[.;]?\s*$)|\d+|\.\d+)`;
const BOUND_BEFORE =
  /(?:<|>|≤|≥|=<|>=|<=|\bless\s+than|\bgreater\s+than|\bmore\s+than|\bfewer\s+than|\bat\s+least|\bat\s+most|\bup\s+to|\bno\s+more\s+than|\bnot\s+(?:to\s+)?exceed(?:ing)?|\bmaximum(?:\s+(?:daily\s+)?(?:dose\s+)?(?:of|is))?:?|\bmax\.?(?:\s+(?:daily\s+)?dose)?(?:\s+of)?:?|\bminimum(?:\s+of)?:?|\bcapped\s+at|\babove|\bbelow|\bexceeding|\bunder)\s*$/i;
/** A count of two or more before a strength ("two 500 mg tablets", "2 x 500 mg"). */
const COUNT_BEFORE = /\b(?:two|three|four|five|six|[2-9]|1\d)\s*(?:[x×*]\s*)?$/i;
const DOSAGE_FORM_AFTER =
  /^\s*(?:tablets?|tabs?|capsules?|caps?|pills?|vials?|ampoules?|ampules?|puffs?|sprays?|patches?|suppositor(?:y|ies)|sachets?|doses)\b/i;
const RANGE_AFTER = /^\s*(?:-|to|or|\/)\s*(?=[-.\d])/i;
const OPERATOR_AFTER = /^\s*(?:[×*+÷]|x(?=\s*\d))/i;
const OPERATOR_BEFORE = /(?:[×*+÷]|\bx)\s*$/i;
/** "(140 - age)": a constant minus a named variable in brackets is a formula's term ("|" joins the text either side). */
const FORMULA_DIFFERENCE = /[([]\s*\|\s*-\s*[A-Za-z]{2,}/;
const FREQUENCIES: ReadonlyArray<readonly [RegExp, number | 'every-n']> = [
  [
    /^,?\s*(?:(?:once|one\s+time|1\s*x)\s+(?:a\s+day|daily|per\s+day|every\s+day)|daily|a\s+day|every\s+day|each\s+day|q\.?\s*d\.?(?![a-z])|o\.?d\.?(?![a-z])|q\.?\s*24\s*h(?:ours?|rs?)?|every\s+24\s+h(?:ours?|rs?)?)/i,
    1,
  ],
  [/^,?\s*(?:(?:twice|two\s+times|2\s*x)\s+(?:a\s+day|daily|per\s+day)|twice|b\.?i\.?d\.?(?![a-z]))/i, 2],
  [/^,?\s*(?:(?:three|3)\s+times\s+(?:a\s+day|daily|per\s+day)|t\.?i\.?d\.?(?![a-z]))/i, 3],
  [/^,?\s*(?:(?:four|4)\s+times\s+(?:a\s+day|daily|per\s+day)|q\.?i\.?d\.?(?![a-z]))/i, 4],
  [/^,?\s*(?:every|q\.?)\s*(\d{1,2})\s*(?:-\s*\d{1,2}\s*)?(?:h(?:ours?|rs?|r)?)(?![a-z])/i, 'every-n'],
];

/**
 * Finds every number in `text` with what qualifies it: the unit after it (see `parseUnit`), a dosing frequency, a
 * range or alternative it starts, a bound it is ("<", "at least", "up to", "maximum"), an "out of N" denominator,
 * and whether it is an arithmetic operand.
 *
 * Numbers glued to letters or decimals ("SpO2", the "73" of "1.73") are not numbers here; a unit's own digits
 * ("1.73 m2", "24 h") are consumed with the unit and not reported again; a minus sign counts only when it does not
 * follow a digit ("60-80" is a range, "-3" a negative number) and touches the number: "— 492 ms" (a dash, normalised
 * to "-") and a bulleted "- 525 mg" are positive, as every reader takes them. A comma is a thousands separator ("1,000") unless
 * one or two digits follow it and a unit comes next ("2,5 mg", European decimal comma).
 */
export function findQuantities(text: string): Quantity[] {
  const quantities: Quantity[] = [];
  const numberPattern = new RegExp(`(?<![\\w.,^])(-)?${NUMBER}(?![\\d])`, 'gi');
  let match: RegExpExecArray | null;
  while ((match = numberPattern.exec(text)) !== null) {
    const start = match.index;
    // "1:1000", "1:10,000" (a dilution), "08:30" (a time): a ratio's terms are not quantities.
    if (/\d:$/.test(text.slice(Math.max(0, start - 2), start)) || /^:\d/.test(text.slice(start + match[0].length))) continue;
    // "PHQ-9", "FIB-4", "GAD-7": the number belongs to the name of a score.
    if (/\b[A-Z]{2,}-$/.test(text.slice(Math.max(0, start - 12), start))) continue;
    // "in the 50s", "the 1990s": a decade names a band, not a value.
    if (/0$/.test(match[0]) && /^s\b/.test(text.slice(start + match[0].length))) continue;
    const sign = match[1] !== undefined && !/\d\s*$/.test(text.slice(Math.max(0, start - 3), start)) ? -1 : 1;
    const numeral = match[2] ?? '';
    let value = sign * parseNumeral(numeral);
    let end = start + match[0].length;
    let rest = text.slice(end, end + 200);

    let outOf: number | undefined;
    const fraction = /^\s*(?:\/|out\s+of)\s*(\d{1,3})(?!\d|[.,]\d)/i.exec(rest);
    if (fraction && !/^\s*\/\s*\d+\s*(?:mm|kg|m2)/i.test(rest)) {
      outOf = Number(fraction[1]);
      end += fraction[0].length;
      rest = text.slice(end, end + 200);
    }

    // "0.27 × 10^9/L", "4.5 x 10^3/µL": a count in scientific notation per volume.
    const power = outOf === undefined ? TIMES_POWER_PER_VOLUME.exec(rest) : null;
    if (power) {
      value *= 10 ** Number(power[1]);
      end += power[0].length;
      rest = text.slice(end, end + 200);
    }
    // "4.92 × 10^2 ms", "1.7 × 10^-1 %", "7.2 × 10^{2} µg/L": any other value in scientific notation.
    const exponent = outOf === undefined && !power ? TIMES_POWER.exec(rest) : null;
    if (exponent) {
      value = Number((value * 10 ** Number(exponent[1])).toPrecision(12));
      end += exponent[0].length;
      rest = text.slice(end, end + 200);
    }
    const unit = outOf !== undefined ? undefined : power ? perVolumeCount(rest) : (parseUnit(rest) ?? hyphenatedDuration(rest));
    let uncertain: string | undefined;
    if (unit && /^[1-9]\d{0,2}\.\d{3}$/.test(numeral)) {
      // A dot before exactly three digits and a unit: European thousands when they end in "00" (nobody writes 2.4 mL
      // as "2.400 mL"), otherwise either reading is plausible.
      if (numeral.endsWith('00')) value = sign * Number(numeral.replace('.', ''));
      else uncertain = `"${numeral}" may be a decimal or a European thousands separator`;
    }
    // "2 500 mg tablets": a count of tablets and their strength, or a thousands space; neither reading is safe.
    if (unit && numeral.includes(' ') && DOSAGE_FORM_AFTER.test(rest.slice(unit.consumed)))
      uncertain = `"${numeral}" may be a count and a strength or a thousands separator`;
    const wordAfter =
      unit === undefined && outOf === undefined
        ? /^\s*([A-Za-z][\w/.-]*(?:\s+(?:per|a|pro)\s+(?:day|tag|dose))?)/i
            .exec(rest)?.[1]
            ?.replace(/[.]+$/, '')
            // "60 mme a day", "60 MME pro Tag": the custom unit per day.
            .replace(/\s+(?:per|a|pro)\s+(?:day|tag)$/i, ' per day')
            .replace(/\s+(?:per|a)\s+dose$/i, ' per dose')
        : undefined;
    if (unit) {
      end += unit.consumed;
      rest = text.slice(end, end + 200);
    }

    let perDay: number | undefined;
    for (const [pattern, perDayValue] of FREQUENCIES) {
      const frequency = pattern.exec(rest);
      if (!frequency) continue;
      perDay = perDayValue === 'every-n' ? 24 / Math.max(1, Number(frequency[1])) : perDayValue;
      end += frequency[0].length;
      rest = text.slice(end, end + 200);
      break;
    }

    let range: string | undefined;
    let rangeUnit: ParsedUnit | undefined;
    const before = text.slice(Math.max(0, start - 40), start);
    const rangeJoin = RANGE_AFTER.exec(rest);
    const betweenRange = /\bbetween\s*$/i.test(before) && /^\s*and\s+[\d.]/i.test(rest);
    if ((rangeJoin && (!/^\s*\//.test(rangeJoin[0]) || unit !== undefined)) || betweenRange) {
      const second = new RegExp(`^\\s*(?:-|to|or|and|\\/)\\s*-?\\s?${NUMBER}`, 'i').exec(rest);
      if (second) {
        const secondEnd = end + second[0].length;
        const secondUnit = parseUnit(text.slice(secondEnd, secondEnd + 200));
        const compatibleSecond = secondUnit === undefined || unit === undefined || secondUnit.dimension === unit.dimension;
        // "ten days - diez días", "5 mg / 5 mg": the same value said twice is no range.
        const sameValue = second[1] !== undefined && parseNumeral(second[1]) === Math.abs(value) && secondUnit?.factor === unit?.factor;
        if (compatibleSecond && !sameValue) {
          end = secondEnd + (secondUnit?.consumed ?? 0);
          range = text.slice(start, end).trim();
          rangeUnit = secondUnit;
        }
      }
    }

    const bound = BOUND_BEFORE.exec(before)?.[0].trim();
    const count = COUNT_BEFORE.exec(before);
    const formCount = count && DOSAGE_FORM_AFTER.test(rest) ? `${count[0].trim()} ${text.slice(start, end).trim()}` : undefined;
    const countedForm = unit === undefined && outOf === undefined ? DOSAGE_FORM_AFTER.exec(rest)?.[0].trim() : undefined;
    const isOperand = OPERATOR_AFTER.test(rest) || OPERATOR_BEFORE.test(before) || FORMULA_DIFFERENCE.test(`${before}|${rest}`);
    quantities.push({
      value,
      // "60 to 80 mg": the first number of a range takes the unit written after the second.
      ...(unit ? { unit } : rangeUnit ? { unit: rangeUnit } : {}),
      ...(perDay !== undefined ? { perDay } : {}),
      ...(range !== undefined ? { range } : {}),
      ...(bound !== undefined ? { bound } : {}),
      ...(outOf !== undefined ? { outOf } : {}),
      ...(formCount !== undefined ? { formCount } : {}),
      ...(countedForm !== undefined ? { countedForm } : {}),
      ...(uncertain !== undefined ? { uncertain } : {}),
      ...(wordAfter !== undefined ? { wordAfter } : {}),
      isOperand: isOperand && formCount === undefined,
      start,
      end,
      text: text.slice(start, end).trim(),
    });
    numberPattern.lastIndex = Math.max(end, start + 1);
  }
  return quantities;
}

/**
 * "a 4-week course", "the 10-day rule": a duration joined to its number by a hyphen, as an adjective. Not an age
 * ("a 65-year-old"), which is no duration of anything asked.
 */
function hyphenatedDuration(rest: string): ParsedUnit | undefined {
  if (!/^-[a-z]/i.test(rest) || /^-[a-z]+-old\b/i.test(rest)) return undefined;
  const unit = parseUnit(rest.slice(1));
  return unit?.dimension === 'duration' ? { ...unit, consumed: unit.consumed + 1 } : undefined;
}

/** "× 10^9" before "/L" or "cells/µL": the power of ten a count is written with. */
const TIMES_POWER_PER_VOLUME = /^\s*[×x*·]\s*10\s*\^\s*(\d{1,2})(?=\s*(?:cells?\s*)?\/)/i;

/** "× 10^2", "x 10^-1", "× 10^{2}": a power of ten a value is written with (group 1: the exponent). */
const TIMES_POWER = /^\s*[×x*·]\s*10\s*\^\s*\{?\s*(-?\d{1,2})\s*\}?/i;

/** The unit after a count in scientific notation: "/L" or "cells/µL", read as cells per volume. */
function perVolumeCount(rest: string): ParsedUnit | undefined {
  const written = /^\s*(?:cells?\s*)?/i.exec(rest)?.[0] ?? '';
  const unit = parseUnit(`cells${rest.slice(written.length)}`);
  return unit?.dimension === 'cells/per-volume'
    ? { ...unit, text: rest.slice(0, unit.consumed - 5 + written.length).trim(), consumed: unit.consumed - 5 + written.length }
    : undefined;
}

function parseNumeral(numeral: string): number {
  if (/^\d+,\d{1,2}$/.test(numeral)) return Number(numeral.replace(',', '.'));
  return Number(numeral.replace(/[, ]/g, ''));
}
