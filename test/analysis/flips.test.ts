import { describe, expect, it } from 'vitest';
import { analyzeFlips, answerToken, isFlip, pairedExcess, type SourceCounts } from '../../src/analysis/flips.js';
import { pairContrasts } from '../../src/pairing/pairs.js';
import type { Axis } from '../../src/demographics/types.js';
import { simulateDesignScores } from '../../src/power/designScores.js';
import type { SimulatedSpec } from '../../src/providers/simulatedDecision.js';
import type { PairwiseNote } from '../../src/score/types.js';
import { wilsonInterval } from '../../src/stats/wilson.js';
import type { InjectedBias } from '../../src/study/types.js';
import { deriveSeed } from '../../src/util/hash.js';
import { score, simulatedControlScores } from './helpers.js';

const note = (verdict: string, adjudicated?: string): PairwiseNote => ({
  model: 'judge',
  promptVersion: 1,
  key: 'k',
  verdict,
  confidence: 0.9,
  reason: '',
  parse: 'json',
  referenceKey: 'ref-key',
  referenceVariantId: 'v~ref',
  order: 'reference-first',
  ...(adjudicated ? { adjudicated: { label: adjudicated, by: 'dr' } } : {}),
});

describe('flips', () => {
  it('compares extracted answers, or outcomes where nothing is extracted', () => {
    const ref = score({ vignetteId: 'v', outcome: 'correct', extracted: 'A' });
    expect(isFlip({ reference: ref, level: score({ vignetteId: 'v', outcome: 'incorrect', extracted: 'B' }) })).toBe(true);
    expect(isFlip({ reference: ref, level: score({ vignetteId: 'v', outcome: 'refusal', extracted: null }) })).toBe(true);
    expect(isFlip({ reference: ref, level: score({ vignetteId: 'v', outcome: 'error', extracted: null }) })).toBeNull();
    const freeRight = score({ vignetteId: 'v', outcome: 'correct', extracted: null, questionType: 'free' });
    const freeWrong = score({ vignetteId: 'v', outcome: 'incorrect', extracted: null, questionType: 'free' });
    expect(answerToken(freeRight)).toBe('(correct)');
    expect(isFlip({ reference: freeRight, level: freeWrong })).toBe(true);
  });

  it('for free text, follows the clinician label, then the pairwise judge', () => {
    const ref = score({ vignetteId: 'v', outcome: 'correct', extracted: null, questionType: 'free', key: 'ref-key' });
    const level = (pairwise: PairwiseNote[]) =>
      score({ vignetteId: 'v', outcome: 'correct', extracted: null, questionType: 'free', pairwise });
    expect(isFlip({ reference: ref, level: level([note('different')]) })).toBe(true);
    expect(isFlip({ reference: ref, level: level([note('different', 'same')]) })).toBe(false);
    expect(isFlip({ reference: ref, level: level([]) })).toBe(false);
  });
});

