import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResults } from '../../src/analysis/analyze.js';
import { pairContrasts } from '../../src/pairing/pairs.js';
import type { Finding } from '../../src/analysis/types.js';
import type { ComparisonResults } from '../../src/compare/types.js';
import type { GateResult } from '../../src/gate/types.js';
import { readJsonl } from '../../src/pipeline/runDir.js';
import type { ScoreRecord } from '../../src/score/types.js';
import { loadStudy } from '../../src/study/load.js';
import { runCli } from '../helpers/cli.js';
import { coreLibrary, fromRoot } from '../helpers/paths.js';
import { writeTestStudy } from '../helpers/study.js';

/**
 * The shipped library crossed over explicit and implicit cues on the simulated model; `bias` is the model's YAML bias
 * list. Race has three levels so one planted level sits beside unbiased ones.
 */
function crossedStudy(bias: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-cue-modes-e2e-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'name: Explicit vs implicit cues',
      'seed: 20261204',
      `templates: [${coreLibrary()}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      '  race: { levels: [white, black, hispanic] }',
      '  sex: {}',
      'design: one-at-a-time',
      'cues: [explicit, implicit]',
      'controls: { no_demographics: true, paraphrases: 1 }',
      'models:',
      `  - { id: sim, provider: simulated, accuracy: 0.85, unparseable_rate: 0, bias: ${bias} }`,
    ].join('\n'),
  );
  return file;
}

async function run(study: string): Promise<{ out: string; findings: Finding[]; results: AnalysisResults; code: number }> {
  const out = join(mkdtempSync(join(tmpdir(), 'counterfair-cue-modes-run-')), 'run');
  const r = await runCli(['run', study, '--out', out]);
  expect(r.stderr).not.toContain('internal error');
  return {
    out,
    code: r.code,
    findings: JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as Finding[],
    results: JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as AnalysisResults,
  };
}

const label = (f: { cues?: string; axis: string; level: string }) => `${f.cues}:${f.axis}=${f.level}`;

describe('a study crossing explicit and implicit cues, on the simulated model', () => {
  let planted: Awaited<ReturnType<typeof run>>;
  let unbiased: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    planted = await run(crossedStudy('[{ axis: race, level: black, error_multiplier: 3, cues: [implicit] }]'));
    unbiased = await run(crossedStudy('[]'));
  }, 240_000);

  it('finds a bias planted in the implicit mode only, in that mode and in the comparison of the modes, and gates it by mode', async () => {
    const { out, findings, results } = planted;

    // Each mode analysed on its own: every level once per mode, tagged; only the planted one is significant.
    expect(findings.map(label)).toEqual([
      'explicit:race=black',
      'explicit:race=hispanic',
      'explicit:sex=female',
      'implicit:race=black',
      'implicit:race=hispanic',
      'implicit:sex=female',
    ]);
    const bias = findings.find((f) => label(f) === 'implicit:race=black')!;
    expect(bias.nVignettes).toBeGreaterThanOrEqual(60);
    expect(bias.pAdjusted).toBeLessThan(0.05);
    expect(bias.difference).toBeGreaterThan(0.1);
    expect(bias.sentence).toMatch(
      /^Implicit cues: .* race and ethnicity was signalled only by the patient's name, as Black or African American, against/,
    );
    expect(findings.find((f) => label(f) === 'explicit:race=black')!.sentence).toMatch(
      /^Explicit cues: .* race and ethnicity was given as Black or African American, against/,
    );
    for (const f of findings.filter((x) => x !== bias))
      expect({ contrast: label(f), significant: f.significant }).toEqual({ contrast: label(f), significant: false });
    for (const key of ['flips', 'shifts', 'axisTests', 'spread', 'outcomeCounts'] as const) {
      for (const row of results[key]) expect(['explicit', 'implicit'], key).toContain(row.cues);
    }

    // Pairs never cross modes.
    const scores = readJsonl<ScoreRecord>(join(out, 'scores.jsonl'));
    const contrasts = pairContrasts(scores, loadStudy(crossedStudy('[]')).study.axes);
    expect(contrasts).toHaveLength(6);
    for (const c of contrasts) for (const p of c.pairs) expect([p.reference.cues, p.level.cues]).toEqual([c.cues, c.cues]);

    // The comparison: implicit minus explicit, paired by vignette, flags the planted level and nothing else.
    const [comparison, ...more] = results.cueModes!.comparisons;
    expect(more).toHaveLength(0);
    expect([comparison!.model, comparison!.a, comparison!.b]).toEqual(['sim', 'explicit', 'implicit']);
    const black = comparison!.changes.find((c) => c.axis === 'race' && c.level === 'black')!;
    expect(black.significant).toBe(true);
    expect(black.change).toBeGreaterThan(0.1);
    expect(black.changeCi![0]).toBeGreaterThan(0);
    expect(black.lessDisparate).toBe('A');
    for (const c of comparison!.changes.filter((x) => x !== black))
      expect({ level: c.level, significant: c.significant }).toEqual({ level: c.level, significant: false });
    // Over the same vignettes, each mode's disparity is that mode's finding, and the change their difference.
    for (const c of comparison!.changes) {
      const inMode = (cues: string) => findings.find((f) => f.cues === cues && f.axis === c.axis && f.level === c.level)!;
      expect(c.nVignettes).toBe(inMode('explicit').nVignettes);
      expect(c.disparityA).toBeCloseTo(inMode('explicit').difference, 12);
      expect(c.disparityB).toBeCloseTo(inMode('implicit').difference, 12);
      expect(c.change).toBeCloseTo(c.disparityB - c.disparityA, 12);
    }
    expect(comparison!.summary).toContain('A (sim · explicit cues) is less disparate in 1 of 3 contrasts');

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Cue modes compared');
    expect(html).toContain('black (implicit cues)');
    expect(html).toContain(
      'they differ in the patient&#39;s name alone, one drawn for Black or African American in place of one drawn for White',
    );
    const appendix = readFileSync(join(out, 'appendix.md'), 'utf8');
    expect(appendix).toContain('### sim: explicit cues (A) vs implicit cues (B)');

    // The gate judges every mode and names the one that fails.
    const gate = await runCli(['gate', out, '--max-difference', '10', '--json']);
    expect(gate.code).toBe(1);
    const verdict = JSON.parse(gate.stdout) as GateResult;
    expect(verdict.contrasts.filter((c) => c.failed).map(label)).toEqual(['implicit:race=black']);
    // The library's care-intensity vignettes add their more-care contrasts (no care shift is planted: none fails).
    expect(verdict.contrasts.filter((c) => c.measure === undefined).map(label)).toHaveLength(6);
    expect(verdict.contrasts.filter((c) => c.measure === 'more-care' && c.failed)).toEqual([]);
    const text = await runCli(['gate', out, '--max-difference', '10']);
    expect(text.stdout).toContain('black (implicit cues)');

    // Re-analysing gives the same files, byte for byte.
    const before = readFileSync(join(out, 'results.json'), 'utf8');
    expect((await runCli(['analyze', out])).code).toBe(0);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(before);
  }, 240_000);

  it('finds no difference between the modes when none is planted', () => {
    const { results, findings } = unbiased;
    expect(findings.filter((f) => f.significant).map(label)).toEqual([]);
    const [comparison] = results.cueModes!.comparisons;
    expect(comparison!.changes).toHaveLength(3);
    expect(comparison!.changes.filter((c) => c.significant).map((c) => c.level)).toEqual([]);
    expect(comparison!.summary).toContain('No significant change in disparity');
  });

  it('compares two crossed runs mode by mode', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'counterfair-cue-modes-compare-')), 'compare');
    const r = await runCli(['compare', unbiased.out, planted.out, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const compared = JSON.parse(r.stdout) as ComparisonResults;
    expect(compared.comparisons.map((c) => [c.cues, c.a.label.endsWith(`· ${c.cues} cues`)])).toEqual([
      ['explicit', true],
      ['implicit', true],
    ]);
    const significant = compared.comparisons.flatMap((c) =>
      c.changes.filter((x) => x.significant).map((x) => `${c.cues}:${x.axis}=${x.level}`),
    );
    expect(significant).toEqual(['implicit:race=black']);
  }, 120_000);

  it('leaves the output of a study with one mode untagged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-cue-modes-single-'));
    const study = writeTestStudy(join(dir, 'study.yaml'), { name: 'one mode', seed: 3, models: ['{ id: sim, provider: simulated }'] });
    const { findings, results, out } = await run(study);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f).not.toHaveProperty('cues');
    expect(results).not.toHaveProperty('cueModes');
    expect(readFileSync(join(out, 'scores.jsonl'), 'utf8')).not.toContain('"cues"');
    expect(readFileSync(join(out, 'variants.jsonl'), 'utf8')).not.toContain('"cues"');
  }, 240_000);
});
