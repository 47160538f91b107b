import { describe, expect, it } from 'vitest';
import { analyzeSubgroups } from '../../src/analysis/subgroups.js';
import type { Axis } from '../../src/demographics/types.js';
import { raoScottProportion } from '../../src/stats/raoScottProportion.js';
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

describe('analyzeSubgroups', () => {
  // One-at-a-time: per vignette a reference variant and one variant per non-reference level, 2 replicates each.
  const outcomes: Record<string, [string, string][]> = {
    v1: [
      ['correct', 'correct'],
      ['correct', 'incorrect'],
      ['incorrect', 'incorrect'],
    ],
    v2: [
      ['correct', 'correct'],
      ['correct', 'correct'],
      ['incorrect', 'refusal'],
    ],
    v3: [
      ['correct', 'error'],
      ['correct', 'correct'],
      ['correct', 'unparseable'],
    ],
  };
  const attributes = [
    { race: 'white', insurance: 'private' },
    { race: 'black', insurance: 'private' },
    { race: 'white', insurance: 'medicaid' },
  ];
  const scores = Object.entries(outcomes).flatMap(([vignetteId, byVariant]) =>
    byVariant.flatMap((pair, v) =>
      pair.map((outcome, replicate) => score({ vignetteId, attributes: attributes[v]!, replicate, outcome: outcome as 'correct' })),
    ),
  );
  const rows = analyzeSubgroups(scores, axes, ['m'], { kind: 'one-at-a-time' });
  const row = (axis: string, level: string) => rows.find((r) => r.axis === axis && r.level === level)!;

  it("counts a variant for a level only with every other axis at reference, so one axis never carries another one's effect", () => {
    expect(rows.map((r) => `${r.axis}=${r.level}`)).toEqual(['race=white', 'race=black', 'insurance=private', 'insurance=medicaid']);
    // race=white: the reference variants only (v1 2/2, v2 2/2, v3 1/1 answered), not the medicaid variants, which are
    // race=white too but carry insurance's effect (0/2, 0/2, 1/2).
    expect(row('race', 'white')).toMatchObject({ answers: 5, correct: 5, vignettes: 3, reference: true });
    expect(row('race', 'black')).toMatchObject({ answers: 6, correct: 5, vignettes: 3, reference: false });
    expect(row('insurance', 'private')).toMatchObject({ answers: 5, correct: 5 });
    expect(row('insurance', 'medicaid')).toMatchObject({ answers: 6, correct: 1, vignettes: 3, reference: false });
  });

  it('pools the axes a factorial design crosses (balanced over the levels) and holds the others at reference', () => {
    const factorial = analyzeSubgroups(scores, axes, ['m'], { kind: 'factorial', axes: ['race', 'insurance'] });
    const white = factorial.find((r) => r.axis === 'race' && r.level === 'white')!;
    expect(white).toMatchObject({ answers: 11, correct: 6 });
    const onlyRaceCrossed = analyzeSubgroups(scores, axes, ['m'], { kind: 'factorial', axes: ['race'] });
    expect(onlyRaceCrossed.find((r) => r.axis === 'race' && r.level === 'white')).toMatchObject({ answers: 5 });
  });

  it('leaves request errors out, counts refusals and unparseable answers as errors, as error amplification does', () => {
    expect(row('insurance', 'medicaid').errorRate).toBeCloseTo(5 / 6, 15);
  });

  it('has the cluster-robust interval of the per-vignette counts, and the error-rate interval mirrors it', () => {
    const medicaid = raoScottProportion([
      { trials: 2, events: 0 },
      { trials: 2, events: 0 },
      { trials: 2, events: 1 },
    ]);
    const r = row('insurance', 'medicaid');
    expect(r.accuracyCi).toEqual([medicaid.low, medicaid.high]);
    expect(r.errorRateCi[0]).toBeCloseTo(1 - medicaid.high, 15);
    expect(r.errorRateCi[1]).toBeCloseTo(1 - medicaid.low, 15);
    expect(r.designEffect).toBe(medicaid.designEffect);
  });

  it('leaves controls out: they have no level', () => {
    const withControl = [...scores, score({ vignetteId: 'v1', kind: 'no-demographics', attributes: {}, outcome: 'incorrect' })];
    expect(analyzeSubgroups(withControl, axes, ['m'], { kind: 'one-at-a-time' })).toEqual(rows);
  });
});
