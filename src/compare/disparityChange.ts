import { eachPair, isWrong, type ContrastPairs } from '../pairing/pairs.js';
import { clusterBootstrapSums } from '../stats/clusterBootstrapSums.js';
import { pairedPermutationTest } from './permutation.js';
import type { DisparityChange } from './types.js';

/** [usable pairs, errors at the reference, errors at the level] of one vignette in one contrast. */
type VignetteSums = [number, number, number];

export type MeasuredChange = Pick<
  DisparityChange,
  | 'nVignettes'
  | 'nPairsA'
  | 'nPairsB'
  | 'rateReferenceA'
  | 'rateLevelA'
  | 'rateReferenceB'
  | 'rateLevelB'
  | 'disparityA'
  | 'disparityB'
  | 'change'
  | 'changeCi'
  | 'disparityCiA'
  | 'disparityCiB'
  | 'test'
  | 'p'
>;

export interface ChangeOptions {
  bootstrapSeed: number;
  permutationSeed: number;
  bootstrapResamples: number;
  permutations: number;
}

/**
 * The change in error amplification of one axis level from A to B, paired by vignette.
 *
 * Sample: the vignettes with at least one usable pair (both answers scoreable) in A and in B, so both
 * disparities are measured on the same cases. With L, R, N the level errors, reference errors and pairs summed over
 * those vignettes, disparity = (L − R) / N on each side (the pooled difference of paired error rates, as in
 * findings.json) and change = disparity_B − disparity_A.
 *
 * Interval: cluster bootstrap over vignettes — each resample draws vignettes with replacement and takes A's and
 * B's sums of the same drawn vignettes together, so the correlation between the runs (same cases) is kept;
 * percentile 95% interval (type-7 quantiles).
 *
 * Test: paired permutation test on the same statistic — under "A and B are exchangeable on every vignette" the
 * runs' labels are swapped per vignette at random (two-sided, seeded, p = (1 + hits) / (1 + permutations)).
 */
export function measureChange(a: ContrastPairs, b: ContrastPairs, options: ChangeOptions): MeasuredChange | undefined {
  const sumsA = sumsByVignette(a);
  const sumsB = sumsByVignette(b);
  const shared = [...sumsA.keys()].filter((id) => sumsB.has(id)).sort();
  if (shared.length === 0) return undefined;
  const rowsA = shared.map((id) => sumsA.get(id)!);
  const rowsB = shared.map((id) => sumsB.get(id)!);
  const totalA = total(rowsA);
  const totalB = total(rowsB);
  const [interval, intervalA, intervalB] = bootstrapChange(rowsA, rowsB, options, 0.95);
  const test = pairedPermutationTest({
    a: rowsA,
    b: rowsB,
    statistic: (ta, tb) => disparity(tb, 0) - disparity(ta, 0),
    seed: options.permutationSeed,
    nPermutations: options.permutations,
  });
  return {
    nVignettes: shared.length,
    nPairsA: totalA[0],
    nPairsB: totalB[0],
    rateReferenceA: totalA[1] / totalA[0],
    rateLevelA: totalA[2] / totalA[0],
    rateReferenceB: totalB[1] / totalB[0],
    rateLevelB: totalB[2] / totalB[0],
    disparityA: disparity(totalA, 0),
    disparityB: disparity(totalB, 0),
    change: test.estimate,
    changeCi: interval,
    disparityCiA: intervalA,
    disparityCiB: intervalB,
    test: 'paired-permutation',
    p: test.p,
  };
}

/**
 * The percentile intervals at `confLevel` of the change, of A's disparity and of B's disparity, over the vignettes
 * usable in both runs, all from the same seeded resamples (so the change's interval does not depend on the others,
 * and the family-level interval of `changeIntervalAt` widens the 95% one).
 */
function bootstrapChange(
  rowsA: readonly VignetteSums[],
  rowsB: readonly VignetteSums[],
  options: Pick<ChangeOptions, 'bootstrapSeed' | 'bootstrapResamples'>,
  confLevel: number,
): [Interval, Interval, Interval] {
  const [change, inA, inB] = clusterBootstrapSums({
    sums: rowsA.map((row, i) => [...row, ...rowsB[i]!]),
    statistics: [(t) => disparity(t, 3) - disparity(t, 0), (t) => disparity(t, 0), (t) => disparity(t, 3)],
    seed: options.bootstrapSeed,
    nResamples: options.bootstrapResamples,
    confLevel,
  });
  return [finite(change), finite(inA), finite(inB)];
}

type Interval = [number, number] | null;

function finite(interval: { ciLow: number; ciHigh: number } | undefined): Interval {
  return interval && Number.isFinite(interval.ciLow) && Number.isFinite(interval.ciHigh) ? [interval.ciLow, interval.ciHigh] : null;
}

/** The change's interval at another level (the family's), by the same bootstrap as `measureChange`'s 95% one. */
export function changeIntervalAt(
  a: ContrastPairs,
  b: ContrastPairs,
  options: Pick<ChangeOptions, 'bootstrapSeed' | 'bootstrapResamples'>,
  confLevel: number,
): [number, number] | null {
  const sumsA = sumsByVignette(a);
  const sumsB = sumsByVignette(b);
  const shared = [...sumsA.keys()].filter((id) => sumsB.has(id)).sort();
  if (shared.length === 0) return null;
  return bootstrapChange(
    shared.map((id) => sumsA.get(id)!),
    shared.map((id) => sumsB.get(id)!),
    options,
    confLevel,
  )[0];
}

/** (level errors − reference errors) / pairs, reading the three sums at `offset`. */
function disparity(t: ArrayLike<number>, offset: number): number {
  return (t[offset + 2]! - t[offset + 1]!) / t[offset]!;
}

/** Per-vignette sums over the pairs whose two answers both count (request errors and unscored answers do not). */
function sumsByVignette(contrast: ContrastPairs): Map<string, VignetteSums> {
  const sums = new Map<string, VignetteSums>();
  for (const pair of eachPair(contrast)) {
    const reference = isWrong(pair.reference.outcome);
    const level = isWrong(pair.level.outcome);
    if (reference === null || level === null) continue;
    const s = sums.get(pair.vignetteId) ?? [0, 0, 0];
    s[0]++;
    if (reference) s[1]++;
    if (level) s[2]++;
    sums.set(pair.vignetteId, s);
  }
  return sums;
}

function total(rows: readonly VignetteSums[]): VignetteSums {
  return rows.reduce<VignetteSums>((t, r) => [t[0] + r[0], t[1] + r[1], t[2] + r[2]], [0, 0, 0]);
}
