import { describe, expect, it } from 'vitest';
import { bonettPriceRatio } from '../../src/stats/bonettPriceRatio.js';
import { studentTQuantile } from '../../src/stats/distributions.js';
import { newcombePairedDifference } from '../../src/stats/newcombePairedDifference.js';
import { raoScottPairedIntervals } from '../../src/stats/raoScottPairedIntervals.js';
import type { PairedClusterCounts } from '../../src/stats/types.js';

/** A cluster of m pairs: both events, level only, reference only, neither. */
function cluster(both: number, levelOnly: number, referenceOnly: number, neither: number): PairedClusterCounts {
  return {
    pairs: both + levelOnly + referenceOnly + neither,
    levelEvents: both + levelOnly,
    referenceEvents: both + referenceOnly,
    levelOnly,
    referenceOnly,
  };
}

describe('raoScottPairedIntervals', () => {
  it('is Newcombe and Bonett-Price on counts divided by the CR2 design effect, with a t(G − 1) critical value (hand computation)', () => {
    // 4 clusters of 3 pairs: discordance bunched in clusters, so the design effect exceeds 1
    const clusters = [cluster(0, 3, 0, 0), cluster(1, 0, 0, 2), cluster(0, 2, 1, 0), cluster(0, 0, 0, 3)];
    const r = raoScottPairedIntervals(clusters);
    const N = 12;
    const D = (5 - 1) / N;
    const u = [3 - 0 - 3 * D, 1 - 1 - 3 * D, 2 - 1 - 3 * D, 0 - 0 - 3 * D];
    const vCr2 = u.reduce((s, x) => s + (x * x) / (1 - 3 / N), 0);
    const vIid = 5 + 1 - N * D * D;
    const deff = Math.min(3, Math.max(1, vCr2 / vIid));
    expect(r.designEffectDifference).toBeCloseTo(deff, 14);
    expect(r.df).toBe(3);
    expect(r.criticalValue).toBeCloseTo(studentTQuantile(0.975, 3), 14);
    const scaled = { n11: 1 / deff, n10: 5 / deff, n01: 1 / deff, n00: 5 / deff };
    const newcombe = newcombePairedDifference(scaled, { criticalValue: r.criticalValue, effectiveCounts: true });
    expect(r.difference).toEqual({ estimate: D, low: newcombe.low, high: newcombe.high });
    const L = 6;
    const R = 2;
    const lr = [3 / L - 0 / R, 1 / L - 1 / R, 2 / L - 1 / R, 0];
    const vRatio = lr.reduce((s, x) => s + (x * x) / (1 - 3 / N), 0);
    const iidRatio = 1 * (1 / L - 1 / R) ** 2 + 5 / (L * L) + 1 / (R * R);
    const deffRatio = Math.min(3, Math.max(1, vRatio / iidRatio));
    expect(r.designEffectRatio).toBeCloseTo(deffRatio, 14);
    const bp = bonettPriceRatio(
      { n11: 1 / deffRatio, n10: 5 / deffRatio, n01: 1 / deffRatio, n00: 5 / deffRatio },
      { criticalValue: r.criticalValue, effectiveCounts: true },
    );
    expect(r.ratio!.low).toBeCloseTo(bp.low, 14);
    expect(r.ratio!.high).toBeCloseTo(bp.high, 14);
    expect(r.ratio!.estimate).toBe(3);
  });
  it('never narrower than independent pairs: design effect at least 1', () => {
    // discordance spread evenly: the sandwich variance is below the independent one
    const even = Array.from({ length: 10 }, () => cluster(1, 1, 1, 1));
    expect(raoScottPairedIntervals(even).designEffectDifference).toBe(1);
  });
  it('no discordant pair: the conservative design effect (largest cluster) and an interval with width, not [0, 0] and [1, 1]', () => {
    const r = raoScottPairedIntervals(Array.from({ length: 10 }, (_, i) => cluster(i % 2, 0, 0, 3 - (i % 2))));
    expect(r.designEffectDifference).toBe(3);
    expect(r.designEffectRatio).toBe(3);
    expect(r.difference.estimate).toBe(0);
    expect(r.difference.low).toBeLessThan(-0.05);
    expect(r.difference.high).toBeGreaterThan(0.05);
    expect(r.ratio!.low).toBeLessThan(0.8);
    expect(r.ratio!.high).toBeGreaterThan(1.25);
  });
  it('no events on either side: a proper difference interval, and no ratio interval (0/0)', () => {
    const r = raoScottPairedIntervals(Array.from({ length: 12 }, () => cluster(0, 0, 0, 3)));
    expect(r.ratio).toBeNull();
    expect(r.difference.low).toBeLessThan(0);
    expect(r.difference.high).toBeGreaterThan(0);
  });
  it('one cluster: nothing to estimate a cluster variance from (NaN limits, no ratio interval), not an exception', () => {
    const r = raoScottPairedIntervals([cluster(1, 2, 0, 1)]);
    expect(r.difference.low).toBeNaN();
    expect(r.difference.high).toBeNaN();
    expect(r.ratio).toBeNull();
  });
  it('validates its input, naming the function', () => {
    expect(() => raoScottPairedIntervals([])).toThrow(/raoScottPairedIntervals: at least one cluster/);
    expect(() => raoScottPairedIntervals([{ pairs: 2, levelEvents: 1, referenceEvents: 0, levelOnly: 0, referenceOnly: 0 }])).toThrow(
      /raoScottPairedIntervals: cluster 0 is not a consistent set/,
    );
    expect(() => raoScottPairedIntervals([cluster(1, 0, 0, 1)], { confLevel: 1 })).toThrow(/confLevel/);
  });
});
