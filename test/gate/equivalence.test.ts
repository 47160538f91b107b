import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import { equivalenceIntervals, contrastKey } from '../../src/gate/contrasts.js';
import { evaluateGate, type GatedFinding } from '../../src/gate/evaluate.js';
import type { GateResult } from '../../src/gate/types.js';
import { loadRun } from '../../src/pipeline/loadRun.js';
import { runCli } from '../helpers/cli.js';
import { CORE_LIBRARY_FILES, fromRoot } from '../helpers/paths.js';
import { injectedAmplification } from '../compare/studies.js';
import { gateThresholds } from './thresholds.js';

const THRESHOLDS = gateThresholds({ mode: 'equivalence', equivalenceConfLevel: 0.9 });

/** A finding with a 90% interval of the difference (proportions) and, optionally, of the ratio. */
function finding(difference: number, ci: [number, number] | null, ratioCi: [number, number] | null = null, pAdjusted = 1): GatedFinding {
  return {
    model: 'm',
    axis: 'race',
    level: 'black',
    reference: 'white',
    domain: null,
    nVignettes: 100,
    nPairs: 100,
    nExcludedPairs: 0,
    rateReference: 0.2,
    rateLevel: 0.2 + difference,
    difference,
    differenceCi: ci,
    ratio: (0.2 + difference) / 0.2,
    ratioCi,
    p: pAdjusted,
    pAdjusted,
    adjustment: 'holm',
    equivalence: { differenceCi: ci, ratioCi },
  };
}

describe('equivalence gate rule (TOST)', () => {
  it('passes a contrast only when its 90% interval lies inside the margin', () => {
    const [within] = evaluateGate([finding(0.01, [-0.02, 0.04])], THRESHOLDS);
    expect(within).toMatchObject({ verdict: 'pass', failed: false, reason: null, equivalenceDifferenceCiPoints: [-2, 4] });
    expect(within!.testedDifferencePoints).toBeCloseTo(4, 12);
  });

  it('calls an interval straddling the margin inconclusive (more vignettes needed), distinct from exceeding it', () => {
    const [straddles, beyond, below] = evaluateGate(
      [finding(0.03, [-0.01, 0.07]), finding(0.12, [0.06, 0.18], null, 0.001), finding(-0.1, [-0.16, -0.051])],
      THRESHOLDS,
    );
    expect(straddles).toMatchObject({ verdict: 'inconclusive', failed: true, exceeds: { difference: false, ratio: false } });
    expect(straddles!.reason).toBe(
      'inconclusive: the 90% interval of the difference, -1.0 to +7.0 points, straddles the margin ±5 points; more vignettes are needed to show it is within',
    );
    expect(beyond).toMatchObject({ verdict: 'exceeds', failed: true, exceeds: { difference: true, ratio: false } });
    expect(beyond!.reason).toBe('the 90% interval of the difference, +6.0 to +18.0 points, lies beyond ±5 points');
    expect(below).toMatchObject({ verdict: 'exceeds', exceeds: { difference: true } });
  });

  it('holds the ratio interval inside (1/max_ratio, max_ratio) too, and an unbounded or zero-width interval shows nothing', () => {
    const t = { ...THRESHOLDS, maxRatio: 1.5 };
    const [both, ratioWide, unbounded, degenerate] = evaluateGate(
      [
        finding(0, [-0.02, 0.02], [0.8, 1.25]),
        finding(0, [-0.02, 0.02], [0.9, 1.6]),
        finding(0, [-0.02, 0.02], [0.9, Infinity]),
        finding(0, [0, 0], [1, 1]),
      ],
      t,
    );
    expect(both!.verdict).toBe('pass');
    expect(ratioWide).toMatchObject({ verdict: 'inconclusive' });
    expect(ratioWide!.reason).toContain('the 90% interval of the ratio, 0.90 to 1.60, straddles the margin 0.67 to 1.5');
    expect(unbounded!.verdict).toBe('inconclusive');
    expect(degenerate!.verdict).toBe('inconclusive');
    expect(degenerate!.reason).toContain('no informative 90% interval of the difference');
  });

  it('a contrast without equivalence intervals is inconclusive, never a pass', () => {
    const [missing] = evaluateGate([{ ...finding(0, [-0.01, 0.01]), equivalence: undefined }], THRESHOLDS);
    expect(missing!.verdict).toBe('inconclusive');
  });

  it('superiority mode keeps the old rule: a non-significant contrast passes whatever its interval', () => {
    const [wide] = evaluateGate([finding(0.075, [-0.05, 0.2])], { ...THRESHOLDS, mode: 'superiority', equivalenceConfLevel: null });
    expect(wide).toMatchObject({ verdict: 'pass', failed: false, equivalenceDifferenceCiPoints: null });
  });
});

/** A study on the simulated model over some of the shipped templates, run into a fresh folder. */
async function runStudy(name: string, templates: string[], lines: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `counterfair-eq-${name}-`));
  const study = join(dir, 'study.yaml');
  writeFileSync(
    study,
    `name: ${name}\ntemplates: [${templates.map((t) => fromRoot(t)).join(', ')}]\ndemographics: ${fromRoot('demographics')}\ndesign: one-at-a-time\n${lines}`,
  );
  const out = join(dir, 'run');
  const r = await runCli(['run', study, '--out', out]);
  if (r.code !== 0) throw new Error(`run failed (${r.code}): ${r.stderr}`);
  return out;
}

