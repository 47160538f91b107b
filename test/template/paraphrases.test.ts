import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTemplateFiles, loadVignettes } from '../../src/template/load.js';
import { numbersWithUnits, validateParaphrases } from '../../src/template/paraphrases.js';
import type { Problem } from '../../src/util/problems.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

/** A vignette YAML entry with one paraphrase; `text` and `paraphrase` are written as block scalars. */
function vignetteYaml(id: string, text: string, paraphrase: string): string {
  const block = (s: string) =>
    s
      .split('\n')
      .map((line) => `        ${line}`)
      .join('\n');
  return [
    `  - id: ${id}`,
    '    perspective: clinician',
    '    text: |',
    block(text).replace(/^ {2}/gm, ''),
    '    paraphrases:',
    '      - |',
    block(paraphrase),
    '    question: { type: yesno, stem: Is this sepsis?, answer: "yes" }',
    '    rationale: r',
    '    source: s',
  ].join('\n');
}

function scratchStudy(vignettes: string[]): { study: string; templates: string } {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-paraphrase-'));
  const templates = join(dir, 'cases.yaml');
  writeFileSync(templates, `domain: sepsis\nvignettes:\n${vignettes.join('\n')}\n`);
  const study = join(dir, 'study.yaml');
  writeFileSync(
    study,
    `name: scratch\nseed: 1\ntemplates: [cases.yaml]\ndemographics: ${fromRoot('demographics')}\naxes:\n  race: {}\n  insurance: {}\nmodels:\n  - { id: sim, provider: simulated }\n`,
  );
  return { study, templates };
}

const TEXT = '{{Patient}} has fever and cough. Respiratory rate 20/min, SpO2 96% on room air. {{insurance}}';

describe('a paraphrase that changes a clinical number or a placeholder is bad input', () => {
  it('names file, paraphrase line, field and both values, for every bad paraphrase at once (exit 2)', async () => {
    const { study, templates } = scratchStudy([
      vignetteYaml(
        'numbers-changed',
        TEXT,
        '{{Patient}} has cough and fever. SpO2 86% on room air, respiratory rate 32/min. {{insurance}}',
      ),
      vignetteYaml('cue-dropped', TEXT, '{{Patient}} has cough and fever. SpO2 96% on room air, respiratory rate 20/min.'),
      vignetteYaml(
        'faithful',
        TEXT,
        'With fever and cough, {{patient}} has SpO2 96% on room air and a respiratory rate of 20/min. {{insurance}}',
      ),
      // A line break ({{br}}) is layout: a paraphrase may break its lines elsewhere or not at all.
      vignetteYaml(
        'relaid',
        TEXT.replace('cough. ', 'cough.{{br}}'),
        'With fever and cough, {{patient}} has SpO2 96% on room air and a respiratory rate of 20/min. {{insurance}}',
      ),
    ]);
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = readFileSync(templates, 'utf8').split('\n');
    // The paraphrase's first line of text: the line after its `- |`.
    const lineOf = (id: string) => lines.findIndex((l, i) => i > lines.findIndex((x) => x.includes(`id: ${id}`)) && l.trim() === '- |') + 2;
    expect(r.stderr).toContain(
      `${templates}:${lineOf('numbers-changed')}: numbers-changed.paraphrases[0]: changes the numbers: original has 20 /min, 96 %, paraphrase has 86 %, 32 /min;`,
    );
    expect(r.stderr).toContain(
      `${templates}:${lineOf('cue-dropped')}: cue-dropped.paraphrases[0]: changes the placeholders: original has {{insurance}}, paraphrase has nothing else;`,
    );
    expect(r.stderr).not.toContain('faithful');
    expect(r.stderr).not.toContain('relaid');
  });

  it('passes rewordings that keep every number and unit: reordered, spelled-out small numbers, hyphenated units, line breaks', () => {
    const same = (a: string, b: string) => expect([...numbersWithUnits(a)].sort()).toEqual([...numbersWithUnits(b)].sort());
    same(
      'pain for 24 hours after fifteen minutes of exertion, BP 88/54\nmmHg',
      'after 15 minutes of exertion, 24-hour pain, BP 88/54 mmHg',
    );
    same('one pack a day for 30 years; no one else smokes', '1 pack a day for 30 years; nobody else smokes');
    same('two troponins 3 hours apart', '2 troponins, 3 hours apart');
  });

  it('tells apart a number with another unit, a count, a sign and digits inside words', () => {
    expect(numbersWithUnits('4 hours')).not.toEqual(numbersWithUnits('4 days'));
    expect(numbersWithUnits('potassium 5.1 mmol/L, z-score −2.1, SpO2 and FEV1')).toEqual(['5.1 mmol/L', '-2.1']);
    expect(numbersWithUnits('3 doses')).not.toEqual(numbersWithUnits('3 doses, 3 doses'));
  });

  it('every shipped paraphrase keeps the numbers, units and placeholders of its text', () => {
    const problems: Problem[] = [];
    const vignettes = loadVignettes(
      listTemplateFiles([fromRoot('templates')], problems).map((file) => ({ kind: 'yaml' as const, file })),
      problems,
    );
    validateParaphrases(vignettes, problems);
    expect(problems).toEqual([]);
    expect(vignettes.reduce((n, v) => n + v.paraphrases.length, 0)).toBeGreaterThanOrEqual(vignettes.length);
  });
});
