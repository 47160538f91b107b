import { describe, expect, it } from 'vitest';
import { multipleTests } from '../../src/stats/multipleTests.js';

const p = [0.01, 0.02, 0.03, 0.04, 0.05];

describe('multipleTests', () => {
  it('reject decisions follow statsmodels', () => {
    expect(multipleTests(p, 'bh').reject).toEqual([true, true, true, true, true]);
    expect(multipleTests(p, 'holm').reject).toEqual([true, false, false, false, false]);
  });
  it('bonferroni rejects p <= alpha/m; NaN is never rejected; adjusted values included', () => {
    const r = multipleTests([0.01, NaN, 0.02, 0.5], 'bonferroni', 0.05);
    expect(r.reject).toEqual([true, false, false, false]);
    expect(r.adjusted[0]).toBeCloseTo(0.03, 15);
    expect(r.adjusted[1]).toBeNaN();
  });
  it('validates alpha', () => {
    expect(() => multipleTests(p, 'holm', 1.5)).toThrow('multipleTests: alpha must be in (0, 1) (got alpha=1.5)');
  });
});
