export interface ParsedUnit {
  /**
   * Compatibility key: the numerator's dimension, then the sorted denominators ("mass", "mass/time",
   * "mass/weight", "volume/bsa/time"). Two quantities are convertible when their keys are equal.
   */
  readonly dimension: string;
  /** Multiply a value in this unit by `factor` to express it in the dimension's base unit (mg, mL, units, /day, ...). */
  readonly factor: number;
  /** True when the unit has a time denominator (mg/day, mL/min): an explicit rate rather than an amount. */
  readonly isRate: boolean;
  /** True when written "per dose": an amount that must not be read as a daily total. */
  readonly isPerDose: boolean;
  /** The unit as written. */
  readonly text: string;
  /** How many characters of the input the unit took. */
  readonly consumed: number;
}

interface UnitEntry {
  readonly pattern: string;
  readonly dimension: string;
  readonly factor: number;
  /** Read only when a space separates it from the number (a one-letter unit that is also an English ending). */
  readonly spaced?: boolean;
}

/** Numerator units, longest alternatives first; base units: mg, mL, units, mmol, mEq, points, %, mmHg, hours (also for seconds), kg. */
/** A calendar month in hours (365.25 / 12 days): a month is no whole number of weeks or days. */
export const HOURS_PER_MONTH = 730.5;

const NUMERATORS: readonly UnitEntry[] = [
  { pattern: String.raw`micrograms?|mcgs?|[µμu]g`, dimension: 'mass', factor: 0.001 },
  { pattern: String.raw`nanograms?|ng`, dimension: 'mass', factor: 0.000001 },
  { pattern: String.raw`milligrams?|mgs?|мг|מ"ג|میلی[\u200c ]?گرم`, dimension: 'mass', factor: 1 },
  // Kilograms and pounds are body weights in clinical text, never doses: their own dimension keeps "70 kg" from
  // being read as 70,000,000 mg.
  { pattern: String.raw`kilograms?|kgs?|kilos?`, dimension: 'body-mass', factor: 1 },
  { pattern: String.raw`pounds?|lbs?`, dimension: 'body-mass', factor: 0.45359237 },
  { pattern: String.raw`grams?|gm|g`, dimension: 'mass', factor: 1000 },
  { pattern: String.raw`micro-?lit(?:er|re)s?|[µμu]l`, dimension: 'volume', factor: 0.001 },
  { pattern: String.raw`milli-?lit(?:er|re)s?|mls?|cc`, dimension: 'volume', factor: 1 },
  { pattern: String.raw`deci-?lit(?:er|re)s?|dl`, dimension: 'volume', factor: 100 },
  { pattern: String.raw`lit(?:er|re)s?|l`, dimension: 'volume', factor: 1000 },
  { pattern: String.raw`milli-?units?|mu`, dimension: 'units', factor: 0.001 },
  {
    pattern: String.raw`international\s+units?|units?|iu|u|unidades?|unités?|einheiten|unità|jednost(?:ek|ki)|единиц[аы]?|одиниц[ьяі]?|μονάδες|יחידות`,
    dimension: 'units',
    factor: 1,
  },
  { pattern: String.raw`millimoles?|mmol`, dimension: 'mmol', factor: 1 },
  { pattern: String.raw`milli-?equivalents?|meq`, dimension: 'meq', factor: 1 },
  // Spanish, Portuguese, French, German, Italian, Polish, Turkish and Dutch units are written after digits as in
  // English ("7 dias", "2 Punkte", "492 millisecondi", "15 punktów", "9 puan", "4 punten").
  { pattern: String.raw`points?|pts?|punkte?|punkt(?:y|ów)?|puan|puntos?|punti|pontos?|punten`, dimension: 'points', factor: 1 },
  // Blood counts: "270 cells/µL", "0.27 × 10^9/L" (see `findQuantities`), "270/mm3".
  { pattern: String.raw`cells?`, dimension: 'cells', factor: 1 },
  // "% predicted" (spirometry) is a percentage of the predicted value, written with or without "of".
  { pattern: String.raw`(?:percent|per\s+cent|%)(?:\s+(?:of\s+)?predicted)?`, dimension: 'percent', factor: 1 },
  { pattern: String.raw`mm\s*hg`, dimension: 'pressure', factor: 1 },
  { pattern: String.raw`beats\s+per\s+minute|bpm`, dimension: 'heart-rate', factor: 1 },
  { pattern: String.raw`milli-?seconds?|millisecondi|msecs?|ms`, dimension: 'duration', factor: 1 / 3_600_000 },
  { pattern: String.raw`seconds?|secondi|secs?`, dimension: 'duration', factor: 1 / 3600 },
  // A bare "s" is seconds only after a space ("0.492 s"): glued to a number it is a plural ("in the 50s").
  { pattern: 's', dimension: 'duration', factor: 1 / 3600, spaced: true },
  { pattern: String.raw`minutes?|minuti|mins?`, dimension: 'duration', factor: 1 / 60 },
  { pattern: String.raw`hours?|ore|hrs?|h`, dimension: 'duration', factor: 1 },
  // Durations also in Indonesian, Tagalog, Polish, Turkish, Russian, Ukrainian, Greek, Hebrew, Vietnamese and Persian.
  {
    pattern: String.raw`days?|d[ií]as|giorni|jours?|tagen?|tage|hari|araw|dni|dzie[nń]|gün|дней|дня|днів|дні|день|доби|ημέρες|ημέρα|μέρες|ימים|יום|ngày|روز`,
    dimension: 'duration',
    factor: 24,
  },
  {
    pattern: String.raw`weeks?|wks?|semanas?|semaines?|settimane|wochen?|linggo|minggu|tygodnie|tygodni|tydzie[nń]|hafta|недел[ьяи]|тижнів|тижні|тижня|тиждень|εβδομάδες|εβδομάδα|שבועות|שבוע|tuần|هفته`,
    dimension: 'duration',
    factor: 168,
  },
  {
    pattern: String.raw`months?|mos?|meses|mesi|mois|monaten?|monate|buwan|bulan|miesi[ęą]ce|miesi[ęą]cy|miesi[ąa]c|месяцев|месяца|месяц|місяців|місяці|місяць|μήνες|μήνα|חודשים|חודש|tháng|ماه`,
    dimension: 'duration',
    factor: HOURS_PER_MONTH,
  },
  {
    pattern: String.raw`years?|yrs?|a[ñn]os|anni|ans|jahren?|jahre|taon|tahun|lata|lat|yıl|года|год|лет|років|роки|рік|χρόνια|έτη|שנים|שנה|năm|سال`,
    dimension: 'duration',
    factor: 8766,
  },
];

