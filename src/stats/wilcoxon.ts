/**
 * Wilcoxon signed-rank test for paired continuous/ordinal scores.
 *
 * d_i = x_i − y_i; |d_i| are ranked with average ranks; R+ (R−) is the rank sum
 * of positive (negative) differences.
 *
 * Zero differences (`zeroMethod`):
 * - 'wilcox' (default): zeros are dropped before ranking (n = #nonzero).
 * - 'pratt': zeros are ranked with the rest, then their ranks discarded; the
 *   normal approximation uses Cureton's (1967) adjustment: μ and σ² are reduced
 *   by n0(n0+1)/4 and n0(n0+1)(2n0+1)/24 (n counts the zeros).
 * - 'zsplit': zeros are ranked and their rank sum split equally between R+ and R−.
 * If all differences are zero the test is undefined and an error is thrown (as SciPy).
 *
 * Statistic: two-sided → T = min(R+, R−) (SciPy's convention; R reports V = R+);
 * one-sided ('greater' / 'less') → T = R+.
 *
 * Normal approximation (`method: 'approx'`):
 *   μ = n(n+1)/4, σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48   (tie groups t among nonzero ranks),
 *   z = (T − μ − cc)/σ with cc = ½·sign(T − μ) (two-sided), +½ ('greater') or −½ ('less')
 *   when `correction` is true, else 0; two-sided p = 2·Φ(−|z|).
 *
 * Exact (`method: 'exact'`, default): the permutation distribution of R+ given
 * the observed ranks, by dynamic programming over integer ranks (doubled when
 * ties make them half-integers), each sign ± with probability ½.
 * Two-sided p = min(1, 2·min(P(R+ ≤ r), P(R+ ≥ r))).
 * Without ties and zeros this is the classical exact null distribution and
 * equals SciPy/R. With ties or zeros SciPy 1.10 truncates half-integer R+ or
 * silently switches to the normal approximation, and R switches to the normal
 * approximation; this implementation stays exact (conditional on the ties).
 *
 * References: Wilcoxon F. (1945) Biometrics Bull 1:80-83; Pratt J.W. (1959) JASA
 * 54:655-667; Cureton E.E. (1967) JASA 62:1068-1069; Hollander, Wolfe & Chicken
 * (2014) Nonparametric Statistical Methods, 3rd ed., §3.1.
 *
 * @example
 * wilcoxonSignedRank([1, 2, 3.5], [0.5, 2.3, 1.0]);
 * // exact: { statistic: 1, rPlus: 5, rMinus: 1, pValue: 0.5, ... }
 */
import { normalCdf, normalSf } from './distributions.js';
import { averageRanks, isArray } from './numeric.js';
import type { Alternative } from './types.js';

export type { Alternative } from './types.js';

export type WilcoxonZeroMethod = 'wilcox' | 'pratt' | 'zsplit';
export type WilcoxonMethod = 'exact' | 'approx';

export interface WilcoxonOptions {
  zeroMethod?: WilcoxonZeroMethod;
  method?: WilcoxonMethod;
  /** Continuity correction for the normal approximation. Default false. */
  correction?: boolean;
  alternative?: Alternative;
}

export interface WilcoxonResult {
  method: WilcoxonMethod;
  zeroMethod: WilcoxonZeroMethod;
  alternative: Alternative;
  /** min(R+, R−) two-sided, R+ one-sided. */
  statistic: number;
  pValue: number;
  /** z of the normal approximation (undefined for the exact method). */
  zStatistic?: number;
  rPlus: number;
  rMinus: number;
  /** Number of differences ranked (nonzero for 'wilcox', all for 'pratt'/'zsplit'). */
  nUsed: number;
  nZero: number;
}

const ZERO_METHODS: readonly WilcoxonZeroMethod[] = ['wilcox', 'pratt', 'zsplit'];
const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];