describe('noise floors by source and the paired excess over the floor', () => {
  const counts = (authored: [number, number], added: [number, number]): SourceCounts => ({
    authored: { pairs: authored[0], flips: authored[1] },
    'added-sentence': { pairs: added[0], flips: added[1] },
  });

  it("averages each vignette's difference from its own floor, preferring authored rewordings, and says which floor it used", () => {
    const level = new Map([
      ['a', { pairs: 2, flips: 2 }],
      ['b', { pairs: 2, flips: 0 }],
      ['c', { pairs: 4, flips: 1 }],
      ['d', { pairs: 3, flips: 3 }], // no paraphrase pair: not in the paired estimate
    ]);
    const paraphrase = new Map([
      ['a', counts([2, 1], [2, 2])], // authored floor 1/2 (the added-sentence copies, all flipped, are not used)
      ['b', counts([0, 0], [2, 0])], // no authored rewording: added-sentence floor 0
      ['c', counts([2, 1], [0, 0])], // authored floor 1/2
    ]);
    const r = pairedExcess(level, paraphrase);
    // Differences 1 − ½, 0 − 0, ¼ − ½: each vignette once.
    const d = [0.5, 0, -0.25];
    const mean = (0.5 + 0 - 0.25) / 3;
    expect(r.excess).toBeCloseTo(mean, 12);
    expect(r.excessFloor).toBeCloseTo((0.5 + 0 + 0.5) / 3, 12);
    expect(r).toMatchObject({ floorSource: 'mixed', excessVignettes: 3, excessVerdict: 'within-floor' });
    // d̄ ± t(0.975, 2) · s / √3, with t(0.975, 2) = 4.302652729911275 (R: qt(0.975, 2)).
    const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / 2);
    const half = (4.302652729911275 * sd) / Math.sqrt(3);
    expect(r.excessCi![0]).toBeCloseTo(mean - half, 9);
    expect(r.excessCi![1]).toBeCloseTo(mean + half, 9);
    expect(
      pairedExcess(
        new Map([
          ['a', level.get('a')!],
          ['c', level.get('c')!],
        ]),
        paraphrase,
      ).floorSource,
    ).toBe('authored');
    // One vignette: an estimate, no interval.
    expect(pairedExcess(new Map([['b', level.get('b')!]]), paraphrase)).toMatchObject({
      excess: 0,
      floorSource: 'added-sentence',
      excessCi: null,
      excessVerdict: null,
    });
    expect(pairedExcess(new Map([['d', level.get('d')!]]), paraphrase)).toEqual({
      excess: null,
      excessCi: null,
      excessFloor: null,
      floorSource: null,
      excessVignettes: 0,
      excessVerdict: null,
    });
  });

  it('gives no interval when every vignette has the same difference, and reads an interval above 0 as above the floor', () => {
    const same = new Map([
      ['a', { pairs: 1, flips: 1 }],
      ['b', { pairs: 1, flips: 1 }],
    ]);
    const floors = new Map([
      ['a', counts([1, 0], [0, 0])],
      ['b', counts([1, 0], [0, 0])],
    ]);
    expect(pairedExcess(same, floors)).toMatchObject({ excess: 1, excessCi: null, excessVerdict: null });
    const level = new Map(['a', 'b', 'c', 'd', 'e'].map((id, i) => [id, { pairs: 2, flips: i === 0 ? 1 : 2 }]));
    const floor = new Map(['a', 'b', 'c', 'd', 'e'].map((id, i) => [id, counts([2, i === 1 ? 1 : 0], [0, 0])]));
    const r = pairedExcess(level, floor);
    expect(r.excessCi![0]).toBeGreaterThan(0);
    expect(r.excessVerdict).toBe('above-floor');
  });

  it('noise floors report each source apart beside the pooled floor', () => {
    const ref = (v: string, outcome: 'correct' | 'incorrect') => score({ vignetteId: v, outcome });
    const control = (v: string, i: number, source: 'authored' | 'added-sentence' | undefined, outcome: 'correct' | 'incorrect') =>
      score({
        vignetteId: v,
        outcome,
        kind: 'paraphrase',
        variantId: `${v}~paraphrase-${i}`,
        key: `${v}~p${i}`,
        ...(source ? { paraphrase: source } : {}),
      });
    const scores = [
      ref('a', 'correct'),
      control('a', 1, 'authored', 'incorrect'),
      control('a', 2, 'added-sentence', 'correct'),
      ref('b', 'correct'),
      control('b', 1, 'added-sentence', 'incorrect'),
      control('b', 2, 'added-sentence', 'incorrect'),
      control('b', 3, undefined, 'correct'),
    ];
    const [floor] = analyzeFlips([], scores, ['m']).floors;
    expect(floor!.paraphrase).toMatchObject({ nPairs: 5, rate: 3 / 5 });
    expect(floor!.paraphraseBySource.authored).toMatchObject({ nPairs: 1, rate: 1 });
    expect(floor!.paraphraseBySource['added-sentence']).toMatchObject({ nPairs: 3, rate: 2 / 3 });
    const w = wilsonInterval(2, 3);
    expect(floor!.paraphraseBySource['added-sentence']!.ci).toEqual([w.low, w.high]);
  });
});

describe('planted ground truth: the excess over the noise floor', () => {
  const AXES: Axis[] = [
    {
      id: 'race',
      label: 'Race',
      slot: 'sentence',
      reference: 'white',
      file: 'race.yaml',
      levels: [
        { id: 'white', label: 'White' },
        { id: 'black', label: 'Black' },
      ],
    },
  ];
  const spec = (biases: InjectedBias[]): SimulatedSpec => ({
    kind: 'simulated',
    id: 'sim',
    accuracy: { default: 0.8, byDomain: {} },
    biases,
    unparseableRate: 0,
    instability: 0.3,
    params: {},
    systemPrompt: '',
    concurrency: 1,
    timeoutMs: 1,
    maxRetries: 0,
  });
  const study = (biases: InjectedBias[], k: number) => {
    const seed = deriveSeed(31, 'excess', String(biases.length), String(k));
    const scores = simulateDesignScores({
      spec: spec(biases),
      design: { kind: 'one-at-a-time' },
      axes: AXES,
      vignettes: 60,
      replicates: 2,
      seed,
    });
    const vignetteIds = [...new Set(scores.map((s) => s.vignetteId))];
    // Half the vignettes have one authored rewording; every vignette gets two paraphrase controls.
    scores.push(
      ...simulatedControlScores({
        spec: spec(biases),
        vignetteIds,
        replicates: 2,
        seed,
        paraphrases: 2,
        authored: (id) => (Number(id.slice(1)) % 2 === 0 ? 1 : 0),
      }),
    );
    const { flips } = analyzeFlips(pairContrasts(scores, AXES), scores, ['sim']);
    return flips.find((f) => f.level === 'black')!;
  };

  it('covers 0 without a planted bias (the level is not distinguishable from rewording noise)', () => {
    const studies = Array.from({ length: 20 }, (_, k) => study([], k));
    for (const f of studies) {
      // Authored rewordings on the even vignettes, added-sentence copies on the odd ones.
      expect(f.floorSource).toBe('mixed');
      expect(f.excessVignettes).toBe(60);
    }
    const covering = studies.filter((f) => f.excessCi![0] <= 0 && f.excessCi![1] >= 0);
    expect(covering.every((f) => f.excessVerdict === 'within-floor')).toBe(true);
    // Nominal 95%: 16 or more of 20 (a 90%-coverage interval would still pass with probability 0.96 at most).
    expect(covering.length).toBeGreaterThanOrEqual(16);
  });

  it('excludes 0 with a strong planted bias', () => {
    for (let k = 0; k < 10; k++) {
      const f = study([{ axis: 'race', level: 'black', errorMultiplier: 3 }], k);
      expect(f.excessVerdict).toBe('above-floor');
      expect(f.excessCi![0]).toBeGreaterThan(0);
      expect(f.excess).toBeGreaterThan(f.excessCi![0]);
    }
  });
});