/** Denominators; base units: per kg, per day, per 1.73 m², per m², per mL. `dose` is dropped (per dose = amount). */
const DENOMINATORS: readonly UnitEntry[] = [
  { pattern: String.raw`1[.,]73\s*(?:m\s*\^?\s*2|sq(?:uare)?\.?\s*m(?:et(?:er|re)s?)?|m\b)`, dimension: 'bsa', factor: 1 },
  { pattern: String.raw`m\s*\^?\s*2|sq(?:uare)?\.?\s*m(?:et(?:er|re)s?)?`, dimension: 'area', factor: 1 },
  { pattern: String.raw`kilograms?|kgs?|kilos?`, dimension: 'weight', factor: 1 },
  { pattern: String.raw`pounds?|lbs?`, dimension: 'weight', factor: 0.45359237 },
  { pattern: String.raw`24\s*-?\s*h(?:ours?|rs?|r)?|days?|d`, dimension: 'time', factor: 1 },
  { pattern: String.raw`hours?|hrs?|hr|h`, dimension: 'time', factor: 1 / 24 },
  { pattern: String.raw`minutes?|mins?|min`, dimension: 'time', factor: 1 / 1440 },
  { pattern: String.raw`weeks?|wks?|wk`, dimension: 'time', factor: 7 },
  { pattern: String.raw`micro-?lit(?:er|re)s?|[µμu]l|mm3|cmm`, dimension: 'per-volume', factor: 0.000001 },
  { pattern: String.raw`deci-?lit(?:er|re)s?|dl`, dimension: 'per-volume', factor: 0.1 },
  { pattern: String.raw`milli-?lit(?:er|re)s?|ml`, dimension: 'per-volume', factor: 0.001 },
  { pattern: String.raw`lit(?:er|re)s?|l`, dimension: 'per-volume', factor: 1 },
  { pattern: String.raw`dose`, dimension: 'dose', factor: 1 },
];

