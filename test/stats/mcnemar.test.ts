import { describe, expect, it } from 'vitest';
import { mcnemar } from '../../src/stats/mcnemar.js';

describe('mcnemar', () => {
  it('exact: statistic min(b,c), p = 2·P(X ≤ 2 | 7, ½) = 58/128', () => {
    const r = mcnemar(5, 2);
    expect(r).toMatchObject({ method: 'exact', b: 5, c: 2, nDiscordant: 7, statistic: 2 });
    expect(r.pValue).toBeCloseTo(0.453125, 14);
    expect(r.df).toBeUndefined();
  });
  it('mid-p = 2·[P(X ≤ 1) + ½P(X = 2)] = 37/128', () => {
    expect(mcnemar(5, 2, { method: 'midp' }).pValue).toBeCloseTo(37 / 128, 14);
    expect(mcnemar(7, 7, { method: 'midp' }).pValue).toBeCloseTo(1, 14);
  });
  it('asymptotic with and without the statsmodels continuity correction', () => {
    const a = mcnemar(5, 2, { method: 'asymptotic' });
    expect(a.statistic).toBeCloseTo(9 / 7, 14);
    expect(a.df).toBe(1);
    expect(a.pValue).toBeCloseTo(0.2568392579578533, 13);
    const cc = mcnemar(5, 2, { method: 'asymptotic', correction: true });
    expect(cc.statistic).toBeCloseTo(4 / 7, 14);
    // statsmodels applies the −1 even when b = c; R (the default convention) does not
    expect(mcnemar(7, 7, { method: 'asymptotic', correction: true, ccConvention: 'statsmodels' }).statistic).toBeCloseTo(1 / 14, 14);
    expect(mcnemar(7, 7, { method: 'asymptotic_cc', ccConvention: 'statsmodels' }).pValue).toBeCloseTo(0.7892680261342813, 13);
    expect(mcnemar(7, 7, { method: 'asymptotic_cc' })).toMatchObject({ statistic: 0, pValue: 1, correction: true });
    // asymptotic_cc is asymptotic with the correction
    expect(mcnemar(5, 2, { method: 'asymptotic_cc' })).toMatchObject({ statistic: cc.statistic, pValue: cc.pValue, correction: true });
    expect(() => mcnemar(5, 2, { method: 'asymptotic_cc', ccConvention: 'sas' as never })).toThrow(/mcnemar: ccConvention/);
  });
  it('keeps tiny p-values on the log scale (logPValue) where p underflows', () => {
    // exact: p = 2·2^-n for b = n, c = 0
    expect(mcnemar(2000, 0).pValue).toBe(0);
    expect(mcnemar(2000, 0).logPValue).toBeCloseTo(-1999 * Math.log(2), 9);
    expect(mcnemar(25, 0).logPValue).toBeCloseTo(Math.log(2 ** -24), 12);
    // mid-p: 2·½·2^-n = 2^-n
    expect(mcnemar(2000, 0, { method: 'midp' }).logPValue).toBeCloseTo(-2000 * Math.log(2), 9);
    // asymptotic: X² = 2000, log P(χ²₁ ≥ 2000) = log erfc(√1000)
    const a = mcnemar(2000, 0, { method: 'asymptotic' });
    expect(a.pValue).toBe(0);
    expect(a.logPValue).toBeLessThan(-1000);
    expect(mcnemar(5, 2, { method: 'asymptotic' }).logPValue).toBeCloseTo(Math.log(0.2568392579578533), 12);
    expect(mcnemar(5, 2).logPValue).toBeCloseTo(Math.log(0.453125), 12);
  });
  it('is symmetric in b and c', () => {
    for (const method of ['exact', 'midp', 'asymptotic'] as const) {
      expect(mcnemar(150, 86, { method }).pValue).toBe(mcnemar(86, 150, { method }).pValue);
    }
  });
  it('no discordant pairs: exact p = 1, asymptotic NaN (statsmodels nonsense only on request)', () => {
    expect(mcnemar(0, 0).pValue).toBe(1);
    expect(mcnemar(0, 0, { method: 'midp' }).pValue).toBe(1);
    expect(mcnemar(0, 0, { method: 'asymptotic' }).pValue).toBeNaN();
    expect(mcnemar(0, 0, { method: 'asymptotic', correction: true }).statistic).toBeNaN();
    const sm = mcnemar(0, 0, { method: 'asymptotic', correction: true, zeroDiscordant: 'statsmodels' });
    expect(sm.statistic).toBe(Infinity);
    expect(sm.pValue).toBe(0);
  });
  it('perfect separation: p = 2^-24', () => {
    expect(mcnemar(25, 0).pValue).toBeCloseTo(2 ** -24, 20);
  });
  it('rejects bad input with a clear message', () => {
    expect(() => mcnemar(-1, 2)).toThrow('mcnemar: b and c must be non-negative integers (got b=-1)');
    expect(() => mcnemar(1, 2.5)).toThrow(/got c=2.5/);
    // @ts-expect-error invalid method on purpose
    expect(() => mcnemar(1, 2, { method: 'bogus' })).toThrow(/method must be one of/);
  });
});
