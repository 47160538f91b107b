import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import { runCli } from '../helpers/cli.js';
import { coreLibrary, fromRoot } from '../helpers/paths.js';

const study = (contrasts: string[]) =>
  [
    'name: contrasts',
    'seed: 29',
    `templates: [${coreLibrary()}]`,
    `demographics: ${fromRoot('demographics')}`,
    // Insurance: private stays the study's reference; unstated is one more level, so stated vs unstated is declared.
    'axes: { race: { levels: [white, black, asian] }, insurance: { levels: [private, medicaid, unstated], unstated: true } }',
    'models: [{ id: sim, provider: simulated, bias: [{ axis: insurance, level: medicaid, error_multiplier: 3 }] }]',
    ...contrasts,
  ].join('\n');

describe('a study that declares contrasts', () => {
  it('runs them on the library: level vs level, a per-axis reference and stated vs unstated, each family as declared', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-contrasts-'));
    const file = join(dir, 'study.yaml');
    writeFileSync(
      file,
      study([
        'contrasts:',
        '  insurance:',
        '    compare:',
        '      - { axis: insurance, level: medicaid, versus: unstated }',
        '      - { axis: insurance, versus: private }',
        '  race pairwise:',
        '    adjustment: none',
        '    compare:',
        '      - { axis: race, level: black, versus: asian }',
      ]),
    );
    const out = join(dir, 'run');
    const r = await runCli(['run', file, '--out', out], { COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as Finding[];
    expect(findings.map((f) => [f.contrast, f.level, f.reference, f.adjustment, f.familySize])).toEqual([
      ['insurance', 'medicaid', 'unstated', 'holm', 3],
      ['insurance', 'medicaid', 'private', 'holm', 3],
      ['insurance', 'unstated', 'private', 'holm', 3],
      ['race pairwise', 'black', 'asian', 'none', 1],
    ]);
    // One-at-a-time: every pair is two one-axis variants of the same vignette, so each vignette gives one pair.
    for (const f of findings) expect(f.nPairs + f.nExcludedPairs).toBe(f.nVignettes);
    const [medicaidVsUnstated, medicaid] = findings;
    expect(medicaid!.significant).toBe(true);
    expect(medicaidVsUnstated!.significant).toBe(true);
    expect(findings[2]!.significant).toBe(false);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('race pairwise (none)');
  }, 120_000);

  it('refuses an unknown axis or level at load, naming the study file, line and field with the valid ids (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-contrasts-'));
    const file = join(dir, 'study.yaml');
    writeFileSync(
      file,
      study([
        'contrasts:',
        '  pairs:',
        '    compare:',
        '      - { axis: race, level: hispanic, versus: white }',
        '      - { axis: income }',
      ]),
    );
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:10: contrasts.pairs.compare[0]: unknown level "hispanic" of axis race; levels: white, black, asian`,
    );
    expect(r.stderr).toContain(`${file}:11: contrasts.pairs.compare[1].axis: unknown axis "income"; axes: race, insurance`);
  });
});
