import { describe, expect, it } from 'vitest';
import { predictionPoweredMean } from '../../src/stats/predictionPoweredMean.js';

describe('predictionPoweredMean', () => {
  it('hand-checked example: estimate, rectifier and interval', () => {
    // Labelled: predictions 1,1,1,0 vs labels 1,0,1,1 -> residuals 0,1,0,-1: mean 0, sample variance 2/3.
    // Unlabelled predictions 1,0,1,1,0,1: mean 2/3, sample variance (4·(1/3)² + 2·(2/3)²)/5 = 4/15.
    // se = √((4/15)/6 + (2/3)/4) = √(2/45 + 1/6) = √(19/90); z(0.975) = 1.959963984540054.
    const r = predictionPoweredMean(
      [
        { prediction: 1, label: 1 },
        { prediction: 1, label: 0 },
        { prediction: 1, label: 1 },
        { prediction: 0, label: 1 },
      ],
      [1, 0, 1, 1, 0, 1],
    );
    const se = Math.sqrt(19 / 90);
    expect(r.estimate).toBeCloseTo(2 / 3, 14);
    expect(r.rectifier).toBe(0);
    expect(r.standardError).toBeCloseTo(se, 14);
    expect(r.low).toBeCloseTo(2 / 3 - 1.959963984540054 * se, 12);
    expect(r.high).toBeCloseTo(2 / 3 + 1.959963984540054 * se, 12);
    expect([r.nLabelled, r.nUnlabelled]).toEqual([4, 6]);
  });

  it('subtracts the labeller bias: predictions that over-call by a constant are corrected exactly', () => {
    const labelled = [0, 1, 0, 1, 1].map((label) => ({ prediction: label + 0.25, label }));
    const r = predictionPoweredMean(labelled, [0.25, 1.25, 1.25, 0.25]);
    expect(r.rectifier).toBeCloseTo(0.25, 15);
    expect(r.estimate).toBeCloseTo(0.5, 15);
    // Residuals are constant: only the unlabelled predictions' variance is left.
    expect(r.standardError).toBeCloseTo(Math.sqrt(1 / 3 / 4), 15);
  });

  it('validates input, naming the function', () => {
    expect(() => predictionPoweredMean([{ prediction: 1, label: 1 }], [1, 0])).toThrow(/predictionPoweredMean: needs at least 2 labelled/);
    expect(() =>
      predictionPoweredMean(
        [
          { prediction: 1, label: NaN },
          { prediction: 1, label: 1 },
        ],
        [1, 0],
      ),
    ).toThrow(/labelled\[0\]/);
    expect(() =>
      predictionPoweredMean(
        [
          { prediction: 1, label: 1 },
          { prediction: 0, label: 1 },
        ],
        [1, 0],
        { confLevel: 1 },
      ),
    ).toThrow(/confLevel/);
  });
});