export function wilcoxonSignedRank(x: readonly number[], y: readonly number[], options: WilcoxonOptions = {}): WilcoxonResult {
  if (!isArray(x) || !isArray(y)) throw new Error('wilcoxonSignedRank: x and y must be arrays of numbers');
  if (x.length !== y.length) throw new Error(`wilcoxonSignedRank: x and y must have the same length (got ${x.length} and ${y.length})`);
  if (x.length === 0) throw new Error('wilcoxonSignedRank: x and y must not be empty');
  const zeroMethod = options.zeroMethod ?? 'wilcox';
  const method = options.method ?? 'exact';
  const correction = options.correction ?? false;
  const alternative = options.alternative ?? 'two-sided';
  if (!ZERO_METHODS.includes(zeroMethod))
    throw new Error(`wilcoxonSignedRank: zeroMethod must be one of ${ZERO_METHODS.join(', ')} (got ${String(zeroMethod)})`);
  if (method !== 'exact' && method !== 'approx')
    throw new Error(`wilcoxonSignedRank: method must be 'exact' or 'approx' (got ${String(method)})`);
  if (!ALTERNATIVES.includes(alternative))
    throw new Error(`wilcoxonSignedRank: alternative must be one of ${ALTERNATIVES.join(', ')} (got ${String(alternative)})`);
  const d: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (typeof xi !== 'number' || typeof yi !== 'number' || !Number.isFinite(xi) || !Number.isFinite(yi)) {
      throw new Error(`wilcoxonSignedRank: values must be finite numbers (got x[${i}]=${String(xi)}, y[${i}]=${String(yi)})`);
    }
    d.push(xi - yi);
  }
  const nZero = d.filter((v) => v === 0).length;
  if (nZero === d.length) throw new Error('wilcoxonSignedRank: all differences x - y are zero; the test is undefined');

  const used = zeroMethod === 'wilcox' ? d.filter((v) => v !== 0) : d;
  const n = used.length;
  const { ranks } = averageRanks(used.map(Math.abs));
  let rPlus = 0;
  let rMinus = 0;
  let rZero = 0;
  used.forEach((v, i) => {
    if (v > 0) rPlus += ranks[i]!;
    else if (v < 0) rMinus += ranks[i]!;
    else rZero += ranks[i]!;
  });
  if (zeroMethod === 'zsplit') {
    rPlus += rZero / 2;
    rMinus += rZero / 2;
  }
  const statistic = alternative === 'two-sided' ? Math.min(rPlus, rMinus) : rPlus;
  const base = { zeroMethod, alternative, statistic, rPlus, rMinus, nUsed: n, nZero };

  if (method === 'approx') {
    let mn = n * (n + 1) * 0.25;
    let se = n * (n + 1) * (2 * n + 1);
    // ranks entering the tie correction: all, except that 'pratt' drops the zeros' ranks
    let tieRanks = ranks;
    if (zeroMethod === 'pratt') {
      tieRanks = ranks.filter((_, i) => used[i] !== 0);
      mn -= nZero * (nZero + 1) * 0.25;
      se -= nZero * (nZero + 1) * (2 * nZero + 1);
    }
    const counts = new Map<number, number>();
    for (const r of tieRanks) counts.set(r, (counts.get(r) ?? 0) + 1);
    let tie = 0;
    for (const t of counts.values()) if (t > 1) tie += t * (t * t - 1);
    se -= 0.5 * tie;
    se = Math.sqrt(se / 24);
    let cc = 0;
    if (correction) {
      if (alternative === 'two-sided') cc = 0.5 * Math.sign(statistic - mn);
      else cc = alternative === 'less' ? -0.5 : 0.5;
    }
    const z = (statistic - mn - cc) / se;
    let pValue: number;
    if (alternative === 'two-sided') pValue = 2 * normalSf(Math.abs(z));
    else if (alternative === 'greater') pValue = normalSf(z);
    else pValue = normalCdf(z);
    return { method, ...base, pValue, zStatistic: z };
  }

  // exact conditional distribution of R+: integer rank weights (doubled when ties
  // create half-integer ranks), in-place subset-sum DP with probability ½ per sign
  const nonzero = ranks.filter((_, i) => used[i] !== 0);
  const scale = nonzero.every((r) => Number.isInteger(r)) ? 1 : 2;
  const w = nonzero.map((r) => Math.round(scale * r));
  const total = w.reduce((acc, v) => acc + v, 0);
  const pmf = new Float64Array(total + 1);
  pmf[0] = 1;
  let maxSoFar = 0;
  for (const wi of w) {
    for (let t = maxSoFar; t >= 0; t--) {
      const v = pmf[t]!;
      if (v === 0) continue;
      pmf[t + wi] = pmf[t + wi]! + 0.5 * v;
      pmf[t] = 0.5 * v;
    }
    maxSoFar += wi;
  }
  // observed R+ over nonzero differences (scaled); zsplit/pratt zero ranks do not vary
  let obs = 0;
  ranks.forEach((r, i) => {
    if (used[i]! > 0) obs += Math.round(scale * r);
  });
  let lower = 0; // P(S ≤ obs)
  let upper = 0; // P(S ≥ obs)
  for (let s = 0; s <= total; s++) {
    if (s <= obs) lower += pmf[s]!;
    if (s >= obs) upper += pmf[s]!;
  }
  let pValue: number;
  if (alternative === 'two-sided') pValue = Math.min(1, 2 * Math.min(lower, upper));
  else if (alternative === 'greater') pValue = Math.min(1, upper);
  else pValue = Math.min(1, lower);
  return { method, ...base, pValue };
}
