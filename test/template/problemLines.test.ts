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
});
