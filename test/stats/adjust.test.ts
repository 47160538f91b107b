import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/stats/adjust.js';

const p = [0.01, 0.02, 0.03, 0.04, 0.05];

describe('adjustPValues', () => {
  it('bonferroni: m·p capped at 1', () => {
    const r = adjustPValues(p, 'bonferroni');
    [0.05, 0.1, 0.15, 0.2, 0.25].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 15));
    expect(adjustPValues([0.3, 0.6], 'bonferroni')).toEqual([0.6, 1]);
  });
  it('holm: step-down with running max', () => {
    const r = adjustPValues(p, 'holm');
    [0.05, 0.08, 0.09, 0.09, 0.09].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 15));
  });
  it('bh and by', () => {
    adjustPValues(p, 'bh').forEach((v) => expect(v).toBeCloseTo(0.05, 15));
    const cm = 1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5;
    adjustPValues(p, 'by').forEach((v) => expect(v).toBeCloseTo(0.05 * cm, 14));
  });
  it('none: the p-values themselves, NaN kept (a contrast family declared without correction)', () => {
    expect(adjustPValues([0.04, NaN, 0.001, 1], 'none')).toEqual([0.04, NaN, 0.001, 1]);
  });
  it('returns input order for unsorted input', () => {
    const bh = adjustPValues([0.04, 0.01, 0.03], 'bh');
    [0.04, 0.03, 0.04].forEach((v, i) => expect(bh[i]).toBeCloseTo(v, 15));
    const holm = adjustPValues([0.04, 0.01, 0.03], 'holm');
    [0.06, 0.03, 0.06].forEach((v, i) => expect(holm[i]).toBeCloseTo(v, 15));
  });
  it('NaN stays NaN and is excluded from m', () => {
    const r = adjustPValues([0.01, NaN, 0.02], 'bonferroni');
    expect(r[0]).toBeCloseTo(0.02, 15);
    expect(r[1]).toBeNaN();
    expect(r[2]).toBeCloseTo(0.04, 15);
  });
  it('validates input', () => {
    expect(() => adjustPValues([0.5, 1.2], 'holm')).toThrow('adjustPValues: p-values must be in [0, 1] or NaN (got pValues[1]=1.2)');
    // @ts-expect-error invalid method on purpose
    expect(() => adjustPValues([0.5], 'fdr')).toThrow(/method must be one of/);
    expect(adjustPValues([], 'bh')).toEqual([]);
  });
});
