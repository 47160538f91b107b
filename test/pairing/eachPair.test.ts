import { describe, expect, it } from 'vitest';
import { eachPair, pairContrasts, pairCounts, someMarginal } from '../../src/pairing/pairs.js';
import { score, sentenceAxis } from '../analysis/helpers.js';

const axes = [sentenceAxis('race', ['white', 'black']), sentenceAxis('insurance', ['private', 'medicaid'])];

describe('eachPair and someMarginal', () => {
  it("read a contrast's rows as its pairs array does, and a spread copy by its own pairs", () => {
    const scores = ['v1', 'v2'].flatMap((vignetteId) => [
      score({ vignetteId, outcome: 'correct' }),
      score({ vignetteId, attributes: { race: 'black', insurance: 'medicaid' }, outcome: 'incorrect' }),
      score({ vignetteId, attributes: { race: 'black', insurance: 'private' }, outcome: 'correct' }),
    ]);
    const black = pairContrasts(scores, axes).find((c) => c.level === 'black')!;
    expect([...eachPair(black)]).toEqual(black.pairs);
    expect(black.pairs.map((p) => p.marginal)).toEqual([true, false, true, false]);
    expect(someMarginal(black)).toBe(true);
    expect(pairCounts(black)).toEqual({ total: 4, marginal: 2 });
    const exactOnly = { ...black, pairs: black.pairs.filter((p) => !p.marginal) };
    expect([...eachPair(exactOnly)]).toEqual(exactOnly.pairs);
    expect(someMarginal(exactOnly)).toBe(false);
    expect(pairCounts(exactOnly)).toEqual({ total: 2, marginal: 0 });
  });
});
