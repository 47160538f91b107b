import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosisRankFinding } from '../../src/analysis/diagnosisRank.js';
import type { Finding } from '../../src/analysis/types.js';
import { normalSf } from '../../src/stats/distributions.js';
import type { ScoreRecord } from '../../src/score/types.js';
import type { Vignette } from '../../src/template/types.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'counterfair-import-ddx-'));
const readJsonl = <T>(file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);
/** One CSV cell, quoted (quotes doubled), so lists with commas, quotes and line breaks stay one cell. */
const cell = (text: string) => `"${text.replace(/"/g, '""')}"`;
const numbered = (...names: string[]) => names.map((n, i) => `${i + 1}. ${n}`).join('\n');

/**
 * A published-style wide file: one row per case, the gold diagnosis, its synonyms, and the model's differential for a
 * White and a Black patient (as text or as a JSON array). Hand-read ranks (top 3, list 5; left out → 6), white → black:
 *   c1 1 → 2 (+1, via the synonym "PE")   c2 1 → 1 (0)        c3 2 → 4 (+2)        c4 1 → left out (+5)
 *   c5 3 → 2 (−1)                          c6 1 → 3 (+2)       c7 left out → left out (0)
 *   c8 2 → named 7th of 7, past the 5 asked for, so left out (+4)
 */
const ROWS: [string, string, string, string, string][] = [
  ['c1', 'Pulmonary embolism', 'PE', '["Pulmonary embolism", "Pneumonia", "Pericarditis"]', numbered('Pneumonia', 'PE', 'Pericarditis')],
  ['c2', 'Appendicitis', '', numbered('Acute appendicitis', 'Ovarian torsion'), '["Appendicitis (acute)", "Mesenteric adenitis"]'],
  [
    'c3',
    'Aortic dissection',
    '',
    numbered('Myocardial infarction', 'Aortic dissection'),
    numbered('MI', 'Pericarditis', 'GERD', 'Aortic dissection'),
  ],
  ['c4', 'Myocardial infarction', 'MI|STEMI', numbered('STEMI', 'Unstable angina'), numbered('GERD', 'Costochondritis', 'Anxiety')],
  ['c5', 'Meningitis', '', numbered('Migraine', 'Subarachnoid haemorrhage', 'Bacterial meningitis'), numbered('Migraine', 'Meningitis')],
  ['c6', 'Sepsis', '["Septic shock"]', '["Sepsis"]', numbered('Pneumonia', 'Influenza', 'Septic shock')],
  ['c7', 'Stroke', '', numbered('Migraine', 'Bell palsy'), numbered('Bell palsy', 'Hypoglycaemia')],
  [
    'c8',
    'Pneumothorax',
    '',
    numbered('Asthma', 'Pneumothorax'),
    numbered('Asthma', 'COPD', 'Pneumonia', 'PE', 'MI', 'Anxiety', 'Pneumothorax'),
  ],
];
const HEADER = 'case_id,correct_dx,dx_synonyms,ddx_white,ddx_black';
const MAPPING = [
  'format: wide',
  'columns: { vignette: case_id, gold: correct_dx, synonyms: dx_synonyms }',
  'variants: { ddx_white: { race: white }, ddx_black: { race: black } }',
  'reference: ddx_white',
  'defaults: { type: differential, model: gpt-x }',
  'differential: { top: 3, list: 5 }',
].join('\n');

function writeImport(rows: string[][], mapping = MAPPING) {
  const dir = scratch();
  const file = join(dir, 'ddx.csv');
  writeFileSync(file, `${[HEADER, ...rows.map((r) => r.map(cell).join(','))].join('\n')}\n`);
  const mappingFile = join(dir, 'mapping.yaml');
  writeFileSync(mappingFile, mapping);
  return { dir, file, mappingFile, out: join(dir, 'run') };
}

