import { describe, expect, it } from 'vitest';
import { chiSquareHomogeneity } from '../../src/stats/chiSquareHomogeneity.js';

/** scipy.stats.chi2_contingency(table, correction=False), scipy 1.17.1. */
const SCIPY: [number[][], number, number, number][] = [
  [
    [
      [12, 5],
      [3, 9],
      [7, 7],
    ],
    5.86226763432646,
    2,
    0.05333652997596497,
  ],
  [
    [
      [10, 2, 3],
      [4, 8, 1],
    ],
    7.064615384615384,
    2,
    0.029237367108968786,
  ],
  [
    [
      [1, 0],
      [0, 1],
      [5, 5],
      [2, 9],
    ],
    4.765530303030303,
    3,
    0.1897936048463888,
  ],
  [
    [
      [40, 1],
      [2, 38],
    ],
    69.48176092200482,
    1,
    7.712441354109248e-17,
  ],
];

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(1e-9);

describe('chiSquareHomogeneity', () => {
  it.each(SCIPY)('matches scipy chi2_contingency without correction: %j', (table, statistic, df, p) => {
    const r = chiSquareHomogeneity(table);
    close(r.statistic, statistic);
    expect(r.df).toBe(df);
    close(r.pValue, p);
  });
  it('leaves empty rows and columns out of the sum and the degrees of freedom', () => {
    const withEmpty = chiSquareHomogeneity([
      [12, 5, 0],
      [0, 0, 0],
      [3, 9, 0],
      [7, 7, 0],
    ]);
    const without = chiSquareHomogeneity([
      [12, 5],
      [3, 9],
      [7, 7],
    ]);
    expect(withEmpty).toEqual(without);
  });
  it('is undefined with fewer than two non-empty rows or columns', () => {
    expect(
      chiSquareHomogeneity([
        [3, 4],
        [0, 0],
      ]),
    ).toEqual({ statistic: NaN, df: 0, pValue: NaN });
    expect(
      chiSquareHomogeneity([
        [3, 0],
        [5, 0],
      ]),
    ).toEqual({ statistic: NaN, df: 0, pValue: NaN });
  });
  it('validates input and names itself', () => {
    expect(() => chiSquareHomogeneity([])).toThrow(/chiSquareHomogeneity: table must be a non-empty/);
    expect(() => chiSquareHomogeneity([[1, 2], [3]])).toThrow(/chiSquareHomogeneity: every row must have 2 entries/);
    expect(() => chiSquareHomogeneity([[1, -2]])).toThrow(/non-negative/);
  });
});
