import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { analyzeProbes } from '../../src/analysis/probes.js';
import type { Axis } from '../../src/demographics/types.js';
import type { Outcome, ScoreRecord } from '../../src/score/types.js';
import { mcnemar } from '../../src/stats/mcnemar.js';
import { newcombePairedDifference } from '../../src/stats/newcombePairedDifference.js';
import { wilsonInterval } from '../../src/stats/wilson.js';
import type { Vignette } from '../../src/template/types.js';
import { score } from './helpers.js';

const RACE: Axis = {
  id: 'race',
  label: 'Race',
  slot: 'descriptor',
  reference: 'white',
  file: 'race.yaml',
  levels: ['white', 'black', 'asian'].map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) })),
};
const INSURANCE: Axis = {
  id: 'insurance',
  label: 'Insurance',
  slot: 'sentence',
  reference: 'private',
  file: 'insurance.yaml',
  levels: ['private', 'medicaid'].map((id) => ({ id, label: id })),
};
const AXES = [RACE, INSURANCE];

const vignette = (id: string, probe?: Vignette['probe']): Vignette =>
  ({
    id,
    domain: 'pain',
    perspective: 'clinician',
    text: 't',
    question: { type: 'choice', stem: 's', options: { A: 'a', B: 'b' }, answer: 'A' },
    rationale: 'r',
    source: 's',
    excluded: [],
    implausible: [],
    tags: [],
    paraphrases: [],
    file: 'f.yaml',
    probe,
    varies: probe ? [probe.axis] : undefined,
  }) as Vignette;

/** Replicate r of one vignette at one race level (insurance at reference). */
const at = (vignetteId: string, race: string, replicate: number, outcome: Outcome): ScoreRecord =>
  score({ vignetteId, replicate, outcome, attributes: { race, insurance: 'private' } });

describe('analyzeProbes', () => {
  // 20 replicates: the reference is right in every one; black is wrong in replicates 0-5, refused in 6;
  // asian (not targeted) wrong in replicate 0; replicate 19 at black failed (no answer).
  const scores: ScoreRecord[] = [];
  for (let r = 0; r < 20; r++) {
    scores.push(at('myth', 'white', r, 'correct'));
    scores.push(at('myth', 'black', r, r < 6 ? 'incorrect' : r === 6 ? 'refusal' : r === 19 ? 'error' : 'correct'));
    scores.push(at('myth', 'asian', r, r === 0 ? 'incorrect' : 'correct'));
  }
  const probe = { axis: 'race', levels: ['black'], myth: 'Black patients feel less pain.' };

  it('counts answers per level with a Wilson interval, and pairs replicates for the targeted level (exact McNemar, Newcombe)', () => {
    const [result, ...rest] = analyzeProbes(scores, [vignette('myth', probe)], AXES, ['m'], { mcnemar: 'exact', seed: 1 });
    expect(rest).toEqual([]); // one probe: no pooled row repeating it
    expect(result).toMatchObject({
      model: 'm',
      vignetteId: 'myth',
      axis: 'race',
      reference: 'white',
      targetLevels: ['black'],
      measured: true,
    });
    const black = result!.levels.find((l) => l.level === 'black')!;
    expect(black).toMatchObject({
      targeted: true,
      nAnswers: 19,
      nNoAnswer: 1,
      errors: 7,
      incorrect: 6,
      refusals: 1,
      unparseable: 0,
      lessCare: null,
    });
    const wilson = wilsonInterval(7, 19);
    expect(black.errorRateCi).toEqual([wilson.low, wilson.high]);
    // 19 usable pairs (replicate 19 had no answer at black): b = 7 wrong only at black, c = 0.
    const test = mcnemar(7, 0, { method: 'exact' });
    const ci = newcombePairedDifference({ n11: 0, n10: 7, n01: 0, n00: 12 }, { confLevel: 0.95 });
    expect(black.contrast).toMatchObject({
      nPairs: 19,
      nExcludedPairs: 1,
      wrongOnlyAtLevel: 7,
      wrongOnlyAtReference: 0,
      test: 'mcnemar-exact',
      p: test.pValue,
      differenceCi: [ci.low, ci.high],
    });
    expect(black.contrast!.p).toBeCloseTo(2 * 0.5 ** 7, 12);
    const asian = result!.levels.find((l) => l.level === 'asian')!;
    expect(asian).toMatchObject({ targeted: false, nAnswers: 20, errors: 1, contrast: null });
    expect(result!.levels.find((l) => l.level === 'white')).toMatchObject({ targeted: false, errors: 0, contrast: null });
    expect(result!.sentence).toBe(
      `On probe myth, model m answered against the key for Black patients in 7 of 19 answers (37 %, 95 % CI ${Math.round(100 * wilson.low)} %–${Math.round(100 * wilson.high)} %): +36.8 points against the reference on the same 19 pairs (95 % CI +${(100 * ci.low).toFixed(1)} to +${(100 * ci.high).toFixed(1)}), exact McNemar p = ${test.pValue.toFixed(4)}; and for White patients (the reference) in 0 of 20.`,
    );
  });

  it('says a probe was not measured when the study does not vary its axis', () => {
    const [result] = analyzeProbes(scores, [vignette('myth', probe)], [INSURANCE], ['m'], { mcnemar: 'exact', seed: 1 });
    expect(result).toMatchObject({ measured: false, levels: [] });
    expect(result!.sentence).toContain('not measured for model m: the study does not vary race');
  });

  it('compares nothing, and says so, when the study makes a targeted level its reference', () => {
    const blackReference = { ...RACE, reference: 'black' };
    const swapped = scores.map((s) => ({ ...s, kind: s.attributes.race === 'black' ? ('reference' as const) : ('demographic' as const) }));
    const [result] = analyzeProbes(swapped, [vignette('myth', probe)], [blackReference, INSURANCE], ['m'], { mcnemar: 'exact', seed: 1 });
    expect(result!.levels.every((l) => !l.targeted && l.contrast === null)).toBe(true);
    expect(result!.sentence).toBe(
      "On probe myth, model m: nothing was compared — the levels the myth is about (Black) have no answers here other than as the study's reference (Black).",
    );
  });

  it('is the only place a probe vignette is analysed: analyze keeps it out of pooled findings', () => {
    const ordinary: ScoreRecord[] = [];
    for (let v = 0; v < 6; v++) for (const race of ['white', 'black', 'asian']) ordinary.push(at(`plain-${v}`, race, 0, 'correct'));
    const vignettes = [vignette('myth', probe), ...Array.from({ length: 6 }, (_, v) => vignette(`plain-${v}`))];
    const results = analyze(
      { scores: [...scores, ...ordinary], vignettes, axes: AXES, modelIds: ['m'], design: { kind: 'one-at-a-time' } },
      { alpha: 0.05, adjustment: 'holm', mcnemar: 'exact', seed: 1, bootstrapResamples: 0 },
    );
    const black = results.findings.find((f) => f.level === 'black')!;
    expect([black.nVignettes, black.nPairs, black.rateLevel]).toEqual([6, 6, 0]);
    expect(results.probes!.map((p) => p.vignetteId)).toEqual(['myth']);
    expect(results.worstCases).toEqual([]);
  });
});
