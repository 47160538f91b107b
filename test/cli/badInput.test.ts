import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture, fromRoot } from '../helpers/paths.js';

/** A scratch copy of the test study whose files a test can break. */
function scratchStudy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-bad-'));
  cpSync(fixture('study/templates'), join(dir, 'templates'), { recursive: true });
  writeFileSync(
    join(dir, 'study.yaml'),
    `name: scratch\nseed: 1\ntemplates: [templates]\ndemographics: ${fromRoot('demographics')}\naxes:\n  race: {}\n  insurance: {}\nmodels:\n  - { id: sim, provider: simulated }\n`,
  );
  return dir;
}

describe('bad input gives one clear message and exit code 2', () => {
  it('names a missing study file', async () => {
    const r = await runCli(['expand', 'no/such/study.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/study.yaml: file not found');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names file and line of a YAML syntax error', async () => {
    const dir = scratchStudy();
    writeFileSync(join(dir, 'study.yaml'), 'name: broken\nseed: 1\naxes:\n  race: [white\n');
    const r = await runCli(['expand', join(dir, 'study.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/study\.yaml:\d+: YAML syntax error/);
  });

  it('names file, line and field of an unknown placeholder', async () => {
    const dir = scratchStudy();
    const file = join(dir, 'templates', 'extra.yaml');
    writeFileSync(
      file,
      'domain: sepsis\nvignettes:\n  - id: bad-placeholder\n    perspective: clinician\n    text: |\n      {{Patient}} is febrile.\n      {{insurance}} Temperature {{temperatur}}.\n    question: { type: yesno, stem: Is this sepsis?, answer: yes }\n    rationale: r\n    source: s\n',
    );
    const r = await runCli(['expand', join(dir, 'study.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:7: bad-placeholder.text: unknown placeholder {{temperatur}}`);
  });

  it('names an axis that does not exist, listing the defined ones', async () => {
    const dir = scratchStudy();
    writeFileSync(
      join(dir, 'study.yaml'),
      `seed: 1\ntemplates: [templates]\ndemographics: ${fromRoot('demographics')}\naxes:\n  religion: {}\nmodels:\n  - { id: sim, provider: simulated }\n`,
    );
    const r = await runCli(['expand', join(dir, 'study.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /study\.yaml:5: axes\.religion: unknown axis "religion"; defined axes: age, disability, gender-identity, housing, income, insurance, language, race, sex, sexual-orientation/,
    );
  });

  it('collects several problems before failing', async () => {
    const dir = scratchStudy();
    writeFileSync(
      join(dir, 'templates', 'extra.yaml'),
      'vignettes:\n  - id: Bad_Id\n    perspective: surgeon\n    text: x\n    question: { type: choice, stem: q, options: { A: a, B: b }, answer: C }\n    rationale: r\n    source: s\n',
    );
    const r = await runCli(['expand', join(dir, 'study.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must use lowercase letters');
    expect(r.stderr).toContain('perspective: must be one of patient, clinician, general');
    expect(r.stderr).toContain('"C" is not among the options (A, B)');
    expect(r.stderr).toContain('domain: is required');
  });

  it('says which environment variable is missing for a real model, without a stack', async () => {
    const dir = scratchStudy();
    writeFileSync(
      join(dir, 'study.yaml'),
      `seed: 1\ntemplates: [templates]\ndemographics: ${fromRoot('demographics')}\naxes:\n  race: {}\n  insurance: {}\nmodels:\n  - { id: gpt, provider: openai, model: gpt-x, api_key_env: COUNTERFAIR_TEST_KEY }\n`,
    );
    const r = await runCli(['run', join(dir, 'study.yaml'), '--out', join(dir, 'out')], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('environment variable COUNTERFAIR_TEST_KEY is not set');
  });

  it('stops before asking any model when the judge key is missing', async () => {
    const dir = scratchStudy();
    writeFileSync(
      join(dir, 'study.yaml'),
      `seed: 1\ntemplates: [templates]\ndemographics: ${fromRoot('demographics')}\naxes:\n  race: {}\nmodels:\n  - { id: sim, provider: simulated }\njudge:\n  model: { id: j, provider: openai, model: gpt-x, api_key_env: COUNTERFAIR_TEST_JUDGE_KEY }\n`,
    );
    const r = await runCli(['run', join(dir, 'study.yaml'), '--out', join(dir, 'out')], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('judge.model.api_key_env: environment variable COUNTERFAIR_TEST_JUDGE_KEY is not set');
    expect(existsSync(join(dir, 'out', 'responses.jsonl'))).toBe(false);
  });
});
