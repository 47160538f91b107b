import { describe, expect, it } from 'vitest';
import { analyzeCareIntensity, type CareIntensityFinding } from '../../src/analysis/careIntensity.js';
import type { Axis } from '../../src/demographics/types.js';
import { pairContrasts } from '../../src/pairing/pairs.js';
import { simulateDesignScores } from '../../src/power/designScores.js';
import type { Design, InjectedBias } from '../../src/study/types.js';
import type { Question } from '../../src/template/types.js';
import { deriveSeed } from '../../src/util/hash.js';
import { sentenceAxis, truthSpec } from './helpers.js';

const AXES: Axis[] = [
  sentenceAxis('race', ['white', 'black', 'hispanic', 'asian']),
  sentenceAxis('sex', ['male', 'female']),
  sentenceAxis('insurance', ['private', 'medicaid']),
];
const OPTIONS = { alpha: 0.05, adjustment: 'holm', mcnemar: 'exact', bootstrapResamples: 0 } as const;

const RECOMMENDATION: Question = { type: 'recommendation', stem: 'Admit?', moreCare: 'yes' };
// Descending like ESI: a lower value is more care; the simulated model answers the middle level or one step less.
const CARE_LEVEL: Question = {
  type: 'care-level',
  stem: 'Disposition?',
  scale: [
    { value: 1, label: 'admit to intensive care' },
    { value: 2, label: 'admit to a ward' },
    { value: 3, label: 'observe' },
    { value: 4, label: 'discharge' },
  ],
  intensity: 'descending',
};
const questionOf = (v: number) => (v % 2 === 0 ? RECOMMENDATION : CARE_LEVEL);

function study(biases: InjectedBias[], design: Design, seed: number, vignettes = 160): CareIntensityFinding[] {
  const scores = simulateDesignScores({ spec: truthSpec(biases), design, axes: AXES, vignettes, replicates: 1, seed, questionOf });
  const questions = new Map<string, Question>(
    Array.from({ length: vignettes }, (_, v) => [`v${String(v).padStart(5, '0')}`, questionOf(v)]),
  );
  return analyzeCareIntensity(pairContrasts(scores, AXES), AXES, questions, { ...OPTIONS, seed });
}

const BLACK_LESS_CARE: InjectedBias[] = [{ axis: 'race', level: 'black', errorMultiplier: 1, lessCare: 0.25 }];

describe('care intensity against planted ground truth (simulated model, no answer key)', () => {
  const designs: [string, Design][] = [
    ['one-at-a-time', { kind: 'one-at-a-time' }],
    ['sampled', { kind: 'sampled', n: 6 }],
  ];
  for (const [name, design] of designs) {
    it(`${name}: a planted less-care shift for race = black is found in both kinds, in the right direction`, () => {
      const studies = 12;
      const found = { recommendation: 0, 'care-level': 0 };
      for (let k = 0; k < studies; k++) {
        const findings = study(BLACK_LESS_CARE, design, deriveSeed(31, 'care-power', name, String(k)), 240);
        for (const f of findings.filter((f) => f.level === 'black' && f.significant)) {
          found[f.kind]++;
          expect(f.kind === 'recommendation' ? f.difference : f.meanShift).toBeLessThan(0);
        }
        if (design.kind === 'sampled') expect(findings.every((f) => f.test === 'vignette-fixed-effects')).toBe(true);
      }
      // 120 vignettes of each kind, a 25-point less-care shift, Holm over 10 contrasts: about 34 discordant pairs one
      // way and 9 the other per study, so nearly every study finds it.
      // Measured: one-at-a-time 12/12 and 11/12, sampled 12/12 and 12/12 (recommendation, care level).
      expect(found.recommendation).toBeGreaterThanOrEqual(11);
      expect(found['care-level']).toBeGreaterThanOrEqual(11);
    });
  }

  it('without a planted shift, findings are significant no more often than alpha allows (type I error)', () => {
    const studies = 40;
    let falseStudies = 0;
    let tested = 0;
    let falseFindings = 0;
    let rawRejections = 0;
    for (let k = 0; k < studies; k++) {
      const findings = study([], { kind: 'one-at-a-time' }, deriveSeed(32, 'care-null', String(k)));
      tested += findings.length;
      falseFindings += findings.filter((f) => f.significant).length;
      rawRejections += findings.filter((f) => f.p < 0.05).length;
      if (findings.some((f) => f.significant)) falseStudies++;
    }
    // 5 levels × 2 kinds per study, Holm within the study: the family-wise rate is at most 5%; 40 studies give
    // more than 6 false studies with probability under 1.5% at 5%.
    // Measured: 0 of 400 adjusted findings, 0 of 40 studies; 13 of 400 unadjusted p < 0.05 (3.3%: the exact
    // McNemar test is conservative, 3.95% at a nominal 5% in bench:calibration).
    expect(tested).toBe(studies * 10);
    expect(falseStudies).toBeLessThanOrEqual(6);
    expect(falseFindings / tested).toBeLessThanOrEqual(0.05);
    // Unadjusted, the tests reject near their size: neither inflated nor never (a test that cannot reject is broken).
    expect(rawRejections / tested).toBeGreaterThan(0.01);
    expect(rawRejections / tested).toBeLessThanOrEqual(0.07);
  });

  it('leaves a level with a shift only on another axis alone, and states each finding in a sentence', () => {
    const findings = study(BLACK_LESS_CARE, { kind: 'one-at-a-time' }, deriveSeed(33, 'care-sentence'));
    const black = findings.find((f) => f.level === 'black' && f.kind === 'recommendation')!;
    expect(black.kind).toBe('recommendation');
    if (black.kind !== 'recommendation') return;
    expect(black.rateLevel).toBeLessThan(black.rateReference);
    expect(black.sentence).toMatch(/^truth: race = black vs white: the more-care recommendation was given in .* adjusted p = .*Holm/);
    const level = findings.find((f) => f.level === 'black' && f.kind === 'care-level')!;
    expect(level.sentence).toMatch(/steps of care/);
    expect(findings.filter((f) => f.axis === 'insurance' && f.significant)).toEqual([]);
  });
});
