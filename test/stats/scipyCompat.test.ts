import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/stats/distributions.js';
import { brentq, cdflibStudentTQuantile } from '../../src/stats/scipyCompat.js';

describe('scipy-compat solvers', () => {
  it('brentq finds roots to its tolerance and checks the bracket', () => {
    expect(Math.abs(brentq((x) => x * x - 2, 0, 2) - Math.SQRT2)).toBeLessThan(4e-12);
    expect(brentq((x) => x - 0.25, 0, 1)).toBeCloseTo(0.25, 12);
    expect(() => brentq((x) => x * x + 1, 0, 1)).toThrow(/different signs/);
  });
  it('CDFLIB t quantile is within ~1e-9 of the exact quantile', () => {
    for (const df of [1, 2, 5, 19, 999]) {
      for (const p of [0.025, 0.5 + 1e-3, 0.975]) {
        const e = studentTQuantile(p, df);
        expect(Math.abs(cdflibStudentTQuantile(p, df) - e) / Math.abs(e)).toBeLessThan(1e-8);
      }
    }
    expect(cdflibStudentTQuantile(0, 3)).toBe(-Infinity);
  });
});
