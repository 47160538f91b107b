import { describe, expect, it } from 'vitest';
import { selectRandomSample } from '../../src/review/sample.js';
import type { Outcome, ScoreRecord } from '../../src/score/types.js';

function score(i: number, outcome: Outcome, judged: boolean): ScoreRecord {
  return {
    key: `key-${String(i).padStart(4, '0')}`,
    variantId: `v${i}~ref`,
    vignetteId: `v${i}`,
    modelId: 'm',
    replicate: 0,
    outcome,
    extracted: null,
    ...(judged ? { judge: { verdict: 'adequate', confidence: 1, reason: '' } } : {}),
  } as unknown as ScoreRecord;
}

describe('selectRandomSample', () => {
  const judged = Array.from({ length: 40 }, (_, i) => score(i, i % 5 === 0 ? 'incorrect' : 'correct', true));
  const plain = Array.from({ length: 20 }, (_, i) => score(100 + i, 'correct', false));
  const errors = Array.from({ length: 10 }, (_, i) => score(200 + i, 'error', true));

  it('draws from the judge-scored answers when there are any, never a request error', () => {
    const sample = selectRandomSample([...plain, ...judged, ...errors], 7, 10);
    expect(sample).toMatchObject({ population: 40, populationKind: 'judged' });
    expect(sample.items).toHaveLength(10);
    expect(sample.items.every((item) => judged.some((s) => s.key === item.a.responseKey))).toBe(true);
    expect(new Set(sample.items.map((item) => item.a.responseKey)).size).toBe(10);
    expect(sample.items.every((item) => item.reasons.join() === 'random-sample' && item.type === 'single')).toBe(true);
  });

  it('falls back to every scored answer without a judge, and gives all of them when fewer than asked', () => {
    expect(selectRandomSample(plain, 7, 50)).toMatchObject({ population: 20, populationKind: 'scored' });
    expect(selectRandomSample(plain, 7, 50).items).toHaveLength(20);
  });

  it('does not depend on the order of the scores, and a larger sample contains the smaller', () => {
    const keys = (n: number, scores: ScoreRecord[]) =>
      selectRandomSample(scores, 11, n)
        .items.map((i) => i.a.responseKey)
        .sort();
    expect(keys(10, [...judged].reverse())).toEqual(keys(10, judged));
    expect(keys(20, judged)).toEqual(expect.arrayContaining(keys(10, judged)));
  });

  it('gives every answer the same chance: over 2,000 seeds each of 40 is drawn about 10 of 40 times', () => {
    const drawn = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed++)
      for (const item of selectRandomSample(judged, seed, 10).items)
        drawn.set(item.a.responseKey, (drawn.get(item.a.responseKey) ?? 0) + 1);
    // Expected 500 each; binomial sd ≈ 19.4, so ±5 sd is 403-597 and a biased draw (e.g. by key order) falls outside.
    for (const s of judged) expect(Math.abs((drawn.get(s.key) ?? 0) - 500)).toBeLessThan(97);
    // Not tied to the outcome: the wrong answers (1 in 5) make up about a fifth of the draws.
    const wrong = judged.filter((s) => s.outcome === 'incorrect').reduce((n, s) => n + (drawn.get(s.key) ?? 0), 0);
    expect(Math.abs(wrong / 20_000 - 0.2)).toBeLessThan(0.02);
  });

  it('refuses a sample size that is not a positive integer, naming itself', () => {
    expect(() => selectRandomSample(judged, 1, 0)).toThrow(/selectRandomSample: n must be a positive integer/);
  });
});
