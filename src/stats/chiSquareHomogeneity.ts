/**
 * Pearson's χ² test of homogeneity (independence) for an r × c table of counts, without continuity correction.
 *
 * With row totals R_i, column totals C_j and grand total N, the expected counts are E_ij = R_i·C_j / N and
 *   X² = Σ_ij (n_ij − E_ij)² / E_ij  ~  χ²((r' − 1)(c' − 1)),
 * where r' and c' count the rows and columns with a non-zero total: an empty row or column carries no information,
 * so it is left out of the sum and of the degrees of freedom (scipy's `chi2_contingency` raises instead). When
 * fewer than two rows or two columns are non-empty the test is undefined: statistic, df 0 and p are NaN, 0, NaN.
 * The χ² approximation needs expected counts of about 5 or more; with smaller ones it is approximate.
 *
 * Matches scipy.stats.chi2_contingency(table, correction=False) and R chisq.test(table, correct = FALSE) on tables
 * without empty rows or columns.
 *
 * Reference: Agresti A. (2013) Categorical Data Analysis, 3rd ed., §3.2.
 *
 * @example
 * chiSquareHomogeneity([[12, 5], [3, 9], [7, 7]]);
 * // { statistic: 5.86226763432646, df: 2, pValue: 0.05333652997596497 }
 */
import { chiSquareSf } from './distributions.js';
import { isArray } from './numeric.js';
import type { ChiSquareTestResult } from './types.js';

export function chiSquareHomogeneity(table: readonly (readonly number[])[]): ChiSquareTestResult {
  const first: unknown = isArray(table) ? table[0] : undefined;
  if (!Array.isArray(first) || first.length === 0) throw new Error('chiSquareHomogeneity: table must be a non-empty r x c array of counts');
  const c = first.length;
  table.forEach((row, i) => {
    if (!isArray(row) || row.length !== c)
      throw new Error(`chiSquareHomogeneity: every row must have ${c} entries (row ${i} has ${isArray(row) ? row.length : 'none'})`);
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new Error(`chiSquareHomogeneity: counts must be finite and non-negative (got table[${i}][${j}]=${String(v)})`);
    });
  });
  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: c }, (_, j) => table.reduce((a, row) => a + row[j]!, 0));
  const rows = rowTotals.map((t, i) => [t, i] as const).filter(([t]) => t > 0);
  const cols = colTotals.map((t, j) => [t, j] as const).filter(([t]) => t > 0);
  if (rows.length < 2 || cols.length < 2) return { statistic: NaN, df: 0, pValue: NaN };
  const n = rowTotals.reduce((a, b) => a + b, 0);
  let statistic = 0;
  for (const [ri, i] of rows) {
    for (const [cj, j] of cols) {
      const expected = (ri * cj) / n;
      statistic += (table[i]![j]! - expected) ** 2 / expected;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  return { statistic, df, pValue: chiSquareSf(statistic, df) };
}
