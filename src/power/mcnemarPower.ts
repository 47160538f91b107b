import { binomialCdf, binomialPmf, binomialSf } from '../stats/distributions.js';
import { mcnemar } from '../stats/mcnemar.js';
import type { Discordance } from './discordance.js';

/**
 * Power of the two-sided exact McNemar test with n independent pairs at level alpha, computed exactly:
 * the number of discordant pairs D ~ Binomial(n, ψ10 + ψ01) and, given D = d, b ~ Binomial(d, ψ10/(ψ10 + ψ01));
 * power = Σ_d P(D = d) Σ_{b: p(b, d) ≤ alpha} P(b | d), where p(b, d) is the exact McNemar p-value.
 * With m contrasts corrected by Holm, pass alpha/m: the first Holm step, a slightly conservative bound.
 * Reference: Connor R.J. (1987) Biometrics 43:207-211 (sample size for McNemar); exact form as in
 * Fagerland, Lydersen, Laake (2013) BMC Med Res Methodol 13:91.
 */
export function mcnemarPower(n: number, d: Discordance, alpha: number, critical?: CriticalCounts): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`mcnemarPower: n must be a positive integer (got ${n})`);
  if (!(alpha > 0 && alpha < 1)) throw new Error(`mcnemarPower: alpha must be in (0, 1) (got ${alpha})`);
  const pd = d.levelOnly + d.referenceOnly;
  if (pd <= 0) return 0;
  const share = d.levelOnly / pd;
  let power = 0;
  // Only k within 8 standard deviations (+ 20) of n·pd carries probability (Bernstein's bound puts the rest below
  // 1e-13 together), so the sum runs over that window: O(√n) terms instead of O(n).
  const spread = 8 * Math.sqrt(n * pd * (1 - pd)) + 20;
  const kLow = Math.max(1, Math.floor(n * pd - spread));
  const kHigh = Math.min(n, Math.ceil(n * pd + spread));
  // The exact test rejects when min(b, k − b) ≤ c(k), the largest c with 2·P(X ≤ c | k, ½) ≤ alpha.
  const c = critical ?? criticalCounts(alpha, kLow);
  for (let k = kLow; k <= kHigh; k++) {
    const ck = c(k);
    if (ck < 0) continue;
    const pk = binomialPmf(k, n, pd);
    if (pk < 1e-300) continue;
    const reject = binomialCdf(ck, k, share) + binomialSf(k - ck - 1, k, share);
    power += pk * Math.min(1, reject);
  }
  return Math.min(1, power);
}

/** c(k) of the exact McNemar test at one alpha: the largest c < k/2 with p-value ≤ alpha, or −1. */
export type CriticalCounts = (k: number) => number;

/**
 * c(k) for increasing k, remembered: c never decreases with k, so each is found by walking up from the last (the
 * first by bisection at `from`, as p grows with c). One table serves every power computed at the same alpha.
 */
export function criticalCounts(alpha: number, from = 1): CriticalCounts {
  const known: number[] = [];
  let lastK = from - 1;
  let c = -1;
  return (k) => {
    if (k < from) throw new Error(`criticalCounts: k ${k} is below the table's start ${from}`);
    if (lastK < from) {
      let low = -1;
      let high = Math.ceil(from / 2);
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (mid < from / 2 && mcnemar(mid, from - mid).pValue <= alpha) low = mid;
        else high = mid;
      }
      c = low;
      known[from] = c;
      lastK = from;
    }
    for (; lastK < k; ) {
      lastK++;
      while (c + 1 < lastK / 2 && mcnemar(c + 1, lastK - c - 1).pValue <= alpha) c++;
      known[lastK] = c;
    }
    return known[k]!;
  };
}

/** The smallest number of vignettes with at least `target` power (searching n = 10 ... 20,000). */
export function vignettesForPower(d: Discordance, alpha: number, target: number): number | null {
  let lo = 10;
  let hi = 20_000;
  if (mcnemarPower(hi, d, alpha) < target) return null;
  if (mcnemarPower(lo, d, alpha) >= target) return lo;
  // Exact power is not monotone in n (discreteness), so bisect, then step down while still adequate.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mcnemarPower(mid, d, alpha) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}
