import { describe, expect, it } from 'vitest';
import { applyAdjudications, resolveLabels, withoutAdjudications, type AdjudicationRecord } from '../../src/review/adjudications.js';
import { reviewAgreement } from '../../src/review/agreement.js';
import { cohensKappa } from '../../src/stats/cohensKappa.js';
import type { ScoreRecord } from '../../src/score/types.js';

const score = (key: string, outcome: ScoreRecord['outcome'], extra: Partial<ScoreRecord> = {}): ScoreRecord => ({
  key,
  modelId: 'm',
  vignetteId: 'v',
  variantId: `v~${key}`,
  replicate: 0,
  domain: 'd',
  perspective: 'clinician',
  questionType: 'free',
  attributes: {},
  kind: 'demographic',
  pinned: {},
  outcome,
  extracted: null,
  signedDeviation: null,
  hedge: false,
  extractor: 'judge',
  extractorVersion: 1,
  explanation: '',
  ...extra,
});
const provenance = { itemId: 'i', source: 'labels.csv:2', importedAt: '2026-11-23T00:00:00.000Z' };

describe('applyAdjudications', () => {
  const level = score('b', 'unscored', {
    pairwise: [
      {
        referenceKey: 'a',
        referenceVariantId: 'v~ref',
        order: 'level-first',
        model: 'j',
        promptVersion: 1,
        key: 'k',
        verdict: 'same',
        confidence: 0.6,
        reason: '',
        parse: 'json',
      },
    ],
  });
  const scores = [score('a', 'correct'), level];
  const records: AdjudicationRecord[] = [
    { ...provenance, target: 'response', responseKey: 'b', label: 'correct', by: 'Dr B' },
    { ...provenance, target: 'response', responseKey: 'b', label: 'incorrect', by: 'Dr B', at: '2026-11-24' },
    { ...provenance, target: 'pair', referenceKey: 'a', levelKey: 'b', label: 'different', by: 'Dr B' },
  ];

  it('sets the outcome from the reviewer’s latest label, keeps the automated outcome, and labels the pairwise verdict', () => {
    const [a, b] = applyAdjudications(scores, records);
    expect(a).toEqual(scores[0]);
    expect(b!.outcome).toBe('incorrect');
    expect(b!.adjudicated).toEqual({ label: 'incorrect', by: 'Dr B', at: '2026-11-24', automated: 'unscored' });
    expect(b!.pairwise![0]!.adjudicated).toEqual({ label: 'different', by: 'Dr B' });
    expect(b!.pairwise![0]!.verdict).toBe('same'); // the judge's own verdict stays on record
  });

  it('is undone by withoutAdjudications, so agreement can always be measured against automation', () => {
    expect(withoutAdjudications(applyAdjudications(scores, records))).toEqual(scores);
    expect(applyAdjudications(scores, [])).toEqual(scores);
  });
});

