import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import type { GateResult } from '../../src/gate/types.js';
import { decimal } from '../../src/report/format.js';
import { adjustPValues } from '../../src/stats/adjust.js';
import { runCli } from '../helpers/cli.js';
import { runSimulated } from '../compare/studies.js';

const medicaidFinding = (runDir: string) =>
  (JSON.parse(readFileSync(join(runDir, 'findings.json'), 'utf8')) as Finding[]).find(
    (f) => f.axis === 'insurance' && f.level === 'medicaid',
  )!;

describe('counterfair gate', () => {
  let biased: string;
  let unbiased: string;

  beforeAll(async () => {
    const gateSection = 'gate:\n  max_difference: 5\n  alpha: 0.05\n';
    biased = await runSimulated([{ id: 'sim', medicaidMultiplier: 3 }], gateSection);
    unbiased = await runSimulated([{ id: 'sim', medicaidMultiplier: 1 }], gateSection);
  });

  it("fails (exit 1) on the study's thresholds, with the JSON naming what exceeded", async () => {
    const r = await runCli(['gate', biased, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as GateResult;
    expect(result).toMatchObject({
      schema: 'counterfair.gate/1',
      passed: false,
      runDir: biased,
      thresholds: {
        maxDifferencePoints: 5,
        maxRatio: null,
        alpha: 0.05,
        axes: null,
        domains: null,
        useCiBound: false,
        adjustment: 'holm',
        studyFile: join(dirname(biased), 'study.yaml'),
      },
      notes: [],
      checked: 5,
      failed: 1,
    });
    const finding = medicaidFinding(biased);
    const failing = result.contrasts.filter((c) => c.failed);
    expect(failing).toEqual([
      expect.objectContaining({
        model: 'sim',
        axis: 'insurance',
        level: 'medicaid',
        reference: 'private',
        domain: null,
        significant: true,
        exceeds: { difference: true, ratio: false },
      }),
    ]);
    expect(failing[0]!.differencePoints).toBeCloseTo(100 * finding.difference, 10);
    expect(failing[0]!.pAdjusted).toBe(finding.pAdjusted);
    expect(result.contrasts.map((c) => `${c.axis}=${c.level}`)).toEqual([
      'race=black',
      'race=hispanic',
      'insurance=medicare',
      'insurance=medicaid',
      'insurance=uninsured',
    ]);
  });

  it('prints a table of what exceeded', async () => {
    const r = await runCli(['gate', biased]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^counterfair gate: FAILED — 1 of 5 contrasts exceeds the thresholds\./);
    expect(r.stdout).toContain(
      'Rule: a contrast fails when significant after holm adjustment (adjusted p < 0.05) and |difference| > 5 points, judged on the point estimates',
    );
    expect(r.stdout).toMatch(
      /\nmodel +axis +level +reference +domain +vignettes +difference \(points\) +family CI +ratio +adjusted p +exceeds\nsim +insurance +medicaid +private +all +\d+ +\+\d+\.\d +\+\d+\.\d to \+\d+\.\d .* difference\n/,
    );
    // The interval beside the adjusted p is the family's (as in findings.json), never the unadjusted 95% one.
    const f = medicaidFinding(biased);
    const cell = (ci: [number, number]) => `${decimal(100 * ci[0], 1, true)} to ${decimal(100 * ci[1], 1, true)}`;
    expect(r.stdout).toContain(cell(f.differenceCiSimultaneous!));
    expect(r.stdout).not.toContain(cell(f.differenceCi!));
    expect(r.stdout).toContain('\nfamily CI: simultaneous 95% CI, Holm family of 5\n');
  });

  it('passes (exit 0) when the run is within the thresholds', async () => {
    const r = await runCli(['gate', unbiased, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as GateResult;
    expect(result).toMatchObject({ passed: true, failed: 0, checked: 5 });
    expect(result.contrasts.every((c) => !c.failed)).toBe(true);
  });

  it('lets flags override the study, field by field', async () => {
    const finding = medicaidFinding(biased);
    const loose = await runCli(['gate', biased, '--max-difference', String(Math.ceil(100 * finding.difference) + 1), '--json']);
    expect(loose.code).toBe(0);
    expect((JSON.parse(loose.stdout) as GateResult).thresholds).toMatchObject({
      alpha: 0.05,
      studyFile: expect.stringContaining('study.yaml'),
    });
    const text = await runCli(['gate', biased, '--max-difference', '99']);
    expect(text.stdout).toMatch(
      /^counterfair gate: passed — none of 5 contrasts exceeds the thresholds \(1 significant disparity within them\)\./,
    );
    // The ratio alone: the study's 5-point limit still applies beside it.
    const ratio = await runCli(['gate', biased, '--max-ratio', String(finding.ratio + 1), '--max-difference', '99', '--json']);
    expect(ratio.code).toBe(0);
    const ratioTight = await runCli(['gate', biased, '--max-ratio', String(finding.ratio - 0.01), '--max-difference', '99', '--json']);
    expect(ratioTight.code).toBe(1);
    expect((JSON.parse(ratioTight.stdout) as GateResult).contrasts.find((c) => c.failed)!.exceeds).toEqual({
      difference: false,
      ratio: true,
    });
    const otherAxes = await runCli(['gate', biased, '--axes', 'race']);
    expect(otherAxes.code).toBe(0);
  });

  it('with --use-ci-bound, judges the bound nearer zero of the family interval, the one that agrees with the adjusted p', async () => {
    const finding = medicaidFinding(biased);
    expect(finding.pAdjusted).toBeLessThan(0.05);
    const [familyLow] = finding.differenceCiSimultaneous!;
    const [unadjustedLow] = finding.differenceCi!;
    expect(familyLow).toBeLessThan(unadjustedLow);
    // A threshold the unadjusted 95% bound exceeds but the family bound does not: exceeded only at 95% for one
    // contrast, not with the family's confidence, so it is not shown beyond the threshold.
    const between = ((100 * familyLow + 100 * unadjustedLow) / 2).toFixed(3);
    const estimate = await runCli(['gate', biased, '--max-difference', between]);
    expect(estimate.code).toBe(1);
    const bound = await runCli(['gate', biased, '--max-difference', between, '--use-ci-bound', '--json']);
    expect(bound.code).toBe(0);
    const medicaid = (JSON.parse(bound.stdout) as GateResult).contrasts.find((c) => c.level === 'medicaid')!;
    expect(medicaid.testedDifferencePoints).toBeCloseTo(100 * familyLow, 10);
    expect(medicaid.family).toMatchObject({ level: 1 - 0.05 / 5, kind: 'bonferroni', size: 5 });
    expect(medicaid.family!.differenceCiPoints![0]).toBeCloseTo(100 * familyLow, 10);
    const below = ((100 * familyLow) / 2).toFixed(3);
    expect((await runCli(['gate', biased, '--max-difference', below, '--use-ci-bound'])).code).toBe(1);
  });

  it('recomputes the family intervals at the gate alpha when it differs from the analysis alpha', async () => {
    const finding = medicaidFinding(biased);
    const r = await runCli(['gate', biased, '--alpha', '0.01', '--json']);
    const medicaid = (JSON.parse(r.stdout) as GateResult).contrasts.find((c) => c.level === 'medicaid')!;
    expect(medicaid.family).toMatchObject({ level: 1 - 0.01 / 5, kind: 'bonferroni', size: 5 });
    const [low, high] = medicaid.family!.differenceCiPoints!;
    expect(low).toBeLessThan(100 * finding.differenceCiSimultaneous![0]);
    expect(high).toBeGreaterThan(100 * finding.differenceCiSimultaneous![1]);
  });

  it('gates each listed domain separately, adjusting across all of them', async () => {
    const r = await runCli(['gate', biased, '--domains', 'stroke,sepsis,emergency-triage', '--max-difference', '5', '--json']);
    expect([0, 1]).toContain(r.code);
    const result = JSON.parse(r.stdout) as GateResult;
    expect(new Set(result.contrasts.map((c) => c.domain))).toEqual(new Set(['stroke', 'sepsis', 'emergency-triage']));
    expect(result.checked).toBe(15);
    const adjusted = adjustPValues(
      result.contrasts.map((c) => c.p),
      'holm',
    );
    result.contrasts.forEach((c, i) => expect(c.pAdjusted).toBeCloseTo(adjusted[i]!, 12));
    // One family across the domains: every interval at its Bonferroni level, 1 − 0.05/15.
    for (const c of result.contrasts) {
      expect(c.family).toMatchObject({ level: 1 - 0.05 / 15, kind: 'bonferroni', size: 15 });
      const [low, high] = c.family!.differenceCiPoints!;
      const [low95, high95] = c.differenceCiPoints!;
      expect(low <= low95 && high >= high95).toBe(true);
    }
    const scores = readFileSync(join(biased, 'scores.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { domain: string; attributes: Record<string, string>; kind: string });
    const strokeMedicaid = scores.filter(
      (s) => s.domain === 'stroke' && s.kind === 'demographic' && s.attributes.insurance === 'medicaid',
    ).length;
    expect(result.contrasts.find((c) => c.domain === 'stroke' && c.level === 'medicaid')!.nPairs).toBe(strokeMedicaid);
  });

  it('is bad input (exit 2), never a pass, when there is nothing to gate on', async () => {
    const noGate = await runSimulated([{ id: 'sim', medicaidMultiplier: 3 }]);
    const none = await runCli(['gate', noGate]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--max-difference: no threshold to gate on \(.*study\.yaml has no gate: section\)/);
    const typo = await runCli(['gate', biased, '--axes', 'insurnace', '--domains', 'strok']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('axes: "insurnace" is not an axis of this run (race, insurance)');
    expect(typo.stderr).toContain('domains: "strok" is not a domain of this run');
    const badFlag = await runCli(['gate', biased, '--max-difference', 'five']);
    expect(badFlag.code).toBe(2);
  });

  it('does not read thresholds from a study file changed since the run', async () => {
    const changed = await runSimulated([{ id: 'sim', medicaidMultiplier: 3 }], 'gate:\n  max_difference: 5\n');
    appendFileSync(join(dirname(changed), 'study.yaml'), '# edited after the run\n');
    const refused = await runCli(['gate', changed]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('has changed since the run');
    const flags = await runCli(['gate', changed, '--max-difference', '5', '--json']);
    expect(flags.code).toBe(1);
    expect((JSON.parse(flags.stdout) as GateResult).notes[0]).toMatch(/gate: section was not read: .*has changed since the run/);
  });
});