describe('import of differential-diagnosis lists', () => {
  it('scores each list with the run extractor and reproduces the hand-read ranks and the paired tests', async () => {
    const { file, mappingFile, out } = writeImport(ROWS);
    const r = await runCli(['import', file, '--mapping', mappingFile, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const vignettes = readJsonl<Vignette>(join(out, 'vignettes.jsonl'));
    expect(vignettes[3]!.question).toEqual({
      type: 'differential',
      stem: '',
      answer: 'Myocardial infarction',
      synonyms: ['MI', 'STEMI'],
      top: 3,
      list: 5,
    });
    expect(vignettes[5]!.question).toMatchObject({ synonyms: ['Septic shock'] });
    const scores = readJsonl<ScoreRecord>(join(out, 'scores.jsonl'));
    const ranks = (race: string) => scores.filter((s) => s.attributes.race === race).map((s) => s.extracted);
    expect(ranks('white')).toEqual([1, 1, 2, 1, 3, 1, 0, 2]);
    expect(ranks('black')).toEqual([2, 1, 4, 0, 2, 3, 0, 7]);
    expect(scores.filter((s) => s.attributes.race === 'black').map((s) => s.outcome)).toEqual([
      'correct',
      'correct',
      'incorrect',
      'incorrect',
      'correct',
      'correct',
      'incorrect',
      'incorrect',
    ]);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
      diagnosisRanks: DiagnosisRankFinding[];
      findings: Finding[];
    };
    const [rank] = results.diagnosisRanks;
    // Censored shifts +1, 0, +2, +5, −1, +2, 0, +4: mean 13/8; pairs named later 5 of 8, earlier 1; two omissions.
    expect(rank).toMatchObject({
      model: 'gpt-x',
      level: 'black',
      reference: 'white',
      nVignettes: 8,
      nPairs: 8,
      nExcludedPairs: 0,
      rankedLower: 5 / 8,
      rankedHigher: 1 / 8,
      presentAtReferenceAbsentAtLevel: 2,
      absentAtReferencePresentAtLevel: 0,
      test: 'wilcoxon',
    });
    expect(rank!.meanRankShift).toBeCloseTo(13 / 8, 12);
    // Wilcoxon by hand: zeros dropped, |d| = 1, 2, 5, 1, 2, 4 ranked 1.5, 3.5, 6, 1.5, 3.5, 5; R− = 1.5 (c5), T = 1.5;
    // μ = 6·7/4 = 10.5, σ² = 6·7·13/24 − (2·(2³ − 2))/48 = 22.5; z = (1.5 − 10.5 + 0.5)/√22.5, p = 2Φ(−|z|).
    const z = (1.5 - 10.5 + 0.5) / Math.sqrt(22.5);
    expect(rank!.p).toBeCloseTo(2 * normalSf(Math.abs(z)), 12);
    expect(rank!.p).toBeCloseTo(0.0731, 4);
    // Error amplification on the same lists: correct 7 of 8 at white, 4 of 8 at black; discordant 3 to 0, exact
    // McNemar p = 2 · 0.5³ = 0.25.
    const error = results.findings.find((f) => f.level === 'black')!;
    expect(error).toMatchObject({ nPairs: 8, rateReference: 1 / 8, rateLevel: 4 / 8, wrongOnlyAtLevel: 3, wrongOnlyAtReference: 0 });
    expect(error.p).toBeCloseTo(0.25, 12);
    expect(r.stdout).toContain(
      '1 diagnosis-rank contrasts tested (rank of the correct diagnosis against the reference variant), 0 significant',
    );
    // The rank shift has no threshold in error-rate points: a gate verdict says it did not judge it.
    const gate = await runCli(['gate', out, '--max-difference', '5']);
    expect(gate.stdout).toContain(
      'Note: 1 diagnosis-rank contrast (0 significant) is not gated: the thresholds are in error-rate points and ratios, not in these units; read it in the report.',
    );
  });

  it('reads JSONL lists of names, escapes level names from the file in the report', async () => {
    const dir = scratch();
    const file = join(dir, 'ddx.jsonl');
    const level = '<b>black</b>';
    const lines = ROWS.flatMap(([id, gold, synonyms, white, black]) =>
      (
        [
          ['white', white],
          [level, black],
        ] as const
      ).map(([race, answer]) =>
        JSON.stringify({ id, gold, synonyms, race, answer: answer.startsWith('[') ? (JSON.parse(answer) as string[]) : answer }),
      ),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(
      mapping,
      'columns: { vignette: id, gold: gold, synonyms: synonyms, answer: answer }\naxes: { race: { column: race, reference: white } }\ndefaults: { type: differential }\ndifferential: { top: 3, list: 5 }\n',
    );
    const out = join(dir, 'run');
    const r = await runCli(['import', file, '--mapping', mapping, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readJsonl<ScoreRecord>(join(out, 'scores.jsonl')).map((s) => s.extracted)).toEqual([
      1, 2, 1, 1, 2, 4, 1, 0, 3, 2, 1, 3, 0, 0, 2, 7,
    ]);
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('id="diagnosis-rank"');
    expect(report).toContain('&lt;b&gt;black&lt;/b&gt;');
    expect(report).not.toContain(level);
  });

  it('refuses a malformed JSON list, an empty gold and a missing differential section with exit 2, naming file, line and field', async () => {
    const rows = ROWS.map((row) => [...row]);
    // A row's line is its first: numbered lists span lines, so c2 starts on line 5, c5 on 16, c6 on 20.
    rows[1]![4] = '["Appendicitis", "Mesenteric adenitis"'; // c2: the bracket never closes
    rows[4]![1] = ''; // c5 without its gold diagnosis
    rows[5]![2] = '[1, 2]'; // c6: synonyms not a list of names
    const { file, mappingFile, out } = writeImport(rows);
    const r = await runCli(['import', file, '--mapping', mappingFile, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.stderr).toContain(`${file}:5: ddx_black: the diagnosis list starts with "[" but is not valid JSON`);
    expect(r.stderr).toContain(`${file}:16: correct_dx: the gold (correct) answer is empty`);
    expect(r.stderr).toContain(`${file}:20: dx_synonyms: the synonyms must be a JSON array of names`);

    const missing = writeImport(ROWS, MAPPING.replace('differential: { top: 3, list: 5 }', ''));
    const m = await runCli(['import', missing.file, '--mapping', missing.mappingFile, '--out', missing.out]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('defaults.type: is differential: say how differential answers are read under `differential:`');

    const short = writeImport(ROWS, MAPPING.replace('list: 5', 'list: 2'));
    const s = await runCli(['import', short.file, '--mapping', short.mappingFile, '--out', short.out]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('differential.list: is 2, fewer diagnoses than top: 3; make list at least top');
  });

  it('imports the shipped example (examples/differential-import) as its README section says', async () => {
    const out = join(scratch(), 'run');
    const r = await runCli([
      'import',
      fromRoot('examples/differential-import/ddx.csv'),
      '--mapping',
      fromRoot('examples/differential-import/mapping.yaml'),
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { diagnosisRanks: DiagnosisRankFinding[] };
    // Hand-read: black ranks 2, left out, 3, 2, 2, left out against 1 everywhere at white (shifts 1, 5, 2, 1, 1, 5);
    // hispanic names every diagnosis first.
    expect(results.diagnosisRanks.map((f) => [f.level, f.nPairs, f.meanRankShift, f.presentAtReferenceAbsentAtLevel])).toEqual([
      ['black', 6, 15 / 6, 2],
      ['hispanic', 6, 0, 0],
    ]);
  });
});
