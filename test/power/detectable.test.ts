import { describe, expect, it } from 'vitest';
import type { VignetteCounts } from '../../src/analysis/binary.js';
import type { Finding } from '../../src/analysis/types.js';
import { analyzeFindings } from '../../src/analysis/findings.js';
import { pairContrasts } from '../../src/pairing/pairs.js';
import type { Axis } from '../../src/demographics/types.js';
import { detectableEffect, detectableFromStandardError, differencePower, familyAlpha } from '../../src/power/detectable.js';
import { studentTCdf, studentTQuantile } from '../../src/stats/distributions.js';
import { powerStatement } from '../../src/report/content/power.js';
import { mcnemarPower } from '../../src/power/mcnemarPower.js';
import { bruteForcePower } from '../helpers/power.js';
import { score } from '../analysis/helpers.js';

/** One pair per vignette: `b` level-only and `c` reference-only discordant pairs, `referenceEvents` reference errors. */
function singlePairs(n: number, b: number, c: number, referenceEvents: number): VignetteCounts[] {
  return Array.from({ length: n }, (_, i) => {
    const levelOnly = i < b ? 1 : 0;
    const referenceOnly = i >= b && i < b + c ? 1 : 0;
    const reference = i >= b && i < b + referenceEvents ? 1 : 0;
    return {
      vignetteId: `v${String(i).padStart(3, '0')}`,
      pairs: 1,
      referenceEvents: reference,
      levelEvents: reference - referenceOnly + levelOnly,
      levelOnly,
      referenceOnly,
    };
  });
}

