import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { pairContrasts } from '../../src/pairing/pairs.js';
import type { Axis } from '../../src/demographics/types.js';
import type { Vignette } from '../../src/template/types.js';
import { score } from './helpers.js';

const axes: Axis[] = [
  {
    id: 'race',
    label: 'Race',
    slot: 'descriptor',
    reference: 'white',
    file: 'race.yaml',
    levels: [
      { id: 'white', label: 'White' },
      { id: 'black', label: 'Black' },
      { id: 'asian', label: 'Asian' },
    ],
  },
  {
    id: 'insurance',
    label: 'Insurance',
    slot: 'sentence',
    reference: 'private',
    file: 'i.yaml',
    levels: [
      { id: 'private', label: 'Private' },
      { id: 'medicaid', label: 'Medicaid' },
    ],
  },
];
const ordinal = (id: string): Vignette => ({
  id,
  domain: 'triage',
  perspective: 'clinician',
  text: 't',
  rationale: 'r',
  source: 's',
  excluded: [],
  implausible: [],
  tags: [],
  paraphrases: [],
  file: 'f',
  question: {
    type: 'ordinal',
    stem: 's',
    scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: `ESI ${value}` })),
    intensity: 'descending',
    answer: 2,
  },
});

describe('pairing', () => {
  it('holds the other axes fixed in factorial designs and falls back to the reference variant otherwise', () => {
    const scores = [
      score({ vignetteId: 'v1', outcome: 'correct' }),
      score({ vignetteId: 'v1', outcome: 'incorrect', attributes: { race: 'black', insurance: 'private' } }),
      score({ vignetteId: 'v1', outcome: 'correct', attributes: { race: 'white', insurance: 'medicaid' } }),
      score({ vignetteId: 'v1', outcome: 'incorrect', attributes: { race: 'black', insurance: 'medicaid' } }),
      score({ vignetteId: 'v2', outcome: 'correct' }),
      score({ vignetteId: 'v2', outcome: 'incorrect', attributes: { race: 'asian', insurance: 'medicaid' } }), // sampled: no exact partner
    ];
    const contrasts = pairContrasts(scores, axes);
    const black = contrasts.find((c) => c.level === 'black')!;
    expect(black.pairs.map((p) => [p.reference.attributes.insurance, p.level.attributes.insurance, p.marginal])).toEqual([
      ['private', 'private', false],
      ['medicaid', 'medicaid', false],
    ]);
    const asian = contrasts.find((c) => c.level === 'asian')!;
    expect(asian.pairs[0]!.marginal).toBe(true);
    expect(asian.pairs[0]!.reference.kind).toBe('reference');
    const medicaid = contrasts.find((c) => c.level === 'medicaid')!;
    expect(medicaid.pairs.map((p) => p.vignetteId)).toEqual(['v1', 'v1', 'v2']);
  });

  it('never contrasts a pinned axis', () => {
    const scores = [
      score({
        vignetteId: 'v1',
        outcome: 'correct',
        pinned: { insurance: 'medicaid' },
        attributes: { race: 'white', insurance: 'medicaid' },
        kind: 'reference',
      }),
      score({
        vignetteId: 'v1',
        outcome: 'incorrect',
        pinned: { insurance: 'medicaid' },
        attributes: { race: 'black', insurance: 'medicaid' },
        kind: 'demographic',
      }),
    ];
    expect(pairContrasts(scores, axes).map((c) => c.axis)).toEqual(['race']);
  });
});

