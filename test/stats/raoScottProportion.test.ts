import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/stats/distributions.js';
import { raoScottProportion } from '../../src/stats/raoScottProportion.js';
import { wilsonLimits } from '../../src/stats/wilson.js';

describe('raoScottProportion', () => {
  it('is Wilson on counts divided by the CR2 design effect, with a t(G − 1) critical value (hand computation)', () => {
    // 4 vignettes of 3 answers each; correct answers bunched by vignette, so the design effect exceeds 1
    const clusters = [
      { trials: 3, events: 3 },
      { trials: 3, events: 3 },
      { trials: 3, events: 0 },
      { trials: 3, events: 1 },
    ];
    const r = raoScottProportion(clusters);
    const N = 12;
    const p = 7 / N;
    const vCr2 = clusters.reduce((s, c) => s + (c.events - p * c.trials) ** 2 / (1 - c.trials / N), 0);
    const deff = Math.min(3, Math.max(1, vCr2 / (N * p * (1 - p))));
    expect(deff).toBeGreaterThan(1);
    expect(r.designEffect).toBeCloseTo(deff, 14);
    const expected = wilsonLimits(7 / deff, N / deff, studentTQuantile(0.975, 3));
    expect(r.low).toBeCloseTo(expected.low, 14);
    expect(r.high).toBeCloseTo(expected.high, 14);
    expect(r).toMatchObject({ estimate: p, trials: 12, events: 7, clusters: 4, df: 3 });
  });

  it('with one answer per vignette is the Wilson interval with the t(G − 1) critical value (design effect 1)', () => {
    const clusters = Array.from({ length: 20 }, (_, i) => ({ trials: 1, events: i < 13 ? 1 : 0 }));
    const r = raoScottProportion(clusters, { confLevel: 0.9 });
    expect(r.designEffect).toBe(1);
    const expected = wilsonLimits(13, 20, studentTQuantile(0.95, 19));
    expect(r.low).toBeCloseTo(expected.low, 14);
    expect(r.high).toBeCloseTo(expected.high, 14);
  });

  it('never narrower than independent answers, never wider than one answer per vignette', () => {
    // Every vignette answered alike within itself: perfectly correlated, design effect at its upper bound m = 4.
    const bunched = raoScottProportion([4, 0, 4, 0, 4, 0].map((events) => ({ trials: 4, events })));
    expect(bunched.designEffect).toBe(4);
    // Answers spread evenly: the cluster variance is below the binomial one; the bound keeps the interval binomial.
    const even = raoScottProportion([2, 2, 2, 2, 2, 2].map((events) => ({ trials: 4, events })));
    expect(even.designEffect).toBe(1);
    expect(even.high - even.low).toBeLessThan(bunched.high - bunched.low);
  });

  it('all correct or none: the design effect cannot be estimated and takes its conservative bound; the limits stay proper', () => {
    const none = raoScottProportion([0, 0, 0].map((events) => ({ trials: 3, events })));
    expect(none).toMatchObject({ estimate: 0, low: 0, designEffect: 3 });
    expect(none.high).toBeCloseTo(wilsonLimits(0, 3, studentTQuantile(0.975, 2)).high, 14);
    const all = raoScottProportion([3, 3, 3].map((events) => ({ trials: 3, events })));
    expect(all).toMatchObject({ estimate: 1, high: 1, designEffect: 3 });
  });

  it('fewer than two vignettes or no answers: NaN limits, the estimate when there is one', () => {
    expect(raoScottProportion([{ trials: 5, events: 2 }])).toMatchObject({ estimate: 0.4, low: NaN, high: NaN, df: 0 });
    expect(raoScottProportion([])).toMatchObject({ estimate: NaN, low: NaN, high: NaN, clusters: 0 });
  });

  it('rejects counts that are not a cluster of trials, naming the function', () => {
    expect(() => raoScottProportion([{ trials: 2, events: 3 }])).toThrow(/raoScottProportion: cluster 0/);
    expect(() => raoScottProportion([{ trials: 2.5, events: 1 }])).toThrow(/raoScottProportion/);
    expect(() => raoScottProportion([{ trials: 2, events: 1 }], { confLevel: 1 })).toThrow(/raoScottProportion: confLevel/);
  });
});
