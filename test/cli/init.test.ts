import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('counterfair init', () => {
  it('scaffolds a study that validates and runs at once on the simulated model', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'counterfair-init-')), 'my-audit');
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Next: counterfair validate ${join(dir, 'study.yaml')}`);
    for (const file of ['study.yaml', 'templates/example.yaml', 'README.md']) expect(existsSync(join(dir, file))).toBe(true);
    expect(readFileSync(join(dir, 'study.yaml'), 'utf8')).toContain('name: "my-audit"');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/^# my-audit\n[\s\S]*## Next steps/);
    const validated = await runCli(['validate', join(dir, 'study.yaml')]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    const out = join(dir, 'reports', 'study');
    const ran = await runCli(['run', join(dir, 'study.yaml')]);
    expect(ran.code).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect((await runCli(['gate', out])).code).toBe(0);
  });

  it("the study's comment on adding the shipped library gives a path that loads", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-init-'));
    expect((await runCli(['init', dir, '--name', 'library'])).code).toBe(0);
    const file = join(dir, 'study.yaml');
    const study = readFileSync(file, 'utf8');
    const withLibrary = /Add the shipped library too with: (templates: \[.*\])/.exec(study)![1]!;
    writeFileSync(file, study.replace('templates: [templates]\n', `${withLibrary}\n`));
    const r = await runCli(['validate', file, '--no-check', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { plan: { variants: number } }).plan.variants).toBeGreaterThan(100);
  });

  it('never overwrites: a folder with a study already is bad input naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-init-'));
    writeFileSync(join(dir, 'study.yaml'), 'name: mine\n');
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'study.yaml')}: exists already; counterfair init never overwrites`);
    expect(readFileSync(join(dir, 'study.yaml'), 'utf8')).toBe('name: mine\n');
    expect(existsSync(join(dir, 'README.md'))).toBe(false);
  });
});
