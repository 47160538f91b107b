/**
 * Stratified 2×2 analysis (Cochran–Mantel–Haenszel), e.g. one stratum per
 * vignette, rows = demographic variant (group), columns = (event, no event).
 *
 * Each stratum k is [[a, b], [c, d]] with n = a + b + c + d.
 * - Pooled odds ratio (Mantel–Haenszel 1959): OR_MH = Σ(a·d/n) / Σ(b·c/n).
 * - SE of log OR_MH: Robins, Breslow & Greenland (1986):
 *     Var = Σ P·R/(2(ΣR)²) + Σ(P·S + Q·R)/(2·ΣR·ΣS) + Σ Q·S/(2(ΣS)²),
 *     P = (a+d)/n, Q = (b+c)/n, R = ad/n, S = bc/n;  CI = exp(log OR ± z_{1−α/2}·SE).
 * - Pooled risk ratio: Σ(a(c+d)/n) / Σ(c(a+b)/n).
 * - CMH test of OR = 1: X² = (|Σa − ΣE[a]| − cc)² / ΣVar(a), E[a] = (a+b)(a+c)/n,
 *   Var(a) = (a+b)(c+d)(a+c)(b+d)/(n²(n−1)), χ²(1). `cmhCorrected` subtracts cc = ½:
 *   with `ccConvention: 'statsmodels'` (default) unconditionally, with 'r' only when
 *   |Σa − ΣE[a]| ≥ ½, as R `mantelhaen.test` does (otherwise it is the uncorrected statistic).
 * - Breslow–Day test of a common OR (df = K − 1): the expected first cell e_k
 *   under OR_MH solves e(d − a + e) = OR·((a+b) − e)((a+c) − e), i.e. A e² + B e + C = 0
 *   with A = 1 − OR, B = OR·((a+b)+(a+c)) + (d − a), C = −OR(a+b)(a+c), taking
 *   e = (−B + √(B² − 4AC))/(2A) (statsmodels); v = 1/(1/e + 1/((a+c)−e) + 1/((a+b)−e) + 1/((d−a)+e)),
 *   X²_BD = Σ(a − e)²/v; Tarone's adjustment subtracts (Σa − Σe)²/Σv.
 *   The statsmodels quadratic degenerates (NaN) when OR_MH = 1 exactly or a
 *   stratum has a zero margin; those NaNs are reproduced. K = 1 gives df = 0 and
 *   p = NaN.
 *
 * `pValue` fields are upper tails computed directly (accurate for tiny p);
 * statsmodels reports 1 − cdf, which agrees above ~1e-15.
 * Matches statsmodels `StratifiedTable(tables, shift_zeros=False)` and R
 * `mantelhaen.test` (estimate, CI, uncorrected test; R needs K ≥ 2).
 *
 * References: Mantel N., Haenszel W. (1959) JNCI 22:719-748; Robins J., Breslow N.,
 * Greenland S. (1986) Biometrics 42:311-323; Breslow N.E., Day N.E. (1980)
 * Statistical Methods in Cancer Research I, IARC; Tarone R.E. (1985) Biometrika 72:91-95.
 *
 * @example
 * const r = mantelHaenszel([[[10, 20], [5, 25]], [[8, 12], [6, 14]], [[15, 35], [9, 41]]]);
 * r.oddsRatio; // 1.9823677581863979
 * r.cmh.statistic; // 4.311416554200133
 */
import { chiSquareSf, normalQuantile } from './distributions.js';
import { isArray, pairwiseSum } from './numeric.js';
import type { ChiSquareTestResult } from './types.js';

export interface MantelHaenszelOptions {
  /** Confidence level for the pooled OR interval, default 0.95. */
  confLevel?: number;
  /** Add ½ to every cell of strata that contain a zero (statsmodels shift_zeros). Default false. */
  shiftZeros?: boolean;
  /** Continuity correction of `cmhCorrected`: 'statsmodels' (default, always ½) or 'r' (only when |Σa − ΣE[a]| ≥ ½). */
  ccConvention?: 'statsmodels' | 'r';
}

/** χ² test result (statistic, df, upper-tail p-value). */
export type ChiSquareTest = ChiSquareTestResult;

export interface MantelHaenszelResult {
  nStrata: number;
  oddsRatio: number;
  logOddsRatio: number;
  logOddsRatioSe: number;
  oddsRatioCi: [number, number];
  confLevel: number;
  riskRatio: number;
  /** CMH test of common OR = 1 without continuity correction. */
  cmh: ChiSquareTest;
  /** CMH test with the (statsmodels) continuity correction. */
  cmhCorrected: ChiSquareTest;
  breslowDay: ChiSquareTest;
  breslowDayTarone: ChiSquareTest;
}

type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

/**
 * The pooled odds ratio Σ(a·d/n) / Σ(b·c/n) alone, summed exactly as `mantelHaenszel` sums it (no shifted zeros,
 * no checks): for a caller that reports the estimate only, without the tests over every stratum it would not read.
 */
export function mantelHaenszelOddsRatio(tables: readonly Table2x2[]): number {
  const { adns, bcns } = oddsRatioSums(tables);
  return adns / bcns;
}

function oddsRatioSums(tables: readonly Table2x2[]): { adns: number; bcns: number } {
  const adn = new Array<number>(tables.length);
  const bcn = new Array<number>(tables.length);
  tables.forEach(([[a, b], [c, d]], i) => {
    const n = a + c + (b + d);
    adn[i] = (a * d) / n;
    bcn[i] = (b * c) / n;
  });
  return { adns: pairwiseSum(adn), bcns: pairwiseSum(bcn) };
}

