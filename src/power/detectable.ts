import type { VignetteCounts } from '../analysis/binary.js';
import type { AdjustMethod } from '../stats/adjust.js';
import { mcnemarPower } from './mcnemarPower.js';

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
 * alpha/(m·Σ1/i) for Benjamini-Yekutieli.
 */
export function familyAlpha(alpha: number, m: number, adjustment: AdjustMethod): number {
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
 * n_eff pairs (Connor's normal approximation overstates it by 2-4 points at 1,000-2,000 pairs). With several pairs per vignette (replicates, factorial designs) the pairs are not independent:
 * n_eff = n / deff with the design effect deff = max(1, Σ_v (b_v − c_v)² / (b + c)), the ratio of the clustered
 * McNemar variance (Durkalski 2003) to the independent one. The MDE is the smallest Δ with power ≥ 80%, found by
 * bisection to 1e-6 (power grows with Δ at fixed n and q).
 */
export function detectableEffect(counts: readonly VignetteCounts[], rateReference: number, alpha: number, targetRatio: number): DetectableEffect {
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
  const none: DetectableEffect = { mdeAlpha: alpha, mdeEffectivePairs: effective, mdeDifference: null, mdeRatio: null, targetRatio, powerAtTargetRatio: null };
  if (effective < 1) return none;
  const q = discordant / (2 * n);
  const largest = 1 - 2 * q;
  const power = (delta: number) => differencePower(effective, q, delta, alpha);
  const atTarget = rateReference > 0 ? power(Math.min(largest, rateReference * (targetRatio - 1))) : null;
  if (largest <= 0 || power(largest) < DETECTABLE_POWER) return { ...none, powerAtTargetRatio: atTarget };
  let low = 0;
  let high = largest;
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (power(mid) >= DETECTABLE_POWER) high = mid;
    else low = mid;
  }
  return { ...none, mdeDifference: high, mdeRatio: rateReference > 0 ? (rateReference + high) / rateReference : Infinity, powerAtTargetRatio: atTarget };
}

/** Power of the two-sided exact McNemar test with n pairs, background discordance q each way and a disparity delta. */
export function differencePower(n: number, q: number, delta: number, alpha: number): number {
  return mcnemarPower(n, { levelOnly: q + delta, referenceOnly: q }, alpha);
}
