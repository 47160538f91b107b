/**
 * Cohen's kappa (unweighted, linear- or quadratic-weighted) for a k × k
 * agreement table (rows: rater/condition 1 category, columns: rater 2), e.g.
 * agreement of a model's triage category between a vignette and its counterfactual.
 *
 * p_ij = n_ij/N, row margins r_i, column margins c_j, expected e_ij = r_i·c_j.
 * - Unweighted: κ = (p_o − p_e)/(1 − p_e), p_o = Σ p_ii, p_e = Σ r_i c_i.
 * - Weighted (disagreement weights w_ij = |i−j|/(k−1) or (i−j)²/(k−1)², category
 *   index 0..k−1): κ_w = 1 − Σ w·p / Σ w·e.
 * Standard errors (Fleiss, Cohen & Everitt 1969; as SAS PROC FREQ and statsmodels):
 * - `stdKappa`: asymptotic SE under the alternative, used for the CI κ ± z_{1−α/2}·SE. That Wald interval can
 *   leave the parameter space (e.g. 0.766 to 1.034 near perfect agreement), so by default (`interval:
 *   'truncated'`) its limits are truncated to [−1, 1]: κ cannot lie outside, so truncation never lowers
 *   coverage and removes only impossible values. `interval: 'wald'` returns the untruncated limits
 *   (statsmodels, SAS and the reference fixtures).
 * - `stdKappa0`: SE under H0: κ = 0, used for z = κ/SE0 and the two-sided
 *   p = 2·Φ(−|z|).
 * Categories 0..k−1 are always all present (the full k × k table is used, even
 * with empty rows/columns). κ is NaN when the expected agreement is 1. When a
 * variance is 0 in exact arithmetic (e.g. perfect agreement) rounding can make it
 * a tiny negative number; like statsmodels, its square root is then NaN (so are
 * the CI limits), otherwise a tiny value or exactly 0.
 * Matches statsmodels `cohens_kappa(table)` / `cohens_kappa(table, wt='quadratic')`.
 *
 * References: Cohen J. (1960) Educ Psychol Meas 20:37-46; Cohen J. (1968) Psychol
 * Bull 70:213-220; Fleiss J.L., Cohen J., Everitt B.S. (1969) Psychol Bull 72:323-327.
 *
 * @example
 * cohensKappa([[20, 5], [10, 15]]);
 * // { kappa: 0.4, stdKappa: 0.12699606293110033, stdKappa0: 0.13856406460551018, z: 2.886751345948128, ... }
 */
import { isArray, pairwiseSum } from './numeric.js';
import { normalQuantile, normalSf } from './distributions.js';

export type KappaWeights = 'none' | 'linear' | 'quadratic';

export interface CohensKappaOptions {
  weights?: KappaWeights;
  /** Confidence level of the interval, default 0.95. */
  confLevel?: number;
  /** 'truncated' (default): the Wald limits truncated to [−1, 1]; 'wald': untruncated. */
  interval?: 'truncated' | 'wald';
}

export interface CohensKappaResult {
  kappa: number;
  weights: KappaWeights;
  stdKappa: number;
  stdKappa0: number;
  ciLow: number;
  ciHigh: number;
  confLevel: number;
  z: number;
  pValue: number;
  n: number;
}

