import { describe, expect, it } from 'vitest';
import { newcombePairedDifference } from '../../src/stats/newcombePairedDifference.js';

describe('newcombePairedDifference (method 10)', () => {
  it('reproduces the published Cavo (2012) example: −0.0621 (−0.1186 to −0.0046)', () => {
    const r = newcombePairedDifference({ n11: 59, n10: 6, n01: 16, n00: 80 });
    expect(r.estimate).toBeCloseTo(-10 / 161, 15);
    expect(r.low).toBeCloseTo(-0.1186, 4);
    expect(r.high).toBeCloseTo(-0.0046, 4);
    // φ = (A − n/2)/√(margins), A = 59·80 − 6·16 = 4624
    expect(r.phi).toBeCloseTo((4624 - 80.5) / Math.sqrt(65 * 96 * 75 * 86), 15);
  });
  it('φ branches: 0 ≤ A ≤ n/2 → 0; A < 0 → A/√M; zero margin → 0', () => {
    expect(newcombePairedDifference({ n11: 1, n10: 1, n01: 7, n00: 12 }).phi).toBe(0);
    expect(newcombePairedDifference({ n11: 2, n10: 20, n01: 25, n00: 3 }).phi).toBeCloseTo(-494 / Math.sqrt(22 * 28 * 27 * 23), 15);
    expect(newcombePairedDifference({ n11: 0, n10: 0, n01: 5, n00: 5 }).phi).toBe(0);
  });
  it('swapping x and y negates the interval', () => {
    const a = newcombePairedDifference({ n11: 3, n10: 0, n01: 5, n00: 2 });
    const b = newcombePairedDifference({ n11: 3, n10: 5, n01: 0, n00: 2 });
    expect(a.low).toBeCloseTo(-b.high, 15);
    expect(a.high).toBeCloseTo(-b.low, 15);
  });
});

describe('newcombePairedDifference degenerate cases', () => {
  it('n = 0 gives NaN limits; no events at all still gives an interval with width', () => {
    const empty = newcombePairedDifference({ n11: 0, n10: 0, n01: 0, n00: 0 });
    expect([empty.low, empty.high]).toEqual([NaN, NaN]);
    const none = newcombePairedDifference({ n11: 0, n10: 0, n01: 0, n00: 20 });
    expect(none.estimate).toBe(0);
    expect(none.low).toBeLessThan(-0.1);
    expect(none.high).toBeGreaterThan(0.1);
  });
});
