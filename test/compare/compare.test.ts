import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import type { ComparisonResults, DisparityChange } from '../../src/compare/types.js';
import { runCli } from '../helpers/cli.js';
import { injectedAccuracy, injectedAmplification, runSimulated } from './studies.js';

const findingsOf = (runDir: string) => JSON.parse(readFileSync(join(runDir, 'findings.json'), 'utf8')) as Finding[];
const medicaid = (changes: readonly DisparityChange[]) => changes.find((c) => c.axis === 'insurance' && c.level === 'medicaid')!;

describe('compare two runs whose models differ only in the injected bias', () => {
  // Same study, seed and model id, so both runs ask identical questions and share the simulator's random draws;
  // only the Medicaid error multiplier differs (3 in A, 1 in B).
  let runA: string;
  let runB: string;
  let results: ComparisonResults;
  let stdout: string;

  beforeAll(async () => {
    runA = await runSimulated([{ id: 'sim', medicaidMultiplier: 3 }]);
    runB = await runSimulated([{ id: 'sim', medicaidMultiplier: 1 }]);
    const r = await runCli(['compare', runA, runB, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    stdout = r.stdout;
    results = JSON.parse(r.stdout) as ComparisonResults;
  });

  it('recovers the injected change in disparity within its 95% CI, and finds it significant', () => {
    const [comparison] = results.comparisons;
    const change = medicaid(comparison!.changes);
    // The simulator's own error rates say what each run's Medicaid amplification should be on these vignettes;
    // B (multiplier 1) has none, so the true change is minus A's.
    const truth = injectedAmplification(runB, 'sim', 'insurance', 'medicaid') - injectedAmplification(runA, 'sim', 'insurance', 'medicaid');
    expect(injectedAmplification(runB, 'sim', 'insurance', 'medicaid')).toBe(0);
    expect(truth).toBeLessThan(-0.2);
    expect(change.changeCi![0]).toBeLessThan(truth);
    expect(change.changeCi![1]).toBeGreaterThan(truth);
    expect(change.changeCi![1]).toBeLessThan(0);
    expect(change.significant).toBe(true);
    expect(change.lessDisparate).toBe('B');
    expect(change.test).toBe('paired-permutation');
    expect(change.sentence).toContain('is less disparate here');
    expect(comparison!.summary).toMatch(
      /^B \(run · sim\) is less disparate in 1 of 5 contrasts \(Insurance: Medicaid vs Private insurance, by/,
    );
  });

  it('measures each side exactly as that run’s own findings do', () => {
    const change = medicaid(results.comparisons[0]!.changes);
    const a = findingsOf(runA).find((f) => f.axis === 'insurance' && f.level === 'medicaid')!;
    const b = findingsOf(runB).find((f) => f.axis === 'insurance' && f.level === 'medicaid')!;
    expect(change.disparityA).toBeCloseTo(a.difference, 12);
    expect(change.disparityB).toBeCloseTo(b.difference, 12);
    expect(change.change).toBeCloseTo(b.difference - a.difference, 12);
    expect(change.nVignettes).toBe(a.nVignettes);
  });

  it('gives each run’s disparity its own 95% interval, covering the injected amplification', () => {
    const change = medicaid(results.comparisons[0]!.changes);
    const truthA = injectedAmplification(runA, 'sim', 'insurance', 'medicaid');
    expect(change.disparityCiA![0]).toBeLessThan(truthA);
    expect(change.disparityCiA![1]).toBeGreaterThan(truthA);
    expect(change.disparityCiA![0]).toBeGreaterThan(0);
    expect(change.disparityCiB![0]).toBeLessThan(change.disparityB);
    expect(change.disparityCiB![1]).toBeGreaterThan(change.disparityB);
    expect(change.disparityCiB![0]).toBeLessThan(0.001); // B has no injected bias: its interval reaches zero
  });

  it('shows the overall accuracy in A and in B and the paired change, covering the injected accuracies', () => {
    const accuracy = results.comparisons[0]!.accuracy!;
    const [truthA, truthB] = [injectedAccuracy(runA, 'sim'), injectedAccuracy(runB, 'sim')];
    expect(truthB - truthA).toBeGreaterThan(0.02); // B lost the Medicaid errors
    expect(accuracy.accuracyCiA![0]).toBeLessThan(truthA);
    expect(accuracy.accuracyCiA![1]).toBeGreaterThan(truthA);
    expect(accuracy.accuracyCiB![0]).toBeLessThan(truthB);
    expect(accuracy.accuracyCiB![1]).toBeGreaterThan(truthB);
    expect(accuracy.difference).toBeCloseTo(accuracy.accuracyB - accuracy.accuracyA, 12);
    expect(accuracy.differenceCi![0]).toBeLessThan(truthB - truthA);
    expect(accuracy.differenceCi![1]).toBeGreaterThan(truthB - truthA);
    expect(accuracy.differenceCi![0]).toBeGreaterThan(0);
    const markdown = readFileSync(join(runB, 'compare', 'compare.md'), 'utf8');
    expect(markdown).toContain('## Overall accuracy in A and in B');
  });

  it('styles an improvement as a note and a worsening as an alert', async () => {
    const improved = readFileSync(join(runB, 'compare', 'compare.html'), 'utf8');
    expect(improved).toMatch(/<p class="callout note">B \(run · sim\) is less disparate/);
    expect(improved).not.toMatch(/<p class="callout">/);
    const out = mkdtempSync(join(tmpdir(), 'cf-worse-'));
    const reversed = await runCli(['compare', runB, runA, '--out', out]);
    expect(reversed.code).toBe(0);
    const worsened = readFileSync(join(out, 'compare.html'), 'utf8');
    expect(worsened).toMatch(/<p class="callout">B \(run · sim\) is less disparate in none; A \(run · sim\) is less disparate in 1/);
  });

  it('draws each version with its interval, offset so that equal values never hide one under the other', () => {
    const spec = readFileSync(join(runB, 'compare', 'dumbbell.vl.json'), 'utf8');
    const parsed = JSON.parse(spec) as { data: { values: Record<string, unknown>[] } };
    expect(parsed.data.values[0]).toEqual(expect.objectContaining({ lowA: expect.any(Number), highB: expect.any(Number) }));
    expect(spec).toContain('"yOffset"');
    expect(readFileSync(join(runB, 'compare', 'dumbbell.svg'), 'utf8')).toContain('A: run · sim');
  });

  it('leaves the other contrasts unchanged and says what differs between the runs', () => {
    const others = results.comparisons[0]!.changes.filter((c) => c.level !== 'medicaid');
    expect(others.map((c) => `${c.axis}=${c.level}`)).toEqual(['race=black', 'race=hispanic', 'insurance=medicare', 'insurance=uninsured']);
    for (const c of others)
      expect({ contrast: c.level, significant: c.significant, lessDisparate: c.lessDisparate }).toEqual({
        contrast: c.level,
        significant: false,
        lessDisparate: null,
      });
    expect(results.notes.join('\n')).toMatch(/different study files .* the \d+ variants they share have the same case text/);
    expect(results.notes.join('\n')).toContain('Settings of model sim differ from A to B: biases');
    expect(results.options).toMatchObject({ adjustment: 'holm', alpha: 0.05, permutations: 9999 });
  });

  it('is deterministic and writes the comparison report, the chart and the Markdown', async () => {
    const again = await runCli(['compare', runA, runB, '--json']);
    expect(again.stdout).toBe(stdout);
    const out = join(runB, 'compare');
    for (const file of ['compare.html', 'compare.md', 'compare.json', 'dumbbell.vl.json', 'dumbbell.svg', 'charts/dumbbell.png'])
      expect(existsSync(join(out, file)), file).toBe(true);
    const spec = JSON.parse(readFileSync(join(out, 'dumbbell.vl.json'), 'utf8')) as {
      data: { values: { contrast: string; A: number; B: number }[] };
    };
    expect(spec.data.values.find((v) => v.contrast === 'insurance: medicaid')).toMatchObject({
      A: expect.any(Number),
      B: expect.any(Number),
    });
    // The same contrast carries the same label as in the run's own report (forest chart, findings table columns).
    const forest = JSON.parse(readFileSync(join(runB, 'charts', 'forest.vl.json'), 'utf8')) as { data: { values: { contrast: string }[] } };
    expect(forest.data.values.map((v) => v.contrast)).toContain('insurance: medicaid');
    expect(readFileSync(join(out, 'compare.md'), 'utf8')).toMatch(/\| axis \| level \| reference \| vignettes \|/);
    const html = readFileSync(join(out, 'compare.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).toContain('vegaEmbed(');
    expect(html).toContain('is less disparate here');
    expect(readFileSync(join(out, 'compare.md'), 'utf8')).toContain('![Error amplification in A and in B](charts/dumbbell.png)');
    expect(readFileSync(join(out, 'dumbbell.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('gives mitigation evidence: before, after, the change, and whether B alone is shown within the margin as the gate says', async () => {
    const m = results.mitigation!;
    expect(m.marginPoints).toBeNull();
    expect(m.contrasts.every((c) => c.afterEquivalence === null)).toBe(true);
    expect(m.sentence).toContain('not assessed');
    const withMargin = await runCli(['compare', runA, runB, '--margin', '10', '--json', '--out', join(runB, 'compare-margin')]);
    expect(withMargin.code).toBe(0);
    const evidence = (JSON.parse(withMargin.stdout) as ComparisonResults).mitigation!;
    const row = evidence.contrasts.find((c) => c.axis === 'insurance' && c.level === 'medicaid')!;
    const change = medicaid(results.comparisons[0]!.changes);
    expect(row.disparityBeforePoints).toBeCloseTo(100 * change.disparityA, 10);
    expect(row.disparityAfterPoints).toBeCloseTo(100 * change.disparityB, 10);
    expect(row.changeSignificant).toBe(true);
    expect(evidence.sentence).toMatch(
      /^Of 5 contrasts, 1 had a significantly smaller disparity after the change and 0 a significantly larger one/,
    );
    const gate = await runCli(['gate', runB, '--mode', 'equivalence', '--max-difference', '10', '--json']);
    const gated = JSON.parse(gate.stdout) as {
      contrasts: { axis: string; level: string; verdict: string; equivalenceDifferenceCiPoints: [number, number] }[];
    };
    for (const c of evidence.contrasts) {
      const g = gated.contrasts.find((x) => x.axis === c.axis && x.level === c.level)!;
      expect(c.afterEquivalence).toBe(g.verdict);
      expect(c.afterCiPoints).toEqual(g.equivalenceDifferenceCiPoints);
    }
    const shown = evidence.contrasts.filter((c) => c.afterEquivalence === 'pass').length;
    expect(evidence.sentence).toContain(`${shown} of 5 are shown within ±10 points`);
    const md = readFileSync(join(runB, 'compare-margin', 'compare.md'), 'utf8');
    expect(md).toMatch(/^## Mitigation evidence$/m);
    expect(md).toContain('92.210(c)');
  });

  it('needs --models to compare inside one run, and names unknown models', async () => {
    const none = await runCli(['compare', runB]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--models: is required to compare models inside one run');
    const unknown = await runCli(['compare', runB, '--models', 'sim,gpt']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('model "gpt" is not in this run (models: sim)');
  });

  it('refuses runs whose shared variants ask different questions', async () => {
    const otherCues = await runSimulated([{ id: 'sim', medicaidMultiplier: 1 }], 'cues: both\nnames: { allow_fallback: true }\n'); // no sex axis: generic given names, allowed
    const r = await runCli(['compare', runA, otherCues]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shared variants differ in case text, levels or kind: .*these runs are not of the same study/);
  });
});

describe('compare two model versions with the same injected bias', () => {
  // "Same bias" means the same injected multiplier, not the same answers: two model ids draw independently
  // (the simulator hashes the model id into every draw), so both err on different cases with the same Medicaid
  // amplification — like two versions of a model that are equally biased. Comparing one run with itself would
  // give a change of exactly zero and prove nothing.
  let results: ComparisonResults;
  let runDir: string;

  beforeAll(async () => {
    runDir = await runSimulated([
      { id: 'sim-v1', medicaidMultiplier: 3 },
      { id: 'sim-v2', medicaidMultiplier: 3 },
    ]);
    const r = await runCli(['compare', runDir, '--models', 'sim-v1,sim-v2', '--json']);
    expect(r.code).toBe(0);
    results = JSON.parse(r.stdout) as ComparisonResults;
  });

  it('finds the bias in each model but no significant difference between them', () => {
    const findings = findingsOf(runDir).filter((f) => f.axis === 'insurance' && f.level === 'medicaid');
    expect(findings.map((f) => [f.model, f.significant])).toEqual([
      ['sim-v1', true],
      ['sim-v2', true],
    ]);
    const [comparison] = results.comparisons;
    expect(comparison!.a.model).toBe('sim-v1');
    expect(comparison!.b.model).toBe('sim-v2');
    const change = medicaid(comparison!.changes);
    expect(change.changeCi![0]).toBeLessThan(0);
    expect(change.changeCi![1]).toBeGreaterThan(0);
    for (const c of comparison!.changes)
      expect({ contrast: c.level, significant: c.significant }).toEqual({ contrast: c.level, significant: false });
    expect(comparison!.summary).toMatch(/^No significant change in disparity/);
  });
});
