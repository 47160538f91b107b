import { clusterBootstrapSums } from '../stats/clusterBootstrapSums.js';
import { chiSquareLogSf, normalQuantile } from '../stats/distributions.js';
import { clusteredMcNemar } from '../stats/clusteredMcnemar.js';
import { mantelHaenszelOddsRatio } from '../stats/mantelHaenszel.js';
import { mcnemar } from '../stats/mcnemar.js';
import { bonettPriceRatio } from '../stats/bonettPriceRatio.js';
import { newcombePairedDifference } from '../stats/newcombePairedDifference.js';
import { raoScottPairedIntervals } from '../stats/raoScottPairedIntervals.js';

/** One usable pair: did the event (an error, a refusal, ...) happen at the reference and at the level? */
export interface BinaryPair {
  vignetteId: string;
  reference: boolean;
  level: boolean;
}

export type BinaryTest = 'mcnemar-exact' | 'mcnemar-midp' | 'clustered-mcnemar' | 'vignette-fixed-effects';
/**
 * How an interval was computed. `newcombe`: Newcombe's hybrid score interval (difference, one pair per vignette).
 * `bonett-price`: Bonett–Price hybrid Wilson interval (ratio, one pair per vignette). `rao-scott`: the same two
 * intervals on counts divided by the cluster design effect, with a t(G − 1) critical value (several pairs per
 * vignette; see raoScottPairedIntervals). `cluster-bootstrap` / `cluster-robust`: percentile cluster bootstrap and
 * sandwich Wald intervals, kept for comparison in bench:calibration (they under-cover below about 30 vignettes).
 * `vignette-fixed-effects`: t(G − 1) intervals of the adjusted model (designs without exact partners; see adjusted.ts).
 */
export type IntervalMethod = 'newcombe' | 'bonett-price' | 'rao-scott' | 'cluster-bootstrap' | 'cluster-robust' | 'vignette-fixed-effects';

export interface BinaryContrastStats {
  /** Vignettes with at least one usable reference/level pair. */
  nVignettes: number;
  /** Usable pairs (vignette x replicate) behind the rates. */
  nPairs: number;
  /** Event rate (for the error endpoint: wrong, refused or unparseable) at the reference and at the level, over the same pairs. */
  rateReference: number;
  rateLevel: number;
  /** Amplification, absolute: rateLevel - rateReference (proportion; x100 for points). */
  difference: number;
  differenceCi: [number, number] | null;
  /** Amplification, relative: rateLevel / rateReference (1 when neither has events, Infinity when only the level has). */
  ratio: number;
  /** null when the ratio is undefined (no events on either side) or cannot be estimated (fewer than 2 vignettes). */
  ratioCi: [number, number] | null;
  /** Mantel-Haenszel pooled odds ratio over vignettes (replicate designs), else the conditional OR b/c. */
  oddsRatio: number;
  test: BinaryTest;
  statistic: number;
  p: number;
  /** Natural log of `p`, computed on the log scale: finite where `p` underflows to 0 in a very large study. */
  logP: number;
  /** How `differenceCi` was computed. */
  ciMethod: IntervalMethod;
  /** How `ratioCi` was computed. */
  ratioCiMethod: IntervalMethod;
  /** Discordant pairs: event only at the level (b) and only at the reference (c). */
  wrongOnlyAtLevel: number;
  wrongOnlyAtReference: number;
}

export interface BinaryOptions {
  seed: number;
  /** Resamples for the comparison bootstrap intervals (`intervals: 'bootstrap'`; 0: none). */
  bootstrapResamples: number;
  /**
   * Intervals with several pairs per vignette. `rao-scott` (default): Newcombe and Bonett–Price on design-effect
   * adjusted counts with a t(G − 1) critical value — nominal coverage from 10 vignettes up in bench:calibration.
   * `bootstrap` (percentile cluster bootstrap) and `cluster-robust` (sandwich Wald) are for comparison only: they
   * cover about 89-92% at 10-15 vignettes, and collapse to a point when no pair is discordant (then null here).
   */
  intervals?: 'rao-scott' | 'bootstrap' | 'cluster-robust';
  confLevel?: number;
  /**
   * The test with one pair per vignette: `exact` (default; conservative — 3.95% size at a nominal 5% in
   * bench:calibration) or `midp` (Fagerland et al. 2013; 4.8%, closer to nominal).
   */
  mcnemar?: 'exact' | 'midp';
  /** Shared resample draws for G clusters (see `resampleIndices`); drawn from `seed` when absent. */
  draws?: (nClusters: number) => Uint32Array;
}

