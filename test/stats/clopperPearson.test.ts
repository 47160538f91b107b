import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialSf } from '../../src/stats/distributions.js';
import { clopperPearsonInterval } from '../../src/stats/clopperPearson.js';

describe('clopperPearsonInterval', () => {
  it('closed forms at k = 0 and k = n', () => {
    expect(clopperPearsonInterval(0, 10).high).toBeCloseTo(1 - 0.025 ** (1 / 10), 14);
    expect(clopperPearsonInterval(10, 10).low).toBeCloseTo(0.025 ** (1 / 10), 14);
    expect(clopperPearsonInterval(1, 1).low).toBeCloseTo(0.025, 15);
  });
  it('limits solve the binomial tail equations', () => {
    const { low, high } = clopperPearsonInterval(7, 20);
    expect(binomialSf(6, 20, low)).toBeCloseTo(0.025, 14);
    expect(binomialCdf(7, 20, high)).toBeCloseTo(0.025, 14);
  });
  it('symmetry: interval for n − k mirrors the one for k', () => {
    const a = clopperPearsonInterval(3, 17);
    const b = clopperPearsonInterval(14, 17);
    expect(a.low).toBeCloseTo(1 - b.high, 14);
    expect(a.high).toBeCloseTo(1 - b.low, 14);
  });
  it('SciPy-compatible brentq solver agrees to ~1e-12', () => {
    const a = clopperPearsonInterval(2, 50);
    const b = clopperPearsonInterval(2, 50, { solver: 'scipy' });
    expect(Math.abs(a.low - b.low)).toBeLessThan(2e-12);
    expect(Math.abs(b.low - 0.004881433426136251)).toBeLessThan(1e-17); // SciPy 1.10 digits (the exact limit is …164353)
  });
  it('validates input', () => {
    expect(() => clopperPearsonInterval(1, 0)).toThrow('clopperPearsonInterval: n must be a positive integer (got n=0)');
    expect(() => clopperPearsonInterval(1, 5, { confLevel: 0 })).toThrow(/confLevel must be in \(0, 1\)/);
  });
});
