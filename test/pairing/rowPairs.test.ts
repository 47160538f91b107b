import { describe, expect, it } from 'vitest';
import { RowPairs } from '../../src/pairing/rowPairs.js';
import { score } from '../analysis/helpers.js';

describe('RowPairs', () => {
  it('gives back every pair added, past several doublings, as objects over the rows it names, and knows a marginal one', () => {
    const scores = Array.from({ length: 100 }, (_, i) =>
      score({ vignetteId: `v${i % 7}`, replicate: i % 3, outcome: i % 2 ? 'correct' : 'incorrect' }),
    );
    const rows = new RowPairs();
    const added: [number, number, boolean][] = Array.from({ length: 40 }, (_, i) => [(i * 13) % 100, (i * 29 + 1) % 100, i % 5 === 0]);
    for (const [reference, level, marginal] of added) rows.add(reference, level, marginal);
    rows.trim();
    const pairs = [...rows.each(scores)];
    expect(rows.length).toBe(40);
    expect(pairs.map((p) => [scores.indexOf(p.reference), scores.indexOf(p.level), p.marginal])).toEqual(added);
    expect(pairs.map((p) => [p.vignetteId, p.replicate])).toEqual(added.map(([, l]) => [scores[l]!.vignetteId, scores[l]!.replicate]));
    expect(rows.anyMarginal()).toBe(true);
  });
});