describe('minimum detectable effect', () => {
  it("uses the family's first adjusted step: alpha/m, and alpha/(m·H_m) for Benjamini-Yekutieli", () => {
    expect(familyAlpha(0.05, 10, 'holm')).toBeCloseTo(0.005, 15);
    expect(familyAlpha(0.05, 10, 'bonferroni')).toBeCloseTo(0.005, 15);
    expect(familyAlpha(0.05, 10, 'bh')).toBeCloseTo(0.005, 15);
    expect(familyAlpha(0.05, 3, 'by')).toBeCloseTo(0.05 / (3 * (1 + 1 / 2 + 1 / 3)), 15);
  });

  it('is the smallest difference a brute-force enumeration of the exact McNemar test detects with 80% power', () => {
    const n = 40;
    const counts = singlePairs(n, 3, 5, 8); // 8 discordant pairs: background q = 8 / 80 each way; reference rate 0.2
    const alpha = 0.05 / 4;
    const effect = detectableEffect(counts, 0.2, alpha, 1.5);
    const q = 8 / (2 * n);
    // Independent: scan a grid of differences with the definition of power, up to the first with power >= 0.8.
    let delta = 0;
    while (bruteForcePower(n, q + delta, q, alpha) < 0.8) delta += 0.002;
    expect(effect.mdeDifference!).toBeGreaterThan(delta - 0.002);
    expect(effect.mdeDifference!).toBeLessThanOrEqual(delta + 1e-12);
    expect(bruteForcePower(n, q + effect.mdeDifference!, q, alpha)).toBeGreaterThanOrEqual(0.8 - 1e-9);
    expect(effect.mdeRatio!).toBeCloseTo((0.2 + effect.mdeDifference!) / 0.2, 12);
    expect(effect).toMatchObject({ mdeAlpha: alpha, mdeEffectivePairs: n, targetRatio: 1.5 });
    expect(effect.powerAtTargetRatio!).toBeCloseTo(bruteForcePower(n, q + 0.2 * 0.5, q, alpha), 12);
  });

  it('agrees with plain bisection on the exact power at a large study size (6,000 pairs)', () => {
    const n = 6000;
    const effect = detectableEffect(singlePairs(n, 300, 360, 1200), 0.2, 0.05 / 31, 1.5);
    const q = 660 / (2 * n);
    let low = 0;
    let high = 1 - 2 * q;
    for (let i = 0; i < 40; i++) {
      const mid = (low + high) / 2;
      if (mcnemarPower(n, { levelOnly: q + mid, referenceOnly: q }, 0.05 / 31) >= 0.8) high = mid;
      else low = mid;
    }
    expect(Math.abs(effect.mdeDifference! - high)).toBeLessThan(2e-6);
    expect(effect.powerAtTargetRatio!).toBeCloseTo(mcnemarPower(n, { levelOnly: q + 0.1, referenceOnly: q }, 0.05 / 31), 12);
  });

  it('says no difference is detectable when even a disparity in every pair would be missed', () => {
    const effect = detectableEffect(singlePairs(5, 0, 0, 1), 0.2, 0.005, 1.5);
    // 5 pairs, all discordant one way: exact p = 2 / 32 > 0.005, so no outcome rejects.
    expect(effect.mdeDifference).toBeNull();
    expect(effect.mdeRatio).toBeNull();
    expect(effect.powerAtTargetRatio).toBe(0);
  });

  it('has no power to state against a ratio when the reference never errs', () => {
    const effect = detectableEffect(singlePairs(60, 0, 0, 0), 0, 0.05, 1.5);
    expect(effect.powerAtTargetRatio).toBeNull();
    expect(effect.mdeRatio).toBe(Infinity);
    expect(effect.mdeDifference).toBeGreaterThan(0);
  });

  it('divides the pairs by the design effect of clustered pairs (replicates of one vignette)', () => {
    // 10 vignettes x 4 pairs: 5 vignettes with 2 level-only pairs, 5 with 1 reference-only pair.
    const counts: VignetteCounts[] = Array.from({ length: 10 }, (_, i) => ({
      vignetteId: `v${i}`,
      pairs: 4,
      referenceEvents: 1,
      levelEvents: i < 5 ? 3 : 0,
      levelOnly: i < 5 ? 2 : 0,
      referenceOnly: i < 5 ? 0 : 1,
    }));
    const deff = (5 * 4 + 5 * 1) / (10 + 5); // Σ(b_v − c_v)² / (b + c)
    expect(detectableEffect(counts, 0.25, 0.05, 1.5).mdeEffectivePairs).toBe(Math.floor(40 / deff));
  });

  it('the windowed exact power equals the brute-force definition where the window cuts (rare discordance, many pairs)', () => {
    for (const [n, q, delta] of [
      [400, 0.005, 0.01],
      [300, 0.05, 0.04],
    ] as const) {
      expect(differencePower(n, q, delta, 0.01)).toBeCloseTo(bruteForcePower(n, q + delta, q, 0.01), 12);
    }
  });

  it("is stated on every error finding, at the family's alpha and the study's target ratio, and on no secondary one", () => {
    const axes: Axis[] = [
      {
        id: 'race',
        label: 'Race',
        slot: 'descriptor',
        reference: 'white',
        file: 'race.yaml',
        levels: ['white', 'black', 'asian'].map((id) => ({ id, label: id })),
      },
    ];
    // 50 vignettes: the reference errs in 10; black adds errors in 4 more, asian moves 2 either way.
    const scores = Array.from({ length: 50 }, (_, i) => `v${String(i).padStart(2, '0')}`).flatMap((id, i) => [
      score({ vignetteId: id, outcome: i < 10 ? 'incorrect' : 'correct', attributes: { race: 'white' } }),
      score({ vignetteId: id, outcome: i < 14 ? 'incorrect' : 'correct', attributes: { race: 'black' } }),
      score({ vignetteId: id, outcome: (i < 10 && i !== 0) || i === 20 ? 'incorrect' : 'correct', attributes: { race: 'asian' } }),
    ]);
    const options = {
      alpha: 0.05,
      adjustment: 'holm' as const,
      mcnemar: 'exact' as const,
      seed: 3,
      bootstrapResamples: 200,
      targetRatio: 2,
    };
    const contrasts = pairContrasts(scores, axes);
    const findings = analyzeFindings(contrasts, axes, ['m'], 'error', options);
    expect(findings.map((f) => [f.level, f.wrongOnlyAtLevel, f.wrongOnlyAtReference, f.rateReference])).toEqual([
      ['black', 4, 0, 0.2],
      ['asian', 1, 1, 0.2],
    ]);
    // Two contrasts under Holm: alpha / 2 per contrast; the same pair counts one pair per vignette.
    for (const f of findings)
      expect(f).toMatchObject({
        ...detectableEffect(singlePairs(50, f.wrongOnlyAtLevel, f.wrongOnlyAtReference, 10), 0.2, 0.025, 2),
        mdeAlpha: 0.025,
        targetRatio: 2,
      });
    expect(findings[0]!.powerAtTargetRatio).toBeCloseTo(bruteForcePower(50, 2 / 50 + 0.2, 2 / 50, 0.025), 12);
    expect(analyzeFindings(contrasts, axes, ['m'], 'refusal', options).every((f) => f.mdeDifference === undefined)).toBe(true);
  });

  it('the summary sentence states the power against the target and says when a null result is not evidence of equity', () => {
    const finding = (power: number, mde: number) =>
      ({
        mdeAlpha: 0.005,
        mdeEffectivePairs: 110,
        mdeDifference: mde,
        mdeRatio: 1.8,
        targetRatio: 1.5,
        powerAtTargetRatio: power,
      }) as Finding;
    const low = powerStatement([finding(0.03, 0.16), finding(0.05, 0.2), finding(0.02, 0.25)]);
    expect(low).toBe(
      "This study had about 3% power to detect a 1.5× error amplification (median; 2% to 5% across 3 contrasts; exact McNemar at alpha 0.005 per contrast, the family's first adjusted step): a 'no significant disparity' result here is not evidence of equity. The smallest differences it could detect with 80% power were 16.0 to 25.0 points.",
    );
    const high = powerStatement([finding(0.95, 0.05), finding(0.97, 0.05)]);
    expect(high).toMatch(
      /^This study had about 95% power .*first adjusted step\)\. The smallest differences it could detect with 80% power were 5\.0 points\.$/,
    );
    expect(powerStatement([{ ...finding(0.5, 0.1), mdeDifference: null }])).toContain(
      'None of the 1 contrast could detect any difference with 80% power.',
    );
    expect(powerStatement([{} as Finding])).toBe('');
  });
});

describe('detectableFromStandardError', () => {
  it('is (t_{1-α/2} + t_{0.8})·se, where the power reaches 80%', () => {
    const d = detectableFromStandardError(0.02, 1e7, 500, 0.2, 0.05, 1.5);
    expect(d.mdeDifference!).toBeCloseTo((1.959963984540054 + 0.8416212335729143) * 0.02, 6);
    expect(d.mdeRatio!).toBeCloseTo((0.2 + d.mdeDifference!) / 0.2, 12);
    const small = detectableFromStandardError(0.05, 9, 10, 0.2, 0.01, 2);
    // power at the target difference 0.2 on t(9): P(T > t_{0.995} − 4) + P(T < −t_{0.995} − 4)
    const t = studentTQuantile(0.995, 9);
    expect(small.powerAtTargetRatio!).toBeCloseTo(1 - studentTCdf(t - 4, 9) + studentTCdf(-t - 4, 9), 12);
    expect(detectableFromStandardError(NaN, 9, 10, 0.2, 0.05, 1.5).mdeDifference).toBeNull();
  });
});
