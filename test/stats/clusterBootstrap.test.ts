import { describe, expect, it } from 'vitest';
import { clusterBootstrap } from '../../src/stats/clusterBootstrap.js';
import { createRng } from '../../src/stats/rng.js';

const mean = (u: readonly number[]): number => u.reduce((s, v) => s + v, 0) / u.length;

describe('clusterBootstrap', () => {
  const clusters = { a: [1, 0, 1], b: [0, 0], c: [1, 1, 1, 0], d: [0], e: [1, 0] };

  it('refuses to run without an explicit seed or rng', () => {
    expect(() => clusterBootstrap({ clusters, statistic: mean })).toThrow(/an explicit seed or rng is required/);
    expect(() => clusterBootstrap({ clusters, statistic: mean, seed: 0.5 })).toThrow(/seed must be a safe integer/);
  });
  it('is reproducible for a seed and independent of cluster insertion order', () => {
    const r1 = clusterBootstrap({ clusters, statistic: mean, seed: 11, nResamples: 500 });
    const r2 = clusterBootstrap({ clusters, statistic: mean, seed: 11, nResamples: 500 });
    const reordered = new Map(Object.entries(clusters).reverse());
    const r3 = clusterBootstrap({ clusters: reordered, statistic: mean, seed: 11, nResamples: 500 });
    expect(r2).toEqual(r1);
    expect(r3).toEqual(r1);
    expect(r1.estimate).toBeCloseTo(6 / 12, 15);
    expect(r1.nClusters).toBe(5);
    expect(r1.ciLow).toBeLessThanOrEqual(r1.estimate);
    expect(r1.ciHigh).toBeGreaterThanOrEqual(r1.estimate);
    expect(clusterBootstrap({ clusters, statistic: mean, seed: 12, nResamples: 500 }).ciLow).not.toBeNaN();
  });
  it('accepts an rng function; constant data give a degenerate interval', () => {
    const r = clusterBootstrap({
      clusters: { x: [2, 2], y: [2] },
      statistic: mean,
      rng: createRng(3),
      nResamples: 50,
      keepReplicates: true,
    });
    expect([r.ciLow, r.ciHigh, r.se]).toEqual([2, 2, 0]);
    expect(r.replicates).toHaveLength(50);
  });
  it('resamples whole clusters: clusters with identical means give zero width', () => {
    const r = clusterBootstrap({ clusters: { p: [0, 1], q: [1, 0], s: [0.5, 0.5] }, statistic: mean, seed: 5, nResamples: 200 });
    expect(r.ciLow).toBeCloseTo(0.5, 15);
    expect(r.ciHigh).toBeCloseTo(0.5, 15);
  });
  it('counts non-finite replicates and validates options', () => {
    const r = clusterBootstrap({ clusters: { a: [1], b: [] as number[] }, statistic: mean, seed: 1, nResamples: 100 });
    expect(r.nNonFinite).toBeGreaterThan(0);
    expect(() => clusterBootstrap({ clusters: {}, statistic: mean, seed: 1 })).toThrow(/at least one cluster/);
    expect(() => clusterBootstrap({ clusters, statistic: mean, seed: 1, nResamples: 0 })).toThrow(/nResamples must be a positive integer/);
  });
});
