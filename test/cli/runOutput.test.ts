import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeTestStudy } from '../helpers/study.js';

const dir = mkdtempSync(join(tmpdir(), 'counterfair-run-output-'));
const study = writeTestStudy(join(dir, 'study.yaml'), { name: 'output', seed: 9, models: ['{ id: sim, provider: simulated }'] });
const progressLines = (stderr: string) => stderr.split('\n').filter((l) => /^counterfair: \d+\/\d+ \(/.test(l));

describe('what `run` prints: only what applies, the report path once, the next step after a simulated run', () => {
  it('a simulated run prints no token count and no response cache, the report path once, then how to audit a real model', async () => {
    const out = join(dir, 'sim');
    const r = await runCli(['run', study, '--out', out], { COUNTERFAIR_CACHE_DIR: join(dir, 'cache') });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('response cache');
    expect(r.stderr).not.toContain('already recorded');
    expect(progressLines(r.stderr).length).toBeGreaterThan(0);
    expect(progressLines(r.stderr).some((l) => l.includes('tokens'))).toBe(false);
    expect((r.stdout + r.stderr).split(join(out, 'report.html')).length - 1).toBe(1);
    expect(r.stdout).toContain(`Next: audit your own model.`);
    expect(r.stdout).toContain(`counterfair validate ${study} --base-url http://127.0.0.1:8000/v1 --model NAME --limit 3`);
  });

  it('on resume, the first progress line already counts every recorded answer', async () => {
    const out = join(dir, 'resume');
    expect((await runCli(['run', study, '--out', out])).code).toBe(0);
    const journal = join(out, 'responses.jsonl');
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    const kept = Math.floor(lines.length / 2);
    writeFileSync(journal, `${lines.slice(0, kept).join('\n')}\n`);
    const r = await runCli(['run', study, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`resuming: ${kept} responses already recorded (failed requests are sent again)`);
    expect(progressLines(r.stderr)[0]).toContain(`· ${kept} already answered ·`);
    // A log never repeats a line.
    const progress = progressLines(r.stderr);
    expect(new Set(progress).size).toBe(progress.length);
  });

  it('--json prints the findings on stdout and the report path once, on stderr; no next step', async () => {
    const out = join(dir, 'json');
    const r = await runCli(['run', study, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      schema: string;
      runDir: string;
      complete: boolean;
      findings: unknown[];
      dataQuality: { models: unknown[] };
    };
    expect(body).toMatchObject({ schema: 'counterfair.findings/1', runDir: out, report: join(out, 'report.html'), complete: true });
    expect(body.findings).toEqual(JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')));
    expect(body.dataQuality.models).toHaveLength(1);
    expect(r.stderr.split(join(out, 'report.html')).length - 1).toBe(1);
    expect(r.stdout).not.toContain('Next:');
  });
});
