import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResults } from '../../src/analysis/analyze.js';
import type { ProbeResult } from '../../src/analysis/probes.js';
import { isWrong } from '../../src/pairing/pairs.js';
import type { ScoreRecord } from '../../src/score/types.js';
import { wilsonInterval } from '../../src/stats/wilson.js';
import { runCli } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const PROBES = ['cs-osteoporosis-screening-65', 'pain-race-pain-tolerance-myth', 'pft-dismissed-by-race-adjustment'];
const TEMPLATES = ['pain-management', 'cancer-screening', 'pulmonary-function'].map((t) => fromRoot(`templates/${t}.yaml`));

/**
 * The shipped templates holding the three probes, race only, 20 replicates, on the simulated model with a planted
 * bias for Black patients (error probability × 6) — and a second model without any bias.
 */
async function runProbeStudy(): Promise<{
  out: string;
  results: AnalysisResults;
  scores: ScoreRecord[];
  report: string;
  stderr: string;
  code: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-probes-'));
  writeFileSync(
    join(dir, 'study.yaml'),
    [
      'name: race-myth probes <script>',
      'seed: 41',
      `templates: [${TEMPLATES.join(', ')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes: { race: { levels: [white, black, hispanic, asian] } }',
      'replicates: 20',
      'models:',
      '  - { id: biased, provider: simulated, accuracy: { default: 0.9 }, instability: 1, bias: [{ axis: race, level: black, error_multiplier: 6 }] }',
      '  - { id: fair, provider: simulated, accuracy: { default: 0.9 }, instability: 1 }',
    ].join('\n'),
  );
  const out = join(dir, 'run');
  const r = await runCli(['run', join(dir, 'study.yaml'), '--out', out], { COUNTERFAIR_CACHE_DIR: 'off' });
  const read = (f: string) => readFileSync(join(out, f), 'utf8');
  const scores = read('scores.jsonl')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ScoreRecord);
  return {
    out,
    results: JSON.parse(read('results.json')) as AnalysisResults,
    scores,
    report: read('report.html'),
    stderr: r.stderr,
    code: r.code,
  };
}

const probe = (results: AnalysisResults, model: string, vignetteId: string | null): ProbeResult =>
  results.probes!.find((p) => p.model === model && p.vignetteId === vignetteId)!;

describe('race-myth probes on the shipped templates with a planted bias', () => {
  let run: Awaited<ReturnType<typeof runProbeStudy>>;
  beforeAll(async () => {
    run = await runProbeStudy();
  }, 120_000);

  it('runs cleanly', () => {
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
  });

  it('reports every probe per model, and the probes pooled, with counts that match scores.jsonl', () => {
    const { results, scores } = run;
    expect(results.probes!.map((p) => `${p.model}:${p.vignetteId}`).sort()).toEqual(
      ['biased:null', ...PROBES.map((id) => `biased:${id}`), 'fair:null', ...PROBES.map((id) => `fair:${id}`)].sort(),
    );
    for (const p of results.probes!.filter((x) => x.vignetteId !== null)) {
      expect(p.measured).toBe(true);
      expect(p.levels.map((l) => l.level)).toEqual(['white', 'black', 'hispanic', 'asian']);
      for (const l of p.levels) {
        const answers = scores.filter(
          (s) =>
            s.modelId === p.model &&
            s.vignetteId === p.vignetteId &&
            s.attributes.race === l.level &&
            (s.kind === 'reference' || s.kind === 'demographic') &&
            isWrong(s.outcome) !== null,
        );
        const errors = answers.filter((s) => isWrong(s.outcome)).length;
        expect([l.nAnswers, l.errors]).toEqual([answers.length, errors]);
        expect(l.nAnswers).toBe(20);
        const ci = wilsonInterval(errors, answers.length);
        expect(l.errorRateCi).toEqual([ci.low, ci.high]);
        expect(l.targeted).toBe(p.targetLevels.includes(l.level));
        expect(l.contrast === null).toBe(!l.targeted);
      }
    }
  });

  it('finds the planted bias on the targeted level, and nothing where none was planted', () => {
    const { results } = run;
    const pooled = probe(results, 'biased', null);
    const black = pooled.levels.find((l) => l.level === 'black')!;
    const white = pooled.levels.find((l) => l.level === 'white')!;
    expect(black.vignetteIds.sort()).toEqual(PROBES);
    expect(black.nAnswers).toBe(60);
    expect(black.errorRate).toBeGreaterThan(white.errorRate + 0.15);
    expect(black.contrast!.nPairs).toBe(60);
    expect(black.contrast!.test).toBe('mcnemar-exact');
    expect(black.contrast!.p).toBeLessThan(0.001);
    expect(black.contrast!.differenceCi![0]).toBeGreaterThan(0);
    // Hispanic is named by the pain-tolerance probe only: its pooled row and contrast count that probe alone.
    const hispanic = pooled.levels.find((l) => l.level === 'hispanic')!;
    expect(hispanic.vignetteIds).toEqual(['pain-race-pain-tolerance-myth']);
    expect(hispanic.contrast!.nPairs).toBe(20);
    expect(pooled.levels.find((l) => l.level === 'asian')!.vignetteIds).toEqual(['pft-dismissed-by-race-adjustment']);

    const fair = probe(results, 'fair', null).levels.find((l) => l.level === 'black')!;
    expect(fair.contrast!.p).toBeGreaterThan(0.01);
  });

  it('writes a sentence per probe that quotes the numbers beside it', () => {
    const p = probe(run.results, 'biased', 'pain-race-pain-tolerance-myth');
    const black = p.levels.find((l) => l.level === 'black')!;
    const white = p.levels.find((l) => l.level === 'white')!;
    const ci = black.errorRateCi!.map((x) => `${Math.round(100 * x)} %`).join('–');
    expect(p.sentence).toContain(
      `for Black or African American patients in ${black.errors} of ${black.nAnswers} answers (${Math.round(100 * black.errorRate)} %, 95 % CI ${ci}, ${black.lessCare} of them less care than the key)`,
    );
    expect(p.sentence).toContain(`for White patients (the reference) in ${white.errors} of ${white.nAnswers}.`);
    // The pain probe's key is the top of its scale: every wrong ordinal answer there is less analgesia.
    expect(black.lessCare).toBe(black.incorrect);
  });

  it('leaves the probe vignettes out of every pooled result', () => {
    const { results } = run;
    const vignettes = new Set(run.scores.map((s) => s.vignetteId));
    const pooledCount = vignettes.size - PROBES.length;
    for (const f of results.findings) expect(f.nVignettes).toBeLessThanOrEqual(pooledCount);
    expect(Math.max(...results.findings.map((f) => f.nVignettes))).toBe(pooledCount);
    const mentioned = JSON.stringify({ worst: results.worstCases, spread: results.spread, shifts: results.shifts, flips: results.flips });
    for (const id of PROBES) expect(mentioned).not.toContain(id);
    // outcomeCounts are the pooled vignettes' answers: 20 replicates × (pooled vignettes) per level and model.
    const whiteCounts = results.outcomeCounts.find((o) => o.model === 'biased' && o.axis === 'race' && o.level === 'white')!;
    const notProbe = run.scores.filter(
      (s) =>
        s.modelId === 'biased' &&
        s.attributes.race === 'white' &&
        !PROBES.includes(s.vignetteId) &&
        (s.kind === 'reference' || s.kind === 'demographic'),
    );
    expect(Object.values(whiteCounts.outcomes).reduce((a, b) => a + b, 0)).toBe(notProbe.length);
  });

  it('is left out of the findings the gate recomputes per domain and of a comparison of the two models', async () => {
    const painVignettes = new Set(
      run.scores.filter((s) => s.domain === 'pain-management' && !PROBES.includes(s.vignetteId)).map((s) => s.vignetteId),
    ).size;
    const gate = await runCli(['gate', run.out, '--domains', 'pain-management', '--max-difference', '90', '--json']);
    expect(gate.stderr).toBe('');
    const contrasts = (JSON.parse(gate.stdout) as { contrasts: { nVignettes: number; domain: string }[] }).contrasts;
    expect(contrasts.length).toBeGreaterThan(0);
    for (const c of contrasts) expect([c.domain, c.nVignettes]).toEqual(['pain-management', painVignettes]);
    // Probes are never gated: the verdict says so, so a pass does not read as covering them.
    const notes = (JSON.parse(gate.stdout) as { notes: string[] }).notes;
    expect(notes).toContain(
      `${PROBES.length} race-myth probes are not gated: probes are reported on their own (the report's race-myth probes section), outside the findings the gate judges.`,
    );
    const compare = await runCli(['compare', run.out, '--models', 'biased,fair', '--out', join(run.out, 'compare'), '--json']);
    expect(compare.code).toBe(0);
    const pooledCount = new Set(run.scores.map((s) => s.vignetteId)).size - PROBES.length;
    const changes = (JSON.parse(compare.stdout) as { comparisons: { changes: { nVignettes: number }[] }[] }).comparisons.flatMap(
      (m) => m.changes,
    );
    expect(changes.length).toBeGreaterThan(0);
    expect(Math.max(...changes.map((c) => c.nVignettes))).toBe(pooledCount);
  });

  it('puts the escaped probes section before the pooled findings, and a probes table in tables/', () => {
    const { report, out } = run;
    const probesAt = report.indexOf('<h2 id="probes">');
    expect(probesAt).toBeGreaterThan(0);
    expect(probesAt).toBeLessThan(report.indexOf('<h2 id="amplification">'));
    // The summary names the probes answered against the key at a targeted level, before any section.
    const summaryMention = report.indexOf('<strong>Race-myth probes</strong> (reported apart');
    expect(summaryMention).toBeGreaterThan(0);
    expect(summaryMention).toBeLessThan(probesAt);
    expect(report).not.toContain('probes <script>');
    expect(report).toContain('On probe pain-race-pain-tolerance-myth, model biased answered against the key');
    const appendix = readFileSync(join(out, 'appendix.md'), 'utf8');
    expect(appendix.indexOf('### Race-myth probes')).toBeLessThan(appendix.indexOf('### Error amplification'));
    expect(readFileSync(join(out, 'tables', 'probes.csv'), 'utf8').split('\r\n')[0]).toContain('contrastP');
  });
});
