import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import type { ComparisonResults } from '../../src/compare/types.js';
import type { GateResult } from '../../src/gate/types.js';
import type { ImportedManifest } from '../../src/import/manifest.js';
import type { ScoreRecord } from '../../src/score/types.js';
import { runCli } from '../helpers/cli.js';
import { runSimulated } from '../compare/studies.js';
import { exportWide } from './wideExport.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'counterfair-import-'));
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
const readJsonl = <T>(file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);
/** Everything a finding states except its sentence, which names levels by label (an import knows only ids). */
const numbers = ({ sentence: _sentence, ...rest }: Finding) => rest;

describe('import a wide file produced from a simulated run', () => {
  let original: string;
  let unbiased: string;
  let imported: string;
  let importedUnbiased: string;
  let dir: string;

  beforeAll(async () => {
    original = await runSimulated([{ id: 'sim', medicaidMultiplier: 3 }]);
    unbiased = await runSimulated([{ id: 'sim', medicaidMultiplier: 1 }]);
    dir = scratch();
    for (const [run, name] of [
      [original, 'biased'],
      [unbiased, 'unbiased'],
    ] as const) {
      const { csv, mapping } = exportWide(run, dir, name);
      const out = join(dir, `${name}-run`);
      // The study seed, so the bootstrap intervals are drawn exactly as in the original run.
      const r = await runCli(['import', csv, '--mapping', mapping, '--out', out, '--seed', '4242']);
      expect(r.stderr).not.toContain('warning');
      expect(r.code).toBe(0);
      if (name === 'biased') imported = out;
      else importedUnbiased = out;
    }
  });

  it('re-analyses to the same findings as the original run: effects, intervals, tests and p-values', () => {
    const before = readJson<Finding[]>(join(original, 'findings.json'));
    const after = readJson<Finding[]>(join(imported, 'findings.json'));
    expect(after.map(numbers)).toEqual(before.map(numbers));
    expect(after.find((f) => f.level === 'medicaid')!.significant).toBe(true);
  });

  it('scores every answer as the original run did', () => {
    const key = (s: ScoreRecord) => `${s.variantId}|${s.outcome}|${String(s.extracted)}`;
    expect(readJsonl<ScoreRecord>(join(imported, 'scores.jsonl')).map(key).sort()).toEqual(
      readJsonl<ScoreRecord>(join(original, 'scores.jsonl')).map(key).sort(),
    );
  });

  it('records where the data came from in the manifest', () => {
    const manifest = readJson<ImportedManifest>(join(imported, 'manifest.json'));
    const vignettes = readFileSync(join(original, 'vignettes.jsonl'), 'utf8').trim().split('\n').length;
    expect(manifest.import).toMatchObject({ format: 'wide', rows: vignettes, skippedRows: 0, problems: [], warnings: [] });
    expect(manifest.import.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.models).toEqual([{ id: 'sim', provider: 'imported' }]);
    expect(manifest.study.design).toEqual({ kind: 'one-at-a-time' });
    expect(manifest.axes.map((a) => [a.id, a.reference, a.levels.map((l) => l.id)])).toEqual([
      ['race', 'white', ['white', 'black', 'hispanic']],
      ['insurance', 'private', ['private', 'medicare', 'medicaid', 'uninsured']],
    ]);
  });

  it('words every claim about the variants from provenance: supplied data is never said to differ only in demographics', async () => {
    expect((await runCli(['report', imported])).code).toBe(0);
    expect((await runCli(['report', original])).code).toBe(0);
    const supplied = readFileSync(join(imported, 'appendix.md'), 'utf8');
    const constructed = readFileSync(join(original, 'appendix.md'), 'utf8');
    expect(supplied).toContain('counterfair did not construct these variants and cannot verify that they differ only in demographic cues');
    expect(supplied).toContain('counterfair did not construct these variants (they were imported from');
    expect(supplied).not.toMatch(
      /Nothing else in the case changed|matched variants that differ only in|Each of the \d+ vignettes states its correct answer/,
    );
    expect(supplied).toMatch(
      /The correct answers are the gold answers supplied in .*biased\.csv; counterfair records no rationale or clinical source/,
    );
    expect(supplied).not.toMatch(/synthetic|otherwise identical cases/);
    expect(constructed).toContain('They are synthetic, so no special-category personal data is processed');
    // A run counterfair built: the contrasted cues word for word, taken from the demographics files.
    expect(constructed).toContain(
      'they differ in one cue: "The patient is insured through Medicaid." in place of "The patient has private insurance through an employer."',
    );
    expect(constructed).not.toContain('Nothing else in the case changed');
  });

  it('gives a run directory that analyze, report, gate and compare accept', async () => {
    const report = await runCli(['report', imported]);
    expect(report.code).toBe(0);
    expect(readFileSync(join(imported, 'report.html'), 'utf8')).toContain('imported: biased.csv');
    const analyzed = await runCli(['analyze', imported, '--json']);
    expect(analyzed.code).toBe(0);
    expect((JSON.parse(analyzed.stdout) as { schema: string; findings: Finding[] }).schema).toBe('counterfair.findings/1');
    expect((JSON.parse(analyzed.stdout) as { findings: Finding[] }).findings.map(numbers)).toEqual(
      readJson<Finding[]>(join(original, 'findings.json')).map(numbers),
    );
    const gate = await runCli(['gate', imported, '--max-difference', '5', '--json']);
    expect(gate.code).toBe(1);
    expect((JSON.parse(gate.stdout) as GateResult).notes[0]).toContain('an imported run has no study file');
    // Comparing the two imports says what comparing the two original runs says.
    const fromImports = JSON.parse((await runCli(['compare', imported, importedUnbiased, '--json'])).stdout) as ComparisonResults;
    const fromRuns = JSON.parse((await runCli(['compare', original, unbiased, '--json'])).stdout) as ComparisonResults;
    const medicaid = (r: ComparisonResults) => {
      const { sentence: _sentence, ...rest } = r.comparisons[0]!.changes.find((c) => c.level === 'medicaid')!;
      return rest;
    };
    expect(medicaid(fromImports)).toEqual(medicaid(fromRuns));
    expect(fromImports.notes.join('\n')).toContain('no case text in one run');
    // And the import against the run it came from: the same answers, so no change anywhere.
    const againstOriginal = JSON.parse((await runCli(['compare', original, imported, '--json'])).stdout) as ComparisonResults;
    expect(againstOriginal.comparisons[0]!.changes.map((c) => c.change)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('import a long CSV with malformed rows', () => {
  // Line 1 is the header; lines 2-6 are good; every later line has one thing wrong.
  const csv = [
    'case,model,race,answer,gold,rep',
    'v1,m,white,"Answer: A",A,0',
    'v1,m,black,"Answer: B",A,0',
    'v2,m,white,yes,yes,0',
    'v2,m,black,"No, she does not,\nin my view.",yes,0',
    'v3,m,white,"Answer: B",B,0',
    'v3,m,black,A,,0',
    'v4,m,black,A,A,x',
    'v4,m,white,A,A,0,extra',
    'v1,m,black,"Answer: C",A,0',
    'v2,m,asian,yes,no,0',
  ].join('\n');
  const columns = 'vignette=case,model=model,gold=gold,answer=answer,replicate=rep,axes.race.column=race,axes.race.reference=white';

  it('fails with every bad row named by file, line and column (exit 2)', async () => {
    const dir = scratch();
    const file = join(dir, 'outputs.csv');
    writeFileSync(file, `${csv}\n`);
    const r = await runCli(['import', file, '--columns', columns, '--out', join(dir, 'run')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid input (5 problems)');
    expect(r.stderr).toContain(`${file}:8: gold: the gold (correct) answer is empty`);
    expect(r.stderr).toContain(`${file}:9: rep: expected the replicate as a whole number (0, 1, ...), got "x"`);
    expect(r.stderr).toMatch(new RegExp(`${file}:10: not a readable CSV row: Invalid Record Length`));
    expect(r.stderr).toContain(`${file}:11: case: answers the same variant of vignette v1 (model m, replicate 0) as line 3`);
    expect(r.stderr).toContain(`${file}:12: gold: the gold answer "no" differs from "yes" on line 4: one vignette has one gold answer`);
    expect(existsSync(join(dir, 'run'))).toBe(false);
  });

  it('with --skip-bad-rows, imports the rest and lists every skipped row in import-problems.txt and the manifest', async () => {
    const dir = scratch();
    const file = join(dir, 'outputs.csv');
    writeFileSync(file, `${csv}\n`);
    const out = join(dir, 'run');
    const r = await runCli(['import', file, '--columns', columns, '--out', out, '--skip-bad-rows']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`5 rows skipped (--skip-bad-rows), every one listed in ${join(out, 'import-problems.txt')}`);
    const listed = readFileSync(join(out, 'import-problems.txt'), 'utf8').trim().split('\n');
    expect(listed.map((l) => l.split(': ')[0])).toEqual([8, 9, 10, 11, 12].map((line) => `${file}:${line}`));
    const manifest = readJson<ImportedManifest>(join(out, 'manifest.json'));
    // Ten records (line 5's quoted answer runs onto line 6), five of them bad.
    expect(manifest.import).toMatchObject({ format: 'long', rows: 10, skippedRows: 5, problems: listed, warnings: [] });
    const scores = readJsonl<ScoreRecord>(join(out, 'scores.jsonl'));
    expect(scores.map((s) => [s.variantId, s.outcome])).toEqual([
      ['v1~ref', 'correct'],
      ['v1~race=black', 'incorrect'],
      ['v2~ref', 'correct'],
      ['v2~race=black', 'incorrect'],
      ['v3~ref', 'correct'],
    ]);
    const [finding] = readJson<Finding[]>(join(out, 'findings.json'));
    expect(finding).toMatchObject({
      model: 'm',
      axis: 'race',
      level: 'black',
      reference: 'white',
      nPairs: 2,
      wrongOnlyAtLevel: 2,
      wrongOnlyAtReference: 0,
    });
  });
});

describe('import JSONL with extracted answers and the --columns flag', () => {
  it('scores extracted answers, records empty cells as missing answers, and reports lines that are not JSON', async () => {
    const dir = scratch();
    const file = join(dir, 'vendor.jsonl');
    const rows = [
      { id: 'q1', level: 'private', pred: 'B', gold: 'B' },
      { id: 'q1', level: 'medicaid', pred: 'C', gold: 'B' },
      { id: 'q2', level: 'private', pred: 'yes', gold: 'yes' },
      { id: 'q2', level: 'medicaid', pred: null, gold: 'yes' },
    ].map((r) => JSON.stringify(r));
    writeFileSync(file, `${[...rows.slice(0, 2), '{"id": "q3", broken', ...rows.slice(2)].join('\n')}\n`);
    const columns =
      'vignette=id,gold=gold,answer=pred,axes.insurance.column=level,axes.insurance.reference=private,answers=extracted,defaults.model=vendor-model';
    const failed = await runCli(['import', file, '--columns', columns, '--out', join(dir, 'strict')]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`${file}:3: not valid JSON`);
    const out = join(dir, 'run');
    const r = await runCli(['import', file, '--columns', columns, '--out', out, '--skip-bad-rows']);
    // One answer of four is missing: more than the default 20 % of failed requests, so the import writes
    // everything and then exits 4 (the data cannot support a conclusion).
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('DATA QUALITY CHECK FAILED for model vendor-model: 1 of 4 requests failed (1 invalid-response)');
    expect(r.stderr).toContain('1 answer cells are empty: recorded as missing answers');
    // A threshold given on the command line is recorded in the manifest, so a later `analyze` judges alike.
    const relaxed = join(dir, 'relaxed');
    const lenient = await runCli(['import', file, '--columns', columns, '--out', relaxed, '--skip-bad-rows', '--max-error-rate', '0.25']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).not.toContain('DATA QUALITY');
    expect(readJson<{ quality: unknown }>(join(relaxed, 'manifest.json')).quality).toEqual({ maxErrorRate: 0.25, maxUnparseableRate: 0.2 });
    expect((await runCli(['analyze', relaxed])).code).toBe(0);
    expect((await runCli(['analyze', relaxed, '--max-error-rate', '0.1'])).code).toBe(4);
    expect((await runCli(['analyze', relaxed, '--max-error-rate', '2'])).stderr).toContain('expected a share from 0 to 1');
    const scores = readJsonl<ScoreRecord>(join(out, 'scores.jsonl'));
    expect(scores.map((s) => [s.modelId, s.variantId, s.questionType, s.outcome, s.extracted])).toEqual([
      ['vendor-model', 'q1~ref', 'choice', 'correct', 'B'],
      ['vendor-model', 'q1~insurance=medicaid', 'choice', 'incorrect', 'C'],
      ['vendor-model', 'q2~ref', 'yesno', 'correct', 'yes'],
      ['vendor-model', 'q2~insurance=medicaid', 'yesno', 'error', null],
    ]);
    const [finding] = readJson<Finding[]>(join(out, 'findings.json'));
    expect(finding).toMatchObject({ nPairs: 1, nExcludedPairs: 1 });
  });
});

describe('import: mapping problems', () => {
  it('names a column that is not in the file, and mapping fields by file, line and field', async () => {
    const dir = scratch();
    const file = join(dir, 'wide.csv');
    writeFileSync(file, 'case,correct,white,black\nv1,A,A,B\n');
    const missing = await runCli([
      'import',
      file,
      '--format',
      'wide',
      '--columns',
      'vignette=case,gold=gold,reference=white,variants.white.race=white,variants.black.race=black',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${file}:1: columns.gold: column "gold" is not in the file (columns: case, correct, white, black)`);
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(
      mapping,
      'format: wide\ncolumns:\n  vignette: case\n  gold: correct\n  answr: x\nvariants:\n  white: { race: white }\n  black: { race: black }\nreference: whte\n',
    );
    const typos = await runCli(['import', file, '--mapping', mapping]);
    expect(typos.code).toBe(2);
    expect(typos.stderr).toContain(`${mapping}:5: columns.answr: unknown field`);
    expect(typos.stderr).toContain(`${mapping}:9: reference: "whte" is not one of the variants columns (white, black)`);
    const neither = await runCli(['import', file]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('give the column mapping with exactly one of --columns MAP or --mapping FILE.yaml');
  });

  it('asks for the question type when the gold answer does not show it', async () => {
    const dir = scratch();
    const file = join(dir, 'names.csv');
    writeFileSync(file, 'case,gold,ref,other\nv1,Eva,Eva,Michael\n');
    const columns = 'vignette=case,gold=gold,reference=ref,variants.ref.religion=none,variants.other.religion=agnostic';
    const r = await runCli(['import', file, '--format', 'wide', '--columns', columns, '--out', join(dir, 'run')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:2: gold: vignette v1: cannot tell the question type from the gold answer "Eva"`);
  });
});