describe('counterfair gate --mode equivalence, end to end', () => {
  let large: string;
  let small: string;
  let smallRunOutput: string;

  beforeAll(async () => {
    // No bias, the core library asked 10 times: tight intervals around no difference.
    large = await runStudy(
      'large-null',
      CORE_LIBRARY_FILES,
      'seed: 77\naxes:\n  race: { levels: [white, black, hispanic] }\n  insurance: {}\nreplicates: 10\nmodels:\n  - { id: sim, provider: simulated, accuracy: 0.85, unparseable_rate: 0.01 }\n',
    );
    // 25 vignettes and a planted Medicaid bias of about 7.5 points.
    small = await runStudy(
      'small-biased',
      ['templates/stroke.yaml', 'templates/sepsis.yaml', 'templates/chest-pain.yaml'],
      'seed: 78\naxes:\n  insurance: {}\nmodels:\n  - { id: sim, provider: simulated, accuracy: 0.85, unparseable_rate: 0.01, bias: [{ axis: insurance, level: medicaid, error_multiplier: 1.7 }] }\n',
    );
    smallRunOutput = (await runCli(['analyze', small])).stdout;
  });

  it('passes a clear no-bias large study: every 90% interval inside ±5 points', async () => {
    const r = await runCli(['gate', large, '--max-difference', '5', '--mode', 'equivalence', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as GateResult;
    expect(result).toMatchObject({
      passed: true,
      refused: false,
      failed: 0,
      inconclusive: 0,
      checked: 5,
      thresholds: { mode: 'equivalence', equivalenceConfLevel: 0.9 },
    });
    for (const c of result.contrasts) {
      expect(c.equivalenceDifferenceCiPoints![0]).toBeGreaterThan(-5);
      expect(c.equivalenceDifferenceCiPoints![1]).toBeLessThan(5);
    }
  });

  it('fails a small study with a true 7.5-point disparity that the old rule passes', async () => {
    const truth = injectedAmplification(small, 'sim', 'insurance', 'medicaid');
    expect(truth).toBeGreaterThan(0.07);
    expect(truth).toBeLessThan(0.08);
    const old = await runCli(['gate', small, '--max-difference', '5']);
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('not that the data show every disparity is below them');
    const r = await runCli(['gate', small, '--max-difference', '5', '--mode', 'equivalence']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^counterfair gate: FAILED — 3 of 3 contrasts are not shown to be within the margins \(0 beyond them, 3 inconclusive: more vignettes needed\)\./,
    );
    expect(r.stdout).toContain(
      'Rule: equivalence (TOST at alpha 0.05): a contrast passes only when its 90% interval (1 − 2 × alpha) lies within ±5 points',
    );
    expect(r.stdout).toMatch(
      /sim insurance=medicaid: inconclusive: the 90% interval of the difference, .* straddles the margin ±5 points; more vignettes are needed/,
    );
    // And the run itself says it could not have seen a 1.5x amplification.
    expect(smallRunOutput).toMatch(
      /This study had about (< 1|\d)% power to detect a 1\.5× error amplification .*: a 'no significant disparity' result here is not evidence of equity\./,
    );
  });

  it("takes the mode from the study's gate: section, and refuses a CI-bound rule beside it", async () => {
    const dir = join(small, '..');
    const study = readFileSync(join(dir, 'study.yaml'), 'utf8');
    writeFileSync(join(dir, 'study.yaml'), `${study}gate:\n  max_difference: 5\n  mode: equivalence\n`);
    const fromStudy = await runCli(['gate', small, '--study', join(dir, 'study.yaml'), '--json']);
    // The edited file no longer matches the run's hash, so its section is not read: re-run first.
    expect(fromStudy.code).toBe(2);
    const rerun = await runCli(['run', join(dir, 'study.yaml'), '--out', small]);
    expect(rerun.code).toBe(0);
    const r = await runCli(['gate', small, '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as GateResult).thresholds).toMatchObject({ mode: 'equivalence', maxDifferencePoints: 5 });
    const superiority = await runCli(['gate', small, '--mode', 'superiority']);
    expect(superiority.code).toBe(0);
    const both = await runCli(['gate', small, '--use-ci-bound']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--use-ci-bound: applies to superiority mode only');
  });

  it('judges each listed domain on its own 90% intervals', async () => {
    const r = await runCli(['gate', large, '--domains', 'stroke,sepsis', '--max-difference', '5', '--mode', 'equivalence', '--json']);
    const result = JSON.parse(r.stdout) as GateResult;
    expect(result.checked).toBe(10);
    expect(new Set(result.contrasts.map((c) => c.domain))).toEqual(new Set(['stroke', 'sepsis']));
    const domainIntervals = equivalenceIntervals(loadRun(large), ['stroke', 'sepsis'], 0.9);
    for (const c of result.contrasts) {
      const ci = domainIntervals.get(contrastKey(c))!.differenceCi!;
      expect(c.equivalenceDifferenceCiPoints).toEqual([100 * ci[0], 100 * ci[1]]);
    }
    // The exit code follows the verdict, whichever it is.
    expect(r.code).toBe(result.passed ? 0 : 1);
  });

  it("recomputes intervals with the analysis's own seeds: at 95% they are findings.json's", () => {
    const run = loadRun(large);
    const findings = JSON.parse(readFileSync(join(large, 'findings.json'), 'utf8')) as Finding[];
    const intervals = equivalenceIntervals(run, null, 0.95);
    for (const f of findings) expect(intervals.get(contrastKey({ ...f, domain: null }))!.differenceCi).toEqual(f.differenceCi);
  });
});
