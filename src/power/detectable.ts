import type { VignetteCounts } from '../analysis/binary.js';
import type { AdjustMethod } from '../stats/adjust.js';
import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from '../stats/distributions.js';
import { criticalCounts, mcnemarPower, type CriticalCounts } from './mcnemarPower.js';

/** Power every minimum detectable effect is stated at. */
export const DETECTABLE_POWER = 0.8;
/** The amplification a study is asked whether it could have seen, when the study does not say (`analysis.target_ratio`). */
export const DEFAULT_TARGET_RATIO = 1.5;

/** What a contrast could have detected at the study's size. */
export interface DetectableEffect {
  /** Per-contrast alpha the power is computed at: the family's alpha/m (see `familyAlpha`). */
  mdeAlpha: number;
  /** Independent pairs the power is computed for: nPairs / design effect (nPairs with one pair per vignette). */
  mdeEffectivePairs: number;
  /** Smallest |difference| (proportion) detected with 80% power; null when no difference is. */
  mdeDifference: number | null;
  /** The same as a ratio at the observed reference rate: (rateReference + mdeDifference) / rateReference (Infinity when the reference never errs). */
  mdeRatio: number | null;
  /** The amplification asked about (`analysis.target_ratio`, default 1.5). */
  targetRatio: number;
  /** Power to detect rateLevel = targetRatio × rateReference; null when the reference never errs (no ratio to amplify). */
  powerAtTargetRatio: number | null;
}

/**
 * The per-contrast alpha that makes the family's first adjusted step: alpha/m for Holm and Bonferroni (Holm's first
 * step; a conservative approximation of Holm's power) and for Benjamini-Hochberg (its smallest threshold);
 * alpha/(m·Σ1/i) for Benjamini-Yekutieli; alpha itself for a family declared without adjustment (`none`).
 */
export function familyAlpha(alpha: number, m: number, adjustment: AdjustMethod): number {
  if (adjustment === 'none') return alpha;
  if (adjustment === 'by') {
    let harmonic = 0;
    for (let i = 1; i <= m; i++) harmonic += 1 / i;
    return alpha / (m * harmonic);
  }
  return alpha / Math.max(1, m);
}

/**
 * Minimum detectable effect of one paired contrast, and its power against a target amplification.
 *
 * Model (stated, approximate): the study's discordant pairs, split evenly, are the background discordance
 * q = (b + c) / (2n) each way; a disparity Δ adds level-only discordant pairs, so P(level only) = q + Δ and
 * P(reference only) = q. Power is that of the two-sided exact McNemar test (`mcnemarPower`) at `alpha` with
 * n_eff pairs. With several pairs per vignette (replicates, factorial designs) the pairs are not independent:
 * n_eff = n / deff with the design effect deff = max(1, Σ_v (b_v − c_v)² / (b + c)), the ratio of the clustered
 * McNemar variance (Durkalski 2003) to the independent one. The MDE is the smallest Δ with exact power ≥ 80%
 * (power grows with Δ at fixed n and q), to 1e-6: bracketed around Connor's (1987) normal-approximation answer,
 * which overstates the exact power by 2-4 points at 1,000-2,000 pairs, then refined by the Illinois method on the
 * exact power. `critical` shares the test's critical counts between contrasts tested at the same alpha.
 */
export function detectableEffect(
  counts: readonly VignetteCounts[],
  rateReference: number,
  alpha: number,
  targetRatio: number,
  critical: CriticalCounts = criticalCounts(alpha),
): DetectableEffect {
  let n = 0;
  let discordant = 0;
  let clustered = 0;
  for (const v of counts) {
    n += v.pairs;
    discordant += v.levelOnly + v.referenceOnly;
    clustered += (v.levelOnly - v.referenceOnly) ** 2;
  }
  const designEffect = discordant > 0 ? Math.max(1, clustered / discordant) : 1;
  const effective = Math.floor(n / designEffect);
  const none: DetectableEffect = {
    mdeAlpha: alpha,
    mdeEffectivePairs: effective,
    mdeDifference: null,
    mdeRatio: null,
    targetRatio,
    powerAtTargetRatio: null,
  };
  if (effective < 1) return none;
  const q = discordant / (2 * n);
  const largest = 1 - 2 * q;
  const power = (delta: number) => mcnemarPower(effective, { levelOnly: q + delta, referenceOnly: q }, alpha, critical);
  const atTarget = rateReference > 0 ? power(Math.min(largest, rateReference * (targetRatio - 1))) : null;
  if (largest <= 0 || power(largest) < DETECTABLE_POWER) return { ...none, powerAtTargetRatio: atTarget };
  const mde = smallestDetectable(power, connorDifference(effective, q, alpha, largest), largest);
  return {
    ...none,
    mdeDifference: mde,
    mdeRatio: rateReference > 0 ? (rateReference + mde) / rateReference : Infinity,
    powerAtTargetRatio: atTarget,
  };
}

