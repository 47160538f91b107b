import { describe, expect, it } from 'vitest';
import { formatPValue } from '../../src/util/pValue.js';
import { pValue } from '../../src/report/format.js';
import { mcnemar } from '../../src/stats/mcnemar.js';

describe('formatPValue', () => {
  it('four decimals, scientific below 0.0001, a dash for what does not exist', () => {
    expect([0.04321, 1, 0.0001, 2e-5, 3.7159e-5].map(formatPValue)).toEqual(['0.0432', '1.0000', '0.0001', '2.0e-5', '3.7e-5']);
    expect([null, undefined, NaN].map(formatPValue)).toEqual(['—', '—', '—']);
  });
  it('never prints an underflowed p as 0: below 1e-300 it is "< 1e-300"', () => {
    expect(formatPValue(0)).toBe('< 1e-300');
    expect(formatPValue(5e-324)).toBe('< 1e-300');
    expect(formatPValue(9.9e-301)).toBe('< 1e-300');
    expect(formatPValue(1.5e-300)).toBe('1.5e-300');
    const p = mcnemar(2000, 0).pValue; // 2^-1999 underflows to 0
    expect(formatPValue(p)).toBe('< 1e-300');
  });
  it('is the formatter the report uses', () => {
    expect(pValue).toBe(formatPValue);
  });
});
