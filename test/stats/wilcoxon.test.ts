import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon.js';

describe('wilcoxonSignedRank', () => {
  it('exact, n = 3: R+ = 5, R− = 1, p = 2·P(R+ ≤ 1) = 2·2/8', () => {
    const r = wilcoxonSignedRank([1, 2, 3.5], [0.5, 2.3, 1.0]);
    expect(r).toMatchObject({ method: 'exact', statistic: 1, rPlus: 5, rMinus: 1, nUsed: 3, nZero: 0 });
    expect(r.pValue).toBeCloseTo(0.5, 15);
  });
  it('exact, all positive n = 8: p = 2/2^8', () => {
    const x = [1.5, 2.25, 3, 4.75, 5.5, 6, 7.25, 8.5];
    const r = wilcoxonSignedRank(
      x,
      x.map(() => 0),
    );
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBeCloseTo(2 / 256, 15);
    expect(
      wilcoxonSignedRank(
        x,
        x.map(() => 0),
        { alternative: 'greater' },
      ).pValue,
    ).toBeCloseTo(1 / 256, 15);
    expect(
      wilcoxonSignedRank(
        x,
        x.map(() => 0),
        { alternative: 'less' },
      ).pValue,
    ).toBeCloseTo(1, 15);
  });
  it('normal approximation with ties, zeros and continuity correction (hand-checked)', () => {
    // d = [1, 2, 0, 0, 1, 2, 1, 2, −1, 2, 0, 2]: nonzero |d| ranks: 1s → 2.5, 2s → 7 ; R+ = 42.5, R− = 2.5
    const x = [3, 5, 4, 2, 5, 3, 4, 4, 1, 5, 2, 3];
    const y = [2, 3, 4, 2, 4, 1, 3, 2, 2, 3, 2, 1];
    const r = wilcoxonSignedRank(x, y, { method: 'approx' });
    expect(r).toMatchObject({ statistic: 2.5, rPlus: 42.5, rMinus: 2.5, nUsed: 9, nZero: 3 });
    const sigma = Math.sqrt((9 * 10 * 19) / 24 - (4 ** 3 - 4 + 5 ** 3 - 5) / 48);
    expect(r.zStatistic).toBeCloseTo((2.5 - 22.5) / sigma, 14);
    const cc = wilcoxonSignedRank(x, y, { method: 'approx', correction: true });
    expect(cc.zStatistic).toBeCloseTo((2.5 - 22.5 + 0.5) / sigma, 14);
    const pratt = wilcoxonSignedRank(x, y, { method: 'approx', zeroMethod: 'pratt' });
    expect(pratt).toMatchObject({ rPlus: 66.5, rMinus: 5.5, nUsed: 12 });
  });
  it('exact with ties equals brute-force enumeration of all 2^n sign patterns', () => {
    const d = [1, 1, 2, -3, 2, 0.5, -1, 4];
    const { ranks, plus } = { ranks: [3, 3, 5.5, 7, 5.5, 1, 3, 8], plus: [true, true, true, false, true, true, false, true] };
    const obs = ranks.reduce((s, r, i) => s + (plus[i] ? r : 0), 0);
    let le = 0;
    let ge = 0;
    const n = d.length;
    for (let mask = 0; mask < 1 << n; mask++) {
      let s = 0;
      for (let i = 0; i < n; i++) if (mask & (1 << i)) s += ranks[i]!;
      if (s <= obs) le++;
      if (s >= obs) ge++;
    }
    const r = wilcoxonSignedRank(
      d,
      d.map(() => 0),
    );
    expect(r.rPlus).toBe(obs);
    expect(r.pValue).toBeCloseTo(Math.min(1, (2 * Math.min(le, ge)) / 2 ** n), 15);
  });
  it('swapping x and y swaps R+ and R− and keeps the two-sided p', () => {
    const x = [0.3, 1.2, -0.4, 2.2, 0.9, 1.7];
    const y = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    const a = wilcoxonSignedRank(x, y);
    const b = wilcoxonSignedRank(y, x);
    expect(a.rPlus).toBe(b.rMinus);
    expect(a.pValue).toBeCloseTo(b.pValue, 15);
  });
  it('throws when all differences are zero or input is malformed', () => {
    expect(() => wilcoxonSignedRank([1, 2], [1, 2])).toThrow(/all differences x - y are zero/);
    expect(() => wilcoxonSignedRank([1, 2], [1])).toThrow('wilcoxonSignedRank: x and y must have the same length (got 2 and 1)');
    expect(() => wilcoxonSignedRank([1, NaN], [0, 0])).toThrow(/finite numbers/);
  });
});
