import { describe, expect, it } from 'vitest';
import { mcnemar } from '../../src/stats/mcnemar.js';
import { stuartMaxwell } from '../../src/stats/stuartMaxwell.js';

describe('stuartMaxwell', () => {
  it('k = 2 reduces to the uncorrected McNemar test', () => {
    const r = stuartMaxwell([
      [10, 5],
      [2, 13],
    ]);
    expect(r.statistic).toBeCloseTo(9 / 7, 12);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeCloseTo(mcnemar(5, 2, { method: 'asymptotic' }).pValue, 12);
  });
  it('k = 3 example and symmetric table', () => {
    expect(
      stuartMaxwell([
        [20, 10, 5],
        [3, 30, 15],
        [0, 5, 40],
      ]).statistic,
    ).toBeCloseTo(13.76470588235294, 11);
    expect(
      stuartMaxwell([
        [10, 3, 2],
        [3, 8, 4],
        [2, 4, 12],
      ]).statistic,
    ).toBeCloseTo(0, 12);
  });
  it('singular covariance gives NaN', () => {
    // category 0 has no off-diagonal counts
    const r = stuartMaxwell([
      [5, 0, 0],
      [0, 3, 4],
      [0, 1, 6],
    ]);
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
  });
  it('validates input', () => {
    expect(() => stuartMaxwell([[1, 2], [3]])).toThrow(/table must be square/);
    expect(() =>
      stuartMaxwell([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow('stuartMaxwell: counts must be finite and non-negative (got table[0][1]=-2)');
  });
});
