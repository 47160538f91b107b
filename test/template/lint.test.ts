import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const VIGNETTE_TAIL = '    question: { type: yesno, stem: Does this need antibiotics?, answer: "no" }\n    rationale: r\n    source: s\n';

/** A study over one template file whose vignettes the test writes, with race, sex, age, insurance and language. */
function studyWith(
  vignettes: string,
  axes = '  race: {}\n  sex: {}\n  age: { levels: ["45", "75"], reference: "45" }\n  insurance: {}\n  language: {}\n',
): { study: string; template: string } {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-lint-'));
  const template = join(dir, 'cases.yaml');
  writeFileSync(template, `domain: infectious-disease\nvignettes:\n${vignettes}`);
  const study = join(dir, 'study.yaml');
  writeFileSync(
    study,
    `seed: 1\ntemplates: [cases.yaml]\ndemographics: ${fromRoot('demographics')}\naxes:\n${axes}models:\n  - { id: sim, provider: simulated }\n`,
  );
  return { study, template };
}

const HARD_CODED =
  '  - id: hard-coded\n    perspective: clinician\n    text: |\n      {{Patient}} has a sore throat. A White woman was seen with\n      the same complaint. He is well and has no fever. {{insurance}} {{language}}\n' +
  VIGNETTE_TAIL;

describe('template lint: demographic words outside placeholders', () => {
  it('warns with file:line, field and word for a hard-coded pronoun and race, and still expands', async () => {
    const { study, template } = studyWith(HARD_CODED);
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThan(1);
    expect(r.stderr).toContain(
      `counterfair: warning: ${template}:6: hard-coded.text: "White" may state the patient's race and ethnicity, which this vignette varies (axis race); use {{patient}} instead`,
    );
    expect(r.stderr).toContain(`${template}:6: hard-coded.text: "woman" may state the patient's sex`);
    expect(r.stderr).toContain(`${template}:7: hard-coded.text: "He" may state the patient's sex`);
    expect(r.stderr).toContain('lint: { allow: [He] }');
    expect(r.stderr).toContain('3 template lint warnings; --strict makes them errors');
  });

  it('with --strict, lists every problem and exits 2 (expand and run)', async () => {
    const { study, template } = studyWith(HARD_CODED);
    for (const command of ['expand', 'run']) {
      const r = await runCli([command, study, '--strict']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('invalid input (3 problems)');
      expect(r.stderr).toContain(`${template}:7: hard-coded.text: "He" may state`);
    }
  });

  it('a study with strict: true fails the same way without the flag', async () => {
    const { study } = studyWith(HARD_CODED);
    writeFileSync(study, `strict: true\n${readFileSync(study, 'utf8')}`);
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid input (3 problems)');
  });

  it('flags explicit ages, insurance and interpreter words only when the vignette varies that axis', async () => {
    const text = '{{Patient}} is a 45-year-old on Medicaid who needs an interpreter. {{insurance}} {{language}}';
    const varied = studyWith(`  - id: varied\n    perspective: clinician\n    text: '${text}'\n${VIGNETTE_TAIL}`);
    const r = await runCli(['expand', varied.study]);
    expect(r.stderr).toContain('"45-year-old" states an age');
    expect(r.stderr).toContain('"Medicaid" may state the patient\'s insurance');
    expect(r.stderr).toContain('"interpreter" may state the patient\'s preferred language');
    const pinned = studyWith(
      `  - id: pinned\n    perspective: clinician\n    text: '${text}'\n${VIGNETTE_TAIL}    excluded:\n      - { axis: age, value: "45", reason: r }\n      - { axis: insurance, value: medicaid, reason: r }\n      - { axis: language, value: spanish, reason: r }\n`,
    );
    const p = await runCli(['expand', pinned.study, '--strict']);
    expect(p.stderr).not.toContain('warning');
    expect(p.code).toBe(0);
  });

  it('does not flag a relative of the patient, lowercase colour words or a word the vignette allows', async () => {
    const { study } = studyWith(
      "  - id: family\n    perspective: clinician\n    text: |\n      {{Patient}} reports that {{their}} mother had a stroke; the patient's wife is present. White blood cells\n      are 7.1. An old report was labelled Black. {{insurance}} {{language}}\n" +
        VIGNETTE_TAIL +
        '    lint:\n      allow: [Black]\n',
    );
    const r = await runCli(['expand', study, '--strict']);
    expect(r.stderr).not.toMatch(/warning|invalid/);
    expect(r.code).toBe(0);
  });

  it('flags a bystander\'s "my mother" (the patient) but not the patient\'s own "my mother" (family history)', async () => {
    const bystander = studyWith(
      `  - id: bystander\n    perspective: general\n    text: My mother, {{patient}}, fell. {{insurance}} {{language}}\n${VIGNETTE_TAIL}`,
    );
    expect((await runCli(['expand', bystander.study])).stderr).toContain('"mother" may state the patient\'s sex');
    const patient = studyWith(
      `  - id: own\n    perspective: patient\n    text: I am {{patient}}. My mother had breast cancer. {{insurance}} {{language}}\n${VIGNETTE_TAIL}`,
    );
    expect((await runCli(['expand', patient.study, '--strict'])).code).toBe(0);
  });

  it('reports a varied sentence axis whose placeholder the text does not place (its sentence is appended)', async () => {
    const { study, template } = studyWith(
      `  - id: no-language-cue\n    perspective: clinician\n    text: '{{Patient}} has a sore throat. {{insurance}}'\n${VIGNETTE_TAIL}`,
    );
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${template}:5: no-language-cue.text: 1 vignette varies axis "language" but places no {{language}} (no-language-cue): its sentence is appended`,
    );
    const variant = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { prompt?: string; text?: string })
      .find((v) => JSON.stringify(v).includes('Spanish'));
    expect(variant).toBeDefined();
    expect((await runCli(['expand', study, '--strict'])).code).toBe(2);
  });

  it('lints the question stem, which every variant shares, at its own line', async () => {
    const { study, template } = studyWith(
      '  - id: stem\n    perspective: clinician\n    text: \'{{Patient}} has a sore throat. {{insurance}} {{language}}\'\n    question:\n      type: yesno\n      stem: Does she need antibiotics?\n      answer: "no"\n    rationale: r\n    source: s\n',
    );
    const r = await runCli(['expand', study, '--strict']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${template}:8: stem.question.stem: "she" may state the patient's sex`);
  });

  it('passes the shipped library under --strict with the quickstart study', async () => {
    const r = await runCli(['expand', fromRoot('examples/quickstart.yaml'), '--strict']);
    expect(r.stderr).not.toContain('warning');
    expect(r.code).toBe(0);
  });
});
