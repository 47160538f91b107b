import { describe, expect, it } from 'vitest';
import { bonettPriceRatio } from '../../src/stats/bonettPriceRatio.js';
import { studentTQuantile } from '../../src/stats/distributions.js';

describe('bonettPriceRatio', () => {
  it('reproduces the published Cavo (2012) interval of Fagerland, Lydersen & Laake (R contingencytables): 0.8667 (0.7579 to 0.9910)', () => {
    const r = bonettPriceRatio({ n11: 59, n10: 6, n01: 16, n00: 80 });
    expect(r.estimate).toBeCloseTo(0.8667, 4);
    expect(r.low).toBeCloseTo(0.7579, 4);
    expect(r.high).toBeCloseTo(0.991, 4);
  });
  it('keeps its width when no pair is discordant (a bootstrap or log-Wald interval is [1, 1] there)', () => {
    const r = bonettPriceRatio({ n11: 10, n10: 0, n01: 0, n00: 20 });
    expect(r.estimate).toBe(1);
    expect(r.low).toBeLessThan(0.9);
    expect(r.high).toBeGreaterThan(1.1);
    expect(r.low * r.high).toBeCloseTo(1, 12); // symmetric on the log scale when the margins are equal
  });
  it('degenerate tables give values, not errors: no events [0, Infinity] with estimate NaN; one side only 0 or Infinity', () => {
    expect(bonettPriceRatio({ n11: 0, n10: 0, n01: 0, n00: 30 })).toEqual({ estimate: NaN, low: 0, high: Infinity });
    const onlyLevel = bonettPriceRatio({ n11: 0, n10: 4, n01: 0, n00: 30 });
    expect(onlyLevel.estimate).toBe(Infinity);
    expect(onlyLevel.high).toBe(Infinity);
    expect(onlyLevel.low).toBeGreaterThan(1);
    const onlyReference = bonettPriceRatio({ n11: 0, n10: 0, n01: 4, n00: 30 });
    expect(onlyReference.low).toBe(0);
    expect(onlyReference.high).toBeLessThan(1);
  });
  it('a larger critical value widens it; effective (real) counts are accepted only when asked for', () => {
    const t = { n11: 20, n10: 8, n01: 3, n00: 40 };
    const z = bonettPriceRatio(t);
    const wide = bonettPriceRatio(t, { criticalValue: studentTQuantile(0.975, 9) });
    expect(wide.low).toBeLessThan(z.low);
    expect(wide.high).toBeGreaterThan(z.high);
    const half = { n11: 10, n10: 4, n01: 1.5, n00: 20 };
    expect(() => bonettPriceRatio(half)).toThrow('bonettPriceRatio: n01 must be a non-negative integer (got n01=1.5)');
    const effective = bonettPriceRatio(half, { effectiveCounts: true });
    expect(effective.estimate).toBeCloseTo(z.estimate, 14);
    expect(effective.high - effective.low).toBeGreaterThan(z.high - z.low); // half the information, wider
    expect(() => bonettPriceRatio(t, { criticalValue: 0 })).toThrow(/criticalValue must be positive/);
  });
});
