import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { runSimulated } from '../compare/studies.js';

/** The <testcase> elements of a JUnit file: name and whether it failed or errored. */
function testcases(xml: string): { name: string; outcome: 'pass' | 'failure' | 'error' }[] {
  return [...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)">([\s\S]*?)<\/testcase>/g)].map((m) => ({
    name: m[1]!,
    outcome: m[2]!.includes('<failure') ? 'failure' : m[2]!.includes('<error') ? 'error' : 'pass',
  }));
}

describe('gate --junit and the Markdown job summary, for CI', () => {
  let biased: string;
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-gate-ci-'));

  beforeAll(async () => {
    biased = await runSimulated([{ id: 'sim', medicaidMultiplier: 3 }]);
  });

  it('a failed gate writes one JUnit test case per contrast, the failing one with its reason, and exits 1', async () => {
    const junit = join(dir, 'reports', 'gate.xml');
    const r = await runCli(['gate', biased, '--max-difference', '5', '--junit', junit]);
    expect(r.code).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="counterfair gate" tests="5" failures="1" errors="0">/,
    );
    expect(testcases(xml)).toEqual([
      { name: 'sim race=black', outcome: 'pass' },
      { name: 'sim race=hispanic', outcome: 'pass' },
      { name: 'sim insurance=medicare', outcome: 'pass' },
      { name: 'sim insurance=medicaid', outcome: 'failure' },
      { name: 'sim insurance=uninsured', outcome: 'pass' },
    ]);
    expect(xml).toContain('<property name="verdict" value="failed"/>');
  });

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY: verdict, rule and the failing contrast first', async () => {
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const r = await runCli(['gate', biased, '--max-difference', '5'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# Earlier step\n## counterfair gate: FAILED — 1 of 5 contrasts exceeds the thresholds.\n')).toBe(true);
    expect(md).toContain(
      'Rule: a contrast fails when significant after holm adjustment (adjusted p \\< 0.05) and \\|difference\\| \\> 5 points',
    );
    const rows = md.split('\n').filter((l) => l.startsWith('| sim'));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^\| sim \| insurance \| medicaid \| private \|.*\| difference \| FAILED \|$/);
    expect(rows.slice(1).every((row) => row.endsWith('| pass |'))).toBe(true);
  });

  it('--no-summary writes nothing even when $GITHUB_STEP_SUMMARY is set; a pass is a JUnit suite without failures', async () => {
    const summary = join(dir, 'unused.md');
    const junit = join(dir, 'pass.xml');
    const r = await runCli(['gate', biased, '--max-difference', '100', '--junit', junit, '--no-summary'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(0);
    expect(existsSync(summary)).toBe(false);
    expect(testcases(readFileSync(junit, 'utf8')).every((t) => t.outcome === 'pass')).toBe(true);
  });

  it('a refused gate writes its reasons as JUnit errors and exits 2', async () => {
    const junit = join(dir, 'refused.xml');
    // The medicaid contrast as if 30 of its pairs had had no answer: more than the 20% the gate allows.
    const lossy = join(dir, 'lossy');
    cpSync(biased, lossy, { recursive: true });
    const findings = JSON.parse(readFileSync(join(lossy, 'findings.json'), 'utf8')) as { level: string; nExcludedPairs?: number }[];
    writeFileSync(
      join(lossy, 'findings.json'),
      JSON.stringify(findings.map((f) => (f.level === 'medicaid' ? { ...f, nExcludedPairs: 30 } : f))),
    );
    const r = await runCli(['gate', lossy, '--max-difference', '5', '--junit', junit, '--summary', join(dir, 'refused.md')]);
    expect(r.code).toBe(2);
    const xml = readFileSync(junit, 'utf8');
    const errors = testcases(xml).filter((t) => t.outcome === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.name).toBe('the run supports a verdict (1)');
    expect(xml).toMatch(/<error type="refused" message="sim insurance=medicaid lost \d+% of its pairs/);
    expect(readFileSync(join(dir, 'refused.md'), 'utf8')).toMatch(
      /^## counterfair gate: REFUSED — this run cannot support a verdict \(\d+ reasons?\); no pass or failure is given\n\n- sim /,
    );
  });

  it('an unwritable JUnit path is bad input naming the file', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const r = await runCli(['gate', biased, '--max-difference', '100', '--junit', join(blocker, 'gate.xml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(blocker, 'gate.xml')}: cannot be written`);
  });
});