export function cohensKappa(table: readonly (readonly number[])[], options: CohensKappaOptions = {}): CohensKappaResult {
  const weights = options.weights ?? 'none';
  if (weights !== 'none' && weights !== 'linear' && weights !== 'quadratic') {
    throw new Error(`cohensKappa: weights must be 'none', 'linear' or 'quadratic' (got ${String(weights)})`);
  }
  const interval = options.interval ?? 'truncated';
  if (interval !== 'truncated' && interval !== 'wald')
    throw new Error(`cohensKappa: interval must be 'truncated' or 'wald' (got ${String(interval)})`);
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`cohensKappa: confLevel must be in (0, 1) (got ${confLevel})`);
  if (!isArray(table) || table.length < 2) throw new Error('cohensKappa: table must be a k x k array of counts with k >= 2');
  const k = table.length;
  table.forEach((row, i) => {
    if (!isArray(row) || row.length !== k)
      throw new Error(`cohensKappa: table must be square (row ${i} has ${isArray(row) ? row.length : 'no'} entries, expected ${k})`);
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new Error(`cohensKappa: counts must be finite and non-negative (got table[${i}][${j}]=${String(v)})`);
    });
  });
  // The arithmetic below follows statsmodels' NumPy expressions operation by
  // operation (pairwise sums, same product order), so that degenerate tables round
  // exactly as the reference does (e.g. a variance that is 0 in exact arithmetic
  // may come out as a tiny negative number, whose square root is NaN there too).
  const sumAll = (m: readonly (readonly number[])[]): number => pairwiseSum(m.flat());
  const nobs = sumAll(table);
  if (nobs === 0) throw new Error('cohensKappa: table must contain at least one observation');
  const range = Array.from({ length: k }, (_, i) => i);
  const probs = table.map((row) => row.map((v) => v / nobs));
  const freqRow = range.map((i) => pairwiseSum(table[i]!) / nobs); // table.sum(1) / nobs
  const freqCol = range.map((j) => {
    let c = 0; // table.sum(0): accumulated row by row
    for (const row of table) c += row[j]!;
    return c / nobs;
  });
  // prob_exp = freq_col * freq_row[:, None]
  const probExp = range.map((i) => range.map((j) => freqCol[j]! * freqRow[i]!));
  const agreeExp = pairwiseSum(range.map((i) => probExp[i]![i]!));

  let kappa: number;
  let varKappa: number;
  let varKappa0: number;
  if (weights === 'none') {
    kappa = (pairwiseSum(range.map((i) => table[i]![i]!)) / nobs - agreeExp) / (1 - agreeExp);
    const termA = pairwiseSum(
      range.map((i) => {
        const v = 1 - (freqRow[i]! + freqCol[i]!) * (1 - kappa);
        return probs[i]![i]! * (v * v);
      }),
    );
    const termBm = range.map((i) =>
      range.map((j) => {
        if (i === j) return 0;
        const v = freqCol[i]! + freqRow[j]!;
        return probs[i]![j]! * (v * v);
      }),
    );
    const termB = (1 - kappa) * (1 - kappa) * sumAll(termBm);
    const tc = kappa - agreeExp * (1 - kappa);
    const termC = tc * tc;
    varKappa = (termA + termB - termC) / ((1 - agreeExp) * (1 - agreeExp)) / nobs;
    const termC0 = pairwiseSum(range.map((i) => freqCol[i]! * freqRow[i]! * (freqCol[i]! + freqRow[i]!)));
    varKappa0 = agreeExp + agreeExp * agreeExp - termC0;
    varKappa0 /= (1 - agreeExp) * (1 - agreeExp) * nobs;
  } else {
    const span = k - 1;
    const W = range.map((i) => range.map((j) => (weights === 'linear' ? Math.abs(i - j) / span : ((i - j) * (i - j)) / (span * span))));
    const wObs = sumAll(range.map((i) => range.map((j) => W[i]![j]! * table[i]![j]!)));
    const wExp = sumAll(range.map((i) => range.map((j) => W[i]![j]! * probExp[i]![j]!)));
    kappa = 1 - wObs / nobs / wExp;
    const w = W.map((row) => row.map((v) => 1 - v));
    // w_row = (freq_col * w).sum(1) ; w_col = (freq_row[:, None] * w).sum(0)
    const wRow = range.map((i) => pairwiseSum(range.map((j) => freqCol[j]! * w[i]![j]!)));
    const wCol = range.map((j) => {
      let c = 0;
      for (const i of range) c += freqRow[i]! * w[i]![j]!;
      return c;
    });
    const agreeWexp = sumAll(range.map((i) => range.map((j) => w[i]![j]! * freqCol[j]! * freqRow[i]!)));
    const termA = sumAll(
      range.map((i) =>
        range.map((j) => {
          const v = w[i]![j]! - (wCol[j]! + wRow[i]!) * (1 - kappa);
          return probs[i]![j]! * (v * v);
        }),
      ),
    );
    const fac = 1 / ((1 - agreeWexp) * (1 - agreeWexp) * nobs);
    const tc = kappa - agreeWexp * (1 - kappa);
    varKappa = termA - tc * tc;
    varKappa *= fac;
    varKappa0 = sumAll(
      range.map((i) =>
        range.map((j) => {
          const v = w[i]![j]! - (wCol[j]! + wRow[i]!);
          return freqCol[j]! * freqRow[i]! * (v * v);
        }),
      ),
    );
    varKappa0 -= agreeWexp * agreeWexp;
    varKappa0 *= fac;
  }
  // NaN when rounding leaves a (mathematically zero) variance slightly negative, as statsmodels
  const stdKappa = Math.sqrt(varKappa);
  const stdKappa0 = Math.sqrt(varKappa0);
  const z = kappa / stdKappa0;
  const pValue = 2 * normalSf(Math.abs(z));
  const delta = -normalQuantile((1 - confLevel) / 2) * stdKappa;
  const bound = (x: number) => (interval === 'truncated' ? Math.min(1, Math.max(-1, x)) : x);
  return { kappa, weights, stdKappa, stdKappa0, ciLow: bound(kappa - delta), ciHigh: bound(kappa + delta), confLevel, z, pValue, n: nobs };
}
