/**
 * Bowker's test of symmetry for a k × k paired table.
 *
 *   X² = Σ_{i<j} (n_ij − n_ji)² / (n_ij + n_ji)  ~  χ²(k(k − 1)/2),
 * no continuity correction. Pairs with n_ij + n_ji = 0 contribute 0 and the df
 * stays k(k − 1)/2 (statsmodels `SquareTable.symmetry('bowker')`, the default); with
 * `emptyPairs: 'nan'` the statistic and p are NaN instead, as R's `mcnemar.test`
 * (0/0 in the sum). For k = 2 it is the uncorrected
 * McNemar test.
 *
 * Reference: Bowker A.H. (1948) JASA 43:572-574; Agresti A. (2013) Categorical Data Analysis, §11.4.
 *
 * @example
 * bowker([[20, 10, 5], [3, 30, 15], [0, 5, 40]]);
 * // { statistic: 13.76923076923077, df: 3, pValue: 0.003236706503235448 }
 */
import { chiSquareSf } from './distributions.js';
import type { ChiSquareTestResult } from './types.js';
import { checkSquareTable } from './validate.js';

export function bowker(table: readonly (readonly number[])[], options: { emptyPairs?: 'zero' | 'nan' } = {}): ChiSquareTestResult {
  const k = checkSquareTable('bowker', table);
  const emptyPairs = options.emptyPairs ?? 'zero';
  if (emptyPairs !== 'zero' && emptyPairs !== 'nan')
    throw new Error(`bowker: emptyPairs must be 'zero' or 'nan' (got ${String(emptyPairs)})`);
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const a = table[i]![j]!;
      const b = table[j]![i]!;
      if (a + b > 0) statistic += ((a - b) * (a - b)) / (a + b);
      else if (emptyPairs === 'nan') statistic = NaN;
    }
  }
  const df = (k * (k - 1)) / 2;
  return { statistic, df, pValue: df > 0 ? chiSquareSf(statistic, df) : NaN };
}
