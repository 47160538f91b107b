/**
 * McNemar's test for paired binary outcomes.
 *
 * Data: n pairs (x_i, y_i) of 0/1 outcomes (e.g. "model answer correct" for the
 * original vignette x and its demographic counterfactual y). Only the discordant
 * pairs carry information:
 *   b = #{x=1, y=0},  c = #{x=0, y=1},  n = b + c.
 * Under H0 (marginal homogeneity, P(x=1) = P(y=1)) b | n ~ Binomial(n, ½).
 *
 * Methods (all two-sided):
 * - `exact` (default): statistic = min(b, c); p = min(1, 2·F(min(b,c); n, ½)),
 *   F the Binomial(n, ½) CDF. n = 0 gives p = 1. Identical to R's
 *   `binom.test(b, b + c)` and statsmodels `mcnemar(exact=True)`.
 * - `midp`: Fagerland, Lydersen & Laake (2013) mid-p:
 *   p = 2·[F(k) − ½·P(X = k)] = 2·[F(k−1) + ½·P(X = k)], k = min(b,c), capped at 1
 *   (evaluated in the second, cancellation-free form). b = c gives 1.
 * - `asymptotic`: X² = (b − c)²/(b + c) ~ χ²(1). NaN (statistic and p) when b + c = 0.
 * - `asymptotic_cc` (R's `mcnemar.test` default; also `asymptotic` with `correction: true`): Edwards'
 *   continuity correction X² = (|b − c| − 1)²/(b + c). `ccConvention` picks what happens when b = c:
 *   'r' (default) applies no correction there, as R does (statistic 0, p = 1); 'statsmodels' applies the −1
 *   anyway (statistic 1/(b + c)), as statsmodels `mcnemar(exact=False, correction=True)` does.
 *   When b + c = 0 the statistic is 0/0: statistic and p are NaN (as R). statsmodels returns Infinity and
 *   p = 0 there, which is meaningless; that is reproduced only with `zeroDiscordant: 'statsmodels'`.
 * Every result carries `logPValue`, the natural log of p computed on the log scale (exact binomial tail
 * summed in log space, χ² tail from its log continued fraction), so a p below the double range (b = 2000,
 * c = 0 gives p ≈ 2^−1999) keeps its magnitude instead of printing as 0.
 *
 * References: McNemar Q. (1947) Psychometrika 12:153-157; Agresti A. (2013)
 * Categorical Data Analysis, 3rd ed., §11.1; Fagerland M.W., Lydersen S.,
 * Laake P. (2013) BMC Med Res Methodol 13:91.
 *
 * @example
 * mcnemar(5, 2);                          // exact: statistic 2, pValue 0.453125
 * mcnemar(5, 2, { method: 'midp' });      // pValue 0.2890625
 * mcnemar(5, 2, { method: 'asymptotic' }); // statistic 1.2857142857142858, df 1
 */
import { binomialCdf, binomialLogCdf, binomialPmf, chiSquareLogSf, chiSquareSf, logBinomialPmf } from './distributions.js';

export type McNemarMethod = 'exact' | 'midp' | 'asymptotic' | 'asymptotic_cc';

/** Continuity correction when b = c: none (R's `mcnemar.test`) or the −1 anyway (statsmodels). */
export type McNemarCcConvention = 'r' | 'statsmodels';

export interface McNemarResult {
  method: McNemarMethod;
  correction: boolean;
  b: number;
  c: number;
  nDiscordant: number;
  statistic: number;
  pValue: number;
  /** Natural log of `pValue`, computed on the log scale (finite where `pValue` underflows to 0). */
  logPValue: number;
  df?: number;
}

