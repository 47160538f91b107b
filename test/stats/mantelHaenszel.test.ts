import { describe, expect, it } from 'vitest';
import { mantelHaenszel, mantelHaenszelOddsRatio } from '../../src/stats/mantelHaenszel.js';
import { createRng } from '../../src/stats/rng.js';

describe('mantelHaenszel', () => {
  it('single stratum: OR_MH = ad/bc and the RBG SE equals Woolf’s √(1/a+1/b+1/c+1/d)', () => {
    const r = mantelHaenszel([
      [
        [12, 8],
        [6, 14],
      ],
    ]);
    expect(r.oddsRatio).toBeCloseTo((12 * 14) / (8 * 6), 14);
    expect(r.logOddsRatioSe).toBeCloseTo(Math.sqrt(1 / 12 + 1 / 8 + 1 / 6 + 1 / 14), 14);
    expect(r.riskRatio).toBeCloseTo(12 / 20 / (6 / 20), 14);
    expect(r.breslowDay.df).toBe(0);
    expect(r.breslowDay.pValue).toBeNaN();
  });
  it('matched pairs as strata give OR_MH = b/c', () => {
    const concordant = [
      [1, 0],
      [1, 0],
    ];
    const b = [
      [1, 0],
      [0, 1],
    ];
    const c = [
      [0, 1],
      [1, 0],
    ];
    const tables = [...Array(12).fill(b), ...Array(5).fill(c), ...Array(4).fill(concordant)] as number[][][];
    const r = mantelHaenszel(tables);
    expect(r.oddsRatio).toBeCloseTo(12 / 5, 14);
    // CMH without correction equals McNemar (b − c)²/(b + c)
    expect(r.cmh.statistic).toBeCloseTo(49 / 17, 13);
  });
  it('CMH continuity correction subtracts ½ (statsmodels convention)', () => {
    const tables = [
      [
        [10, 20],
        [5, 25],
      ],
      [
        [8, 12],
        [6, 14],
      ],
    ];
    const r = mantelHaenszel(tables);
    // E[a] = 30·15/60 + 20·14/40 = 14.5 ; Σa − ΣE = 3.5 ; ΣVar = 30·30·15·45/(60²·59) + 20·20·14·26/(40²·39)
    const denom = (30 * 30 * 15 * 45) / (3600 * 59) + (20 * 20 * 14 * 26) / (1600 * 39);
    expect(r.cmh.statistic).toBeCloseTo(3.5 ** 2 / denom, 13);
    expect(r.cmhCorrected.statistic).toBeCloseTo(3 ** 2 / denom, 13);
  });
  it('homogeneous strata: Breslow–Day ≈ 0; pooled OR = 1 exactly gives NaN (statsmodels)', () => {
    const same = [
      [
        [10, 20],
        [5, 20],
      ],
      [
        [20, 40],
        [10, 40],
      ],
    ];
    expect(mantelHaenszel(same).breslowDay.statistic).toBeCloseTo(0, 10);
    const het = mantelHaenszel([
      [
        [20, 5],
        [5, 20],
      ],
      [
        [5, 20],
        [20, 5],
      ],
    ]);
    expect(het.oddsRatio).toBe(1);
    expect(het.breslowDay.statistic).toBeNaN();
  });
  it('validates input', () => {
    expect(() => mantelHaenszel([])).toThrow(/non-empty array of 2x2 tables/);
    expect(() =>
      mantelHaenszel([
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ]),
    ).toThrow('mantelHaenszel: every stratum must be a 2x2 table [[a, b], [c, d]] (stratum 0 is not)');
    expect(() =>
      mantelHaenszel([
        [
          [1, 2],
          [3, -1],
        ],
      ]),
    ).toThrow(/finite and non-negative/);
  });
});

describe('mantelHaenszel continuity-correction conventions', () => {
  it("statsmodels subtracts ½ even when |Σa − ΣE[a]| < ½; R's mantelhaen.test does not", () => {
    // heterogeneous_or fixture: OR_MH = 1 exactly, |Σa − ΣE[a]| = 0
    const tables = [
      [
        [20, 10],
        [10, 20],
      ],
      [
        [10, 20],
        [20, 10],
      ],
    ];
    expect(mantelHaenszel(tables).cmhCorrected.statistic).toBeGreaterThan(0);
    const r = mantelHaenszel(tables, { ccConvention: 'r' });
    expect(r.cmhCorrected).toEqual({ statistic: 0, pValue: 1, df: 1 });
    // above ½ both conventions correct
    const three = [
      [
        [10, 20],
        [5, 25],
      ],
      [
        [8, 12],
        [6, 14],
      ],
      [
        [15, 35],
        [9, 41],
      ],
    ];
    expect(mantelHaenszel(three, { ccConvention: 'r' }).cmhCorrected.statistic).toBeCloseTo(3.6736330402652024, 12);
    expect(() => mantelHaenszel(three, { ccConvention: 'sas' as never })).toThrow(/mantelHaenszel: ccConvention/);
  });
  it("mantelHaenszelOddsRatio is the full analysis's odds ratio to the last bit, over many strata (pairwise sums)", () => {
    const rng = createRng(7);
    const count = () => Math.floor(rng() * 6);
    for (const k of [1, 7, 130, 1000]) {
      const tables = Array.from({ length: k }, (): [[number, number], [number, number]] => [
        [count(), count()],
        [count(), count()],
      ]).filter(([[a, b], [c, d]]) => a + b + c + d > 1);
      expect(Object.is(mantelHaenszelOddsRatio(tables), mantelHaenszel(tables).oddsRatio)).toBe(true);
    }
  });
});
