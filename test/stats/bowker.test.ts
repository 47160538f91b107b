import { describe, expect, it } from 'vitest';
import { bowker } from '../../src/stats/bowker.js';
import { chiSquareSf } from '../../src/stats/distributions.js';

describe('bowker', () => {
  it('sums (n_ij − n_ji)²/(n_ij + n_ji) over i < j', () => {
    const r = bowker([
      [20, 10, 5],
      [3, 30, 15],
      [0, 5, 40],
    ]);
    const stat = 49 / 13 + 25 / 5 + 100 / 20;
    expect(r.statistic).toBeCloseTo(stat, 13);
    expect(r.df).toBe(3);
    expect(r.pValue).toBeCloseTo(chiSquareSf(stat, 3), 15);
  });
  it('empty off-diagonal pairs contribute 0 and keep df; transpose invariant', () => {
    const t = [
      [10, 4, 0],
      [1, 12, 3],
      [0, 6, 9],
    ];
    const r = bowker(t);
    expect(r.statistic).toBeCloseTo(9 / 5 + 9 / 9, 13);
    expect(r.df).toBe(3);
    const tt = t.map((_, i) => t.map((row) => row[i]!));
    expect(bowker(tt).statistic).toBeCloseTo(r.statistic, 14);
  });
  it('validates input', () => {
    expect(() => bowker([])).toThrow(/non-empty k x k/);
  });
});

describe('bowker empty pairs', () => {
  it("an empty off-diagonal pair contributes 0 (statsmodels) or makes the statistic NaN (R's mcnemar.test)", () => {
    const table = [
      [10, 4, 0],
      [1, 12, 3],
      [0, 5, 9],
    ];
    expect(bowker(table).statistic).toBeCloseTo(9 / 5 + 4 / 8, 14);
    const r = bowker(table, { emptyPairs: 'nan' });
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.df).toBe(3);
  });
});
