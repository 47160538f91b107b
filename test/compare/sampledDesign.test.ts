import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonResults } from '../../src/compare/types.js';
import { runCli } from '../helpers/cli.js';
import { coreLibrary, fromRoot } from '../helpers/paths.js';

describe('compare in a sampled design holds the other axes fixed', () => {
  // Two simulated models in one run of a sampled design: v1 errs 3 times as often for Medicaid patients, v2 does not.
  // Most variants change several axes at once, so compared with the all-reference variant the race levels that
  // share variants with Medicaid would seem to change too; the joint model sees the Medicaid change alone.
  let results: ComparisonResults;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-sampled-compare-'));
    const study = join(dir, 'study.yaml');
    const model = (id: string, multiplier: number) =>
      `  - { id: ${id}, provider: simulated, accuracy: 0.8, instability: 0.2, bias: [{ axis: insurance, level: medicaid, error_multiplier: ${multiplier} }] }`;
    writeFileSync(
      study,
      `name: sampled comparison\nseed: 99\ntemplates: [${coreLibrary()}]\ndemographics: ${fromRoot('demographics')}\naxes:\n  race: { levels: [white, black, hispanic] }\n  insurance: {}\ndesign: { kind: sampled, n: 6 }\n` +
        `models:\n${model('v1', 3)}\n${model('v2', 1)}\n`,
    );
    const out = join(dir, 'run');
    const run = await runCli(['run', study, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const r = await runCli(['compare', out, '--models', 'v1,v2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    results = JSON.parse(r.stdout) as ComparisonResults;
  });

  it('finds the Medicaid change and no change elsewhere, with the adjusted model', () => {
    const [comparison] = results.comparisons;
    expect(comparison!.changes.every((c) => c.test === 'vignette-fixed-effects')).toBe(true);
    const medicaid = comparison!.changes.find((c) => c.level === 'medicaid')!;
    expect(medicaid.significant).toBe(true);
    expect(medicaid.change).toBeLessThan(0);
    expect(medicaid.changeCiSimultaneous![1]).toBeLessThan(0);
    expect(comparison!.changes.filter((c) => c.level !== 'medicaid' && c.significant).map((c) => c.level)).toEqual([]);
    // Each side's disparity is the adjusted effect, and B − A is the change.
    for (const c of comparison!.changes) expect(c.disparityB - c.disparityA).toBeCloseTo(c.change, 12);
  });
});