/**
 * Minimum detectable effect of a contrast estimated by a t test with standard error `se` on `df` degrees of
 * freedom (the adjusted model of designs without exact partners): Δ with power 80% under the usual shifted-t
 * approximation, MDE = (t_{df, 1−α/2} + t_{df, 0.8})·se, and power at Δ = P(T > t_{1−α/2} − Δ/se) +
 * P(T < −t_{1−α/2} − Δ/se) with T ~ t(df). The standard error is the one observed in this study.
 */
export function detectableFromStandardError(
  se: number,
  df: number,
  nPairs: number,
  rateReference: number,
  alpha: number,
  targetRatio: number,
): DetectableEffect {
  const none: DetectableEffect = {
    mdeAlpha: alpha,
    mdeEffectivePairs: nPairs,
    mdeDifference: null,
    mdeRatio: null,
    targetRatio,
    powerAtTargetRatio: null,
  };
  if (!(se > 0) || !(df >= 1)) return none;
  const critical = studentTQuantile(1 - alpha / 2, df);
  const mde = (critical + studentTQuantile(DETECTABLE_POWER, df)) * se;
  const power = (delta: number) => 1 - studentTCdf(critical - delta / se, df) + studentTCdf(-critical - delta / se, df);
  return {
    ...none,
    mdeDifference: mde <= 1 ? mde : null,
    mdeRatio: mde > 1 ? null : rateReference > 0 ? (rateReference + mde) / rateReference : Infinity,
    powerAtTargetRatio: rateReference > 0 ? power(rateReference * (targetRatio - 1)) : null,
  };
}

/** The Δ at which Connor's normal approximation Φ((√n·Δ − z·√ψ) / √(ψ − Δ²)), ψ = 2q + Δ, reaches 80% (bisection: O(1) each). */
function connorDifference(n: number, q: number, alpha: number, largest: number): number {
  const z = normalQuantile(1 - alpha / 2);
  const approx = (delta: number) => {
    const psi = 2 * q + delta;
    const spread = Math.sqrt(Math.max(psi - delta * delta, 1e-300));
    return normalCdf((Math.sqrt(n) * delta - z * Math.sqrt(psi)) / spread);
  };
  let low = 0;
  let high = largest;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (approx(mid) >= DETECTABLE_POWER) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The smallest Δ in (0, largest] with power(Δ) ≥ 80% (power(largest) is), to 1e-6: a bracket around `guess`, then
 * the Illinois variant of regula falsi (both ends move, so it converges superlinearly on a smooth power curve).
 */
function smallestDetectable(power: (delta: number) => number, guess: number, largest: number): number {
  let low = 0;
  let gLow = -DETECTABLE_POWER;
  let high = largest;
  let gHigh = power(largest) - DETECTABLE_POWER;
  for (const delta of [guess, guess * 1.1, guess / 1.1]) {
    if (!(delta > low && delta < high)) continue;
    const g = power(delta) - DETECTABLE_POWER;
    if (g >= 0) [high, gHigh] = [delta, g];
    else [low, gLow] = [delta, g];
  }
  let side = 0;
  for (let i = 0; i < 100 && high - low > 1e-6; i++) {
    // Regula falsi, falling back to bisection when the secant lands (numerically) on an end.
    let delta = high - (gHigh * (high - low)) / (gHigh - gLow);
    if (!(delta > low && delta < high)) delta = (low + high) / 2;
    const g = power(delta) - DETECTABLE_POWER;
    if (g >= 0) {
      [high, gHigh] = [delta, g];
      if (side === 1) gLow /= 2;
      side = 1;
    } else {
      [low, gLow] = [delta, g];
      if (side === -1) gHigh /= 2;
      side = -1;
    }
  }
  return high;
}

/** Power of the two-sided exact McNemar test with n pairs, background discordance q each way and a disparity delta. */
export function differencePower(n: number, q: number, delta: number, alpha: number): number {
  return mcnemarPower(n, { levelOnly: q + delta, referenceOnly: q }, alpha);
}
