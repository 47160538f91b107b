import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runReferenceDir } from '../../src/stats/reference/run.js';

const REFERENCE_DIR = fileURLToPath(new URL('../../../shared/reference/stats', import.meta.url));

describe('reference fixtures', () => {
  it('every public reference case agrees with the implementation', () => {
    const r = runReferenceDir(REFERENCE_DIR);
    if (r.failures.length > 0) console.error(r.failures.join('\n'));
    expect(r.failures).toEqual([]);
    expect(r.failed).toBe(0);
    expect(r.passed).toBeGreaterThan(100);
  });
});

describe('reference runner', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'counterfair-ref-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports a deliberately wrong expected value as one failure line', () => {
    const dir = path.join(tmp, 'wrong');
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(REFERENCE_DIR, 'multipletests.json'), path.join(dir, 'multipletests.json'));
    const doc = JSON.parse(readFileSync(path.join(REFERENCE_DIR, 'mcnemar.json'), 'utf8')) as {
      cases: { id: string; expected: Record<string, unknown> }[];
    };
    const first = doc.cases[0]!;
    first.expected['pvalue'] = 0.5; // true value 0.453125
    doc.cases = [first, doc.cases[1]!];
    writeFileSync(path.join(dir, 'mcnemar.json'), JSON.stringify(doc));
    const r = runReferenceDir(dir);
    expect(r.failed).toBe(1);
    expect(r.passed).toBe(1 + 20);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(new RegExp(`^mcnemar\\.json ${first.id} pvalue: expected 0\\.5, got 0\\.45312(49999|5)`));
  });

  it('flags unknown tests, missing errors and NaN/Infinity mismatches', () => {
    const dir = mkdtempSync(path.join(tmp, 'misc-'));
    writeFileSync(path.join(dir, 'bogus.json'), JSON.stringify({ test: 'no_such_test', cases: [] }));
    writeFileSync(
      path.join(dir, 'mc.json'),
      JSON.stringify({
        test: 'mcnemar',
        cases: [
          {
            id: 'should-throw',
            input: {
              table: [
                [1, 2],
                [3, 4],
              ],
            },
            options: { method: 'exact' },
            expected: { error: 'boom' },
          },
          {
            id: 'nan',
            input: {
              table: [
                [1, 0],
                [0, 1],
              ],
            },
            options: { method: 'asymptotic' },
            expected: { statistic: 'NaN', pvalue: 'NaN' },
          },
          {
            id: 'not-nan',
            input: {
              table: [
                [1, 2],
                [0, 1],
              ],
            },
            options: { method: 'asymptotic' },
            expected: { statistic: 'NaN' },
          },
          {
            id: 'throws-ok',
            input: {
              table: [
                [1, -2],
                [0, 1],
              ],
            },
            options: {},
            expected: { error: 'negative' },
          },
        ],
      }),
    );
    const r = runReferenceDir(dir);
    expect(r.passed).toBe(2);
    expect(r.failed).toBe(3);
    expect(r.failures[0]).toMatch(/^bogus\.json - test: expected a known test name, got "no_such_test"$/);
    expect(r.failures).toContain('mc.json not-nan statistic: expected "NaN", got 2');
    expect(r.failures.some((l) => l.startsWith('mc.json should-throw error: expected an error'))).toBe(true);
  });

  it('checks every R block under R conventions, and counts them', () => {
    const r = runReferenceDir(REFERENCE_DIR);
    const rEntries = readdirSync(REFERENCE_DIR)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => (JSON.parse(readFileSync(path.join(REFERENCE_DIR, f), 'utf8')) as { cases: { r?: Record<string, unknown> }[] }).cases)
      .reduce((n, c) => n + Object.keys(c.r ?? {}).length, 0);
    expect(r.rChecked).toBe(rEntries);
    expect(rEntries).toBeGreaterThan(50);
  });

  it('never skips silently: a wrong R value, an unknown method, option or R call, an empty expected and a fixture in a subdirectory all count', () => {
    const dir = mkdtempSync(path.join(tmp, 'audit-'));
    mkdirSync(path.join(dir, 'held-out'));
    const table = [
      [5, 7],
      [7, 5],
    ];
    writeFileSync(
      path.join(dir, 'held-out', 'mc.json'),
      JSON.stringify({
        test: 'mcnemar',
        cases: [
          // R's mcnemar.test does not correct when b = c: statistic 0, p 1 (statsmodels: 1/14, 0.789...)
          {
            id: 'r-ok',
            input: { table },
            options: { method: 'asymptotic_cc' },
            expected: { statistic: 1 / 14 },
            r: { 'mcnemar.test(correct=TRUE)': { statistic: 0, pvalue: 1 } },
          },
          {
            id: 'r-wrong',
            input: { table },
            options: { method: 'asymptotic_cc' },
            expected: { statistic: 1 / 14 },
            r: { 'mcnemar.test(correct=TRUE)': { statistic: 1 / 14, pvalue: 0.7892680261342813 } },
          },
          { id: 'cc-r', input: { table }, options: { method: 'asymptotic_cc', cc_convention: 'r' }, expected: { statistic: 0, pvalue: 1 } },
          { id: 'bad-method', input: { table }, options: { method: 'asymptotic_yates' }, expected: { statistic: 0 } },
          { id: 'bad-option', input: { table }, options: { method: 'exact', exact: true }, expected: { statistic: 7 } },
          {
            id: 'bad-r-call',
            input: { table },
            options: { method: 'exact' },
            expected: { statistic: 7 },
            r: { 'prop.test()': { pvalue: 1 } },
          },
          { id: 'empty', input: { table }, options: { method: 'exact' }, expected: {} },
        ],
      }),
    );
    const r = runReferenceDir(dir);
    expect(r.passed).toBe(2);
    expect(r.failed).toBe(5);
    expect(r.rChecked).toBe(3);
    expect(r.failures).toEqual([
      'held-out/mc.json r-wrong r.mcnemar.test(correct=TRUE).statistic: expected 0.07142857142857142, got 0',
      'held-out/mc.json r-wrong r.mcnemar.test(correct=TRUE).pvalue: expected 0.7892680261342813, got 1',
      expect.stringMatching(/^held-out\/mc\.json bad-method \(all fields\): .*unknown mcnemar method "asymptotic_yates"/),
      expect.stringMatching(/^held-out\/mc\.json bad-option options: .*unknown \["exact"\]/),
      expect.stringMatching(/^held-out\/mc\.json bad-r-call r\.prop\.test\(\): expected a known reference call/),
      'held-out/mc.json empty expected: expected at least one field to compare, got none',
    ]);
  });

  it('an R error must be an error under R conventions too (mantelhaen.test needs two strata)', () => {
    const dir = mkdtempSync(path.join(tmp, 'rerr-'));
    const one = [
      [
        [10, 20],
        [5, 25],
      ],
    ];
    const two = [
      [
        [10, 20],
        [5, 25],
      ],
      [
        [8, 12],
        [6, 14],
      ],
    ];
    const rError = { estimate: null, error: 'each dimension in table must be >= 2' };
    writeFileSync(
      path.join(dir, 'mh.json'),
      JSON.stringify({
        test: 'mantel_haenszel',
        cases: [
          { id: 'one', input: { tables: one }, options: {}, expected: { oddsratio_pooled: 2.5 }, r: { 'mantelhaen.test': rError } },
          {
            id: 'two',
            input: { tables: two },
            options: {},
            expected: { oddsratio_pooled: 2.0096153846153846 },
            r: { 'mantelhaen.test': rError },
          },
        ],
      }),
    );
    const r = runReferenceDir(dir);
    expect(r.failures).toEqual([expect.stringMatching(/^mh\.json two r\.mantelhaen\.test: expected an error/)]);
  });

  it('throws for a missing directory', () => {
    expect(() => runReferenceDir(path.join(tmp, 'does-not-exist'))).toThrow();
  });
});