/** After a unit, no letter of its word goes on: Latin, Greek, Cyrillic, Hebrew or Arabic ("дня" is not "дн" and more). */
const UNIT_END = String.raw`(?![a-z0-9µμ\u0370-\u03FF\u0400-\u04FF\u05D0-\u05EA\u0620-\u064A\u067E-\u06CC])`;
const NUMERATOR_PATTERNS = NUMERATORS.map((entry) => ({ ...entry, regex: new RegExp(`^(?:${entry.pattern})${UNIT_END}`, 'i') }));
const DENOMINATOR_PATTERNS = DENOMINATORS.map((entry) => ({ ...entry, regex: new RegExp(`^(?:${entry.pattern})(?![a-z0-9µμ])`, 'i') }));
const DENOMINATOR_SEPARATOR = /^(?:\s*\/\s*|\s+per\s+(?:a\s+|each\s+)?|\s+(?:in|over)\s+(?=24\s*-?\s*h))/i;

/**
 * Reads a unit expression at the start of `text` (the text right after a number, or a whole unit string such as a
 * question's `unit`), e.g. "mg", "mcg", "µg", "g/day", "mg/kg/day", "mL/min/1.73 m2", "mL/min per 1.73m^2",
 * "units", "IU", "mg over 24 hours", "points".
 *
 * Precedence: the longest numerator alternative that ends at a word boundary ("mcg" before "mg" before "g"; "g"
 * does not match "given"), then up to four denominators introduced by "/" or "per" (or "in/over 24 hours");
 * "per dose" is dropped (a per-dose amount is an amount). Kilograms and pounds form a separate
 * "body-mass" dimension. Returns undefined when no unit starts the text.
 */
export function parseUnit(text: string): ParsedUnit | undefined {
  // A unit is written on its number's line: "12.5\nunit: mg/dL" is not 12.5 units.
  const leadingSpace = /^[^\S\n]*/.exec(text)?.[0].length ?? 0;
  let rest = text.slice(leadingSpace);
  const numerator = NUMERATOR_PATTERNS.filter((entry) => leadingSpace > 0 || entry.spaced !== true)
    .map((entry) => ({ entry, match: entry.regex.exec(rest) }))
    .find((candidate) => candidate.match);
  if (!numerator?.match) return undefined;
  let consumed = leadingSpace + numerator.match[0].length;
  rest = text.slice(consumed);
  let factor = numerator.entry.factor;
  const denominators: string[] = [];
  let isPerDose = false;
  for (let depth = 0; depth < 4; depth += 1) {
    const separator = DENOMINATOR_SEPARATOR.exec(rest);
    if (!separator) break;
    const afterSeparator = rest.slice(separator[0].length);
    const denominator = DENOMINATOR_PATTERNS.map((entry) => ({ entry, match: entry.regex.exec(afterSeparator) })).find(
      (candidate) => candidate.match,
    );
    if (!denominator?.match) break;
    const length = separator[0].length + denominator.match[0].length;
    consumed += length;
    rest = rest.slice(length);
    if (denominator.entry.dimension === 'dose') {
      isPerDose = true;
      continue;
    }
    factor /= denominator.entry.factor;
    denominators.push(denominator.entry.dimension);
  }
  denominators.sort();
  const written = text.slice(leadingSpace, consumed);
  return {
    dimension: [numerator.entry.dimension, ...denominators].join('/'),
    factor,
    isRate: denominators.includes('time'),
    isPerDose,
    text: written,
    consumed,
  };
}
