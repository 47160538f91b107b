import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { studentTSf } from '../../src/stats/distributions.js';
import { fixedEffectsRegression, type MatchedStratum } from '../../src/stats/fixedEffectsRegression.js';

interface PairedFixture {
  cases: {
    id: string;
    input: { x: number[]; y: number[] };
    options: { alternative?: string };
    expected: { statistic: number | string; pvalue: number | string; mean_diff: number | string };
  }[];
}
const pairedT = JSON.parse(
  readFileSync(new URL('../../../shared/reference/stats/paired_t.json', import.meta.url), 'utf8'),
) as PairedFixture;

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/** Ordinary least squares with one dummy per stratum, by the normal equations, and the CR1 meat by brute force. */
function dummyRegression(strata: readonly MatchedStratum[], k: number): { beta: number[]; covariance: number[][] } {
  const s = strata.length;
  const rows: { y: number; z: number[]; cluster: number }[] = [];
  strata.forEach((st, j) =>
    st.y.forEach((y, i) =>
      rows.push({ y, cluster: st.cluster, z: [...st.x[i]!, ...Array.from({ length: s }, (_, t) => (t === j ? 1 : 0))] }),
    ),
  );
  const p = k + s;
  const a = Array.from({ length: p }, (_, r) =>
    Array.from({ length: p }, (_, c) => rows.reduce((sum, row) => sum + row.z[r]! * row.z[c]!, 0)),
  );
  const inv = invert(a);
  const zty = Array.from({ length: p }, (_, r) => rows.reduce((sum, row) => sum + row.z[r]! * row.y, 0));
  const gamma = inv.map((row) => row.reduce((sum, v, c) => sum + v * zty[c]!, 0));
  const clusters = [...new Set(rows.map((r) => r.cluster))];
  const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const g of clusters) {
    const u = new Array<number>(p).fill(0);
    for (const row of rows.filter((r) => r.cluster === g)) {
      const e = row.y - row.z.reduce((sum, v, c) => sum + v * gamma[c]!, 0);
      row.z.forEach((v, c) => (u[c]! += v * e));
    }
    for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) meat[r]![c]! += u[r]! * u[c]!;
  }
  const sandwich = inv.map((row) =>
    meat[0]!.map((_, c) => row.reduce((sum, v, t) => sum + v * inv.reduce((acc, r2, q) => acc + meat[t]![q]! * r2[c]!, 0), 0)),
  );
  const factor = (clusters.length / (clusters.length - 1)) * ((rows.length - 1) / (rows.length - k));
  return { beta: gamma.slice(0, k), covariance: sandwich.slice(0, k).map((row) => row.slice(0, k).map((v) => v * factor)) };
}

function invert(m: readonly (readonly number[])[]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const d = a[c]![c]!;
    for (let j = 0; j < 2 * n; j++) a[c]![j]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      for (let j = 0; j < 2 * n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}

describe('fixedEffectsRegression', () => {
  it('with one pair per cluster is the paired t test of the reference fixtures', () => {
    const cases = pairedT.cases.filter(
      (c) =>
        (c.options.alternative ?? 'two-sided') === 'two-sided' &&
        typeof c.expected.statistic === 'number' &&
        Number.isFinite(c.expected.statistic),
    );
    expect(cases.length).toBeGreaterThan(3);
    for (const c of cases) {
      const strata = c.input.x.map((x, i) => ({ cluster: i, y: [x, c.input.y[i]!], x: [[1], [0]] }));
      const r = fixedEffectsRegression({ strata, nColumns: 1 });
      const t = r.coefficients[0]! / Math.sqrt(r.covariance[0]![0]!);
      expect(relative(r.coefficients[0]!, c.expected.mean_diff as number), c.id).toBeLessThan(1e-9);
      expect(relative(t, c.expected.statistic as number), c.id).toBeLessThan(1e-9);
      expect(relative(2 * studentTSf(Math.abs(t), r.df), c.expected.pvalue as number), c.id).toBeLessThan(1e-9);
    }
  });

  it('equals least squares with one dummy per stratum and its CR1 sandwich', () => {
    // Two crossed binary covariates, unbalanced strata of 2-4 rows, clusters holding two strata each.
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const strata: MatchedStratum[] = Array.from({ length: 24 }, (_, s) => {
      const m = 2 + (s % 3);
      const x = Array.from({ length: m }, (_, i) => [i === 0 ? 0 : next() < 0.5 ? 1 : 0, i === 0 ? 0 : next() < 0.5 ? 1 : 0]);
      if (x.every((row) => row[0] === 0)) x[1]![0] = 1;
      if (x.every((row) => row[1] === 0)) x[m - 1]![1] = 1;
      return { cluster: Math.floor(s / 2), y: x.map((row) => (next() < 0.2 + 0.3 * row[0]! ? 1 : 0)), x };
    });
    const r = fixedEffectsRegression({ strata, nColumns: 2 });
    const expected = dummyRegression(strata, 2);
    for (let a = 0; a < 2; a++) {
      expect(relative(r.coefficients[a]!, expected.beta[a]!)).toBeLessThan(1e-9);
      for (let b = 0; b < 2; b++) expect(relative(r.covariance[a]![b]!, expected.covariance[a]![b]!)).toBeLessThan(1e-9);
    }
    expect(r.df).toBe(11);
    expect(r.nObservations).toBe(strata.reduce((n, s) => n + s.y.length, 0));
  });

  it('reports a column that never varies within a stratum, or copies another, as not estimable', () => {
    const strata: MatchedStratum[] = [
      {
        cluster: 0,
        y: [1, 0, 1],
        x: [
          [1, 1, 1],
          [0, 1, 0],
          [0, 1, 0],
        ],
      },
      {
        cluster: 1,
        y: [0, 0, 1],
        x: [
          [0, 0, 0],
          [1, 0, 1],
          [0, 0, 0],
        ],
      },
      {
        cluster: 2,
        y: [1, 1],
        x: [
          [1, 0, 1],
          [0, 0, 0],
        ],
      },
    ];
    const r = fixedEffectsRegression({ strata, nColumns: 3 });
    expect(r.estimable).toEqual([true, false, false]);
    expect(r.coefficients[1]).toBeNaN();
    expect(r.coefficients[2]).toBeNaN();
    expect(Number.isFinite(r.coefficients[0]!)).toBe(true);
  });

  it('ignores strata of a single row and names the broken constraint', () => {
    const one = fixedEffectsRegression({
      nColumns: 1,
      strata: [
        { cluster: 0, y: [1, 0], x: [[1], [0]] },
        { cluster: 1, y: [1, 1], x: [[1], [0]] },
        { cluster: 2, y: [1], x: [[1]] },
      ],
    });
    expect(one.nClusters).toBe(2);
    expect(one.nObservations).toBe(4);
    expect(() => fixedEffectsRegression({ nColumns: 2, strata: [{ cluster: 0, y: [1, 0], x: [[1], [0]] }] })).toThrow(
      /fixedEffectsRegression: stratum 0, row 0 has 1 covariates; expected 2/,
    );
    expect(() => fixedEffectsRegression({ nColumns: 1, strata: [{ cluster: -1, y: [1], x: [[1]] }] })).toThrow(
      /fixedEffectsRegression: stratum 0 has cluster -1/,
    );
  });
});
