import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/stats/distributions.js';
import { wilsonInterval } from '../../src/stats/wilson.js';

describe('wilsonInterval', () => {
  it('k = 5, n = 10 is centred at ½ with the textbook half-width', () => {
    const z = normalQuantile(0.975);
    const r = wilsonInterval(5, 10);
    const half = (z * Math.sqrt(10 * 0.25 + (z * z) / 4)) / (10 + z * z);
    expect(r.low).toBeCloseTo(0.5 - half, 15);
    expect(r.high).toBeCloseTo(0.5 + half, 15);
  });
  it('edges are exactly 0 and 1; k ↔ n − k mirrors', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.27753279986288926, 14);
    const a = wilsonInterval(37, 250);
    const b = wilsonInterval(213, 250);
    expect(a.low).toBeCloseTo(1 - b.high, 14);
  });
  it('one-sided bounds use z_{1−α}', () => {
    const r = wilsonInterval(8, 10, { alternative: 'greater' });
    expect(r.high).toBe(1);
    expect(r.low).toBeCloseTo(0.5407928056874879, 14);
  });
  it('validates input', () => {
    expect(() => wilsonInterval(-1, 10)).toThrow(/k must be an integer/);
  });
});

describe('wilsonInterval degenerate cases', () => {
  it('n = 0 is a value, not an exception: NaN estimate and limits', () => {
    expect(wilsonInterval(0, 0)).toEqual({ estimate: NaN, low: NaN, high: NaN });
  });
});
