import { describe, expect, it } from 'vitest';
import type { ContrastPairs } from '../../src/pairing/pairs.js';
import { measureChange } from '../../src/compare/disparityChange.js';
import { pairedPermutationTest } from '../../src/compare/permutation.js';
import { createRng, type Rng } from '../../src/stats/rng.js';
import { score } from '../analysis/helpers.js';

describe('pairedPermutationTest', () => {
  const change = (a: Float64Array, b: Float64Array) => b[0]! - a[0]!;

  it('matches the exact sign-flip p-value on a small example', () => {
    // Five clusters, B above A in every one: of the 2^5 equally likely label swaps, 2 are as extreme (all or none
    // swapped), so the exact two-sided p is 2/32.
    const a = [[0], [0], [0], [0], [0]];
    const b = [[1], [1], [1], [1], [1]];
    const { p, estimate } = pairedPermutationTest({ a, b, statistic: change, seed: 1, nPermutations: 20_000 });
    expect(estimate).toBe(5);
    expect(p).toBeCloseTo(2 / 32, 2);
  });

  it('gives p = 1 for no difference, NaN without clusters, and the same p for the same seed', () => {
    expect(pairedPermutationTest({ a: [[1], [2]], b: [[1], [2]], statistic: change, seed: 3, nPermutations: 99 }).p).toBe(1);
    expect(pairedPermutationTest({ a: [], b: [], statistic: change, seed: 3, nPermutations: 99 }).p).toBeNaN();
    const run = () => pairedPermutationTest({ a: [[0], [1], [0]], b: [[1], [1], [2]], statistic: change, seed: 9, nPermutations: 999 }).p;
    expect(run()).toBe(run());
    expect(() => pairedPermutationTest({ a: [[0]], b: [], statistic: change, seed: 1, nPermutations: 9 })).toThrow(
      /A has 1 clusters, B has 0/,
    );
  });
});

/**
 * Simulated studies of G vignettes: difficulty U ~ Uniform(0, 1), reference error rate e = 0.3 U, level error rate
 * min(1, m·e), every answer an independent draw. The true amplification is (m − 1) · E[e] = 0.15 (m − 1).
 */
function contrast(rng: Rng, multiplier: number, G: number): ContrastPairs {
  const pairs = Array.from({ length: G }, (_, g) => {
    const e = 0.3 * rng();
    const vignetteId = `v${String(g).padStart(3, '0')}`;
    const outcome = (p: number) => (rng() < p ? 'incorrect' : 'correct');
    return {
      vignetteId,
      replicate: 0,
      reference: score({ vignetteId, outcome: outcome(e) }),
      level: score({ vignetteId, outcome: outcome(Math.min(1, multiplier * e)), attributes: { race: 'white', insurance: 'medicaid' } }),
      marginal: false,
    };
  });
  return { modelId: 'm', axis: 'insurance', level: 'medicaid', pairs };
}

function simulate(multiplierA: number, multiplierB: number, replications: number): { rejected: number; covered: number } {
  const truth = 0.15 * (multiplierB - multiplierA);
  let rejected = 0;
  let covered = 0;
  for (let i = 0; i < replications; i++) {
    const rng = createRng(1000 + i);
    const result = measureChange(contrast(rng, multiplierA, 60), contrast(rng, multiplierB, 60), {
      bootstrapSeed: 2 * i,
      permutationSeed: 2 * i + 1,
      bootstrapResamples: 400,
      permutations: 399,
    })!;
    if (result.p < 0.05) rejected++;
    if (result.changeCi![0] <= truth && truth <= result.changeCi![1]) covered++;
  }
  return { rejected, covered };
}

describe('measureChange calibration (200 simulated comparisons each)', () => {
  it('rejects about 5% of the time when A and B have the same bias, and its interval covers zero', () => {
    const { rejected, covered } = simulate(2, 2, 200);
    expect(rejected / 200).toBeGreaterThan(0.01);
    expect(rejected / 200).toBeLessThan(0.1);
    expect(covered / 200).toBeGreaterThan(0.9);
  });

  it('covers the true change in disparity about 95% of the time when B drops the bias, and usually detects it', () => {
    // Power is modest by design: 60 vignettes and every answer an independent draw, so A's and B's answers to a
    // vignette are uncorrelated — the hardest case for a paired test (real model versions agree on most cases).
    const { rejected, covered } = simulate(3, 1, 200);
    expect(covered / 200).toBeGreaterThan(0.9);
    expect(rejected / 200).toBeGreaterThan(0.6);
  });
});
