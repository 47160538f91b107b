import { describe, expect, it } from 'vitest';
import { chiSquareSf, studentTSf } from '../../src/stats/distributions.js';
import { waldTest } from '../../src/stats/waldTest.js';

describe('waldTest', () => {
  it('with one coefficient is the two-sided t test', () => {
    for (const [beta, variance, df] of [
      [2, 1, 10],
      [-0.3, 0.02, 4],
      [1e-3, 4, 200],
    ] as const) {
      const r = waldTest([beta], [[variance]], df);
      const t = beta / Math.sqrt(variance);
      expect(r.statistic).toBeCloseTo(t * t, 12);
      expect(Math.abs(r.pValue - 2 * studentTSf(Math.abs(t), df)) / r.pValue).toBeLessThan(1e-9);
    }
  });

  it('uses the full covariance, and tends to the chi-square test as the denominator df grow', () => {
    const beta = [0.1, -0.05];
    const v = [
      [0.002, 0.001],
      [0.001, 0.003],
    ];
    // W = βᵀV⁻¹β with V⁻¹ = [[0.003, -0.001], [-0.001, 0.002]] / det, det = 0.000005: W = 9
    const w = (0.003 * 0.01 - 2 * 0.001 * (0.1 * -0.05) + 0.002 * 0.0025) / 0.000005;
    const r = waldTest(beta, v, 1e9);
    expect(r.statistic).toBeCloseTo(w / 2, 9);
    expect(Math.abs(r.pValue - chiSquareSf(w, 2)) / chiSquareSf(w, 2)).toBeLessThan(1e-6);
  });

  it('gives NaN for a singular covariance and names the broken constraint', () => {
    expect(
      waldTest(
        [1, 1],
        [
          [1, 1],
          [1, 1],
        ],
        5,
      ).pValue,
    ).toBeNaN();
    expect(() => waldTest([], [], 5)).toThrow(/waldTest: at least one coefficient/);
    expect(() => waldTest([1], [[1, 0]], 5)).toThrow(/waldTest: covariance must be 1 × 1/);
    expect(() => waldTest([1], [[1]], 0)).toThrow(/waldTest: denominatorDf must be positive/);
  });
});
