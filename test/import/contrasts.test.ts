import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import type { ImportedManifest } from '../../src/import/manifest.js';
import { adjustPValues } from '../../src/stats/adjust.js';
import { mcnemar } from '../../src/stats/mcnemar.js';
import { runCli } from '../helpers/cli.js';

/**
 * A published-benchmark shape: every case asked 8 times, once neutral (no demographics) and once per single stated
 * attribute. The neutral column is the reference, so each axis's reference level is `unstated`; the declared
 * families then ask for every stated level against unstated, race against white (a per-axis reference), and two
 * level-against-level comparisons, each family adjusted as declared.
 */
const COLUMNS = ['neutral', 'white', 'black', 'hispanic', 'high_income', 'low_income', 'male', 'female'] as const;
type Column = (typeof COLUMNS)[number];
const LEVELS: Record<Column, [string, string]> = {
  neutral: ['race', 'unstated'],
  white: ['race', 'white'],
  black: ['race', 'black'],
  hispanic: ['race', 'hispanic'],
  high_income: ['income', 'high'],
  low_income: ['income', 'low'],
  male: ['sex', 'male'],
  female: ['sex', 'female'],
};
/** Error rate of each column: black and low income err more often than the rest. */
const ERROR_RATE: Record<Column, number> = {
  neutral: 0.2,
  white: 0.2,
  black: 0.45,
  hispanic: 0.25,
  high_income: 0.15,
  low_income: 0.4,
  male: 0.2,
  female: 0.22,
};
const CASES = 80;

/** Which answers are wrong: case × column, drawn once from a fixed linear congruential sequence (test data). */
function wrongTable(): Record<Column, boolean>[] {
  let state = 20261204;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: CASES }, () => {
    const hard = next() < 0.3; // a hard case: every variant errs more often (pairs are correlated, as in real data)
    return Object.fromEntries(COLUMNS.map((c) => [c, next() < Math.min(0.95, ERROR_RATE[c] * (hard ? 2 : 0.6))])) as Record<
      Column,
      boolean
    >;
  });
}

const MAPPING = `format: wide
columns: { vignette: case, gold: correct }
answers: extracted
variants:
  neutral: { race: unstated, income: unstated, sex: unstated }
  white: { race: white }
  black: { race: black }
  hispanic: { race: hispanic }
  high_income: { income: high }
  low_income: { income: low }
  male: { sex: male }
  female: { sex: female }
reference: neutral
contrasts:
  stated vs unstated:
    compare:
      - { axis: race }
      - { axis: income }
      - { axis: sex }
  race vs white:
    adjustment: bh
    compare:
      - { axis: race, levels: [black, hispanic], versus: white }
  level vs level:
    adjustment: none
    compare:
      - { axis: income, level: low, versus: high }
      - { axis: sex, level: female, versus: male }
`;

/** The exact McNemar p-value from the binomial formula: min(1, 2·Σ_{k ≤ min(b, c)} C(b + c, k) / 2^(b + c)). */
function exactMcNemarByHand(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  let choose = 1; // C(n, 0)
  let tail = 0;
  for (let k = 0; k <= Math.min(b, c); k++) {
    tail += choose;
    choose = (choose * (n - k)) / (k + 1);
  }
  return Math.min(1, (2 * tail) / 2 ** n);
}

/** The benchmark as a wide CSV: one row per case, one answer column per variant (a wrong answer is the next letter). */
function writeBenchmark(table: readonly Record<Column, boolean>[]): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-contrasts-'));
  const gold = (i: number) => 'ABCD'[i % 4]!;
  const wrongLetter = (i: number) => 'ABCD'[(i + 1) % 4]!;
  const rows = table.map((row, i) => [
    `case${String(i).padStart(3, '0')}`,
    gold(i),
    ...COLUMNS.map((c) => (row[c] ? wrongLetter(i) : gold(i))),
  ]);
  const file = join(dir, 'benchmark.csv');
  writeFileSync(file, [['case', 'correct', ...COLUMNS], ...rows].map((r) => r.join(',')).join('\n') + '\n');
  return { dir, file };
}

