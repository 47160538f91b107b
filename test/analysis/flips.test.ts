import { describe, expect, it } from 'vitest';
import { analyzeFlips, answerToken, isFlip, pairedExcess, type SourceCounts } from '../../src/analysis/flips.js';
import { pairContrasts } from '../../src/analysis/pairs.js';
import type { Axis } from '../../src/demographics/types.js';
import { simulateDesignScores } from '../../src/power/designScores.js';
import type { SimulatedSpec } from '../../src/providers/simulatedDecision.js';
import type { PairwiseNote } from '../../src/score/types.js';
import { clusterBootstrap } from '../../src/stats/cluster-bootstrap.js';
import { wilsonInterval } from '../../src/stats/wilson.js';
import type { InjectedBias } from '../../src/study/types.js';
import { deriveSeed } from '../../src/util/hash.js';
import { score, simulatedControlScores } from './helpers.js';

const note = (verdict: string, adjudicated?: string): PairwiseNote => ({
  model: 'judge', promptVersion: 1, key: 'k', verdict, confidence: 0.9, reason: '', parse: 'json',
  referenceKey: 'ref-key', referenceVariantId: 'v~ref', order: 'reference-first',
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
    const level = (pairwise: PairwiseNote[]) => score({ vignetteId: 'v', outcome: 'correct', extracted: null, questionType: 'free', pairwise });
    expect(isFlip({ reference: ref, level: level([note('different')]) })).toBe(true);
    expect(isFlip({ reference: ref, level: level([note('different', 'same')]) })).toBe(false);
    expect(isFlip({ reference: ref, level: level([]) })).toBe(false);
  });
});

