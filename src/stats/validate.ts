/**
 * Input validation shared by the tests. Every check throws an `Error` whose
 * message names the calling function and the broken constraint, e.g.
 * `binomialTest: k must be an integer with 0 <= k <= n (got k=11, n=10)`.
 *
 * - `checkSquareTable`: non-empty k × k array of finite, non-negative counts.
 * - `checkCountAndTrials`: integers 0 ≤ k ≤ n, n ≥ 1.
 * - `checkIntervalOptions`: confLevel ∈ (0, 1), alternative ∈ {two-sided, less, greater}.
 * - `checkPairedTable`: n11, n10, n01, n00 non-negative integers (or finite reals with `integers: false`,
 *   effective counts); returns n, which may be 0 (the interval functions then return NaN limits).
 *
 * Reference: (conventions only) Agresti A. (2013) Categorical Data Analysis, 3rd ed.
 *
 * @example
 * checkCountAndTrials('wilsonInterval', 3, 10); // ok
 * checkCountAndTrials('wilsonInterval', 11, 10); // throws
 */
import { isArray } from './numeric.js';
import type { Alternative, IntervalOptions, PairedTable } from './types.js';

/** Validates a square table of non-negative finite counts; returns k. */
export function checkSquareTable(fn: string, table: readonly (readonly number[])[]): number {
  if (!isArray(table) || table.length === 0) throw new Error(`${fn}: table must be a non-empty k x k array of counts`);
  const k = table.length;
  table.forEach((row, i) => {
    if (!isArray(row) || row.length !== k)
      throw new Error(`${fn}: table must be square (row ${i} has ${isArray(row) ? row.length : 'no'} entries, expected ${k})`);
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new Error(`${fn}: counts must be finite and non-negative (got table[${i}][${j}]=${String(v)})`);
    });
  });
  return k;
}

export function checkCountAndTrials(fn: string, k: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${fn}: n must be a positive integer (got n=${n})`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`${fn}: k must be an integer with 0 <= k <= n (got k=${k}, n=${n})`);
}

export function checkIntervalOptions(fn: string, options: IntervalOptions): { confLevel: number; alternative: Alternative } {
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`${fn}: confLevel must be in (0, 1) (got ${confLevel})`);
  const alternative = options.alternative ?? 'two-sided';
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new Error(`${fn}: alternative must be 'two-sided', 'less' or 'greater' (got ${String(alternative)})`);
  }
  return { confLevel, alternative };
}

/** Validates a paired 2×2 table and a confidence level; returns n (0 allowed: callers return NaN limits). */
export function checkPairedTable(fn: string, t: PairedTable, confLevel: number, integers = true): number {
  if (typeof t !== 'object' || t === null) throw new Error(`${fn}: table must be an object { n11, n10, n01, n00 }`);
  for (const key of ['n11', 'n10', 'n01', 'n00'] as const) {
    const v = t[key];
    const ok = integers ? Number.isInteger(v) : typeof v === 'number' && Number.isFinite(v);
    if (!ok || v < 0)
      throw new Error(`${fn}: ${key} must be a non-negative ${integers ? 'integer' : 'finite number'} (got ${key}=${String(v)})`);
  }
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`${fn}: confLevel must be in (0, 1) (got ${confLevel})`);
  return t.n11 + t.n10 + t.n01 + t.n00;
}
