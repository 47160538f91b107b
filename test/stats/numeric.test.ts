import { describe, expect, it } from 'vitest';
import { averageRanks, pairwiseSum, solveLinearSystem } from '../../src/stats/numeric.js';

describe('numeric helpers', () => {
  it('average ranks and tie groups', () => {
    expect(averageRanks([3, 1, 3, 2, 3])).toEqual({ ranks: [4, 1, 4, 2, 4], ties: [3] });
    expect(averageRanks([])).toEqual({ ranks: [], ties: [] });
  });
  it('pairwise sum equals the exact sum for integers and uses NumPy blocking', () => {
    const a = Array.from({ length: 300 }, (_, i) => i + 1);
    expect(pairwiseSum(a)).toBe(45150);
    // NumPy: np.sum([1e16, 1, 1, 1, 1, 1, 1, 1, 1, -1e16]) == 8.0 (8-accumulator blocking);
    // naive left-to-right summation gives 0
    expect(pairwiseSum([1e16, 1, 1, 1, 1, 1, 1, 1, 1, -1e16])).toBe(8);
  });
  it('solves small systems and detects singular ones', () => {
    const x = solveLinearSystem(
      [
        [2, 1],
        [1, 3],
      ],
      [3, 5],
    )!;
    expect(x[0]).toBeCloseTo(0.8, 15);
    expect(x[1]).toBeCloseTo(1.4, 15);
    expect(
      solveLinearSystem(
        [
          [1, -1],
          [-1, 1],
        ],
        [1, 1],
      ),
    ).toBeNull();
  });
});
