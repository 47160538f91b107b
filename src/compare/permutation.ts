import { createRng } from '../stats/rng.js';

export interface PairedPermutationOptions {
  /** One vector of K sums per cluster (vignette) for condition A, clusters in a fixed (sorted) order. */
  a: readonly (readonly number[])[];
  /** The same clusters' K sums for condition B, in the same order. */
  b: readonly (readonly number[])[];
  /** The statistic on the totals over clusters of A and of B (e.g. a difference of rate differences). */
  statistic: (totalsA: Float64Array, totalsB: Float64Array) => number;
  seed: number;
  nPermutations: number;
}

export interface PairedPermutationResult {
  estimate: number;
  p: number;
  nPermutations: number;
}

/**
 * Two-sided paired permutation (label-swap) test over clusters.
 *
 * Null hypothesis: within every cluster, the two conditions are exchangeable — the labels A and B could be
 * swapped without changing the distribution of the cluster's sums. Each permutation swaps A's and B's vectors in
 * each cluster independently with probability 1/2 and re-evaluates the statistic on the totals, so the statistic
 * tested is exactly the estimate reported (e.g. the pooled change in error-rate difference), with any number of
 * pairs per cluster. Clusters (vignettes) move as a whole: responses inside one are never split.
 *
 * p = (1 + #{|T*| ≥ |T|}) / (1 + N) over N seeded random permutations (Phipson & Smyth 2010: never 0, exact
 * level for a Monte Carlo test); |T*| ≥ |T| is judged with a relative tolerance of 1e-9 so ties from floating
 * point are counted as ties. T = 0 gives p = 1. NaN when there are no clusters or the estimate is not finite.
 *
 * References: Good P.I. (2005) Permutation, Parametric and Bootstrap Tests of Hypotheses, §3.6;
 * Phipson B., Smyth G.K. (2010) Stat Appl Genet Mol Biol 9(1):39.
 */
export function pairedPermutationTest(options: PairedPermutationOptions): PairedPermutationResult {
  const { a, b, statistic, seed, nPermutations } = options;
  if (!Number.isSafeInteger(seed)) throw new Error('pairedPermutationTest: an explicit integer seed is required');
  if (!Number.isInteger(nPermutations) || nPermutations < 1)
    throw new Error(`pairedPermutationTest: nPermutations must be a positive integer (got ${nPermutations})`);
  if (a.length !== b.length) throw new Error(`pairedPermutationTest: A has ${a.length} clusters, B has ${b.length}`);
  const G = a.length;
  if (G === 0) return { estimate: NaN, p: NaN, nPermutations };
  const K = a[0]!.length;
  const totalsA = new Float64Array(K);
  const totalsB = new Float64Array(K);
  for (let g = 0; g < G; g++) {
    if (a[g]!.length !== K || b[g]!.length !== K)
      throw new Error(`pairedPermutationTest: every cluster needs ${K} sums in A and in B (cluster ${g})`);
    for (let k = 0; k < K; k++) {
      totalsA[k]! += a[g]![k]!;
      totalsB[k]! += b[g]![k]!;
    }
  }
  const estimate = statistic(totalsA, totalsB);
  if (!Number.isFinite(estimate)) return { estimate, p: NaN, nPermutations };
  const observed = Math.abs(estimate);
  const tolerance = 1e-9 * Math.max(1, observed);
  const baseA = Float64Array.from(totalsA);
  const baseB = Float64Array.from(totalsB);
  const rng = createRng(seed);
  let atLeastAsExtreme = 0;
  for (let r = 0; r < nPermutations; r++) {
    totalsA.set(baseA);
    totalsB.set(baseB);
    for (let g = 0; g < G; g++) {
      if (rng() >= 0.5) continue;
      const rowA = a[g]!;
      const rowB = b[g]!;
      for (let k = 0; k < K; k++) {
        const shift = rowB[k]! - rowA[k]!;
        totalsA[k]! += shift;
        totalsB[k]! -= shift;
      }
    }
    if (Math.abs(statistic(totalsA, totalsB)) >= observed - tolerance) atLeastAsExtreme++;
  }
  return { estimate, p: (1 + atLeastAsExtreme) / (1 + nPermutations), nPermutations };
}
