import { describe, expect, it } from 'vitest';
import { analyzeCasePerspectives } from '../../src/analysis/casePerspectives.js';
import type { Outcome } from '../../src/score/types.js';
import type { Perspective, Vignette } from '../../src/template/types.js';
import { binomialTest } from '../../src/stats/binomialTest.js';
import { score } from './helpers.js';

const OPTIONS = { alpha: 0.05, adjustment: 'holm' as const, mcnemar: 'exact' as const, seed: 1, bootstrapResamples: 0 };

/** 40 cases, each asked as a patient and as a clinician; the patient version errs on `patientWrong` cases, the clinician version on `clinicianWrong`. */
function study(patientWrong: (i: number) => boolean, clinicianWrong: (i: number) => boolean) {
  const vignettes: Vignette[] = [];
  const scores = [];
  for (let i = 0; i < 40; i++) {
    for (const [perspective, wrong] of [
      ['patient', patientWrong(i)],
      ['clinician', clinicianWrong(i)],
    ] as [Perspective, boolean][]) {
      const id = `c${i}-${perspective}`;
      vignettes.push({ id, case: `c${i}`, perspective } as Vignette);
      const outcome: Outcome = wrong ? 'incorrect' : 'correct';
      scores.push(score({ vignetteId: id, perspective, outcome }));
      // A demographic variant is never part of the comparison: the cues must be the same on both sides.
      scores.push(score({ vignetteId: id, perspective, outcome: 'incorrect', attributes: { race: 'black', insurance: 'private' } }));
    }
  }
  return { vignettes, scores };
}

describe('analyzeCasePerspectives', () => {
  it('pairs the reference variants of each case across perspectives and tests them with exact McNemar', () => {
    // Patient errs on cases 0-11, clinician on 8-9 and 30-31: 10 discordant towards patient, 2 towards clinician.
    const { vignettes, scores } = study(
      (i) => i < 12,
      (i) => i === 8 || i === 9 || i === 30 || i === 31,
    );
    const [row, ...rest] = analyzeCasePerspectives(scores, vignettes, ['m'], OPTIONS);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      model: 'm',
      perspectiveA: 'patient',
      perspectiveB: 'clinician',
      nCases: 40,
      nPairs: 40,
      test: 'mcnemar-exact',
    });
    expect(row!.rateA).toBeCloseTo(12 / 40, 12);
    expect(row!.rateB).toBeCloseTo(4 / 40, 12);
    expect(row!.difference).toBeCloseTo(-8 / 40, 12);
    // Exact McNemar: two-sided binomial test of 2 of 12 discordant pairs at 1/2.
    expect(row!.p).toBeCloseTo(binomialTest(2, 12).pValue, 12);
    expect(row!.pAdjusted).toBe(row!.p);
    expect(row!.significant).toBe(row!.p < 0.05);
    expect(row!.differenceCi![1]).toBeLessThan(0);
  });

  it("gives each comparison its interval at the level of its model's family, beside the adjusted p", () => {
    // Three perspectives per case: a family of three comparisons, Holm, so the family level is 1 − 0.05/3.
    const vignettes: Vignette[] = [];
    const scores = [];
    for (let i = 0; i < 40; i++)
      for (const perspective of ['patient', 'clinician', 'general'] as Perspective[]) {
        const id = `c${i}-${perspective}`;
        vignettes.push({ id, case: `c${i}`, perspective } as Vignette);
        const wrong = perspective === 'patient' ? i < 14 : perspective === 'clinician' ? i % 10 === 0 : i < 3;
        scores.push(score({ vignetteId: id, perspective, outcome: wrong ? 'incorrect' : 'correct' }));
      }
    const rows = analyzeCasePerspectives(scores, vignettes, ['m'], OPTIONS);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ simultaneousLevel: 1 - 0.05 / 3, simultaneousKind: 'bonferroni', familySize: 3 });
      const [low, high] = row.differenceCiSimultaneous!;
      expect(low).toBeLessThan(row.differenceCi![0]);
      expect(high).toBeGreaterThan(row.differenceCi![1]);
    }
  });

  it('finds nothing to compare in a run without cases, and no difference where both perspectives err alike', () => {
    const { vignettes, scores } = study(
      (i) => i % 4 === 0,
      (i) => i % 4 === 0,
    );
    expect(
      analyzeCasePerspectives(
        scores,
        vignettes.map((v) => ({ ...v, case: undefined })),
        ['m'],
        OPTIONS,
      ),
    ).toEqual([]);
    const [row] = analyzeCasePerspectives(scores, vignettes, ['m'], OPTIONS);
    expect(row).toMatchObject({ difference: 0, p: 1, significant: false });
  });
});
