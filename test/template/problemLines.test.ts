import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

describe('template problems name the line of what is wrong, not the vignette id', () => {
  it('an {{age}} without an age axis, an unbalanced brace, and a placeholder in the question', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-problem-lines-'));
    mkdirSync(join(dir, 't'));
    const cases = join(dir, 't', 'cases.yaml');
    writeFileSync(
      cases,
      [
        'domain: triage', // 1
        'vignettes:', // 2
        '  - id: case-one', // 3
        '    perspective: clinician', // 4
        '    text: |', // 5
        '      {{patient}} arrives with chest pain.', // 6
        '      The pain began at age {{age}} and returned.', // 7
        '      Vitals are normal }} today.', // 8
        '    question:', // 9
        '      type: yesno', // 10
        '      stem: Should {{they}} get an ECG?', // 11
        '      answer: yes', // 12
        '    rationale: ECG within ten minutes.', // 13
        '    source: test', // 14
      ].join('\n'),
    );
    const study = join(dir, 'study.yaml');
    writeFileSync(
      study,
      `name: t\nseed: 1\ntemplates: [${join(dir, 't')}]\ndemographics: ${fromRoot('demographics')}\naxes: { race: { levels: [white, black] } }\nmodels: [{ id: sim, provider: simulated }]\n`,
    );
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cases}:7: case-one.text: uses {{age}} but the study has no age axis`);
    expect(r.stderr).toContain(`${cases}:8: case-one.text: unbalanced "}}"`);
    expect(r.stderr).toContain(`${cases}:11: case-one.question: {{they}} is not filled in the question`);
  });

  it('a {{br}} that breaks no line inside a paragraph (beside a blank line, at the end) is named at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-problem-lines-'));
    const cases = join(dir, 'cases.yaml');
    writeFileSync(
      cases,
      [
        'domain: triage', // 1
        'vignettes:', // 2
        '  - id: case-br', // 3
        '    perspective: clinician', // 4
        '    text: |', // 5
        '      {{patient}} arrives with chest pain.{{br}}', // 6
        '', // 7
        '      HPI: pain since noon.{{br}}', // 8
        '      PMH: none.{{br}}', // 9
        '    question: { type: yesno, stem: Should an ECG be done?, answer: "yes" }', // 10
        '    rationale: ECG within ten minutes.', // 11
        '    source: test', // 12
      ].join('\n'),
    );
    const study = join(dir, 'study.yaml');
    writeFileSync(
      study,
      `name: t\nseed: 1\ntemplates: [${cases}]\ndemographics: ${fromRoot('demographics')}\naxes: { race: { levels: [white, black] } }\nmodels: [{ id: sim, provider: simulated }]\n`,
    );
    const r = await runCli(['expand', study]);
    expect(r.code).toBe(2);
    const brProblems = r.stderr.split('\n').filter((l) => l.includes('{{br}} at the start or end'));
    expect(brProblems.map((l) => l.split(': case-br')[0])).toEqual([`${cases}:6`, `${cases}:9`]);
  });
});
