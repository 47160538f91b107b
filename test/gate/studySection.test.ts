import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/load.js';
import { runCli } from '../helpers/cli.js';
import { fixture, fromRoot } from '../helpers/paths.js';

/** The test study with a `gate:` section appended. */
function studyWithGate(gate: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-gate-study-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    `seed: 1\ntemplates: [${fixture('study/templates')}]\ndemographics: ${fromRoot('demographics')}\naxes:\n  race: {}\n  insurance: {}\nmodels:\n  - { id: sim, provider: simulated }\n${gate}`,
  );
  return file;
}

describe("the study's gate: section", () => {
  it('is read into the study', () => {
    const { study } = loadStudy(
      studyWithGate('gate:\n  max_difference: 5\n  max_ratio: 1.5\n  axes: [race]\n  domains: [sepsis]\n  use_ci_bound: true\n'),
    );
    expect(study.gate).toEqual({
      maxDifference: 5,
      maxRatio: 1.5,
      alpha: undefined,
      axes: ['race'],
      domains: ['sepsis'],
      useCiBound: true,
    });
  });

  it('reads the equivalence mode and the lost-pairs share, and rejects anything else', async () => {
    const { study } = loadStudy(studyWithGate('gate:\n  max_difference: 5\n  mode: equivalence\n  max_lost_pairs: 0.1\n'));
    expect(study.gate).toMatchObject({ maxDifference: 5, mode: 'equivalence', maxLostPairs: 0.1 });
    const file = studyWithGate('gate:\n  max_difference: 5\n  mode: equivalent\n  max_lost_pairs: 20\n');
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:11: gate.mode:`);
    expect(r.stderr).toContain(`${file}:12: gate.max_lost_pairs: must be at most 1, got 20`);
  });

  it('reads analysis.target_ratio (absent: left to the 1.5 default), above 1 only', async () => {
    expect(loadStudy(studyWithGate('analysis:\n  target_ratio: 2\n')).study.analysis.targetRatio).toBe(2);
    expect(loadStudy(studyWithGate('')).study.analysis.targetRatio).toBeUndefined();
    const file = studyWithGate('analysis:\n  target_ratio: 0.5\n');
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:10: analysis.target_ratio: must be at least 1.0001, got 0.5`);
  });

  it('reports every mistake with file, line and field when the study is loaded', async () => {
    const file = studyWithGate('gate:\n  max_diference: 5\n  max_ratio: 0.5\n  axes: [religion]\n  use_ci_bound: yes please\n');
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:10: gate.max_diference: unknown field; expected one of max_difference, max_ratio, alpha, axes, domains, use_ci_bound, mode, max_lost_pairs`,
    );
    expect(r.stderr).toContain(`${file}:11: gate.max_ratio: must be at least 1, got 0.5`);
    expect(r.stderr).toContain(`${file}:12: gate.axes[0]: "religion" is not an axis of this study (race, insurance)`);
    expect(r.stderr).toContain(`${file}:13: gate.use_ci_bound: expected true or false`);
  });

  it('must set a threshold', async () => {
    const file = studyWithGate('gate:\n  axes: [race]\n');
    const r = await runCli(['expand', file]);
    expect(r.code).toBe(2);
    // The section is located on its key line, `gate:` (line 9), not on its first entry.
    expect(r.stderr).toContain(`${file}:9: gate: sets no threshold: give max_difference (percentage points) and/or max_ratio`);
  });
});
