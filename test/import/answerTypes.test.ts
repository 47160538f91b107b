import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedManifest } from '../../src/import/manifest.js';
import type { ScoreRecord } from '../../src/score/types.js';
import type { Vignette } from '../../src/template/types.js';
import { runCli } from '../helpers/cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'counterfair-import-types-'));
const readJsonl = <T>(file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);
const scoresOf = (out: string) =>
  readJsonl<ScoreRecord>(join(out, 'scores.jsonl')).map((s) => [s.variantId, s.questionType, s.outcome, s.extracted, s.signedDeviation]);

describe('import: every answer type from outside', () => {
  it('reads ordinal (a triage scale from the mapping, gold as label or value), numeric (unit, tolerance) and free-text answers', async () => {
    const dir = scratch();
    const file = join(dir, 'answers.csv');
    writeFileSync(
      file,
      [
        'case,type,gold,race,answer',
        't1,ordinal,Emergent,white,"Level 2, emergent."',
        't1,ordinal,Emergent,black,Answer: 4',
        't2,ordinal,3,white,3',
        't2,ordinal,3,black,"Urgent (3)"',
        'd1,numeric,5,white,Give 5.4 mg.',
        'd1,numeric,5,black,Answer: 8 mg',
        'f1,free,Admit for observation,white,Send home with follow-up.',
        'f1,free,Admit for observation,black,Admit him.',
      ].join('\n'),
    );
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(
      mapping,
      [
        'columns: { vignette: case, gold: gold, answer: answer, type: type }',
        'axes: { race: { column: race, reference: white } }',
        'ordinal:',
        '  intensity: descending',
        '  scale: [Resuscitation, Emergent, Urgent, Less urgent, Non-urgent]',
        'numeric: { unit: mg, tolerance: 0.5, intensity: ascending }',
      ].join('\n'),
    );
    const out = join(dir, 'run');
    const r = await runCli(['import', file, '--mapping', mapping, '--out', out, '--max-unparseable-rate', '1']);
    expect(r.stderr).not.toContain('internal error');
    const vignettes = readJsonl<Vignette>(join(out, 'vignettes.jsonl'));
    expect(vignettes.map((v) => v.question)).toEqual([
      {
        type: 'ordinal',
        stem: '',
        scale: ['Resuscitation', 'Emergent', 'Urgent', 'Less urgent', 'Non-urgent'].map((label, i) => ({ value: i + 1, label })),
        intensity: 'descending',
        answer: 2,
      },
      expect.objectContaining({ type: 'ordinal', answer: 3 }),
      { type: 'numeric', stem: '', unit: 'mg', tolerance: 0.5, intensity: 'ascending', answer: 5 },
      { type: 'free', stem: '', rubric: 'Admit for observation' },
    ]);
    // Descending intensity: level 4 is less care than the gold 2 (a signed deviation of -2 levels); 8 mg is 3 mg more.
    expect(scoresOf(out)).toEqual([
      ['t1~ref', 'ordinal', 'correct', 2, 0],
      ['t1~race=black', 'ordinal', 'incorrect', 4, -2],
      ['t2~ref', 'ordinal', 'correct', 3, 0],
      ['t2~race=black', 'ordinal', 'correct', 3, 0],
      ['d1~ref', 'numeric', 'correct', 5.4, expect.closeTo(0.4, 9)],
      ['d1~race=black', 'numeric', 'incorrect', 8, 3],
      // Free text awaits a judge, as in a run: unscored, never counted right or wrong.
      ['f1~ref', 'free', 'unscored', null, null],
      ['f1~race=black', 'free', 'unscored', null, null],
    ]);
  });

  it('infers an ordinal scale from a declared type (defaults.type), and an answer beyond the golds is scored wrong with a warning', async () => {
    const dir = scratch();
    const file = join(dir, 'likert.csv');
    const rows = ['case,gold,race,answer'];
    for (const [i, gold] of ['1', '2', '3', '4'].entries())
      rows.push(`q${i},${gold},white,${gold}`, `q${i},${gold},black,${i === 3 ? '5' : gold}`);
    writeFileSync(file, rows.join('\n'));
    const columns =
      'vignette=case,gold=gold,answer=answer,axes.race.column=race,axes.race.reference=white,defaults.type=ordinal,ordinal.intensity=ascending,answers=extracted';
    const out = join(dir, 'run');
    const r = await runCli(['import', file, '--columns', columns, '--out', out]);
    expect(r.code).toBe(0);
    const [first] = readJsonl<Vignette>(join(out, 'vignettes.jsonl'));
    expect(first!.question).toMatchObject({ type: 'ordinal', scale: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) })) });
    expect(scoresOf(out).at(-1)).toEqual(['q3~race=black', 'ordinal', 'incorrect', 5, 1]);
    expect(r.stderr).toContain('warning: 1 answers name an option letter or scale number beyond every gold answer ("5" first on line 9)');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as ImportedManifest;
    expect(manifest.import.warnings).toEqual([expect.stringContaining('"5" first on line 9')]);
  });

  it("scores a choice answer beyond the golds' letters wrong, with a warning, not unparseable", async () => {
    const dir = scratch();
    const file = join(dir, 'choice.csv');
    writeFileSync(file, 'case,gold,race,answer\nq1,A,white,A\nq1,A,black,E\nq2,D,white,D\nq2,D,black,"(D)"\n');
    const out = join(dir, 'run');
    const r = await runCli([
      'import',
      file,
      '--columns',
      'vignette=case,gold=gold,answer=answer,axes.race.column=race,axes.race.reference=white',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(scoresOf(out).map((s) => s.slice(0, 4))).toEqual([
      ['q1~ref', 'choice', 'correct', 'A'],
      ['q1~race=black', 'choice', 'incorrect', 'E'],
      ['q2~ref', 'choice', 'correct', 'D'],
      ['q2~race=black', 'choice', 'correct', 'D'],
    ]);
    expect(r.stderr).toContain('warning: 1 answers name an option letter or scale number beyond every gold answer ("E" first on line 3)');
  });

  it('refuses one level spelt two ways ("White" and "white"), naming both spellings and lines (exit 2)', async () => {
    const dir = scratch();
    const file = join(dir, 'levels.csv');
    writeFileSync(file, 'case,gold,race,answer\nq1,A,White,A\nq1,A,black,B\nq2,B,white,B\nq2,B,Black ,B\n');
    const columns = 'vignette=case,gold=gold,answer=answer,axes.race.column=race,axes.race.reference=White';
    const r = await runCli(['import', file, '--columns', columns, '--out', join(dir, 'run')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:4: race: level "white" of axis race differs only in case or spacing from "White" (the reference level in the mapping)`,
    );
    expect(r.stderr).toContain(`${file}:5: race: level "Black" of axis race differs only in case or spacing from "black" (line 3)`);
  });

  it('names mapping and gold problems of ordinal and numeric questions', async () => {
    const dir = scratch();
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'case,type,gold,race,answer\nq1,ordinal,Critical,white,1\nq1,ordinal,Critical,black,1\nq2,numeric,ten,white,10\nq2,numeric,ten,black,10\n',
    );
    const base = 'vignette=case,gold=gold,answer=answer,type=type,axes.race.column=race,axes.race.reference=white';
    const noSections = await runCli(['import', file, '--columns', `${base},defaults.type=ordinal`, '--out', join(dir, 'a')]);
    expect(noSections.code).toBe(2);
    expect(noSections.stderr).toContain('defaults.type: is ordinal: say how ordinal answers are read under `ordinal:`');
    const r = await runCli([
      'import',
      file,
      '--columns',
      `${base},ordinal.intensity=descending,numeric.unit=mg,numeric.intensity=upward`,
      '--out',
      join(dir, 'b'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('numeric.intensity');
    const golds = await runCli([
      'import',
      file,
      '--columns',
      `${base},ordinal.intensity=descending,numeric.unit=mg,numeric.intensity=ascending`,
      '--out',
      join(dir, 'c'),
    ]);
    expect(golds.code).toBe(2);
    expect(golds.stderr).toContain(`${file}:2: gold: vignette q1: the gold answers do not give an ordinal scale`);
    expect(golds.stderr).toContain(
      `${file}:4: gold: vignette q2: the gold answer of a numeric question must be a number (in mg), got "ten"`,
    );
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(
      mapping,
      [
        'columns: { vignette: case, gold: gold, answer: answer, type: type }',
        'axes: { race: { column: race, reference: white } }',
        'ordinal: { intensity: descending, scale: [Critical, Urgent, critical ] }',
        'numeric: { unit: mg, tolerance: -1, intensity: ascending }',
      ].join('\n'),
    );
    const scale = await runCli(['import', file, '--mapping', mapping, '--out', join(dir, 'd')]);
    expect(scale.code).toBe(2);
    expect(scale.stderr).toContain(`${mapping}:3: ordinal.scale[2]: repeats the value or label of 1 (Critical): every point is one level`);
    expect(scale.stderr).toContain(`${mapping}:4: numeric.tolerance: expected a number of at least 0, got -1`);
  });
});