export function mantelHaenszel(
  tables: readonly (readonly (readonly number[])[])[],
  options: MantelHaenszelOptions = {},
): MantelHaenszelResult {
  if (!isArray(tables) || tables.length === 0) throw new Error('mantelHaenszel: tables must be a non-empty array of 2x2 tables');
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`mantelHaenszel: confLevel must be in (0, 1) (got ${confLevel})`);
  const shiftZeros = options.shiftZeros ?? false;
  const ccConvention = options.ccConvention ?? 'statsmodels';
  if (ccConvention !== 'statsmodels' && ccConvention !== 'r')
    throw new Error(`mantelHaenszel: ccConvention must be 'statsmodels' or 'r' (got ${String(ccConvention)})`);
  const T: Table2x2[] = tables.map((t, k) => {
    if (!isArray(t) || t.length !== 2 || !t.every((r) => isArray(r) && r.length === 2)) {
      throw new Error(`mantelHaenszel: every stratum must be a 2x2 table [[a, b], [c, d]] (stratum ${k} is not)`);
    }
    const cells = [t[0]![0]!, t[0]![1]!, t[1]![0]!, t[1]![1]!];
    cells.forEach((v) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new Error(`mantelHaenszel: counts must be finite and non-negative (stratum ${k} has ${String(v)})`);
      }
    });
    const add = shiftZeros && cells.some((v) => v === 0) ? 0.5 : 0;
    return [
      [cells[0]! + add, cells[1]! + add],
      [cells[2]! + add, cells[3]! + add],
    ];
  });
  const K = T.length;
  const A = T.map((t) => t[0][0]);
  const apb = T.map((t) => t[0][0] + t[0][1]);
  const apc = T.map((t) => t[0][0] + t[1][0]);
  const bpd = T.map((t) => t[0][1] + t[1][1]);
  const cpd = T.map((t) => t[1][0] + t[1][1]);
  const ad = T.map((t) => t[0][0] * t[1][1]);
  const bc = T.map((t) => t[0][1] * t[1][0]);
  const apdv = T.map((t) => t[0][0] + t[1][1]);
  const dma = T.map((t) => t[1][1] - t[0][0]);
  const n = T.map((t) => t[0][0] + t[1][0] + (t[0][1] + t[1][1]));
  const sum = pairwiseSum;
  const idx = Array.from({ length: K }, (_, i) => i);

  // pooled odds ratio and RBG standard error
  const { adns, bcns } = oddsRatioSums(T);
  const oddsRatio = adns / bcns;
  const logOddsRatio = Math.log(oddsRatio);
  let lorVa = sum(idx.map((i) => (apdv[i]! * ad[i]!) / n[i]! ** 2)) / adns ** 2;
  let mid = sum(idx.map((i) => (apdv[i]! * bc[i]!) / n[i]! ** 2 + ((1 - apdv[i]! / n[i]!) * ad[i]!) / n[i]!));
  mid /= adns * bcns;
  lorVa += mid;
  lorVa += sum(idx.map((i) => ((1 - apdv[i]! / n[i]!) * bc[i]!) / n[i]!)) / bcns ** 2;
  lorVa /= 2;
  const logOddsRatioSe = Math.sqrt(lorVa);
  const f = -normalQuantile((1 - confLevel) / 2);
  const oddsRatioCi: [number, number] = [Math.exp(logOddsRatio - f * logOddsRatioSe), Math.exp(logOddsRatio + f * logOddsRatioSe)];

  // pooled risk ratio
  const riskRatio = sum(idx.map((i) => (A[i]! * cpd[i]!) / n[i]!)) / sum(idx.map((i) => (T[i]![1][0] * apb[i]!) / n[i]!));

  // CMH test
  const dev = Math.abs(sum(idx.map((i) => A[i]! - (apb[i]! * apc[i]!) / n[i]!)));
  const denom = sum(idx.map((i) => (apb[i]! * apc[i]! * bpd[i]! * cpd[i]!) / (n[i]! ** 2 * (n[i]! - 1))));
  const cmhStat = dev ** 2 / denom;
  const cmhCcStat = (dev - (ccConvention === 'r' && dev < 0.5 ? 0 : 0.5)) ** 2 / denom;
  const cmh: ChiSquareTest = { statistic: cmhStat, pValue: chiSquareSf(cmhStat, 1), df: 1 };
  const cmhCorrected: ChiSquareTest = { statistic: cmhCcStat, pValue: chiSquareSf(cmhCcStat, 1), df: 1 };

  // Breslow–Day (+ Tarone), statsmodels' formulation
  const r = oddsRatio;
  const qa = 1 - r;
  const e11 = idx.map((i) => {
    const qb = r * (apb[i]! + apc[i]!) + dma[i]!;
    const qc = -r * apb[i]! * apc[i]!;
    return (-qb + Math.sqrt(qb ** 2 - 4 * qa * qc)) / (2 * qa);
  });
  const v11 = idx.map((i) => {
    const e = e11[i]!;
    return 1 / (1 / e + 1 / (apc[i]! - e) + 1 / (apb[i]! - e) + 1 / (dma[i]! + e));
  });
  const bdStat = sum(idx.map((i) => (A[i]! - e11[i]!) ** 2 / v11[i]!));
  const adj = (sum(A) - sum(e11)) ** 2 / sum(v11);
  const taroneStat = bdStat - adj;
  const df = K - 1;
  const breslowDay: ChiSquareTest = { statistic: bdStat, pValue: chiSquareSf(bdStat, df), df };
  const breslowDayTarone: ChiSquareTest = { statistic: taroneStat, pValue: chiSquareSf(taroneStat, df), df };

  return {
    nStrata: K,
    oddsRatio,
    logOddsRatio,
    logOddsRatioSe,
    oddsRatioCi,
    confLevel,
    riskRatio,
    cmh,
    cmhCorrected,
    breslowDay,
    breslowDayTarone,
  };
}
