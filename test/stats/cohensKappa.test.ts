import { describe, expect, it } from 'vitest';
import { cohensKappa } from '../../src/stats/cohensKappa.js';

describe('cohensKappa', () => {
  const t = [
    [20, 5],
    [10, 15],
  ];
  it('p_o = 0.7, p_e = 0.5 → κ = 0.4; SE0 and z by hand', () => {
    const r = cohensKappa(t);
    expect(r.kappa).toBeCloseTo(0.4, 15);
    // var0 = (p_e + p_e² − Σ r_i c_i (r_i + c_i)) / ((1 − p_e)² n)
    const var0 = (0.5 + 0.25 - (0.5 * 0.6 * 1.1 + 0.5 * 0.4 * 0.9)) / (0.25 * 50);
    expect(r.stdKappa0).toBeCloseTo(Math.sqrt(var0), 15);
    expect(r.z).toBeCloseTo(0.4 / Math.sqrt(var0), 13);
    expect(r.ciHigh - r.kappa).toBeCloseTo(1.959963984540054 * r.stdKappa, 14);
  });
  it('for k = 2 quadratic weights give the unweighted kappa', () => {
    const a = cohensKappa(t);
    const b = cohensKappa(t, { weights: 'quadratic' });
    expect(b.kappa).toBeCloseTo(a.kappa, 14);
    expect(b.stdKappa).toBeCloseTo(a.stdKappa, 14);
    expect(b.stdKappa0).toBeCloseTo(a.stdKappa0, 14);
  });
  it('perfect agreement: κ = 1, SE = 0', () => {
    const r = cohensKappa([
      [10, 0, 0],
      [0, 5, 0],
      [0, 0, 7],
    ]);
    expect(r.kappa).toBe(1);
    expect(r.stdKappa).toBeLessThan(1e-12);
  });
  it('is invariant to transposing the table (swapping raters)', () => {
    const x = [
      [25, 3, 2],
      [4, 20, 6],
      [1, 5, 34],
    ];
    const xt = x.map((_, i) => x.map((row) => row[i]!));
    for (const weights of ['none', 'linear', 'quadratic'] as const) {
      expect(cohensKappa(xt, { weights }).kappa).toBeCloseTo(cohensKappa(x, { weights }).kappa, 14);
    }
  });
  it('validates input', () => {
    expect(() => cohensKappa([[1]])).toThrow(/k >= 2/);
    expect(() =>
      cohensKappa([
        [1, 2],
        [3, -4],
      ]),
    ).toThrow('cohensKappa: counts must be finite and non-negative (got table[1][1]=-4)');
    expect(() =>
      cohensKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toThrow(/at least one observation/);
  });
});

describe('cohensKappa interval respects [−1, 1]', () => {
  it('truncates the Wald limits by default (near-perfect agreement would reach past 1); interval: wald keeps them', () => {
    const table = [
      [40, 1],
      [1, 8],
    ];
    const wald = cohensKappa(table, { interval: 'wald' });
    expect(wald.ciHigh).toBeGreaterThan(1);
    const bounded = cohensKappa(table);
    expect(bounded.ciHigh).toBe(1);
    expect(bounded.ciLow).toBe(wald.ciLow);
    expect(bounded.stdKappa).toBe(wald.stdKappa);
    // kappa.json complete_disagreement: Wald −1.1324580088682972 to −0.8347551058858007
    const opposite = [
      [0, 10],
      [12, 0],
    ];
    expect(cohensKappa(opposite, { interval: 'wald' }).ciLow).toBeCloseTo(-1.1324580088682972, 12);
    expect(cohensKappa(opposite).ciLow).toBe(-1);
    expect(cohensKappa(opposite).ciHigh).toBeCloseTo(-0.8347551058858007, 12);
    expect(() => cohensKappa(table, { interval: 'bootstrap' as never })).toThrow(/cohensKappa: interval must be/);
  });
});
