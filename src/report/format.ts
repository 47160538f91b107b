/**
 * Number formatting for every human-readable output (HTML, Markdown). The report is rendered from results.json,
 * where JSON has turned Infinity and NaN into null, so every formatter accepts null and shows a dash for a value
 * that does not exist. Ratios are the exception: README documents a null ratio as "the reference never errs", so
 * it reads as infinity.
 */
export type Num = number | null | undefined;

/** A p-value, by the one p-value formatter (src/util/pValue.ts): "0.0432", "2.0e-5", "< 1e-300", or a dash. */
export { formatPValue as pValue } from '../util/pValue.js';

const DASH = '—';

function known(x: Num): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A proportion as a percentage: 0.218 -> "21.8%". */
export function percent(x: Num): string {
  return known(x) ? `${(100 * x).toFixed(1)}%` : DASH;
}

export function percentInterval(ci: readonly [Num, Num] | null | undefined): string {
  return ci ? `${percent(ci[0])} to ${percent(ci[1])}` : DASH;
}

/** A difference of proportions in percentage points, signed: 0.209 -> "+20.9" (or "+21" with no decimals). */
export function points(x: Num, digits = 1): string {
  return known(x) ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(digits)}` : DASH;
}

/** A 95% interval of a difference of proportions, in points. */
export function pointsInterval(ci: readonly [Num, Num] | null | undefined): string {
  return ci ? `${points(ci[0])} to ${points(ci[1])}` : DASH;
}

/** A ratio; null or Infinity is a reference rate of zero. */
export function ratio(x: Num): string {
  if (x === null || x === Infinity) return '∞';
  return known(x) ? x.toFixed(2) : DASH;
}

export function ratioInterval(ci: readonly [Num, Num] | null | undefined): string {
  return ci ? `${ratio(ci[0])} to ${ratio(ci[1])}` : DASH;
}

/** A plain number with a fixed count of decimals, signed when asked. */
export function decimal(x: Num, digits: number, signed = false): string {
  if (!known(x)) return DASH;
  return `${signed && x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
}

export function decimalInterval(ci: readonly [Num, Num] | null | undefined, digits: number): string {
  return ci ? `${decimal(ci[0], digits, true)} to ${decimal(ci[1], digits, true)}` : DASH;
}

export function count(n: Num): string {
  return known(n) ? String(n) : DASH;
}

/** "1 vignette", "3 vignettes". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}