describe('several reviewers', () => {
  const label = (by: string, key: string, value: 'correct' | 'incorrect'): AdjudicationRecord => ({
    ...provenance,
    itemId: `item-${key}`,
    target: 'response',
    responseKey: key,
    label: value,
    by,
  });
  const scores = ['r1', 'r2', 'r3', 'r4'].map((k) => score(k, 'unscored'));
  const analysis = {
    axes: [],
    vignettes: [],
    modelIds: [],
    options: { alpha: 0.05, adjustment: 'holm', bootstrapResamples: 200, seed: 1 },
  } as never;

  it('never lets a second reviewer silently override the first: a disagreement is a conflict and the automated outcome stays', () => {
    const records = [
      label('Dr A', 'r1', 'correct'),
      label('Dr B', 'r1', 'incorrect'),
      label('Dr A', 'r2', 'correct'),
      label('Dr B', 'r2', 'correct'),
    ];
    const [r1, r2] = applyAdjudications(scores, records);
    expect(r1!.outcome).toBe('unscored');
    expect(r1!.adjudicated).toBeUndefined();
    expect(r2!.outcome).toBe('correct');
    expect(resolveLabels(records).conflicts).toEqual([
      {
        target: 'response',
        itemId: 'item-r1',
        keys: ['r1'],
        labels: [
          { by: 'Dr A', label: 'correct' },
          { by: 'Dr B', label: 'incorrect' },
        ],
      },
    ]);
    // The conflict is settled when the disagreeing reviewer relabels: that reviewer's latest label counts.
    expect(applyAdjudications(scores, [...records, label('Dr B', 'r1', 'correct')])[0]!.outcome).toBe('correct');
  });

  it("measures agreement between two reviewers with Cohen's kappa on the items both labelled, and lists the conflicts", () => {
    const records = [
      ...(['correct', 'correct', 'incorrect', 'incorrect'] as const).map((v, i) => label('Dr A', `r${i + 1}`, v)),
      ...(['correct', 'incorrect', 'incorrect', 'incorrect'] as const).map((v, i) => label('Dr B', `r${i + 1}`, v)),
    ];
    const agreement = reviewAgreement(scores, applyAdjudications(scores, records), records, analysis);
    const expected = cohensKappa([
      [1, 1, 0, 0],
      [0, 2, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(expected.kappa).toBeCloseTo(0.5, 12); // po = 3/4, pe = 1/2
    expect(agreement.interRater.responses).toEqual({
      method: 'cohen',
      reviewers: ['Dr A', 'Dr B'],
      nItems: 4,
      kappa: expected.kappa,
      ci95: [expected.ciLow, expected.ciHigh],
    });
    expect(agreement.interRater.pairs.method).toBeNull();
    expect(agreement.conflicts.map((c) => c.itemId)).toEqual(['item-r2']);
    expect(agreement.responses.n + agreement.responses.excluded).toBe(3); // automated-vs-clinician agreement only on the agreed labels
    expect(agreement.reviewers).toEqual(['Dr A', 'Dr B']);
  });

  it("uses Fleiss' kappa for three reviewers, over the items all of them labelled", () => {
    const votes = {
      r1: ['correct', 'correct', 'correct'],
      r2: ['incorrect', 'incorrect', 'incorrect'],
      r3: ['correct', 'correct', 'incorrect'],
    } as const;
    const records = Object.entries(votes).flatMap(([key, v]) => v.map((value, i) => label(`Dr ${'ABC'[i]}`, key, value)));
    records.push(label('Dr A', 'r4', 'correct'), label('Dr B', 'r4', 'incorrect')); // only two of three: not in Fleiss
    const agreement = reviewAgreement(scores, applyAdjudications(scores, records), records, analysis);
    // N = 3, m = 3: P = (1, 1, 1/3), P̄ = 7/9; p = (5/9, 4/9), P̄e = 41/81; κ = (7/9 − 41/81) / (40/81) = 0.55.
    expect(agreement.interRater.responses.method).toBe('fleiss');
    expect(agreement.interRater.responses.nItems).toBe(3);
    expect(agreement.interRater.responses.kappa).toBeCloseTo(0.55, 12);
    expect(agreement.conflicts.map((c) => c.itemId)).toEqual(['item-r3', 'item-r4']);
  });
});

describe('partly correct and unsure', () => {
  const scores = [score('p', 'correct'), score('u', 'incorrect')];
  const records: AdjudicationRecord[] = [
    { ...provenance, itemId: 'item-p', target: 'response', responseKey: 'p', label: 'partly-correct', by: 'Dr A' },
    { ...provenance, itemId: 'item-u', target: 'response', responseKey: 'u', label: 'unsure', by: 'Dr A' },
  ];
  const analysis = {
    axes: [],
    vignettes: [],
    modelIds: [],
    options: { alpha: 0.05, adjustment: 'holm', bootstrapResamples: 200, seed: 1 },
  } as never;

  it('counts partly correct as not correct (keeping the label) and leaves the automated outcome of an unsure answer', () => {
    const [p, u] = applyAdjudications(scores, records);
    expect(p!.outcome).toBe('incorrect');
    expect(p!.adjudicated).toEqual({ label: 'partly-correct', by: 'Dr A', automated: 'correct' });
    expect(u).toEqual(scores[1]);
  });

  it('lists unsure answers and compares partly correct with automation as incorrect', () => {
    const agreement = reviewAgreement(scores, applyAdjudications(scores, records), records, analysis);
    expect(agreement.unsure).toEqual([{ itemId: 'item-u', responseKey: 'u', by: 'Dr A' }]);
    expect(agreement.responses.categories).toEqual(['correct', 'incorrect', 'refusal', 'unparseable']);
    expect(agreement.responses.table[0]).toEqual([0, 1, 0, 0]); // automated correct, reviewer partly correct
    expect(agreement.responses.n).toBe(1);
  });
});
