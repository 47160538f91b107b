/**
 * Seeded cluster bootstrap for statistics that are functions of cluster totals (rates, differences and
 * ratios of rates): the fast form of `clusterBootstrap` for large studies.
 *
 * Each cluster (a vignette) contributes a vector of K sums (e.g. pairs, errors at the reference, errors at the
 * level). A replicate draws G clusters with replacement, adds their vectors and evaluates `statistic` on the
 * total. Cost is B·G·K additions with no allocation per replicate, so 2,000 replicates over 1,000 vignettes are
 * milliseconds. The percentile interval is [Q(α/2), Q(1 − α/2)] of the replicates with Q the type-7 quantile.
 * Resampling clusters (never the responses inside them) keeps the within-vignette correlation of replicates.
 *
 * Non-finite replicates: +Infinity and -Infinity are kept (they sort to the ends, so an interval can be
 * unbounded, e.g. a ratio whose denominator can be 0); NaN replicates are dropped and counted.
 *
 * Reproducibility is mandatory: it throws without an explicit integer seed.
 *
 * References: Davison A.C., Hinkley D.V. (1997) Bootstrap Methods and their Application, §3.8;
 * Field C.A., Welsh A.H. (2007) JRSS-B 69:369-390.
 *
 * @example
 * // 3 vignettes, sums = [pairs, wrong at reference, wrong at level]
 * const [difference] = clusterBootstrapSums({ sums: [[1, 0, 1], [1, 0, 0], [1, 1, 1]], statistics: [(t) => (t[2]! - t[1]!) / t[0]!], seed: 7 });
 */
import { createRng, randomInt } from './rng.js';

/**
 * The cluster indices of every resample (row r holds the G draws of replicate r), from the seed alone. Contrasts
 * over the same number of clusters can share one draw table: it is the dominant cost, and sharing it does not
 * change any single interval's distribution.
 */
export function resampleIndices(seed: number, nClusters: number, nResamples: number): Uint32Array {
  if (!Number.isSafeInteger(seed)) throw new Error('resampleIndices: an explicit integer seed is required');
  const rng = createRng(seed);
  const draws = new Uint32Array(nClusters * nResamples);
  for (let i = 0; i < draws.length; i++) draws[i] = randomInt(rng, nClusters);
  return draws;
}

export interface ClusterSumsBootstrapOptions {
  /** One vector of K sums per cluster, clusters in a fixed (sorted) order. */
  sums: readonly (readonly number[])[];
  /** Statistics of the totals, all evaluated on the same resamples (one pass for several intervals). */
  statistics: readonly ((totals: Float64Array) => number)[];
  seed: number;
  nResamples?: number;
  confLevel?: number;
  /** Precomputed `resampleIndices(seed, G, nResamples)`, to share draws between statistics of many contrasts. */
  indices?: Uint32Array;
}

export interface ClusterSumsInterval {
  estimate: number;
  ciLow: number;
  ciHigh: number;
  /** Replicates where the statistic was NaN (dropped). */
  nNaN: number;
}

export function clusterBootstrapSums(options: ClusterSumsBootstrapOptions): ClusterSumsInterval[] {
  const { sums, statistics, seed } = options;
  if (seed === undefined || !Number.isSafeInteger(seed))
    throw new Error('clusterBootstrapSums: an explicit integer seed is required (refusing to run an unseeded bootstrap)');
  const nResamples = options.nResamples ?? 2000;
  if (!Number.isInteger(nResamples) || nResamples < 1)
    throw new Error(`clusterBootstrapSums: nResamples must be a positive integer (got ${nResamples})`);
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`clusterBootstrapSums: confLevel must be in (0, 1) (got ${confLevel})`);
  const G = sums.length;
  if (G === 0) throw new Error('clusterBootstrapSums: at least one cluster is required');
  const K = sums[0]!.length;
  // One column per sum (struct of arrays): the inner loop is a plain indexed gather the JIT keeps tight.
  const columns = Array.from({ length: K }, () => new Float64Array(G));
  sums.forEach((row, g) => {
    if (row.length !== K) throw new Error(`clusterBootstrapSums: every cluster needs ${K} sums (cluster ${g} has ${row.length})`);
    for (let k = 0; k < K; k++) columns[k]![g] = row[k]!;
  });
  const totals = new Float64Array(K);
  for (let k = 0; k < K; k++) totals[k] = columns[k]!.reduce((a, b) => a + b, 0);
  const estimates = statistics.map((f) => f(totals));
  const indices = options.indices ?? resampleIndices(seed, G, nResamples);
  if (indices.length !== G * nResamples)
    throw new Error(`clusterBootstrapSums: indices must hold ${nResamples} resamples of ${G} clusters (got ${indices.length} draws)`);
  const reps = statistics.map(() => [] as number[]);
  const nNaN = statistics.map(() => 0);
  for (let r = 0; r < nResamples; r++) {
    const start = r * G;
    const end = start + G;
    for (let k = 0; k < K; k++) {
      const column = columns[k]!;
      let total = 0;
      for (let i = start; i < end; i++) total += column[indices[i]!]!;
      totals[k] = total;
    }
    statistics.forEach((f, j) => {
      const v = f(totals);
      if (Number.isNaN(v)) nNaN[j]!++;
      else reps[j]!.push(v);
    });
  }
  const alpha = 1 - confLevel;
  return reps.map((values, j) => {
    values.sort((a, b) => a - b);
    return { estimate: estimates[j]!, ciLow: quantile(values, alpha / 2), ciHigh: quantile(values, 1 - alpha / 2), nNaN: nNaN[j]! };
  });
}

/** Type-7 quantile of sorted values; infinite neighbours give an infinite quantile rather than NaN. */
function quantile(sorted: readonly number[], q: number): number {
  const n = sorted.length;
  if (n < 2) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  if (h === lo || a === b) return a;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return h - lo < 0.5 ? a : b;
  return a + (h - lo) * (b - a);
}
