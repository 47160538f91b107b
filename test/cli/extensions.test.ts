import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoreRecord } from '../../src/index.js';
import { VIGNETTES, writeStudy } from '../fixtures/extending/study.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const EXTENSION = fromRoot('test/fixtures/extending/extension.ts');

describe('counterfair --extension MODULE', () => {
  it('validates, runs, re-analyses and re-renders a study that uses a custom provider and question type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-cli-extension-'));
    const study = writeStudy(dir);
    const out = join(dir, 'run');
    const validate = await runCli(['--extension', EXTENSION, 'validate', study]);
    expect(validate.stderr).not.toContain('internal error');
    expect(validate.code).toBe(0);
    const run = await runCli(['--extension', EXTENSION, 'run', study, '--out', out]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    const scores = () =>
      readFileSync(join(out, 'scores.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ScoreRecord);
    const first = scores();
    expect(first.filter((s) => s.modelId === 'table' && s.outcome === 'incorrect').map((s) => s.vignetteId)).toEqual(
      expect.arrayContaining(VIGNETTES.slice(0, 3)),
    );
    expect((await runCli(['--extension', EXTENSION, 'analyze', out])).code).toBe(0);
    expect(scores()).toEqual(first);
    expect((await runCli(['--extension', EXTENSION, 'report', out])).code).toBe(0);
    // Without the extension the same commands refuse by name, as bad input.
    const without = await runCli(['run', study, '--out', join(dir, 'other')]);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/models\[0\]\.provider: must be one of simulated, openai; got "lookup"/);
    const analyze = await runCli(['analyze', out]);
    expect(analyze.code).toBe(2);
    expect(analyze.stderr).toContain('question type "true-false" is not registered');
  }, 120_000);

  it('a missing module, one that exports no definitions, or one that reuses a built-in id is bad input naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-cli-extension-'));
    const study = writeStudy(dir);
    const missing = await runCli(['--extension', join(dir, 'nope.mjs'), 'validate', study]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.mjs: --extension: not found/);
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, 'export const something = 1;\n');
    const none = await runCli(['--extension', empty, 'validate', study]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('exports neither providers nor questionTypes');
    const clash = join(dir, 'clash.mjs');
    writeFileSync(clash, "export const providers = [{ kind: 'simulated', fields: [] }];\n");
    const reused = await runCli(['--extension', clash, 'validate', study]);
    expect(reused.code).toBe(2);
    expect(reused.stderr).toMatch(/simulated/);
    expect(reused.stderr).not.toContain('internal error');
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, 'export const providers = [;\n');
    const syntax = await runCli(['--extension', broken, 'validate', study]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/broken\.mjs: --extension: could not be loaded/);
  });
});
