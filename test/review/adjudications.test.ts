import { describe, expect, it } from 'vitest';
import { applyAdjudications, withoutAdjudications, type AdjudicationRecord } from '../../src/review/adjudications.js';
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
    { ...provenance, target: 'response', responseKey: 'b', label: 'correct', by: 'Dr A' },
    { ...provenance, target: 'response', responseKey: 'b', label: 'incorrect', by: 'Dr B', at: '2026-11-24' },
    { ...provenance, target: 'pair', referenceKey: 'a', levelKey: 'b', label: 'different', by: 'Dr B' },
  ];

  it('sets the outcome from the latest label, keeps the automated outcome, and labels the pairwise verdict', () => {
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