export interface McNemarOptions {
  method?: McNemarMethod;
  /** Continuity correction for the asymptotic test (ignored otherwise; `asymptotic_cc` implies it). Default false. */
  correction?: boolean;
  /** Whether the correction applies when b = c: 'r' (default, no) or 'statsmodels' (yes). */
  ccConvention?: McNemarCcConvention;
  /**
   * Behaviour of the corrected asymptotic test when b + c = 0. 'nan' (default)
   * returns NaN statistic and p-value; 'statsmodels' reproduces statsmodels'
   * (|0|−1)²/0 = Infinity with p = 0, for reference comparisons only.
   */
  zeroDiscordant?: 'nan' | 'statsmodels';
}

const METHODS: readonly McNemarMethod[] = ['exact', 'midp', 'asymptotic', 'asymptotic_cc'];
const LN2 = Math.log(2);

/** log(e^x + e^y) without overflow or underflow. */
function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const m = Math.max(x, y);
  return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
}

/** b = pairs where x=1,y=0 ; c = pairs where x=0,y=1 */
export function mcnemar(b: number, c: number, options: McNemarOptions = {}): McNemarResult {
  if (!Number.isInteger(b) || b < 0) throw new Error(`mcnemar: b and c must be non-negative integers (got b=${b})`);
  if (!Number.isInteger(c) || c < 0) throw new Error(`mcnemar: b and c must be non-negative integers (got c=${c})`);
  const method = options.method ?? 'exact';
  if (!METHODS.includes(method)) {
    throw new Error(`mcnemar: method must be one of ${METHODS.join(', ')} (got ${String(method)})`);
  }
  const correction = method === 'asymptotic_cc' || (options.correction ?? false);
  if (typeof correction !== 'boolean') throw new Error(`mcnemar: correction must be a boolean (got ${String(correction)})`);
  const ccConvention = options.ccConvention ?? 'r';
  if (ccConvention !== 'r' && ccConvention !== 'statsmodels') {
    throw new Error(`mcnemar: ccConvention must be 'r' or 'statsmodels' (got ${String(ccConvention)})`);
  }
  const zeroDiscordant = options.zeroDiscordant ?? 'nan';
  if (zeroDiscordant !== 'nan' && zeroDiscordant !== 'statsmodels') {
    throw new Error(`mcnemar: zeroDiscordant must be 'nan' or 'statsmodels' (got ${String(zeroDiscordant)})`);
  }
  const n = b + c;
  const k = Math.min(b, c);

  if (method === 'exact') {
    const p = n === 0 ? 1 : Math.min(1, 2 * binomialCdf(k, n, 0.5));
    const logP = n === 0 ? 0 : Math.min(0, LN2 + binomialLogCdf(k, n, 0.5));
    return { method, correction: false, b, c, nDiscordant: n, statistic: k, pValue: p, logPValue: logP };
  }
  if (method === 'midp') {
    if (n === 0) return { method, correction: false, b, c, nDiscordant: n, statistic: k, pValue: 1, logPValue: 0 };
    const p = Math.min(1, 2 * ((k > 0 ? binomialCdf(k - 1, n, 0.5) : 0) + 0.5 * binomialPmf(k, n, 0.5)));
    const logP = Math.min(0, LN2 + logAddExp(k > 0 ? binomialLogCdf(k - 1, n, 0.5) : -Infinity, logBinomialPmf(k, n, 0.5) - LN2));
    return { method, correction: false, b, c, nDiscordant: n, statistic: k, pValue: p, logPValue: logP };
  }
  // asymptotic, with or without the continuity correction
  let statistic: number;
  if (n === 0) {
    statistic = correction && zeroDiscordant === 'statsmodels' ? Infinity : NaN;
  } else {
    const corrected = correction && (b !== c || ccConvention === 'statsmodels');
    const diff = Math.abs(b - c) - (corrected ? 1 : 0);
    statistic = (diff * diff) / n;
  }
  const pValue = Number.isNaN(statistic) ? NaN : statistic === Infinity ? 0 : chiSquareSf(statistic, 1);
  const logPValue = Number.isNaN(statistic) ? NaN : chiSquareLogSf(statistic, 1);
  return { method, correction, b, c, nDiscordant: n, statistic, pValue, logPValue, df: 1 };
}
