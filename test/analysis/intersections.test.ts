import { describe, expect, it } from 'vitest';
import { analyzeIntersections } from '../../src/analysis/intersections.js';
import type { Axis } from '../../src/demographics/types.js';
import { score } from './helpers.js';

const axes: Axis[] = [
  {
    id: 'race',
    label: 'Race',
    slot: 'descriptor',
    reference: 'white',
    file: 'r',
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
    file: 'i',
    levels: [
      { id: 'private', label: 'Private' },
      { id: 'medicaid', label: 'Medicaid' },
    ],
  },
];

describe('intersections', () => {
  it('measures the interaction of two levels per vignette and tests it', () => {
    // 20 vignettes: each single level alone is harmless, the combination is wrong in 12 of them.
    const scores = Array.from({ length: 20 }, (_, i) => `v${i}`).flatMap((v, i) => [
      score({ vignetteId: v, outcome: 'correct', attributes: { race: 'white', insurance: 'private' } }),
      score({ vignetteId: v, outcome: 'correct', attributes: { race: 'black', insurance: 'private' } }),
      score({ vignetteId: v, outcome: 'correct', attributes: { race: 'white', insurance: 'medicaid' } }),
      score({ vignetteId: v, outcome: i < 12 ? 'incorrect' : 'correct', attributes: { race: 'black', insurance: 'medicaid' } }),
    ]);
    const [cell] = analyzeIntersections(scores, axes, ['race', 'insurance'], ['m']);
    expect(cell).toMatchObject({
      axisA: 'race',
      levelA: 'black',
      axisB: 'insurance',
      levelB: 'medicaid',
      nVignettes: 20,
      rateReference: 0,
      rateCell: 0.6,
    });
    expect(cell!.interaction).toBeCloseTo(0.6, 15);
    // one-sample t on d = 12 ones and 8 zeros: mean 0.6, sd sqrt(0.6*0.4*20/19)
    const sd = Math.sqrt((0.6 * 0.4 * 20) / 19);
    expect(cell!.interactionCi![0]).toBeLessThan(0.6);
    expect(cell!.interactionCi![1]).toBeGreaterThan(0.6);
    expect(cell!.interactionCi![1] - 0.6).toBeCloseTo(2.093024054408263 * (sd / Math.sqrt(20)), 9);
    expect(cell!.p).toBeLessThan(0.001);
  });

  it('is empty unless two axes are crossed', () => {
    expect(analyzeIntersections([], axes, ['race'], ['m'])).toEqual([]);
  });
});