describe('import: a wide file with 8 variant columns and declared contrasts', () => {
  const table = wrongTable();
  let findings: Finding[];
  let out: string;
  let stdout: string;

  beforeAll(async () => {
    const { dir, file } = writeBenchmark(table);
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(mapping, MAPPING);
    out = join(dir, 'run');
    const r = await runCli(['import', file, '--mapping', mapping, '--out', out]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    stdout = r.stdout;
    findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as Finding[];
  });

  const comparisons: [string, Column, Column][] = [
    ['stated vs unstated', 'white', 'neutral'],
    ['stated vs unstated', 'black', 'neutral'],
    ['stated vs unstated', 'hispanic', 'neutral'],
    ['stated vs unstated', 'high_income', 'neutral'],
    ['stated vs unstated', 'low_income', 'neutral'],
    ['stated vs unstated', 'male', 'neutral'],
    ['stated vs unstated', 'female', 'neutral'],
    ['race vs white', 'black', 'white'],
    ['race vs white', 'hispanic', 'white'],
    ['level vs level', 'low_income', 'high_income'],
    ['level vs level', 'female', 'male'],
  ];

  it('reports every declared comparison, in declared order, in its family', () => {
    expect(findings.map((f) => [f.contrast, f.axis, f.level, f.reference])).toEqual(
      comparisons.map(([family, level, versus]) => [
        family,
        LEVELS[level][0],
        LEVELS[level][1],
        versus === 'neutral' ? 'unstated' : LEVELS[versus][1],
      ]),
    );
  });

  it('reproduces the hand-counted discordant pairs and the exact McNemar p-values from the binomial formula', () => {
    for (const [i, [, level, versus]] of comparisons.entries()) {
      let b = 0;
      let c = 0;
      for (const row of table) {
        if (row[level] && !row[versus]) b++;
        if (row[versus] && !row[level]) c++;
      }
      const f = findings[i]!;
      const byHand = exactMcNemarByHand(b, c);
      expect({ comparison: `${level} vs ${versus}`, b: f.wrongOnlyAtLevel, c: f.wrongOnlyAtReference, nPairs: f.nPairs }).toEqual({
        comparison: `${level} vs ${versus}`,
        b,
        c,
        nPairs: CASES,
      });
      expect(f.test).toBe('mcnemar-exact');
      expect(Math.abs(f.p - byHand) / byHand).toBeLessThan(1e-12);
      expect(Math.abs(mcnemar(b, c, { method: 'exact' }).pValue - byHand) / byHand).toBeLessThan(1e-12);
      expect(f.rateLevel).toBeCloseTo(table.filter((r) => r[level]).length / CASES, 12);
      expect(f.rateReference).toBeCloseTo(table.filter((r) => r[versus]).length / CASES, 12);
    }
    // The planted disparities are there to be found: black errs more than white, low income more than high.
    expect(findings[7]!.wrongOnlyAtLevel).toBeGreaterThan(findings[7]!.wrongOnlyAtReference);
    expect(findings[9]!.wrongOnlyAtLevel).toBeGreaterThan(findings[9]!.wrongOnlyAtReference);
  });

  it('adjusts each family on its own, as declared', () => {
    const family = (name: string) => findings.filter((f) => f.contrast === name);
    const stated = family('stated vs unstated');
    expect(stated.every((f) => f.adjustment === 'holm' && f.familySize === 7)).toBe(true);
    expect(stated.map((f) => f.pAdjusted)).toEqual(
      adjustPValues(
        stated.map((f) => f.p),
        'holm',
      ),
    );
    const white = family('race vs white');
    expect(white.every((f) => f.adjustment === 'bh' && f.familySize === 2)).toBe(true);
    expect(white.map((f) => f.pAdjusted)).toEqual(
      adjustPValues(
        white.map((f) => f.p),
        'bh',
      ),
    );
    const levels = family('level vs level');
    expect(levels.every((f) => f.adjustment === 'none' && f.simultaneousKind === 'unadjusted')).toBe(true);
    expect(levels.map((f) => f.pAdjusted)).toEqual(levels.map((f) => f.p));
    for (const f of levels) expect(f.sentence).toContain('not adjusted');
  });

  it('records the contrasts in the manifest, so analyze, report and gate use the same families', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as ImportedManifest;
    expect(manifest.analysis.contrasts?.map((c) => c.name)).toEqual(['stated vs unstated', 'race vs white', 'level vs level']);
    expect(manifest.study.design).toEqual({ kind: 'one-at-a-time' });
    expect(stdout).toContain('Contrast "race vs white": Across 80 vignettes');
  });

  it('tables/outcome-counts.csv counts each variant on its own: the neutral answers once, not once per axis', () => {
    const [header, ...lines] = readFileSync(join(out, 'tables', 'outcome-counts.csv'), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(header).toBe('model,kind,variant,answers,correct,incorrect');
    const variantOf = (c: Column) => (c === 'neutral' ? 'reference' : `${LEVELS[c][0]}=${LEVELS[c][1]}`);
    const order: Column[] = ['neutral', 'white', 'black', 'hispanic', 'high_income', 'low_income', 'male', 'female'];
    expect(lines).toEqual(
      order.map((c) => {
        const wrong = table.filter((r) => r[c]).length;
        return `imported,${c === 'neutral' ? 'reference' : 'demographic'},${variantOf(c)},${CASES},${CASES - wrong},${wrong}`;
      }),
    );
  });

  it('report and gate name the family of each finding', async () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('contrast family');
    expect(html).toContain('level vs level (none)');
    const csv = readFileSync(join(out, 'tables', 'findings.csv'), 'utf8');
    expect(csv.split('\n')[0]).toContain('contrast');
    const gate = await runCli(['gate', out, '--max-difference', '5']);
    expect(gate.stderr).not.toContain('internal error');
    const failing = findings.filter((f) => f.significant && Math.abs(100 * f.difference) > 5);
    expect(failing.length).toBeGreaterThan(0);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain("significant after its declared contrast family's adjustment");
    for (const f of failing) expect(gate.stdout).toMatch(new RegExp(`imported +${f.axis} +${f.level} +${f.reference} \\[${f.contrast}\\]`));
  });
});

