import { describe, expect, it } from 'vitest';
import { testShifts } from '../../src/analysis/shifts.js';

describe('testShifts', () => {
  it('gives no interval when no vignette moved: a zero-width interval from four vignettes would read as certainty', () => {
    const r = testShifts([0, 0, 0, 0]);
    expect(r.meanShift).toBe(0);
    expect(r.meanShiftCi).toBeNull();
    expect(r.wilcoxonP).toBe(1);
    expect(r.lessCare).toBe(0);
  });

  it('gives no interval when every vignette moved alike', () => {
    const r = testShifts([-1, -1, -1]);
    expect(r.meanShift).toBe(-1);
    expect(r.meanShiftCi).toBeNull();
    expect(r.lessCare).toBe(1);
  });

  it('gives the paired t interval otherwise (mean ± t(0.975, n − 1) · sd / √n)', () => {
    const shifts = [-1, 0, -2, 0, -1];
    const r = testShifts(shifts);
    const mean = -0.8;
    const sd = Math.sqrt(shifts.reduce((a, s) => a + (s - mean) ** 2, 0) / 4);
    const half = (2.7764451051977987 * sd) / Math.sqrt(5); // qt(0.975, 4) in R
    expect(r.meanShiftCi![0]).toBeCloseTo(mean - half, 12);
    expect(r.meanShiftCi![1]).toBeCloseTo(mean + half, 12);
  });
});
