import { describe, expect, it } from 'vitest';
import type { ContrastPairs, ScorePair } from '../../src/pairing/pairs.js';
import { analyzeSpread } from '../../src/analysis/spread.js';
import { createRng, type Rng } from '../../src/stats/rng.js';
import type { Perspective } from '../../src/template/types.js';
import { score } from './helpers.js';

const DOMAINS: [string, number][] = [
  ['cardiology', 30],
  ['emergency', 25],
  ['pain', 20],
  ['obstetrics', 12],
  ['oncology', 8],
  ['renal', 5],
];
const PERSPECTIVES: [Perspective, number][] = [
  ['clinician', 0.6],
  ['general', 0.34],
  ['patient', 0.06],
];

/** Vignettes across domains and perspectives (one small perspective); each level errs `bias(domain)` more often. */
function contrasts(rng: Rng, levels: number, bias: (level: number, domain: string) => number, replicates = 1): ContrastPairs[] {
  const vignettes = DOMAINS.flatMap(([domain, n]) =>
    Array.from({ length: n }, (_, i) => {
      const u = rng();
      const perspective: Perspective =
        u < PERSPECTIVES[0]![1] ? 'clinician' : u < PERSPECTIVES[0]![1] + PERSPECTIVES[1]![1] ? 'general' : 'patient';
      return { id: `${domain}-${i}`, domain, perspective, difficulty: 0.05 + 0.5 * rng() };
    }),
  );
  return Array.from({ length: levels }, (_, l) => {
    const pairs: ScorePair[] = [];
    for (const v of vignettes) {
      for (let r = 0; r < replicates; r++) {
        const common = { vignetteId: v.id, replicate: r, domain: v.domain, perspective: v.perspective };
        const reference = score({ ...common, outcome: rng() < v.difficulty ? 'incorrect' : 'correct' });
        const level = score({
          ...common,
          outcome: rng() < Math.min(1, v.difficulty + bias(l, v.domain)) ? 'incorrect' : 'correct',
          attributes: { race: `level${l}`, insurance: 'private' },
        });
        pairs.push({ vignetteId: v.id, replicate: r, reference, level, marginal: false });
      }
    }
    return { modelId: 'm', axis: 'race', level: `level${l}`, pairs };
  });
}

describe('spread across domains and perspectives', () => {
  it('with no bias anywhere, calls no group worst, although the largest observed difference falls on small groups', () => {
    let smallestPerspectiveLargest = 0;
    for (const [seed, replicates] of [
      [1, 1],
      [2, 1],
      [3, 3],
      [4, 1],
      [5, 2],
    ] as const) {
      const { rows, summaries } = analyzeSpread(
        contrasts(createRng(seed), 10, () => 0, replicates),
        { alpha: 0.05, adjustment: 'holm' },
      );
      expect(summaries).toHaveLength(20);
      for (const s of summaries) {
        expect(
          s.worstGroupSupported,
          `${seed} ${s.level} ${s.by}: heterogeneity p ${s.heterogeneity.p}, adjusted ${s.heterogeneity.pAdjusted}`,
        ).toBe(false);
        expect(s.heterogeneity.df).toBe(s.heterogeneity.nGroups - 1);
      }
      smallestPerspectiveLargest += summaries.filter((s) => s.by === 'perspective' && s.worstGroup === 'patient').length;
      // Every group shows its size and an interval.
      for (const r of rows) {
        expect(r.nVignettes).toBeGreaterThan(0);
        expect(r.nPairs).toBe(r.nVignettes * replicates);
        if (r.differenceCi) expect(r.differenceCi[0]).toBeLessThanOrEqual(r.difference);
      }
    }
    // The naive "worst" perspective is the smallest one far more often than its share of vignettes.
    expect(smallestPerspectiveLargest).toBeGreaterThan(10);
  });

  it('names the group where a planted bias is concentrated (one domain, three replicates)', () => {
    const { summaries } = analyzeSpread(
      contrasts(createRng(11), 3, (l, domain) => (l === 0 && domain === 'cardiology' ? 0.6 : 0), 3),
      { alpha: 0.05, adjustment: 'holm' },
    );
    const planted = summaries.find((s) => s.level === 'level0' && s.by === 'domain')!;
    expect(planted.worstGroup).toBe('cardiology');
    expect(planted.worstGroupSupported).toBe(true);
    expect(planted.heterogeneity.pAdjusted).toBeLessThan(0.05);
    expect(summaries.filter((s) => s.worstGroupSupported)).toEqual([planted]);
  });
});
