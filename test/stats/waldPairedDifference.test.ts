import { describe, expect, it } from 'vitest';
import { newcombePairedDifference } from '../../src/stats/newcombePairedDifference.js';
import { waldPairedDifference } from '../../src/stats/waldPairedDifference.js';

describe('waldPairedDifference', () => {
  it('D ± z·√((b + c) − (b − c)²/n)/n', () => {
    const r = waldPairedDifference({ n11: 40, n10: 10, n01: 10, n00: 40 });
    expect(r.estimate).toBe(0);
    expect(r.se).toBeCloseTo(Math.sqrt(20) / 100, 15);
    expect(r.high).toBeCloseTo(-r.low, 15);
    expect(waldPairedDifference({ n11: 20, n10: 0, n01: 0, n00: 15 })).toMatchObject({ low: 0, high: 0, se: 0 });
  });
  it('validates input', () => {
    // n = 0 is a value, not an error: nothing is known
    const empty = waldPairedDifference({ n11: 0, n10: 0, n01: 0, n00: 0 });
    expect([empty.low, empty.high]).toEqual([NaN, NaN]);
    expect(() => newcombePairedDifference({ n11: 1, n10: -1, n01: 0, n00: 0 })).toThrow(
      'newcombePairedDifference: n10 must be a non-negative integer (got n10=-1)',
    );
  });
});
