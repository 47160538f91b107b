/**
 * Stuart–Maxwell test of marginal homogeneity for a k × k paired table
 * (rows: category under condition A, columns: category under condition B).
 *
 * With N the total and p_ij = n_ij/N, drop the last category (the k margins are
 * linearly dependent) and let d = (column margins − row margins) over the first
 * k − 1 categories, V_ii = p_i+ + p_+i − 2p_ii, V_ij = −(p_ij + p_ji). Then
 *   X² = N · dᵀ V⁻¹ d  ~  χ²(k − 1).
 * If V is singular — a category other than the last has no off-diagonal counts,
 * or the LU factorisation hits an exactly zero pivot — the statistic and p-value
 * are NaN, as in statsmodels `SquareTable.homogeneity('stuart_maxwell')` (NumPy
 * raises LinAlgError). If V is singular only up to rounding, the solve still
 * returns the generalised-inverse value dᵀV⁺d (d always lies in the range of V),
 * as statsmodels does; the arithmetic follows statsmodels/LAPACK order. For k = 2 it equals the uncorrected
 * McNemar statistic. k = 1 gives statistic 0, p = 1, df = 0 (statsmodels).
 * `pValue` is the upper tail computed directly; statsmodels reports 1 − cdf,
 * which loses relative precision below ~1e-15 (the values agree above that).
 *
 * Reference: Stuart A. (1955) Biometrika 42:412-416; Maxwell A.E. (1970) Br J
 * Psychiatry 116:651-655; Agresti A. (2013) Categorical Data Analysis, §11.3.
 *
 * @example
 * stuartMaxwell([[20, 10, 5], [3, 30, 15], [0, 5, 40]]);
 * // { statistic: 13.764705882352942, df: 2, pValue: 0.0010257277265580678 }
 */
import { chiSquareSf } from './distributions.js';
import { pairwiseSum, solveLinearSystem } from './numeric.js';
import type { ChiSquareTestResult } from './types.js';
import { checkSquareTable } from './validate.js';

export type { ChiSquareTestResult } from './types.js';

export function stuartMaxwell(table: readonly (readonly number[])[]): ChiSquareTestResult {
  const k = checkSquareTable('stuartMaxwell', table);
  if (k === 1) return { statistic: 0, df: 0, pValue: 1 };
  // statsmodels' operation order (pairwise row sums, sequential column sums)
  const nObs = pairwiseSum(table.flat());
  if (nObs === 0) return { statistic: NaN, df: k - 1, pValue: NaN };
  const pr = table.map((row) => row.map((v) => v / nObs));
  const m = k - 1;
  const rowM = pr.slice(0, m).map((row) => pairwiseSum(row));
  const colM = Array.from({ length: m }, (_, j) => {
    let c = 0;
    for (const row of pr) c += row[j]!;
    return c;
  });
  const d = colM.map((c, i) => c - rowM[i]!);
  const V = Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => (i === j ? rowM[i]! + colM[i]! - 2 * pr[i]![i]! : -(pr[i]![j]! + pr[j]![i]!))),
  );
  const sol = solveLinearSystem(V, d);
  if (!sol) return { statistic: NaN, df: m, pValue: NaN };
  let q = 0;
  for (let i = 0; i < m; i++) q += d[i]! * sol[i]!;
  const statistic = nObs * q;
  return { statistic, df: m, pValue: chiSquareSf(statistic, m) };
}