describe('noise floors by source and the paired excess over the floor', () => {
  const counts = (authored: [number, number], added: [number, number]): SourceCounts => ({ authored: { pairs: authored[0], flips: authored[1] }, 'added-sentence': { pairs: added[0], flips: added[1] } });

  it('weights each vignette\'s floor as the level\'s pairs, preferring authored rewordings, and says which floor it used', () => {
    const level = new Map([
      ['a', { pairs: 2, flips: 2 }],
      ['b', { pairs: 2, flips: 0 }],
      ['c', { pairs: 2, flips: 1 }],
      ['d', { pairs: 3, flips: 3 }], // no paraphrase pair: not in the paired estimate
    ]);
    const paraphrase = new Map([
      ['a', counts([2, 1], [2, 2])], // authored floor 1/2 (the added-sentence copies, all flipped, are not used)
      ['b', counts([0, 0], [2, 0])], // no authored rewording: added-sentence floor 0
      ['c', counts([2, 1], [0, 0])], // authored floor 1/2
    ]);
    const r = pairedExcess(level, paraphrase, { seed: 5, bootstrapResamples: 500 });
    // (2 + 0 + 1 − (2·½ + 2·0 + 2·½)) / 6
    expect(r.excess).toBeCloseTo(1 / 6, 12);
    expect(r.excessFloor).toBeCloseTo(2 / 6, 12);
    expect(r.floorSource).toBe('mixed');
    expect(r.excessVignettes).toBe(3);
    expect(pairedExcess(new Map([['a', level.get('a')!], ['c', level.get('c')!]]), paraphrase, { seed: 5, bootstrapResamples: 500 }).floorSource).toBe('authored');
    expect(pairedExcess(new Map([['b', level.get('b')!]]), paraphrase, { seed: 5, bootstrapResamples: 500 })).toMatchObject({ floorSource: 'added-sentence', excessCi: null, excessVerdict: null });
    expect(pairedExcess(new Map([['d', level.get('d')!]]), paraphrase, { seed: 5, bootstrapResamples: 500 })).toEqual({ excess: null, excessCi: null, excessFloor: null, floorSource: null, excessVignettes: 0, excessVerdict: null });
  });

  it('its interval is the percentile cluster bootstrap over vignettes of the same statistic, from the seed', () => {
    const level = new Map<string, { pairs: number; flips: number }>();
    const paraphrase = new Map<string, SourceCounts>();
    for (let v = 0; v < 25; v++) {
      const id = `v${String(v).padStart(2, '0')}`;
      level.set(id, { pairs: 1 + (v % 3), flips: v % 4 === 0 ? 1 + (v % 3) : v % 2 });
      paraphrase.set(id, v % 5 === 0 ? counts([0, 0], [2, v % 3 === 0 ? 1 : 0]) : counts([1 + (v % 2), v % 7 === 0 ? 1 : 0], [0, 0]));
    }
    const r = pairedExcess(level, paraphrase, { seed: 99, bootstrapResamples: 1000 });
    // The same resamples through the generic cluster bootstrap (one unit per vignette, same seed and draw order).
    const clusters = new Map<string, { n: number; k: number; floor: number }[]>();
    for (const [id, l] of level) {
      const c = paraphrase.get(id)!;
      const source = c.authored.pairs > 0 ? c.authored : c['added-sentence'];
      clusters.set(id, [{ n: l.pairs, k: l.flips, floor: (l.pairs * source.flips) / source.pairs }]);
    }
    const sum = (units: readonly { n: number; k: number; floor: number }[], f: (u: { n: number; k: number; floor: number }) => number) => units.reduce((s, u) => s + f(u), 0);
    const check = clusterBootstrap({ clusters, statistic: (u) => (sum(u, (x) => x.k) - sum(u, (x) => x.floor)) / sum(u, (x) => x.n), seed: 99, nResamples: 1000 });
    expect(r.excess).toBeCloseTo(check.estimate, 12);
    expect(r.excessCi![0]).toBeCloseTo(check.ciLow, 12);
    expect(r.excessCi![1]).toBeCloseTo(check.ciHigh, 12);
    expect(pairedExcess(level, paraphrase, { seed: 99, bootstrapResamples: 1000 })).toEqual(r);
    expect(pairedExcess(level, paraphrase, { seed: 99, bootstrapResamples: 0 }).excessCi).toBeNull();
  });

  it('noise floors report each source apart beside the pooled floor', () => {
    const ref = (v: string, outcome: 'correct' | 'incorrect') => score({ vignetteId: v, outcome });
    const control = (v: string, i: number, source: 'authored' | 'added-sentence' | undefined, outcome: 'correct' | 'incorrect') => score({ vignetteId: v, outcome, kind: 'paraphrase', variantId: `${v}~paraphrase-${i}`, key: `${v}~p${i}`, ...(source ? { paraphrase: source } : {}) });
    const scores = [ref('a', 'correct'), control('a', 1, 'authored', 'incorrect'), control('a', 2, 'added-sentence', 'correct'), ref('b', 'correct'), control('b', 1, 'added-sentence', 'incorrect'), control('b', 2, 'added-sentence', 'incorrect'), control('b', 3, undefined, 'correct')];
    const [floor] = analyzeFlips([], scores, ['m'], { seed: 1, bootstrapResamples: 0 }).floors;
    expect(floor!.paraphrase).toMatchObject({ nPairs: 5, rate: 3 / 5 });
    expect(floor!.paraphraseBySource.authored).toMatchObject({ nPairs: 1, rate: 1 });
    expect(floor!.paraphraseBySource['added-sentence']).toMatchObject({ nPairs: 3, rate: 2 / 3 });
    const w = wilsonInterval(2, 3);
    expect(floor!.paraphraseBySource['added-sentence']!.ci).toEqual([w.low, w.high]);
  });
});

describe('planted ground truth: the excess over the noise floor', () => {
  const AXES: Axis[] = [{ id: 'race', label: 'Race', slot: 'sentence', reference: 'white', file: 'race.yaml', levels: [{ id: 'white', label: 'White' }, { id: 'black', label: 'Black' }] }];
  const spec = (biases: InjectedBias[]): SimulatedSpec => ({ kind: 'simulated', id: 'sim', accuracy: { default: 0.8, byDomain: {} }, biases, unparseableRate: 0, instability: 0.3, params: {}, systemPrompt: '', concurrency: 1, timeoutMs: 1, maxRetries: 0 });
  const study = (biases: InjectedBias[], k: number) => {
    const seed = deriveSeed(31, 'excess', String(biases.length), String(k));
    const scores = simulateDesignScores({ spec: spec(biases), design: { kind: 'one-at-a-time' }, axes: AXES, vignettes: 60, replicates: 2, seed });
    const vignetteIds = [...new Set(scores.map((s) => s.vignetteId))];
    // Half the vignettes have one authored rewording; every vignette gets two paraphrase controls.
    scores.push(...simulatedControlScores({ spec: spec(biases), vignetteIds, replicates: 2, seed, paraphrases: 2, authored: (id) => (Number(id.slice(1)) % 2 === 0 ? 1 : 0) }));
    const { flips } = analyzeFlips(pairContrasts(scores, AXES), scores, ['sim'], { seed, bootstrapResamples: 1000 });
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
