import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/pipeline/manifest.js';
import { runCli } from '../helpers/cli.js';
import { fixture, fromRoot } from '../helpers/paths.js';

/** A study on the test fixture's vignettes with the given `axes:` lines and any further top-level lines. */
function study(axes: string[], extra: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-name-fallback-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'seed: 5',
      `templates: [${fixture('study/templates')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      ...axes,
      'models: [{ id: sim, provider: simulated }]',
      ...extra,
    ].join('\n'),
  );
  return file;
}

const fix = 'names: { allow_fallback: true }';

describe('a level without a name pool under implicit cues', () => {
  it('is refused with exit 2, naming the study file, the line and field of the level, and the fixes', async () => {
    const file = study(['  race:', '    levels: [white, aian]', '  sex: {}'], ['cues: implicit']);
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:6: axes.race.levels[1]: level "aian" (American Indian or Alaska Native) has no given-name pool`);
    expect(r.stderr).toContain(fix);
    expect(r.stderr).toContain('cues: explicit');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names every such level when the study takes all levels of the axis, in both-cue mode too', async () => {
    const file = study(['  race: {}', '  sex: {}'], ['cues: both']);
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:5: axes.race: level "aian"`);
    expect(r.stderr).toContain(`${file}:5: axes.race: level "nhpi" (Native Hawaiian or Pacific Islander)`);
    expect(r.stderr).not.toContain('level "black"');
  });

  it('is refused when the study does not vary an axis the pools choose by, saying which', async () => {
    const file = study(['  race: { levels: [white, black] }'], ['cues: implicit']);
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:7: cues: with \`cues: implicit\` these patients would get a generic name, which signals nothing: race=white (given name); race=black (given name): the pools choose by sex, which the study does not vary (add that axis, or pools that match the study's axes)`,
    );
  });

  it('is fine with explicit cues, which name no one', async () => {
    const r = await runCli(['expand', study(['  race: { levels: [white, aian] }', '  sex: {}'], [])]);
    expect(r.stderr).not.toContain('pool');
    expect(r.code).toBe(0);
  });

  it('runs when the study allows the fallback, and the manifest, report and appendix list it', async () => {
    const file = study(['  race: { levels: [white, aian] }', '  sex: {}'], ['cues: implicit', fix]);
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-name-fallback-run-')), 'run');
    const r = await runCli(['run', file, '--out', out], { COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.names).toEqual({
      allowFallback: true,
      fallbacks: [
        { levels: { race: 'aian', sex: 'female' }, parts: ['first'] },
        { levels: { race: 'aian', sex: 'male' }, parts: ['first'] },
      ],
    });
    expect(Object.keys(manifest.demographics).some((f) => f.endsWith(join('names', 'names.yaml')))).toBe(true); // the pools are part of the study's inputs
    const listed =
      'as the study allowed, a generic (Faker) name part was used for American Indian or Alaska Native, Female (given name); American Indian or Alaska Native, Male (given name)';
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(listed);
    const appendix = readFileSync(join(out, 'appendix.md'), 'utf8');
    expect(appendix).toContain(`Name cues: ${listed}`); // the appendix carries the limitations section
  });
});
