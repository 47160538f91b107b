import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusteredMcNemar } from '../../src/stats/clusteredMcnemar.js';

interface Fixture {
  cases: {
    id: string;
    input: { table: number[][] };
    options: { method: string; correction?: boolean };
    expected: { statistic: number | string; pvalue: number | string };
  }[];
}
const fixtures = JSON.parse(readFileSync(new URL('../../../shared/reference/stats/mcnemar.json', import.meta.url), 'utf8')) as Fixture;

describe('clusteredMcNemar', () => {
  it('with one pair per cluster equals the uncorrected McNemar test of the reference fixtures', () => {
    const cases = fixtures.cases.filter(
      (c) => c.options.method === 'asymptotic' && c.options.correction === false && typeof c.expected.statistic === 'number',
    );
    expect(cases.length).toBeGreaterThan(4);
    for (const c of cases) {
      const [[, n10], [n01]] = c.input.table as [[number, number], [number, number]];
      const b = [...Array(n10).fill(1), ...Array(n01).fill(0)];
      const cc = [...Array(n10).fill(0), ...Array(n01).fill(1)];
      const r = clusteredMcNemar(b, cc);
      expect(r.statistic, c.id).toBeCloseTo(c.expected.statistic as number, 9);
      expect(Math.abs(r.pValue - (c.expected.pvalue as number)) / (c.expected.pvalue as number), c.id).toBeLessThan(1e-9);
    }
  });

  it('uses the between-cluster variance of b - c', () => {
    const r = clusteredMcNemar([3, 2, 0, 1], [0, 1, 0, 0]);
    // (6 - 1)^2 / (9 + 1 + 0 + 1) = 25 / 11
    expect(r.statistic).toBeCloseTo(25 / 11, 15);
    expect(r.df).toBe(1);
    expect(clusteredMcNemar([0, 0], [0, 0])).toEqual({ statistic: 0, df: 1, pValue: 1 });
  });

  it('names the broken constraint', () => {
    expect(() => clusteredMcNemar([1], [1, 2])).toThrow(/clusteredMcNemar: b and c must be arrays of the same length/);
    expect(() => clusteredMcNemar([-1], [0])).toThrow(/non-negative integers \(cluster 0: b=-1, c=0\)/);
  });
});