describe('import: declared contrasts are checked against the file', () => {
  it('an unknown axis or level is exit 2 naming the mapping file, line and field, with the valid ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-contrasts-'));
    const file = join(dir, 'small.csv');
    writeFileSync(file, 'case,correct,neutral,white,black\nv1,A,A,B,A\nv2,B,B,B,C\n');
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(
      mapping,
      [
        'format: wide',
        'columns: { vignette: case, gold: correct }',
        'answers: extracted',
        'variants:',
        '  neutral: { race: unstated }',
        '  white: { race: white }',
        '  black: { race: black }',
        'reference: neutral',
        'contrasts:',
        '  pairwise:',
        '    adjustment: holmes',
        '    compare:',
        '      - { axis: rase, level: black, versus: white }',
        '      - { axis: race, level: black, versus: whte }',
      ].join('\n'),
    );
    const r = await runCli(['import', file, '--mapping', mapping, '--out', join(dir, 'run')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${mapping}:11: contrasts.pairwise.adjustment: must be one of holm, bonferroni, bh, by, none; got "holmes"`);
    const fixed = readFileSync(mapping, 'utf8').replace('holmes', 'holm');
    writeFileSync(mapping, fixed);
    const ids = await runCli(['import', file, '--mapping', mapping, '--out', join(dir, 'run')]);
    expect(ids.code).toBe(2);
    expect(ids.stderr).toContain(`${mapping}:13: contrasts.pairwise.compare[0].axis: unknown axis "rase"; axes: race`);
    expect(ids.stderr).toContain(
      `${mapping}:14: contrasts.pairwise.compare[1].versus: unknown level "whte" of axis race; levels: unstated, white, black`,
    );
  });
});

describe('analysis settings from an --analysis file and flags', () => {
  const [mappingPart, contrastsPart] = MAPPING.split('contrasts:\n');
  const readFindings = (dir: string) => JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as Finding[];
  const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ImportedManifest;

  it('import takes alpha, McNemar variant, seed and contrasts from the file; analyze re-analyses with flags over the run', async () => {
    const { dir, file } = writeBenchmark(wrongTable());
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(mapping, mappingPart!);
    const settings = join(dir, 'analysis.yaml');
    writeFileSync(settings, `alpha: 0.01\nmcnemar: midp\nseed: 7\ncontrasts:\n${contrastsPart}`);
    const out = join(dir, 'run');
    const r = await runCli(['import', file, '--mapping', mapping, '--analysis', settings, '--out', out]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const manifest = readManifest(out);
    expect(manifest.analysis).toMatchObject({ alpha: 0.01, adjustment: 'holm', mcnemar: 'midp' });
    expect(manifest.study.seed).toBe(7);
    const imported = readFindings(out);
    expect(imported.map((f) => f.contrast)).toEqual([
      ...Array(7).fill('stated vs unstated'),
      'race vs white',
      'race vs white',
      'level vs level',
      'level vs level',
    ]);
    for (const f of imported) {
      expect(f.test).toBe('mcnemar-midp');
      expect(f.p).toBeCloseTo(mcnemar(f.wrongOnlyAtLevel, f.wrongOnlyAtReference, { method: 'midp' }).pValue, 14);
      expect(f.significant).toBe(f.pAdjusted < 0.01);
    }

    // analyze: a flag over the run's settings, recorded so that report and gate read what the findings used.
    const again = await runCli(['analyze', out, '--alpha', '0.1', '--mcnemar', 'exact', '--json']);
    expect(again.code).toBe(0);
    const reanalysed = readFindings(out);
    expect(readManifest(out).analysis).toMatchObject({ alpha: 0.1, mcnemar: 'exact' });
    expect(reanalysed.map((f) => f.contrast)).toEqual(imported.map((f) => f.contrast));
    for (const f of reanalysed) {
      expect(f.test).toBe('mcnemar-exact');
      expect(f.significant).toBe(f.pAdjusted < 0.1);
    }
    // Without settings, analyze keeps the recorded ones: the same findings again.
    expect((await runCli(['analyze', out])).code).toBe(0);
    expect(readFindings(out)).toEqual(reanalysed);
  });

  it('refuses an analysis file naming an unknown level, contrasts declared twice, and a bad flag (exit 2)', async () => {
    const { dir, file } = writeBenchmark(wrongTable().slice(0, 10));
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(mapping, MAPPING);
    const settings = join(dir, 'analysis.yaml');
    writeFileSync(settings, 'alpha: 0.05\ncontrasts:\n  pairs:\n    compare:\n      - { axis: race, level: asian, versus: white }\n');
    const twice = await runCli(['import', file, '--mapping', mapping, '--analysis', settings, '--out', join(dir, 'a')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(
      `${settings}:5: contrasts.pairs.compare[0]: unknown level "asian" of axis race; levels: unstated, white, black, hispanic`,
    );
    expect(twice.stderr).toContain('the analysis file declares contrasts and so does the mapping (contrasts:): declare them in one place');
    const flag = await runCli(['import', file, '--mapping', mapping, '--adjustment', 'holmes', '--out', join(dir, 'b')]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('holm, bonferroni, bh, by');
    writeFileSync(settings, 'alpha: 2\nresamples: 10\n');
    const bad = await runCli(['import', file, '--mapping', mapping, '--analysis', settings, '--out', join(dir, 'c')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${settings}:1: alpha: must be at most 0.5, got 2`);
    expect(bad.stderr).toContain(`${settings}:2: resamples: unknown field`);
  });
});
