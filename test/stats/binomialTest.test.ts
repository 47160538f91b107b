import { describe, expect, it } from 'vitest';
import { binomialTest } from '../../src/stats/binomialTest.js';

describe('binomialTest', () => {
  it('sign test k = 3, n = 10: p = 2·176/1024', () => {
    const r = binomialTest(3, 10);
    expect(r.pValue).toBeCloseTo(352 / 1024, 15);
    expect(r.estimate).toBe(0.3);
    expect(r.ciExact.low).toBeCloseTo(0.0667395111777345, 14);
    expect(r.ciExact.high).toBeCloseTo(0.6524528500599972, 14);
  });
  it('minlike two-sided p for p0 ≠ ½ equals the sum of all no-more-likely outcomes', () => {
    const n = 20;
    const p0 = 0.3;
    const pmf = (i: number): number => {
      let c = 1;
      for (let j = 0; j < i; j++) c = (c * (n - j)) / (j + 1);
      return c * p0 ** i * (1 - p0) ** (n - i);
    };
    const d = pmf(7);
    let s = 0;
    for (let i = 0; i <= n; i++) if (pmf(i) <= d * (1 + 1e-7)) s += pmf(i);
    expect(binomialTest(7, 20, { p: 0.3 }).pValue).toBeCloseTo(s, 13);
  });
  it('one-sided tails and intervals', () => {
    const g = binomialTest(8, 10, { alternative: 'greater' });
    expect(g.pValue).toBeCloseTo(56 / 1024, 15);
    expect(g.ciExact.high).toBe(1);
    expect(g.ciWilson.high).toBe(1);
    const l = binomialTest(2, 15, { alternative: 'less' });
    expect(l.pValue).toBeCloseTo(121 / 32768, 15);
    expect(l.ciExact.low).toBe(0);
  });
  it('k = n·p0 gives p = 1; k = 0 and k = n give CI ends 0/1', () => {
    expect(binomialTest(500, 1000).pValue).toBe(1);
    expect(binomialTest(0, 10).ciExact.low).toBe(0);
    expect(binomialTest(10, 10).ciWilson.high).toBe(1);
    expect(binomialTest(0, 10).pValue).toBeCloseTo(2 / 1024, 15);
  });
  it('validates input', () => {
    expect(() => binomialTest(11, 10)).toThrow('binomialTest: k must be an integer with 0 <= k <= n (got k=11, n=10)');
    expect(() => binomialTest(1, 10, { p: 1.5 })).toThrow(/p must be in \[0, 1\]/);
  });
});
