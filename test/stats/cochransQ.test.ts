import { describe, expect, it } from 'vitest';
import { cochransQ } from '../../src/stats/cochransQ.js';
import { mcnemar } from '../../src/stats/mcnemar.js';

describe('cochransQ', () => {
  it('hand-computed k = 3 example: Q = 4, p = exp(−2)', () => {
    const r = cochransQ([
      [1, 1, 0],
      [1, 0, 0],
      [1, 1, 1],
      [0, 0, 0],
      [1, 0, 1],
      [1, 1, 0],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    // C = (6, 4, 2), T = 12, ΣR² = 4+1+9+0+4+4+1+1 = 24: Q = 2·(3·56 − 144)/(36 − 24) = 4
    expect(r.statistic).toBeCloseTo(4, 14);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(Math.exp(-2), 14);
  });
  it('k = 2 equals the uncorrected McNemar statistic', () => {
    const rows = [...Array(7).fill([1, 0]), ...Array(2).fill([0, 1]), ...Array(5).fill([1, 1]), ...Array(4).fill([0, 0])] as number[][];
    const q = cochransQ(rows);
    const m = mcnemar(7, 2, { method: 'asymptotic' });
    expect(q.statistic).toBeCloseTo(m.statistic, 14);
    expect(q.pValue).toBeCloseTo(m.pValue, 14);
  });
  it('all rows constant gives NaN; column order does not matter', () => {
    expect(
      cochransQ([
        [1, 1, 1],
        [0, 0, 0],
      ]).statistic,
    ).toBeNaN();
    const x = [
      [1, 0, 0],
      [1, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
    ];
    const perm = x.map((r) => [r[2]!, r[0]!, r[1]!]);
    expect(cochransQ(perm).statistic).toBeCloseTo(cochransQ(x).statistic, 14);
  });
  it('validates input', () => {
    expect(() => cochransQ([[1, 2, 0]])).toThrow('cochransQ: entries must be 0 or 1 (got x[0][1]=2)');
    expect(() => cochransQ([[1], [0]])).toThrow(/at least 2 conditions/);
    expect(() => cochransQ([[1, 0], [1]])).toThrow(/every row must have k=2/);
    expect(() => cochransQ([])).toThrow(/non-empty/);
  });
});
