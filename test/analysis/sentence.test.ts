import { describe, expect, it } from 'vitest';
import { analyzeFindings } from '../../src/analysis/findings.js';
import type { ContrastPairs } from '../../src/pairing/pairs.js';
import { excludesNull, simultaneousLevel } from '../../src/analysis/simultaneous.js';
import type { Finding } from '../../src/analysis/types.js';
import type { Axis } from '../../src/demographics/types.js';
import { ADJUST_METHODS } from '../../src/stats/adjust.js';
import { createRng, type Rng } from '../../src/stats/rng.js';
import { score } from './helpers.js';

const levels = ['a', 'b', 'c', 'd', 'e', 'f'];
const axes: Axis[] = [
  {
    id: 'race',
    label: 'Race',
    slot: 'descriptor',
    reference: 'white',
    file: 'r.yaml',
    levels: [{ id: 'white', label: 'White' }, ...levels.map((id) => ({ id, label: id.toUpperCase() }))],
  },
];

/** One simulated study: per level, vignettes × replicates of pairs with a baseline error rate and a level effect. */
function study(rng: Rng): ContrastPairs[] {
  const nVignettes = 10 + Math.floor(rng() * 70);
  const replicates = rng() < 0.5 ? 1 : 2 + Math.floor(rng() * 2);
  const base = 0.1 + 0.3 * rng();
  return levels.map((level) => {
    const effect = rng() < 0.5 ? 0 : 0.25 * rng();
    const pairs = [];
    for (let v = 0; v < nVignettes; v++) {
      const hard = rng() * 0.2;
      for (let r = 0; r < replicates; r++) {
        const vignetteId = `v${String(v).padStart(3, '0')}`;
        const reference = score({ vignetteId, replicate: r, outcome: rng() < base + hard ? 'incorrect' : 'correct' });
        const atLevel = score({
          vignetteId,
          replicate: r,
          outcome: rng() < base + hard + effect ? 'incorrect' : 'correct',
          attributes: { race: level, insurance: 'private' },
        });
        pairs.push({ vignetteId, replicate: r, reference, level: atLevel, marginal: false });
      }
    }
    return { modelId: 'm', axis: 'race', level, pairs };
  });
}

const QUOTED = /(simultaneous|FCR-adjusted|unadjusted) 95% CI, [A-Za-z-]+ family of (\d+)(?:: | \()([+-]\d+\.\d) to ([+-]\d+\.\d) points/;

describe('finding sentences agree with the interval they quote', () => {
  it('never says "not significant" beside an interval excluding 0, nor "significant" beside one containing it (600 simulated findings)', () => {
    const rng = createRng(20261204);
    const seen = { significant: 0, notSignificant: 0, borderline: 0 };
    const findings: Finding[] = [];
    for (let s = 0; s < 100; s++) {
      const adjustment = ADJUST_METHODS[s % ADJUST_METHODS.length]!;
      findings.push(
        ...analyzeFindings(study(rng), axes, ['m'], 'error', {
          alpha: 0.05,
          adjustment,
          mcnemar: s % 3 === 0 ? 'midp' : 'exact',
          seed: s,
          bootstrapResamples: 400,
        }),
      );
    }
    for (const f of findings) {
      const ci = f.differenceCiSimultaneous!;
      expect(ci).not.toBeNull();
      const quoted = QUOTED.exec(f.sentence);
      expect(quoted, f.sentence).not.toBeNull();
      expect(Number(quoted![2])).toBe(f.familySize);
      expect([Number(quoted![3]), Number(quoted![4])]).toEqual([Number((100 * ci[0]).toFixed(1)), Number((100 * ci[1]).toFixed(1))]);
      expect(f.sentence).not.toContain('(95% CI');
      const excludes = excludesNull(ci);
      if (f.sentence.includes('not statistically significant')) {
        expect(excludes, f.sentence).toBe(false);
        expect(f.significant).toBe(false);
        seen.notSignificant++;
      } else if (f.sentence.includes('is statistically significant')) {
        expect(excludes, f.sentence).toBe(true);
        expect(f.significant).toBe(true);
        seen.significant++;
      } else {
        expect(f.sentence, f.sentence).toMatch(/Borderline: .*treat this difference as uncertain\.$/);
        expect(excludes).toBe(!f.significant);
        seen.borderline++;
      }
      // The family's interval is the wider one: the same method at a level above 95% (at 95% for an uncorrected family).
      expect(f.simultaneousLevel).toBeGreaterThan(f.adjustment === 'none' ? 0.9499 : 0.95);
      expect(ci[0]).toBeLessThanOrEqual(f.differenceCi![0] + 1e-12);
      expect(ci[1]).toBeGreaterThanOrEqual(f.differenceCi![1] - 1e-12);
    }
    expect(findings).toHaveLength(600);
    // Every branch is exercised, so the checks above can fail.
    expect(seen.significant).toBeGreaterThan(20);
    expect(seen.notSignificant).toBeGreaterThan(20);
    expect(seen.borderline).toBeGreaterThan(0);
  });
});

describe('simultaneousLevel', () => {
  it('is the Bonferroni level for family-wise adjustments and the FCR-adjusted level for FDR ones', () => {
    const p = [0.001, 0.01, 0.2, NaN];
    expect(simultaneousLevel(p, [0.003, 0.02, 0.2, NaN], 'holm', 0.05)).toEqual({ level: 1 - 0.05 / 3, familySize: 3, kind: 'bonferroni' });
    expect(simultaneousLevel(p, [0.003, 0.03, 0.6, NaN], 'bonferroni', 0.05).level).toBeCloseTo(1 - 0.05 / 3, 15);
    // BH selects 2 of 3: level 1 − 2·0.05/3.
    expect(simultaneousLevel(p, [0.003, 0.015, 0.2, NaN], 'bh', 0.05)).toEqual({ level: 1 - (2 * 0.05) / 3, familySize: 3, kind: 'fcr' });
    // BY: thresholds divided by c(3) = 1 + 1/2 + 1/3.
    expect(simultaneousLevel(p, [0.0055, 0.0275, 0.37, NaN], 'by', 0.05).level).toBeCloseTo(1 - (2 * 0.05) / (3 * (11 / 6)), 15);
    // Nothing selected: the strictest level, that of R = 1.
    expect(simultaneousLevel([0.5, 0.6], [0.6, 0.6], 'bh', 0.05).level).toBeCloseTo(1 - 0.05 / 2, 15);
    expect(simultaneousLevel([NaN], [NaN], 'holm', 0.05).familySize).toBe(0);
    expect(() => simultaneousLevel([0.1], [0.1], 'holm', 1)).toThrow(/simultaneousLevel: alpha/);
  });
});
