import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/demographics/load.js';
import { loadVignettes } from '../../src/template/load.js';
import { validateVignettes } from '../../src/template/validate.js';
import type { Problem } from '../../src/util/problems.js';
import { runCli } from '../helpers/cli.js';

const good = (id: string, text: string) =>
  JSON.stringify({ id, text, question: 'What is the next step?', options: { A: 'Wait', B: 'Treat' }, answer: 'B' });

function bank(lines: string[]): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'templatize-cli-'));
  const file = join(dir, 'My Bank.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { dir, file };
}

describe('counterfair templatize', () => {
  it('exit 0 when every case round-trips; writes templates the loader and validation accept', async () => {
    const { dir, file } = bank([
      good('Case 1', 'A 45-year-old man has chest pain. He is pale.'),
      good('Case 2', '38 yo F on Medicaid with dysuria; she has no fever.'),
    ]);
    const out = join(dir, 'templates');
    const r = await runCli(['templatize', file, '--out', out, '--review', join(dir, 'review.txt')]);
    expect(r.stderr).toContain('2 cases: 2 templates written to');
    expect(r.code).toBe(0);
    const problems: Problem[] = [];
    const vignettes = loadVignettes([{ kind: 'yaml', file: join(out, 'my-bank.yaml') }], problems);
    const axes = loadAxes('demographics', []);
    validateVignettes(
      vignettes,
      axes.filter((a) => a.id !== 'gender-identity'),
      axes,
      problems,
    );
    expect(problems).toEqual([]);
    expect(vignettes.map((v) => [v.id, v.domain])).toEqual([
      ['case-1', 'my-bank'],
      ['case-2', 'my-bank'],
    ]);
    expect(readFileSync(join(dir, 'review.txt'), 'utf8')).toBe('');
    // Never overwrites: the same --out again is bad input naming the file.
    const again = await runCli(['templatize', file, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/my-bank\.yaml: --out: exists already/);
  });

  it('exit 1 when some cases are left out, each listed with file, line and reason; --json says the same', async () => {
    const { dir, file } = bank([
      good('a', 'A 45-year-old man has chest pain.'),
      good('b', 'A 8-year-old boy has a cough. His uncle says he wheezes.'),
    ]);
    const review = join(dir, 'review.txt');
    const r = await runCli(['templatize', file, '--json', '--review', review]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2: b: left out: rendering the template`);
    const json = JSON.parse(r.stdout) as {
      schema: string;
      cases: number;
      accepted: number;
      rejected: { line: number; id: string }[];
      review: { surface: string }[];
    };
    expect(json.schema).toBe('counterfair.templatize/1');
    expect([json.cases, json.accepted, json.rejected.map((x) => [x.line, x.id])]).toEqual([2, 1, [[2, 'b']]]);
    expect(readFileSync(review, 'utf8')).toMatch(
      /My Bank\.jsonl:2: b: "he" \(at character \d+\): may refer to the patient or to the "uncle"/,
    );
  });

  it('exit 2 on bad input, naming file, line and field, and writes nothing', async () => {
    const { dir, file } = bank([
      good('a', 'A 45-year-old man.'),
      JSON.stringify({ id: 'b', text: 'x', question: 'Q', options: { A: 'x', B: 'y' }, answer: 'Z' }),
    ]);
    const out = join(dir, 'templates');
    const r = await runCli(['templatize', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:2: answer: "Z" is not one of the options (A, B)`);
    expect(existsSync(out)).toBe(false);
    const missing = await runCli(['templatize', join(dir, 'none.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none\.jsonl: case file not found/);
  });
});

describe('templatized cases in a study', () => {
  it('expand renders every variant from them, with the words of each level', async () => {
    const { dir, file } = bank([good('c1', 'A 45-year-old Black woman on Medicaid presents with chest pain. She is pale.')]);
    const out = join(dir, 'templates');
    expect((await runCli(['templatize', file, '--out', out])).code).toBe(0);
    const study = join(dir, 'study.yaml');
    writeFileSync(
      study,
      [
        'name: templatized',
        'seed: 1',
        `templates: [${out}]`,
        `demographics: ${join(process.cwd(), 'demographics')}`,
        'axes:',
        '  race: { levels: [white, black] }',
        '  sex: {}',
        '  insurance: { levels: [private, medicaid], reference: private }',
        'models:',
        '  - { id: sim, provider: simulated, accuracy: { default: 0.8 } }',
      ].join('\n'),
    );
    const r = await runCli(['expand', study, '--strict']);
    expect(r.stderr).not.toMatch(/warning|error/i);
    expect(r.code).toBe(0);
    const texts = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages.at(-1)!.content);
    expect(texts.some((t) => t.includes('A 45-year-old White man privately insured presents with chest pain. He is pale.'))).toBe(true);
    // One level at a time (the default design) beside the reference.
    for (const variant of [
      'A 45-year-old White woman privately insured presents with chest pain. She is pale.',
      'A 45-year-old Black man privately insured presents with chest pain. He is pale.',
      'A 45-year-old White man on Medicaid presents with chest pain. He is pale.',
    ])
      expect(
        texts.some((t) => t.includes(variant)),
        variant,
      ).toBe(true);
  });
});
