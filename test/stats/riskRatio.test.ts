import { describe, expect, it } from 'vitest';
import { riskRatio } from '../../src/stats/riskRatio.js';

describe('riskRatio', () => {
  it('RR = (20/100)/(10/100) with Katz log SE √(1/20 − 1/100 + 1/10 − 1/100)', () => {
    const r = riskRatio([
      [20, 80],
      [10, 90],
    ]);
    expect(r.estimate).toBeCloseTo(2, 15);
    expect(r.logSe).toBeCloseTo(Math.sqrt(0.13), 15);
    expect(r.low * r.high).toBeCloseTo(4, 12); // symmetric on the log scale
  });
  it('swapping rows inverts RR and the interval', () => {
    const a = riskRatio([
      [12, 30],
      [5, 40],
    ]);
    const b = riskRatio([
      [5, 40],
      [12, 30],
    ]);
    expect(a.estimate * b.estimate).toBeCloseTo(1, 14);
    expect(a.low * b.high).toBeCloseTo(1, 13);
  });
  it('zero cells: unadjusted by default, +0.5 to all cells with shiftZeros', () => {
    expect(
      riskRatio([
        [0, 10],
        [5, 5],
      ]).estimate,
    ).toBe(0);
    const z = [
      [0, 10],
      [5, 5],
    ];
    // statsmodels 0.13.5 shift_zeros: zero cells become 0.5
    expect(riskRatio(z, { shiftZeros: true }).estimate).toBeCloseTo(0.5 / 10.5 / (5 / 10), 15);
    // Haldane: +0.5 to all cells
    expect(riskRatio(z, { zeroCorrection: 'haldane' }).estimate).toBeCloseTo(0.5 / 11 / (5.5 / 11), 15);
  });
  it('validates input', () => {
    expect(() => riskRatio([[1, 2]])).toThrow('riskRatio: table must be a 2x2 array [[a, b], [c, d]]');
  });
});
