import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeTestStudy } from '../helpers/study.js';

const dir = mkdtempSync(join(tmpdir(), 'counterfair-subset-'));
const study = writeTestStudy(join(dir, 'study.yaml'), {
  name: 'subset',
  seed: 3,
  models: ['{ id: sim, provider: simulated }', '{ id: sim2, provider: simulated }'],
});
const variantIds = (runDir: string) =>
  readFileSync(join(runDir, 'variants.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { vignetteId: string }).vignetteId);
const manifest = (runDir: string) =>
  JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')) as {
    subset?: { vignettes: number; ofVignettes: number; models: number; vignetteIds: string[]; filters: Record<string, unknown> };
    models: { id: string }[];
  };

describe('smoke-test subsets: whole vignettes and chosen models, recorded so the report and the gate say so', () => {
  it('runs the vignettes of one domain with one model; manifest, report and gate name the subset', async () => {
    const out = join(dir, 'domain');
    const r = await runCli(['run', study, '--domains', 'pain-management', '--models', 'sim2', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'counterfair: smoke test on a subset: 1 of 3 vignettes, 1 of 2 models (--domains pain-management --models sim2)',
    );
    expect(new Set(variantIds(out))).toEqual(new Set(['pain-test-fracture']));
    const m = manifest(out);
    expect(m.models.map((x) => x.id)).toEqual(['sim2']);
    expect(m.subset).toMatchObject({
      vignettes: 1,
      ofVignettes: 3,
      models: 1,
      vignetteIds: ['pain-test-fracture'],
      filters: { domains: ['pain-management'], models: ['sim2'] },
    });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'This run asked only a subset of the study (1 of 3 vignettes, 1 of 2 models',
    );
    const gate = await runCli(['gate', out, '--max-difference', '50', '--json']);
    const verdict = JSON.parse(gate.stdout) as { subset: unknown; notes: string[] };
    expect(verdict.subset).toMatchObject({ vignettes: 1, ofVignettes: 3 });
    expect(verdict.notes[0]).toMatch(/^This run is a smoke-test subset of its study \(1 of 3 vignettes/);
    const text = await runCli(['gate', out, '--max-difference', '50']);
    expect(text.stdout).toContain('Note: This run is a smoke-test subset');
  });

  it('a full run records no subset, and the gate says nothing of one', async () => {
    const out = join(dir, 'full');
    expect((await runCli(['run', study, '--out', out])).code).toBe(0);
    expect(manifest(out).subset).toBeUndefined();
    const gate = JSON.parse((await runCli(['gate', out, '--max-difference', '50', '--json'])).stdout) as {
      subset: unknown;
      notes: string[];
    };
    expect(gate.subset).toBeNull();
    expect(gate.notes.join(' ')).not.toContain('subset');
  });

  it('--sample draws the same vignettes for the same seed, --limit takes the first, patterns match ids', async () => {
    const plan = async (...flags: string[]) =>
      (
        JSON.parse((await runCli(['validate', study, '--json', '--no-check', ...flags])).stdout) as {
          subset: { vignetteIds: string[]; filters: { seed?: number } };
        }
      ).subset;
    const a = await plan('--sample', '2', '--seed', '7');
    expect(a.vignetteIds).toHaveLength(2);
    expect((await plan('--sample', '2', '--seed', '7')).vignetteIds).toEqual(a.vignetteIds);
    const seeds = await Promise.all([1, 2, 3, 4, 5, 6].map((s) => plan('--sample', '2', '--seed', String(s))));
    expect(new Set(seeds.map((s) => s.vignetteIds.join())).size).toBeGreaterThan(1);
    expect((await plan('--sample', '1')).filters.seed).toBe(3); // the study's seed, recorded
    expect((await plan('--limit', '2')).vignetteIds).toEqual(['triage-test-chest-pain', 'pain-test-fracture']);
    expect((await plan('--vignettes', 'pain-*,*-paracetamol')).vignetteIds).toEqual(['pain-test-fracture', 'dose-test-paracetamol']);
  });

  it('refuses unknown domains, models and patterns at once, naming what exists (exit 2)', async () => {
    const r = await runCli(['run', study, '--domains', 'cardio', '--models', 'gpt', '--vignettes', 'nope-*', '--out', join(dir, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--vignettes: "nope-*" matches no vignette id');
    expect(r.stderr).toContain(
      '--domains: unknown domain "cardio"; the study\'s domains: emergency-triage, medication-dosing, pain-management',
    );
    expect(r.stderr).toContain('--models: unknown model id "gpt"; the study\'s models: sim, sim2');
    const both = await runCli(['run', study, '--limit', '1', '--sample', '1', '--out', join(dir, 'bad')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --limit or --sample, not both');
  });
});