/** Relative amplification, with the conventions that 0/0 is 1 (no events either way) and k/0 is Infinity. */
export function rateRatio(level: number, reference: number): number {
  if (reference === 0) return level === 0 ? 1 : Infinity;
  return level / reference;
}

/**
 * Error amplification of a level against the reference over matched pairs.
 *
 * - One pair per vignette (single replicate, one-at-a-time): two-sided exact McNemar test on the discordant
 *   pairs; the difference of paired proportions gets Newcombe's hybrid score interval (method 10).
 * - Several pairs per vignette (replicates, factorial designs): the clustered McNemar test of Durkalski et al.
 *   (2003), whose variance comes from the vignettes, because replicates of a vignette are correlated (a CMH test
 *   treating them as independent was measured at 2.6% size for a nominal 5% in bench:calibration). The
 *   Mantel-Haenszel odds ratio over vignette strata is reported as the effect; intervals account for the
 *   clustering by vignette, never treating responses as independent.
 * - Intervals: one pair per vignette, Newcombe (difference) and Bonett–Price (ratio); several, the same on counts
 *   divided by the cluster design effect with a t(G − 1) critical value (`raoScottPairedIntervals`). Both keep
 *   their width when no pair is discordant, where a bootstrap or sandwich interval collapses to [0, 0] / [1, 1].
 *   With no events on either side the difference interval is still proper and the ratio (0/0) has none (null).
 * When no pair is discordant there is no evidence of a difference: p = 1 (McNemar's exact convention).
 */
/** Pair counts of one vignette: its pairs, events on each side, and the two kinds of discordant pair. */
export interface VignetteCounts {
  vignetteId: string;
  pairs: number;
  referenceEvents: number;
  levelEvents: number;
  levelOnly: number;
  referenceOnly: number;
}

/** Accumulates pairs into per-vignette counts, sorted by vignette id (the bootstrap's cluster order). */
export class VignetteCounter {
  private readonly counts = new Map<string, VignetteCounts>();

  add(vignetteId: string, reference: boolean, level: boolean): void {
    let c = this.counts.get(vignetteId);
    if (!c) this.counts.set(vignetteId, (c = { vignetteId, pairs: 0, referenceEvents: 0, levelEvents: 0, levelOnly: 0, referenceOnly: 0 }));
    c.pairs++;
    if (reference) c.referenceEvents++;
    if (level) c.levelEvents++;
    if (level && !reference) c.levelOnly++;
    if (reference && !level) c.referenceOnly++;
  }

  sorted(): VignetteCounts[] {
    return [...this.counts.values()].sort((a, b) => (a.vignetteId < b.vignetteId ? -1 : a.vignetteId > b.vignetteId ? 1 : 0));
  }
}

export function countPairs(pairs: Iterable<BinaryPair>): VignetteCounts[] {
  const counter = new VignetteCounter();
  for (const p of pairs) counter.add(p.vignetteId, p.reference, p.level);
  return counter.sorted();
}

export function binaryContrast(counts: readonly VignetteCounts[], options: BinaryOptions): BinaryContrastStats {
  let b = 0;
  let c = 0;
  let refEvents = 0;
  let levelEvents = 0;
  let n = 0;
  for (const v of counts) {
    n += v.pairs;
    refEvents += v.referenceEvents;
    levelEvents += v.levelEvents;
    b += v.levelOnly;
    c += v.referenceOnly;
  }
  const ids = counts;
  const sums = counts.map((v) => [v.pairs, v.referenceEvents, v.levelEvents]);
  const multi = counts.some((v) => v.pairs > 1);
  const rateReference = n ? refEvents / n : NaN;
  const rateLevel = n ? levelEvents / n : NaN;
  const confLevel = options.confLevel ?? 0.95;
  const base = {
    nVignettes: ids.length,
    nPairs: n,
    rateReference,
    rateLevel,
    difference: rateLevel - rateReference,
    ratio: rateRatio(levelEvents, refEvents),
    wrongOnlyAtLevel: b,
    wrongOnlyAtReference: c,
  };
  if (n === 0) {
    return {
      ...base,
      differenceCi: null,
      ratioCi: null,
      oddsRatio: NaN,
      test: 'mcnemar-exact',
      statistic: NaN,
      p: NaN,
      logP: NaN,
      ciMethod: 'newcombe',
      ratioCiMethod: 'bonett-price',
    };
  }
  if (!multi) {
    const method = options.mcnemar ?? 'exact';
    const test = mcnemar(b, c, { method });
    const table = { n11: levelEvents - b, n10: b, n01: c, n00: n - levelEvents - c };
    const newcombe = newcombePairedDifference(table, { confLevel });
    const ratioCi = refEvents + levelEvents === 0 ? null : bonettPriceRatio(table, { confLevel });
    return {
      ...base,
      differenceCi: [newcombe.low, newcombe.high],
      ratioCi: ratioCi && [ratioCi.low, ratioCi.high],
      oddsRatio: c === 0 ? (b === 0 ? 1 : Infinity) : b / c,
      test: method === 'exact' ? 'mcnemar-exact' : 'mcnemar-midp',
      statistic: test.statistic,
      p: test.pValue,
      logP: test.logPValue,
      ciMethod: 'newcombe',
      ratioCiMethod: 'bonett-price',
    };
  }
  const strata = sums.map(([m, ref, level]): [[number, number], [number, number]] => [
    [level!, m! - level!],
    [ref!, m! - ref!],
  ]);
  const test = clusteredMcNemar(
    counts.map((v) => v.levelOnly),
    counts.map((v) => v.referenceOnly),
  );
  const intervals = options.intervals ?? 'rao-scott';
  const ci =
    intervals === 'rao-scott'
      ? raoScottCis(counts, confLevel)
      : clusterIntervals(sums, b + c, refEvents, levelEvents, n, { ...options, intervals });
  const method: IntervalMethod = intervals === 'bootstrap' ? 'cluster-bootstrap' : intervals;
  return {
    ...base,
    ...ci,
    oddsRatio: mantelHaenszelOddsRatio(strata),
    test: 'clustered-mcnemar',
    statistic: test.statistic,
    p: test.pValue,
    logP: chiSquareLogSf(test.statistic, test.df),
    ciMethod: method,
    ratioCiMethod: method,
  };
}

