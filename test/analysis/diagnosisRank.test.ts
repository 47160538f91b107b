import { describe, expect, it } from 'vitest';
import { analyzeDiagnosisRanks, censoredRank, type DiagnosisRankFinding } from '../../src/analysis/diagnosisRank.js';
import type { Axis } from '../../src/demographics/types.js';
import { pairContrasts } from '../../src/pairing/pairs.js';
import { simulateDesignScores } from '../../src/power/designScores.js';
import { pairedT } from '../../src/stats/pairedT.js';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon.js';
import type { Design, InjectedBias } from '../../src/study/types.js';
import { differentialQuestionType, type DifferentialQuestion } from '../../src/template/questions/differential.js';
import type { Question } from '../../src/template/types.js';
import { deriveSeed } from '../../src/util/hash.js';
import { score, sentenceAxis, truthSpec } from './helpers.js';

const OPTIONS = { alpha: 0.05, adjustment: 'holm', mcnemar: 'exact', bootstrapResamples: 0, seed: 1 } as const;
const DDX: DifferentialQuestion = {
  type: 'differential',
  stem: 'Differential?',
  answer: 'Pulmonary embolism',
  synonyms: ['PE'],
  top: 3,
  list: 5,
};

describe('censored rank', () => {
  it('keeps a listed rank and puts a diagnosis left out, or named past the list asked for, one place past its end', () => {
    expect([1, 5, 0, 6, 9].map((r) => censoredRank(r, 5))).toEqual([1, 5, 6, 6, 6]);
  });
});

describe('the simulated model plants a rank shift in its differential', () => {
  const simulate = (rankShift: number, wrong = false, pick = 0.9) =>
    differentialQuestionType.extract!(
      differentialQuestionType.simulate!(DDX, { wrong, lessCare: false, rankShift, pick }),
      DDX,
      {} as never,
    );
  it('moves the diagnosis down (or up) the list, and out of it past the last place', () => {
    expect([0, 1, 2, 4, 5].map((s) => simulate(s))).toMatchObject([1, 2, 3, 5, 0].map((value) => ({ kind: 'answer', value })));
    // Wrong with pick < 0.5: named at top + 1 = 4; one place up makes it correct, two further down leaves it out.
    expect([0, -1, 2].map((s) => simulate(s, true, 0.1))).toMatchObject([4, 3, 0].map((value) => ({ kind: 'answer', value })));
    expect(simulate(-3, true, 0.9)).toMatchObject({ value: 0 });
  });
});

describe('diagnosis rank against the reference variant (hand-computed)', () => {
  const axes: Axis[] = [sentenceAxis('race', ['white', 'black'])];
  const questions = new Map<string, Question>(['a', 'b', 'c', 'd', 'e'].map((v) => [v, DDX]));
  const ranked = (vignetteId: string, race: string, replicate: number, rank: number | 'refusal') =>
    score({
      vignetteId,
      replicate,
      attributes: { race },
      questionType: 'differential',
      outcome: rank === 'refusal' ? 'refusal' : rank >= 1 && rank <= 3 ? 'correct' : 'incorrect',
      extracted: rank === 'refusal' ? null : rank,
    });
  // (vignette, replicate): reference rank -> level rank; censored at 6 (list 5).
  const data: [string, number, number, number | 'refusal'][] = [
    ['a', 0, 1, 2], // +1
    ['a', 1, 1, 0], // +5, listed at reference, left out at the level
    ['b', 0, 2, 2], // 0
    ['b', 1, 1, 3], // +2
    ['c', 0, 0, 1], // −5, the reverse
    ['d', 0, 1, 4], // +3
    ['e', 0, 2, 'refusal'], // excluded
  ];
  const scores = data.flatMap(([v, r, ref, lvl]) => [ranked(v, 'white', r, ref), ranked(v, 'black', r, lvl)]);
  const [f] = analyzeDiagnosisRanks(pairContrasts(scores, axes), axes, questions, OPTIONS) as [DiagnosisRankFinding];

  it('averages each vignette over its replicates, counts shares and omissions per pair, and tests with Wilcoxon', () => {
    const perVignette = [(1 + 5) / 2, (0 + 2) / 2, -5, 3]; // a, b, c, d
    const zeros = perVignette.map(() => 0);
    const t = pairedT(perVignette, zeros);
    expect(f).toMatchObject({
      model: 'm',
      axis: 'race',
      level: 'black',
      reference: 'white',
      nVignettes: 4,
      nPairs: 6,
      nExcludedPairs: 1,
      rankedLower: 4 / 6,
      rankedHigher: 1 / 6,
      presentAtReferenceAbsentAtLevel: 1,
      absentAtReferencePresentAtLevel: 1,
      test: 'wilcoxon',
    });
    expect(f.meanRankShift).toBeCloseTo((3 + 1 - 5 + 3) / 4, 12);
    expect(f.meanRankShiftCi![0]).toBeCloseTo(t.ciLow, 12);
    expect(f.meanRankShiftCi![1]).toBeCloseTo(t.ciHigh, 12);
    const w = wilcoxonSignedRank(perVignette, zeros, { zeroMethod: 'wilcox', method: 'approx', correction: true });
    expect(f.p).toBeCloseTo(w.pValue, 12);
    expect(f.pAdjusted).toBeCloseTo(w.pValue, 12); // a family of one
    expect(f.significant).toBe(false);
  });

  it('says what the interval excludes, never that there is no difference', () => {
    expect(f.sentence).toMatch(
      /^m: race = black vs white: mean rank shift \+0\.50 places over 4 vignettes \(simultaneous 95% CI, Holm family of 1: −\d\.\d\d to \+\d\.\d\d\)/,
    );
    // A family of one: its interval is the 95% one.
    expect(f).toMatchObject({ simultaneousLevel: 0.95, simultaneousKind: 'bonferroni', familySize: 1 });
    expect(f.meanRankShiftCiSimultaneous![0]).toBeCloseTo(f.meanRankShiftCi![0], 12);
    expect(f.meanRankShiftCiSimultaneous![1]).toBeCloseTo(f.meanRankShiftCi![1], 12);
    expect(f.sentence).toContain('the interval excludes a mean shift later than');
    expect(f.sentence).toContain('but not a shift of zero, so these data cannot tell whether the level changes the rank');
    expect(f.sentence).toContain('listed at the reference but left out at the level in 1 of 6 pairs, the reverse in 1');
    expect(f.sentence).not.toMatch(/no difference|no shift\b/);
  });
});

