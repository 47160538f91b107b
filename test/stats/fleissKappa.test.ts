import { describe, expect, it } from 'vitest';
import { fleissKappa } from '../../src/stats/fleissKappa.js';

describe('fleissKappa', () => {
  it('perfect agreement with varied categories gives 1', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
        [0, 3],
      ]),
    ).toBe(1);
  });
  it('Fleiss (1971) / Wikipedia worked example: κ ≈ 0.210', () => {
    const t = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(t)).toBeCloseTo(0.20993070442195522, 14);
  });
  it('two raters: agrees with the hand formula', () => {
    // subjects: agree, agree, disagree ; p = (3/6, 3/6) ; P̄ = 2/3 ; P̄e = 1/2
    expect(
      fleissKappa([
        [2, 0],
        [0, 2],
        [1, 1],
      ]),
    ).toBeCloseTo((2 / 3 - 0.5) / 0.5, 15);
  });
  it('validates input', () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow('fleissKappa: every subject must have the same number of raters (row 0 has 3, row 1 has 2)');
    expect(() => fleissKappa([[1, 0]])).toThrow(/at least 2 raters/);
  });
});
