import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResults } from '../../src/analysis/analyze.js';
import type { GateResult } from '../../src/gate/types.js';
import type { ScoreRecord } from '../../src/score/types.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { writeTestStudy } from '../helpers/study.js';

/**
 * The shipped care-intensity vignettes through `run` and `gate`, as a user runs them: a simulated model that gives
 * Black patients the less-care answer 30 points more often. Written after the analysis once received every
 * care-intensity answer as "correct" without its care (the score table dropped both), so that every contrast had no
 * pair and the run still printed "0 significant".
 */
describe('care-intensity endpoints through the CLI, with a planted less-care shift', () => {
  let out: string;
  let results: AnalysisResults;
  let scores: ScoreRecord[];
  let stdout: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-care-'));
    const study = writeTestStudy(join(dir, 'study.yaml'), {
      name: 'care shift',
      seed: 5,
      templates: fromRoot('templates/care-intensity.yaml'),
      axes: ['race: { levels: [white, black, hispanic] }'],
      models: ['{ id: shifted, provider: simulated, instability: 1, bias: [{ axis: race, level: black, less_care: 0.3 }] }'],
      extra: ['replicates: 8'],
    });
    out = join(dir, 'run');
    const r = await runCli(['run', study, '--out', out], { COUNTERFAIR_CACHE_DIR: 'off' });
    expect(r.code).toBe(0);
    stdout = r.stdout;
    results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as AnalysisResults;
    scores = readFileSync(join(out, 'scores.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ScoreRecord);
  }, 120_000);

  const finding = (level: string) => {
    const found = results.careIntensity!.find((f) => f.level === level && f.kind === 'recommendation');
    if (found?.kind !== 'recommendation') throw new Error(`no recommendation finding for race = ${level}`);
    return found;
  };

  it('pairs every answered recommendation with its reference, as counted from scores.jsonl', () => {
    const answered = new Map(
      scores
        .filter((s) => s.questionType === 'recommendation' && s.outcome === 'answered')
        .map((s) => [`${s.vignetteId}|${s.replicate}|${s.attributes.race}`, s.care]),
    );
    for (const level of ['black', 'hispanic']) {
      const pairs = [...answered.keys()].filter((k) => k.endsWith(`|${level}`) && answered.has(k.replace(/\|[^|]*$/, '|white')));
      expect(pairs.length).toBeGreaterThan(100);
      expect(finding(level).nPairs).toBe(pairs.length);
      const rate = (race: string) => pairs.filter((k) => answered.get(k.replace(/\|[^|]*$/, `|${race}`)) === 1).length / pairs.length;
      expect(finding(level).rateLevel).toBeCloseTo(rate(level), 12);
      expect(finding(level).rateReference).toBeCloseTo(rate('white'), 12);
    }
  });

  it('finds the planted shift, in the direction of less care, and nothing where none was planted', () => {
    expect(finding('black').difference).toBeLessThan(-0.15);
    expect(finding('black').significant).toBe(true);
    expect(finding('hispanic').significant).toBe(false);
    expect(stdout).toContain('1 significant after correction');
    expect(stdout).not.toContain('no usable pair');
  });

  it("quotes each finding's family interval beside its adjusted p, never the unadjusted 95% one", () => {
    const care = results.careIntensity!;
    const m = care.filter((f) => !Number.isNaN(f.p)).length;
    for (const f of care) {
      expect(f).toMatchObject({ simultaneousLevel: 1 - 0.05 / m, simultaneousKind: 'bonferroni', familySize: m });
      const [family, unadjusted] =
        f.kind === 'recommendation' ? [f.differenceCiSimultaneous, f.differenceCi] : [f.meanShiftCiSimultaneous, f.meanShiftCi];
      if (!family || !unadjusted) continue;
      // The same method at a higher level: the family interval contains the 95% one.
      expect(family[0]).toBeLessThanOrEqual(unadjusted[0]);
      expect(family[1]).toBeGreaterThanOrEqual(unadjusted[1]);
      expect(f.sentence).toContain(`simultaneous 95% CI, Holm family of ${m}`);
      expect(f.sentence).not.toContain('(95% CI');
    }
    const black = finding('black');
    const at = (x: number) => `${x > 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;
    expect(black.sentence).toContain(
      `Holm family of ${m}: ${at(black.differenceCiSimultaneous![0])} to ${at(black.differenceCiSimultaneous![1])} points`,
    );
  });

  it('gates on it: a failure for Black patients, not a refusal', async () => {
    const r = await runCli(['gate', out, '--max-difference', '10', '--json']);
    expect(r.code).toBe(1);
    const gate = JSON.parse(r.stdout) as { refused: boolean; contrasts: { level: string; measure: string; failed: boolean }[] };
    expect(gate.refused).toBe(false);
    expect(gate.contrasts.filter((c) => c.failed).map((c) => `${c.measure}:${c.level}`)).toEqual(['more-care:black']);
    const black = (JSON.parse(r.stdout) as GateResult).contrasts.find((c) => c.measure === 'more-care' && c.level === 'black')!;
    expect(black.family!.differenceCiPoints![0]).toBeCloseTo(100 * finding('black').differenceCiSimultaneous![0], 10);
    // Care levels (steps of a scale) have no threshold in points: the verdict counts them as not gated.
    expect((await runCli(['gate', out, '--max-difference', '10'])).stdout).toMatch(
      /Note: \d+ care-level shift contrasts \(\d+ significant\) are not gated: the thresholds are in error-rate points and ratios/,
    );
    // Per domain, care intensity is not gated yet: the verdict says so instead of passing silently over it.
    const domains = await runCli(['gate', out, '--max-difference', '10', '--domains', 'care-intensity']);
    expect(domains.stdout).toMatch(/Note: \d+ care-intensity contrasts were not checked: --domains does not gate care intensity yet/);
  });
});
