import { describe, expect, it } from 'vitest';
import { friedman } from '../../src/stats/friedman.js';

describe('friedman', () => {
  it('perfect ordering, n = 6, k = 4: χ² = 0.1·1080 − 90 = 18', () => {
    const r = friedman(Array.from({ length: 6 }, () => [1, 2, 3, 4]));
    expect(r.statistic).toBeCloseTo(18, 12);
    expect(r.df).toBe(3);
    expect(r.rankSums).toEqual([6, 12, 18, 24]);
    expect(r.pValue).toBeCloseTo(0.0004398496528388289, 15);
  });
  it('tie correction', () => {
    // blocks: (1,2,3) ranks 1,2,3 ; (2,2,2) ranks 2,2,2 ; R = (3,4,5), ΣR² = 50
    const r = friedman([
      [1, 2, 3],
      [2, 2, 2],
    ]);
    const c = 1 - 24 / (3 * 8 * 2);
    expect(r.statistic).toBeCloseTo(((12 / (3 * 2 * 4)) * 50 - 3 * 2 * 4) / c, 12);
  });
  it('all blocks fully tied gives NaN; invariant to monotone transforms within blocks', () => {
    expect(
      friedman([
        [1, 1, 1],
        [2, 2, 2],
      ]).statistic,
    ).toBeNaN();
    const d = [
      [0.1, 0.5, 0.3],
      [2, 1, 3],
      [5, 6, 4],
      [1, 3, 2],
    ];
    expect(friedman(d.map((r) => r.map((v) => Math.exp(v)))).statistic).toBeCloseTo(friedman(d).statistic, 12);
  });
  it('validates input', () => {
    expect(() => friedman([[1, 2]])).toThrow('friedman: need at least 3 treatments (got k=2)');
    expect(() =>
      friedman([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow(/every block must have k=3/);
  });
});
