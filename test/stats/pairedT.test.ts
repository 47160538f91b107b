import { describe, expect, it } from 'vitest';
import { pairedT } from '../../src/stats/pairedT.js';

describe('pairedT', () => {
  it('n = 2 by hand: d = (0.5, 2), t = 1.25/0.75, df = 1 (Cauchy p)', () => {
    const r = pairedT([1, 3], [0.5, 1]);
    expect(r.meanDiff).toBe(1.25);
    expect(r.statistic).toBeCloseTo(5 / 3, 14);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(5 / 3), 14);
    // CI = 1.25 ± tan(0.475π)·0.75  (t_{0.975,1} = tan(π·0.475))
    const q = Math.tan(Math.PI * 0.475);
    expect(r.ciLow).toBeCloseTo(1.25 - q * 0.75, 12);
    expect(r.ciHigh).toBeCloseTo(1.25 + q * 0.75, 12);
  });
  it('one-sided alternatives and intervals', () => {
    const x = [1.2, 0.8, 1.1, 0.9, 1.3, 1.0, 0.7, 1.05];
    const y = [1.5, 1.1, 1.2, 1.4, 1.6, 1.2, 1.0, 1.3];
    const two = pairedT(x, y);
    const less = pairedT(x, y, { alternative: 'less' });
    const greater = pairedT(x, y, { alternative: 'greater' });
    expect(less.pValue).toBeCloseTo(two.pValue / 2, 15);
    expect(greater.pValue).toBeCloseTo(1 - two.pValue / 2, 14);
    expect(less.ciLow).toBe(-Infinity);
    expect(greater.ciHigh).toBe(Infinity);
    expect(less.ciHigh).toBeLessThan(two.ciHigh);
  });
  it('scipy-compatible quantile differs from the exact one only beyond 1e-9', () => {
    const x = [0.8, 0.6, 0.9, 0.7, 0.75, 0.5];
    const y = [0.7, 0.65, 0.85, 0.6, 0.75, 0.4];
    const a = pairedT(x, y);
    const b = pairedT(x, y, { tQuantile: 'scipy' });
    expect(Math.abs(a.ciLow - b.ciLow)).toBeLessThan(1e-9);
    expect(Math.abs(b.ciLow - -0.016372137621814435)).toBeLessThan(1e-17); // SciPy 1.10 digits (exact: −0.0163721375965516)
  });
  it('degenerate data follow SciPy', () => {
    const c = pairedT([2, 3, 4], [1, 2, 3]);
    expect(c.statistic).toBe(Infinity);
    expect(c.pValue).toBe(0);
    expect([c.ciLow, c.ciHigh]).toEqual([1, 1]);
    const g = pairedT([2, 3, 4], [1, 2, 3], { alternative: 'greater' });
    expect(g.ciLow).toBe(1);
    expect(g.ciHigh).toBeNaN(); // SciPy: ∞·0 + d̄
    const z = pairedT([1, 2], [1, 2]);
    expect(z.statistic).toBeNaN();
    expect(z.pValue).toBeNaN();
  });
  it('validates input', () => {
    expect(() => pairedT([1, 2], [1])).toThrow('pairedT: x and y must have the same length (got 2 and 1)');
    expect(() => pairedT([], [])).toThrow(/must not be empty/);
    expect(() => pairedT([1, 2], [1, 2], { confLevel: 1.5 })).toThrow(/confLevel must be in \(0, 1\)/);
  });
});
