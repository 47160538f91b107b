/**
 * Joint Wald test that q coefficients are all zero, with an F reference for a covariance estimated from G
 * clusters (denominator degrees of freedom G − 1, as for cluster-robust t tests):
 *   W = β̂ᵀ V⁻¹ β̂,   F = W / q,   p = P(F(q, d) > F) = I_{d/(d + qF)}(d/2, q/2).
 * With q = 1 it is the square of the t statistic β̂/√V and gives the same two-sided p-value against t(d).
 * A singular V gives NaN (the coefficients are not jointly testable).
 *
 * Reference: Cameron A.C., Miller D.L. (2015) A practitioner's guide to cluster-robust inference. Journal of
 * Human Resources 50:317-372, section VI.D (Wald tests with F(q, G − 1)).
 *
 * @example
 * waldTest([2], [[1]], 10); // { statistic: 4, df: 1, denominatorDf: 10, pValue: 0.0734... } (t = 2 on 10 df)
 */
import { betaIncReg } from './distributions.js';

export interface WaldTestResult {
  /** F = W / q. */
  statistic: number;
  df: number;
  denominatorDf: number;
  pValue: number;
}

export function waldTest(beta: readonly number[], covariance: readonly (readonly number[])[], denominatorDf: number): WaldTestResult {
  const q = beta.length;
  if (q === 0) throw new Error('waldTest: at least one coefficient is required');
  if (covariance.length !== q || covariance.some((row) => row.length !== q))
    throw new Error(`waldTest: covariance must be ${q} × ${q} to match the coefficients`);
  if (!(denominatorDf > 0)) throw new Error(`waldTest: denominatorDf must be positive (got ${denominatorDf})`);
  const solved = solve(covariance, beta);
  const w = solved ? beta.reduce((sum, b, i) => sum + b * solved[i]!, 0) : NaN;
  const statistic = w / q;
  if (!(statistic >= 0)) return { statistic: NaN, df: q, denominatorDf, pValue: NaN };
  const denominator = denominatorDf + q * statistic;
  const [pValue] = betaIncReg(denominatorDf / 2, q / 2, denominatorDf / denominator, (q * statistic) / denominator);
  return { statistic, df: q, denominatorDf, pValue };
}

/** V⁻¹b by Gauss–Jordan elimination with partial pivoting; undefined when V is singular. */
function solve(v: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const n = b.length;
  const a = v.map((row, i) => [...row, b[i]!]);
  const scale = Math.max(...v.map((row, i) => Math.abs(row[i]!)));
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (!(Math.abs(a[pivot]![c]!) > 1e-12 * scale)) return undefined;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let j = c; j <= n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}
