import { isSimulatedSpec } from '../../src/providers/simulatedDecision.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/load.js';
import { runCli } from '../helpers/cli.js';
import { fixture, fromRoot } from '../helpers/paths.js';

/** The test study (race, sex and insurance) with `cues` as written (no line when undefined) and a simulated model's `bias` list. */
function study(cues: string | undefined, bias = '[]'): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-cue-modes-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'seed: 1',
      `templates: [${fixture('study/templates')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      '  race: { levels: [white, black] }',
      '  sex: {}',
      '  insurance: {}',
      ...(cues === undefined ? [] : [`cues: ${cues}`]),
      'models:',
      `  - { id: sim, provider: simulated, bias: ${bias} }`,
    ].join('\n'),
  );
  return file;
}

describe("the study's cues: field", () => {
  it('takes one mode (explicit when absent) or a list of modes to cross, in the order listed', () => {
    expect(loadStudy(study(undefined)).study.cueModes).toEqual(['explicit']);
    expect(loadStudy(study('implicit')).study.cueModes).toEqual(['implicit']);
    expect(loadStudy(study('[implicit, explicit]')).study.cueModes).toEqual(['implicit', 'explicit']);
    expect(loadStudy(study('[explicit, implicit, both]')).study.cueModes).toEqual(['explicit', 'implicit', 'both']);
  });

  it('refuses anything else with exit 2, naming file, line and field', async () => {
    const cases: [string, string][] = [
      [
        'loud',
        'cues: unknown cue mode "loud"; use one mode (cues: implicit) or a list of distinct modes to cross (cues: [explicit, implicit]); modes: explicit, implicit, both',
      ],
      ['none', 'cues: unknown cue mode "none"'],
      ['[explicit, explicit]', 'cues[1]: cue mode "explicit" is listed twice; list each mode once'],
      ['[explicit, loud]', 'cues[1]: unknown cue mode "loud"'],
      ['[explicit, [implicit]]', 'cues[1]: expected a cue mode, got a list'],
      ['[]', 'cues: lists no cue mode'],
      ['{ explicit: true }', 'cues: expected a cue mode or a list of them, got a mapping'],
    ];
    for (const [cues, message] of cases) {
      const file = study(cues);
      const r = await runCli(['expand', file]);
      expect(r.code, cues).toBe(2);
      expect(r.stderr, cues).toContain(`${file}:8: ${message}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("lets a simulated bias be restricted to some of a crossed study's modes, and refuses the restriction otherwise", async () => {
    const restricted = loadStudy(study('[explicit, implicit]', '[{ axis: race, level: black, error_multiplier: 2, cues: [implicit] }]'))
      .study.models[0]!;
    expect(isSimulatedSpec(restricted) && restricted.biases).toEqual([
      { axis: 'race', level: 'black', errorMultiplier: 2, cues: ['implicit'] },
    ]);

    const single = study('implicit', '[{ axis: race, level: black, error_multiplier: 2, cues: [implicit] }]');
    const r1 = await runCli(['expand', single]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(
      `${single}:10: models[0].bias[0].cues: restricts the bias to cue modes, but the study renders one mode (cues: implicit)`,
    );

    const other = study('[explicit, implicit]', '[{ axis: race, level: black, error_multiplier: 2, cues: [both] }]');
    const r2 = await runCli(['expand', other]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`${other}:10: models[0].bias[0].cues: "both" is not a cue mode of this study (explicit, implicit)`);
  });

  it('records the crossed modes in the manifest and keeps the one-mode manifest as it was', async () => {
    const { buildManifest } = await import('../../src/pipeline/manifest.js');
    const crossed = buildManifest(loadStudy(study('[implicit, explicit]')).study, undefined, () => 0);
    expect(crossed.study.cues).toBe('implicit');
    expect(crossed.study.cueModes).toEqual(['implicit', 'explicit']);
    expect(crossed.names).toBeDefined();
    const single = buildManifest(loadStudy(study('explicit')).study, undefined, () => 0);
    expect(single.study.cues).toBe('explicit');
    expect(single.study).not.toHaveProperty('cueModes');
  });
});