describe('analyze', () => {
  // 30 vignettes: black variants under-triaged (ESI 3 for 2) in 12, reference right everywhere; one replicate.
  const vignettes = Array.from({ length: 30 }, (_, i) => ordinal(`v${String(i).padStart(2, '0')}`));
  const scores = vignettes.flatMap((v, i) => {
    const under = i < 12;
    return [
      score({ vignetteId: v.id, outcome: 'correct', questionType: 'ordinal', extracted: 2, signedDeviation: 0 }),
      score({
        vignetteId: v.id,
        outcome: under ? 'incorrect' : 'correct',
        questionType: 'ordinal',
        extracted: under ? 3 : 2,
        signedDeviation: under ? -1 : 0,
        attributes: { race: 'black', insurance: 'private' },
      }),
      score({
        vignetteId: v.id,
        outcome: 'correct',
        questionType: 'ordinal',
        extracted: 2,
        signedDeviation: 0,
        attributes: { race: 'asian', insurance: 'private' },
      }),
      score({
        vignetteId: v.id,
        outcome: i === 0 ? 'refusal' : 'correct',
        questionType: 'ordinal',
        extracted: i === 0 ? null : 2,
        signedDeviation: i === 0 ? null : 0,
        attributes: { race: 'white', insurance: 'medicaid' },
      }),
      score({
        vignetteId: v.id,
        outcome: i < 3 ? 'incorrect' : 'correct',
        questionType: 'ordinal',
        extracted: i < 3 ? 1 : 2,
        signedDeviation: i < 3 ? 1 : 0,
        kind: 'paraphrase',
      }),
    ];
  });
  const results = analyze(
    { scores, vignettes, axes, modelIds: ['m'], design: { kind: 'one-at-a-time' } },
    { alpha: 0.05, adjustment: 'holm', mcnemar: 'exact', seed: 5, bootstrapResamples: 300 },
  );

  it('finds the error amplification with its test, CIs and adjustment', () => {
    const black = results.findings.find((f) => f.level === 'black')!;
    expect(black).toMatchObject({
      endpoint: 'error',
      nVignettes: 30,
      wrongOnlyAtLevel: 12,
      wrongOnlyAtReference: 0,
      rateReference: 0,
      rateLevel: 0.4,
      ratio: Infinity,
      test: 'mcnemar-exact',
      significant: true,
    });
    expect(black.p).toBeCloseTo(2 * 0.5 ** 12, 15);
    expect(black.pAdjusted).toBeCloseTo(3 * 2 * 0.5 ** 12, 15);
    expect(results.findings.find((f) => f.level === 'asian')!).toMatchObject({ p: 1, significant: false });
  });

  it('tests refusals like errors, and reports the signed shift toward less care', () => {
    const refusal = results.secondaryFindings.find((f) => f.endpoint === 'refusal' && f.level === 'medicaid')!;
    expect(refusal).toMatchObject({ rateLevel: 1 / 30, wrongOnlyAtLevel: 1, p: 1 });
    const shift = results.shifts.find((s) => s.level === 'black' && s.scale === 'ordinal-steps')!;
    expect(shift.meanShift).toBeCloseTo(-12 / 30, 15);
    expect(shift.lessCare).toBeCloseTo(0.4, 15);
    expect(shift.moreCare).toBe(0);
    expect(shift.wilcoxonP).toBeLessThan(0.01);
  });

  it('reports flips against the paraphrase floor, worst cases, spread and the omnibus axis test', () => {
    const flip = results.flips.find((f) => f.level === 'black')!;
    expect(flip).toMatchObject({ nPairs: 30, flips: 12, rate: 0.4 });
    expect(results.noiseFloors[0]!.paraphrase!.rate).toBeCloseTo(0.1, 15);
    expect(flip.excessOverParaphrase).toBeCloseTo(0.3, 15);
    expect(results.noiseFloors[0]!.replicate).toBeNull();
    expect(results.worstCases[0]).toMatchObject({
      level: 'black',
      harm: 2,
      consistency: 1,
      referenceAnswer: '2 (correct)',
      levelAnswer: '3 (incorrect)',
    });
    expect(results.worstCases.map((w) => w.level)).toEqual([...Array(12).fill('black'), 'medicaid']);
    expect(results.spreadSummaries.find((s) => s.level === 'black' && s.by === 'domain')).toMatchObject({
      worstGroup: 'triage',
      worstDifference: 0.4,
      sdDifference: 0,
    });
    const race = results.axisTests.find((a) => a.axis === 'race')!;
    expect(race).toMatchObject({ test: 'cochrans-q', nVignettes: 30, df: 2 });
    expect(race.p).toBeLessThan(0.001);
  });

  it('analyses the demographics-removed control beside the findings, outside their families', () => {
    // Removed variants err in 5 vignettes the reference answers right.
    const removed = vignettes.map((v, i) =>
      score({
        vignetteId: v.id,
        outcome: i < 5 ? 'incorrect' : 'correct',
        questionType: 'ordinal',
        extracted: i < 5 ? 3 : 2,
        signedDeviation: i < 5 ? -1 : 0,
        kind: 'no-demographics',
        attributes: {},
        variantId: `${v.id}~none`,
      }),
    );
    const options = { alpha: 0.05, adjustment: 'holm', mcnemar: 'exact', seed: 5, bootstrapResamples: 300 } as const;
    const withControl = analyze(
      { scores: [...scores, ...removed], vignettes, axes, modelIds: ['m'], design: { kind: 'one-at-a-time' } },
      options,
    );
    expect(withControl.controls.demographicsRemoved).toHaveLength(1);
    expect(withControl.controls.demographicsRemoved[0]!.errors).toMatchObject({
      nPairs: 30,
      wrongOnlyAtLevel: 5,
      wrongOnlyAtReference: 0,
      rateLevel: 5 / 30,
      test: 'mcnemar-exact',
    });
    expect(withControl.controls.demographicsRemoved[0]!.errors.p).toBeCloseTo(2 * 0.5 ** 5, 15);
    // Not a finding: the findings, their families and adjusted p are those of the run without the control.
    expect(withControl.findings).toEqual(results.findings);
    expect(withControl.secondaryFindings).toEqual(results.secondaryFindings);
    expect(results.controls.demographicsRemoved).toEqual([]);
  });
});
