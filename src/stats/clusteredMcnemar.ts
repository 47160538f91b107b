/**
 * McNemar's test for clustered matched pairs (Durkalski et al. 2003): several pairs per cluster, e.g. the
 * replicates of one vignette, whose outcomes are correlated within the cluster.
 *
 * With b_k and c_k the two kinds of discordant pair in cluster k (B = Σ b_k, C = Σ c_k):
 *   X² = (B − C)² / Σ_k (b_k − c_k)²,   referred to χ²(1), two-sided.
 * The denominator estimates Var(B − C) from the clusters themselves, so within-cluster correlation (which
 * makes the ordinary McNemar and the CMH test mis-sized) is allowed for. With one pair per cluster,
 * (b_k − c_k)² = b_k + c_k and X² is the uncorrected McNemar statistic (B − C)²/(B + C).
 * No discordant pairs at all: statistic 0, p = 1 (no evidence of a difference).
 *
 * Reference: Durkalski V.L., Palesch Y.Y., Lipsitz S.R., Rust P.F. (2003) Analysis of clustered matched-pair
 * data. Statistics in Medicine 22:2417-2428.
 *
 * @example
 * clusteredMcNemar([3, 2, 0, 1], [0, 1, 0, 0]); // { statistic: 25/11 = 2.2727..., df: 1, pValue: 0.1317... }
 */
import { chiSquareSf } from './distributions.js';
import type { ChiSquareTestResult } from './types.js';

export function clusteredMcNemar(b: readonly number[], c: readonly number[]): ChiSquareTestResult {
  if (!Array.isArray(b) || !Array.isArray(c) || b.length !== c.length)
    throw new Error('clusteredMcNemar: b and c must be arrays of the same length (one entry per cluster)');
  if (b.length === 0) throw new Error('clusteredMcNemar: at least one cluster is required');
  let difference = 0;
  let variance = 0;
  b.forEach((bk, k) => {
    const ck = c[k]!;
    if (!Number.isInteger(bk) || !Number.isInteger(ck) || bk < 0 || ck < 0)
      throw new Error(`clusteredMcNemar: discordant counts must be non-negative integers (cluster ${k}: b=${bk}, c=${ck})`);
    difference += bk - ck;
    variance += (bk - ck) ** 2;
  });
  if (variance === 0) return { statistic: 0, df: 1, pValue: 1 };
  const statistic = (difference * difference) / variance;
  return { statistic, df: 1, pValue: chiSquareSf(statistic, 1) };
}