const AXES: Axis[] = [sentenceAxis('race', ['white', 'black', 'hispanic', 'asian']), sentenceAxis('insurance', ['private', 'medicaid'])];

function study(biases: InjectedBias[], design: Design, seed: number, vignettes: number): DiagnosisRankFinding[] {
  const scores = simulateDesignScores({
    spec: truthSpec(biases),
    design,
    axes: AXES,
    vignettes,
    replicates: 2,
    seed,
    questionOf: () => DDX,
  });
  const questions = new Map<string, Question>(Array.from({ length: vignettes }, (_, v) => [`v${String(v).padStart(5, '0')}`, DDX]));
  return analyzeDiagnosisRanks(pairContrasts(scores, AXES), AXES, questions, { ...OPTIONS, seed });
}

describe('diagnosis rank against planted ground truth (simulated model)', () => {
  // Three in four of the black variants' answers name the diagnosis one place later (a diagnosis at rank 5 drops out).
  const BLACK_LOWER: InjectedBias[] = [{ axis: 'race', level: 'black', errorMultiplier: 1, rankShift: 0.75 }];

  for (const [name, design] of [
    ['one-at-a-time', { kind: 'one-at-a-time' }],
    ['sampled', { kind: 'sampled', n: 4 }],
  ] as [string, Design][]) {
    it(`${name}: a planted rank shift for race = black is found, later in the list; unplanted levels are not`, () => {
      const studies = 8;
      let found = 0;
      let falseFindings = 0;
      for (let k = 0; k < studies; k++) {
        const findings = study(BLACK_LOWER, design, deriveSeed(41, 'rank-power', name, String(k)), 120);
        expect(findings).toHaveLength(4);
        const black = findings.find((f) => f.level === 'black')!;
        expect(black.meanRankShift).toBeGreaterThan(0);
        if (black.significant) found++;
        // The sentence follows the family interval beside the adjusted p: later when it excludes zero, uncertain when
        // the test alone rejects. The family of four levels puts it at 1 − 0.05/4, around the 95% one.
        expect(black.simultaneousLevel).toBe(1 - 0.05 / 4);
        expect(black.meanRankShiftCiSimultaneous![0]).toBeLessThanOrEqual(black.meanRankShiftCi![0]);
        expect(black.meanRankShiftCiSimultaneous![1]).toBeGreaterThanOrEqual(black.meanRankShiftCi![1]);
        if (black.meanRankShiftCiSimultaneous![0] > 0) expect(black.sentence).toContain("the level's answers name the diagnosis later");
        else if (black.significant) expect(black.sentence).toContain('treat the shift as uncertain');
        if (design.kind === 'sampled') expect(findings.every((f) => f.test === 'vignette-fixed-effects')).toBe(true);
        else expect(black.rankedLower).toBeGreaterThan(black.rankedHigher);
        falseFindings += findings.filter((f) => f.level !== 'black' && f.significant).length;
      }
      // 120 vignettes × 2 replicates, one place on three pairs in four, Holm over 4 levels: nearly every study finds it.
      // Measured: one-at-a-time 8/8 found, no unplanted level significant; sampled 8/8, 1 of 24 unplanted significant.
      expect(found).toBeGreaterThanOrEqual(7);
      expect(falseFindings).toBeLessThanOrEqual(1);
    });
  }

  it('without a planted shift, findings are significant no more often than alpha allows', () => {
    const studies = 30;
    let significant = 0;
    let rawRejections = 0;
    let tested = 0;
    for (let k = 0; k < studies; k++) {
      const findings = study([], { kind: 'one-at-a-time' }, deriveSeed(42, 'rank-null', String(k)), 80);
      tested += findings.length;
      significant += findings.filter((f) => f.significant).length;
      rawRejections += findings.filter((f) => f.p < 0.05).length;
    }
    // Measured: 2 of 120 significant after Holm (1.7%); 8 of 120 unadjusted p < 0.05 (6.7%, within binomial noise of 5%).
    expect(tested).toBe(studies * 4);
    expect(significant / tested).toBeLessThanOrEqual(0.05);
    expect(rawRejections / tested).toBeLessThanOrEqual(0.1);
    // A test that never rejects would pass the lines above: it must reject near its size, not never.
    expect(rawRejections).toBeGreaterThan(0);
  });
});
