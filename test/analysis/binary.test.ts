import { describe, expect, it } from 'vitest';
import { raoScottPairedIntervals } from '../../src/stats/raoScottPairedIntervals.js';
import { binaryContrast, countPairs, type BinaryPair } from '../../src/analysis/binary.js';
import { clusteredMcNemar } from '../../src/stats/clusteredMcnemar.js';
import { mantelHaenszel } from '../../src/stats/mantelHaenszel.js';

/** Pairs from a paired 2x2 table: n11 both, n10 level only, n01 reference only, n00 neither. */
function pairsFrom(n11: number, n10: number, n01: number, n00: number, replicatesPerVignette = 1): BinaryPair[] {
  const cells: [boolean, boolean, number][] = [
    [true, true, n11],
    [true, false, n10],
    [false, true, n01],
    [false, false, n00],
  ];
  const out: BinaryPair[] = [];
  for (const [level, reference, count] of cells)
    for (let i = 0; i < count; i++)
      out.push({ vignetteId: `v${String(Math.floor(out.length / replicatesPerVignette)).padStart(4, '0')}`, level, reference });
  return out;
}

describe('binaryContrast', () => {
  it('one pair per vignette: exact McNemar and Newcombe interval, matching the reference values', () => {
    // mcnemar.json "small": [[10, 5], [2, 13]] -> exact p 0.453125; proportion_ci "negative_assoc" style check via Newcombe
    const r = binaryContrast(countPairs(pairsFrom(10, 5, 2, 13)), { seed: 1, bootstrapResamples: 200 });
    expect(r.test).toBe('mcnemar-exact');
    expect(r.p).toBeCloseTo(0.453125, 14);
    expect(r.statistic).toBe(2);
    expect(r.nPairs).toBe(30);
    expect(r.rateLevel).toBeCloseTo(15 / 30, 15);
    expect(r.rateReference).toBeCloseTo(12 / 30, 15);
    expect(r.difference).toBeCloseTo(0.1, 15);
    expect(r.ratio).toBeCloseTo(15 / 12, 15);
    expect(r.ciMethod).toBe('newcombe');
    expect(r.differenceCi![0]).toBeLessThan(0.1);
    expect(r.differenceCi![1]).toBeGreaterThan(0.1);
    expect(r.ratioCi![0]).toBeLessThan(r.ratio);
  });

  it('matches the published Newcombe interval (proportion_ci "cavo2012")', () => {
    // estimate -0.0621..., CI -0.11862119563870999 to -0.004625113933050047 for the table in the fixture
    // [[n11, n10], [n01, n00]] = [[59, 6], [16, 80]] (161 pairs): level = x
    const r = binaryContrast(countPairs(pairsFrom(59, 6, 16, 80)), { seed: 1, bootstrapResamples: 100 });
    expect(r.difference).toBeCloseTo(-0.06211180124223603, 14);
    expect(r.differenceCi![0]).toBeCloseTo(-0.11862119563870999, 12);
    expect(r.differenceCi![1]).toBeCloseTo(-0.004625113933050047, 12);
  });

  it('several pairs per vignette: clustered McNemar, Mantel-Haenszel odds ratio and Rao-Scott intervals', () => {
    const pairs = pairsFrom(20, 30, 6, 64, 3);
    const r = binaryContrast(countPairs(pairs), { seed: 9, bootstrapResamples: 500 });
    expect(r.test).toBe('clustered-mcnemar');
    expect(r).toMatchObject({ ciMethod: 'rao-scott', ratioCiMethod: 'rao-scott', nVignettes: 40 });
    const rs = raoScottPairedIntervals(countPairs(pairs));
    expect(r.differenceCi).toEqual([rs.difference.low, rs.difference.high]);
    expect(r.ratioCi).toEqual([rs.ratio!.low, rs.ratio!.high]);
    const strata = new Map<string, number[][]>();
    for (const p of pairs) {
      const t = strata.get(p.vignetteId) ?? [
        [0, 0],
        [0, 0],
      ];
      t[0]![p.level ? 0 : 1]!++;
      t[1]![p.reference ? 0 : 1]!++;
      strata.set(p.vignetteId, t);
    }
    const mh = mantelHaenszel([...strata.keys()].sort().map((k) => strata.get(k)!));
    const bk = new Map<string, number>();
    const ck = new Map<string, number>();
    for (const p of pairs) {
      bk.set(p.vignetteId, (bk.get(p.vignetteId) ?? 0) + (p.level && !p.reference ? 1 : 0));
      ck.set(p.vignetteId, (ck.get(p.vignetteId) ?? 0) + (p.reference && !p.level ? 1 : 0));
    }
    const ids = [...bk.keys()].sort();
    expect(r.p).toBe(
      clusteredMcNemar(
        ids.map((k) => bk.get(k)!),
        ids.map((k) => ck.get(k)!),
      ).pValue,
    );
    expect(r.oddsRatio).toBe(mh.oddsRatio);
    expect(r.p).toBeLessThan(0.05); // discordant pairs bunch in a few vignettes here, so the clustered test is cautious
    expect(r.differenceCi![0]).toBeGreaterThan(0);
    expect(binaryContrast(countPairs(pairs), { seed: 9, bootstrapResamples: 500 })).toEqual(r);
  });

  it('no discordant pairs means no evidence: p = 1, difference 0, and intervals that keep their width', () => {
    const r = binaryContrast(countPairs(pairsFrom(4, 0, 0, 6, 2)), { seed: 2, bootstrapResamples: 100 });
    expect(r.p).toBe(1);
    expect(r.difference).toBe(0);
    expect(r.ratio).toBe(1);
    // neither [0, 0] nor [1, 1]: zero discordant pairs in 10 is compatible with a real difference
    expect(r.differenceCi![0]).toBeLessThan(-0.05);
    expect(r.differenceCi![1]).toBeGreaterThan(0.05);
    expect(r.ratioCi![0]).toBeLessThan(0.9);
    expect(r.ratioCi![1]).toBeGreaterThan(1.1);
    const single = binaryContrast(countPairs(pairsFrom(8, 0, 0, 12)), { seed: 2, bootstrapResamples: 100 });
    expect(single).toMatchObject({ ciMethod: 'newcombe', ratioCiMethod: 'bonett-price' });
    expect(single.differenceCi![0]).toBeLessThan(-0.05);
    expect(single.ratioCi![1]).toBeGreaterThan(1.1);
  });

  it('no events at all: a proper difference interval, and no ratio interval (0/0 is undefined)', () => {
    for (const replicates of [1, 3]) {
      const r = binaryContrast(countPairs(pairsFrom(0, 0, 0, 15, replicates)), { seed: 2, bootstrapResamples: 100 });
      expect(r.ratioCi).toBeNull();
      expect(r.differenceCi![0]).toBeLessThan(-0.05);
      expect(r.differenceCi![1]).toBeGreaterThan(0.05);
    }
  });

  it('the comparison intervals (bootstrap, sandwich) give no interval rather than a point when no pair is discordant', () => {
    for (const intervals of ['bootstrap', 'cluster-robust'] as const) {
      const r = binaryContrast(countPairs(pairsFrom(4, 0, 0, 6, 2)), { seed: 2, bootstrapResamples: 100, intervals });
      expect(r.differenceCi).toBeNull();
      expect(r.ratioCi).toBeNull();
    }
  });

  it('keeps p on the log scale where it underflows (logP), one pair or several per vignette', () => {
    const single = binaryContrast(countPairs(pairsFrom(0, 1500, 0, 500)), { seed: 1, bootstrapResamples: 0 });
    expect(single.p).toBe(0);
    expect(single.logP).toBeCloseTo(-1499 * Math.log(2), 8);
    const clustered = binaryContrast(countPairs(pairsFrom(0, 9000, 30, 600, 3)), { seed: 1, bootstrapResamples: 0 });
    expect(clustered.p).toBe(0);
    expect(clustered.logP).toBeLessThan(-745); // below the smallest double
    expect(Number.isFinite(clustered.logP)).toBe(true);
    const ordinary = binaryContrast(countPairs(pairsFrom(10, 5, 2, 13)), { seed: 1, bootstrapResamples: 0 });
    expect(ordinary.logP).toBeCloseTo(Math.log(0.453125), 12);
  });
});
