import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import type { GateResult } from '../../src/gate/types.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { runSimulated } from '../compare/studies.js';

/** A copy of a run whose findings.json has been rewritten by `edit` (what a run with failed requests would hold). */
function withFindings(run: string, edit: (findings: Finding[]) => Finding[]): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'counterfair-refusal-')), 'run');
  cpSync(run, copy, { recursive: true });
  const file = join(copy, 'findings.json');
  writeFileSync(file, JSON.stringify(edit(JSON.parse(readFileSync(file, 'utf8')) as Finding[])));
  return copy;
}

/** A port on 127.0.0.1 with nothing listening: every connection is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('counterfair gate refuses runs that cannot support a verdict (exit 2)', () => {
  let unbiased: string;

  beforeAll(async () => {
    unbiased = await runSimulated([{ id: 'sim', medicaidMultiplier: 1 }], 'gate:\n  max_difference: 5\n');
  });

  it('with nothing to judge: never "passed — none of 0 contrasts"', async () => {
    const empty = withFindings(unbiased, () => []);
    const text = await runCli(['gate', empty]);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/^counterfair gate: REFUSED — this run cannot support a verdict \(1 reason\)/);
    expect(text.stdout).toContain('no contrast to judge');
    expect(text.stdout).not.toContain('passed');
    const json = await runCli(['gate', empty, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout) as GateResult).toMatchObject({
      schema: 'counterfair.gate/1',
      passed: false,
      refused: true,
      checked: 0,
      refusals: [expect.stringContaining('no contrast to judge')],
    });
    expect(json.stderr).toContain('REFUSED');
  });

  it('when a contrast lost more than --max-lost-pairs of its pairs (default 20%), in either mode', async () => {
    // 30 more pairs lost than usable ones would allow at 20%.
    const lossy = withFindings(unbiased, (fs) => fs.map((f) => (f.level === 'medicaid' ? { ...f, nExcludedPairs: 30 } : f)));
    const medicaid = (JSON.parse(readFileSync(join(lossy, 'findings.json'), 'utf8')) as Finding[]).find((f) => f.level === 'medicaid')!;
    const share = 30 / (medicaid.nPairs + 30);
    expect(share).toBeGreaterThan(0.2);
    for (const mode of ['superiority', 'equivalence']) {
      const r = await runCli(['gate', lossy, '--mode', mode, '--max-difference', '50', '--json']);
      expect(r.code).toBe(2);
      const result = JSON.parse(r.stdout) as GateResult;
      expect(result).toMatchObject({ passed: false, refused: true, thresholds: { maxLostPairs: 0.2 } });
      expect(result.refusals).toEqual([
        `sim insurance=medicaid lost ${Math.round(100 * share)}% of its pairs (30 of ${medicaid.nPairs + 30}) to request errors or unscored answers, more than the 20% allowed (--max-lost-pairs 0.2): fix the failures and re-run with the same --out`,
      ]);
      expect(result.contrasts.find((c) => c.level === 'medicaid')!.lostPairsShare).toBeCloseTo(share, 12);
    }
    const tolerant = await runCli(['gate', lossy, '--max-lost-pairs', '0.5', '--json']);
    expect(tolerant.code).toBe(0);
    expect(JSON.parse(tolerant.stdout) as GateResult).toMatchObject({ passed: true, refused: false, refusals: [] });
  });

  it('when a contrast has no usable pair', async () => {
    const r = await runCli([
      'gate',
      withFindings(unbiased, (fs) => fs.map((f) => (f.level === 'black' ? { ...f, nPairs: 0, nExcludedPairs: 0 } : f))),
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('sim race=black has no usable pair (0 of 0 lost');
  });

  it('when a judged model failed the data-quality check, though no pair was lost', async () => {
    const copy = withFindings(unbiased, (fs) => fs);
    const file = join(copy, 'results.json');
    const results = JSON.parse(readFileSync(file, 'utf8')) as {
      dataQuality: { passed: boolean; models: { model: string; passed: boolean; problems: string[] }[] };
    };
    expect(results.dataQuality.models.map((m) => m.model)).toEqual(['sim']);
    expect((await runCli(['gate', copy])).code).toBe(0);
    results.dataQuality.passed = false;
    results.dataQuality.models[0] = {
      ...results.dataQuality.models[0]!,
      passed: false,
      problems: ['61% of its answers were unreadable (at most 20% allowed)'],
    };
    writeFileSync(file, JSON.stringify(results));
    const r = await runCli(['gate', copy, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout) as GateResult).toMatchObject({ passed: false, refused: true });
    expect(r.stderr).toContain('sim failed the data-quality check (61% of its answers were unreadable (at most 20% allowed))');
  });

  it('after a run against a dead endpoint, whose every request failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-dead-'));
    const study = join(dir, 'study.yaml');
    writeFileSync(
      study,
      `name: dead\nseed: 5\ntemplates: [${fromRoot('templates/stroke.yaml')}]\ndemographics: ${fromRoot('demographics')}\naxes:\n  insurance: {}\ndesign: one-at-a-time\n` +
        `models:\n  - { id: dead, provider: openai, model: x, base_url: "http://127.0.0.1:${await closedPort()}/v1", api_key_env: COUNTERFAIR_TEST_KEY, max_retries: 0, timeout_ms: 2000 }\ngate:\n  max_difference: 5\n`,
    );
    const out = join(dir, 'run');
    await runCli(['run', study, '--out', out], { COUNTERFAIR_TEST_KEY: 'test', COUNTERFAIR_CACHE_DIR: 'off' });
    const r = await runCli(['gate', out, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout) as GateResult).toMatchObject({ passed: false, refused: true });
    expect(r.stderr).toContain('dead insurance=medicaid has no usable pair (8 of 8 lost to request errors or unscored answers)');
  });
});
