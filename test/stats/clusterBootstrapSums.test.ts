import { describe, expect, it } from 'vitest';
import { clusterBootstrap } from '../../src/stats/clusterBootstrap.js';
import { clusterBootstrapSums } from '../../src/stats/clusterBootstrapSums.js';

const sums = [
  [2, 0, 1],
  [2, 1, 2],
  [2, 0, 0],
  [2, 1, 1],
  [2, 0, 2],
];
const difference = (t: Float64Array) => (t[2]! - t[1]!) / t[0]!;

describe('clusterBootstrapSums', () => {
  it('estimates on the totals and is reproducible from the seed', () => {
    const [a] = clusterBootstrapSums({ sums, statistics: [difference], seed: 11, nResamples: 500 }) as [
      ReturnType<typeof clusterBootstrapSums>[number],
    ];
    const [b] = clusterBootstrapSums({ sums, statistics: [difference], seed: 11, nResamples: 500 });
    expect(a.estimate).toBe((6 - 2) / 10);
    expect(b).toEqual(a);
    expect(a.ciLow).toBeLessThan(a.estimate);
    expect(a.ciHigh).toBeGreaterThan(a.estimate);
  });

  it('agrees with the general cluster bootstrap given the same generator stream', () => {
    // Same seed, same sorted clusters, same draws: the two implementations must give the same interval.
    const clusters = Object.fromEntries(sums.map((s, i) => [`c${i}`, [s]]));
    const general = clusterBootstrap({
      clusters,
      statistic: (u) => difference(Float64Array.from([0, 1, 2].map((k) => u.reduce((acc, s) => acc + s[k]!, 0)))),
      seed: 5,
      nResamples: 300,
    });
    const [fast] = clusterBootstrapSums({ sums, statistics: [difference], seed: 5, nResamples: 300 }) as [
      ReturnType<typeof clusterBootstrapSums>[number],
    ];
    expect(fast.ciLow).toBeCloseTo(general.ciLow, 12);
    expect(fast.ciHigh).toBeCloseTo(general.ciHigh, 12);
  });

  it('keeps infinite replicates (unbounded intervals) and refuses to run without a seed', () => {
    const ratio = (t: Float64Array) => (t[1]! === 0 ? (t[2]! === 0 ? 1 : Infinity) : t[2]! / t[1]!);
    const [r, again] = clusterBootstrapSums({
      sums: [
        [1, 0, 1],
        [1, 0, 1],
        [1, 1, 1],
      ],
      statistics: [ratio, ratio],
      seed: 3,
      nResamples: 400,
    }) as ReturnType<typeof clusterBootstrapSums>[number][];
    expect(r!.ciHigh).toBe(Infinity);
    expect(again).toEqual(r); // several statistics share the same resamples
    expect(() => clusterBootstrapSums({ sums, statistics: [difference] } as never)).toThrow(/explicit integer seed is required/);
  });
});