type ContrastIntervals = { differenceCi: [number, number] | null; ratioCi: [number, number] | null };

function raoScottCis(counts: readonly VignetteCounts[], confLevel: number): ContrastIntervals {
  const r = raoScottPairedIntervals(counts, { confLevel });
  const finite = Number.isFinite(r.difference.low) && Number.isFinite(r.difference.high);
  return { differenceCi: finite ? [r.difference.low, r.difference.high] : null, ratioCi: r.ratio && [r.ratio.low, r.ratio.high] };
}

/**
 * Comparison intervals (bench:calibration) for the difference and the ratio over vignettes. Bootstrap: one pass of
 * resampled vignettes gives both percentile intervals. Cluster-robust: D ± z·SE with
 * SE² = G/(G−1)·Σ_v (l_v − r_v − D·n_v)² / N², and log R ± z·SE with SE² = G/(G−1)·Σ_v (l_v/L − r_v/R)²
 * (delta method), where l_v, r_v are a vignette's events at the level and reference, n_v its pairs.
 */
function clusterIntervals(
  sums: readonly (readonly number[])[],
  discordant: number,
  refEvents: number,
  levelEvents: number,
  n: number,
  options: BinaryOptions,
): ContrastIntervals {
  const confLevel = options.confLevel ?? 0.95;
  // Every resample (and every sandwich residual) is then identical: the interval would be a point, not an interval.
  if (discordant === 0) return { differenceCi: null, ratioCi: null };
  if (options.intervals === 'cluster-robust') {
    const G = sums.length;
    const z = normalQuantile(1 - (1 - confLevel) / 2);
    const D = (levelEvents - refEvents) / n;
    let vd = 0;
    let vr = 0;
    for (const [m, ref, level] of sums) {
      vd += (level! - ref! - D * m!) ** 2;
      if (refEvents > 0 && levelEvents > 0) vr += (level! / levelEvents - ref! / refEvents) ** 2;
    }
    const inflate = G > 1 ? G / (G - 1) : NaN;
    const seD = Math.sqrt((inflate * vd) / (n * n));
    const logR = Math.log(levelEvents / refEvents);
    const seR = Math.sqrt(inflate * vr);
    return {
      differenceCi: Number.isFinite(seD) ? [D - z * seD, D + z * seD] : null,
      ratioCi: refEvents > 0 && levelEvents > 0 && Number.isFinite(seR) ? [Math.exp(logR - z * seR), Math.exp(logR + z * seR)] : null,
    };
  }
  if (options.bootstrapResamples === 0) return { differenceCi: null, ratioCi: null };
  const [difference, ratio] = clusterBootstrapSums({
    sums,
    statistics: [(t) => (t[2]! - t[1]!) / t[0]!, (t) => rateRatio(t[2]!, t[1]!)],
    seed: options.seed,
    nResamples: options.bootstrapResamples,
    confLevel,
    indices: options.draws?.(sums.length),
  });
  return { differenceCi: [difference!.ciLow, difference!.ciHigh], ratioCi: [ratio!.ciLow, ratio!.ciHigh] };
}
