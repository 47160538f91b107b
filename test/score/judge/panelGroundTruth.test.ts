import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { JudgePanelSummary } from '../../../src/analysis/judgePanel.js';
import { readJsonl, runFile } from '../../../src/pipeline/runDir.js';
import type { ReviewAgreement } from '../../../src/review/agreement.js';
import type { ReviewKey } from '../../../src/review/key.js';
import type { ScoreRecord } from '../../../src/score/types.js';
import type { ResponseRecord } from '../../../src/run/types.js';
import { runCli } from '../../helpers/cli.js';
import { fromRoot } from '../../helpers/paths.js';

/** Three simulated judges with known accuracies; each errs independently of the others (its own draws). */
const ACCURACIES = [0.9, 0.8, 0.7];
const VIGNETTES = 120;
/** Share of the answers a clinician labels: a random sample (`review export --random`), so the correction is valid. */
const LABELLED = 0.3;
const SEEDS = 8;

/**
 * Fleiss' kappa of raters who each call an answer right with their own accuracy, independently given the truth, on
 * answers of which a share `p` is adequate. Observed agreement of three raters is the mean agreement of the three
 * pairs, Σ (a_i a_j + (1 − a_i)(1 − a_j)) / 3, whatever p; chance agreement is q² + (1 − q)² with q the share of
 * "adequate" ratings, p·ā + (1 − p)(1 − ā).
 */
function plantedKappa(p: number): number {
  const pairs = [
    [0, 1],
    [0, 2],
    [1, 2],
  ] as const;
  const observed = pairs.reduce((s, [i, j]) => s + ACCURACIES[i]! * ACCURACIES[j]! + (1 - ACCURACIES[i]!) * (1 - ACCURACIES[j]!), 0) / 3;
  const mean = ACCURACIES.reduce((a, b) => a + b, 0) / ACCURACIES.length;
  const q = p * mean + (1 - p) * (1 - mean);
  const chance = q * q + (1 - q) * (1 - q);
  return (observed - chance) / (1 - chance);
}

/**
 * A study of `VIGNETTES` free-text vignettes, each with its own rubric (so each answer is its own judge prompt: the
 * judges' verdicts on different vignettes are independent), one axis of two levels, the simulated model and a
 * panel of three simulated judges.
 */
function writeStudy(dir: string, seed: number): string {
  const vignettes = Array.from({ length: VIGNETTES }, (_, i) => ({
    id: `free-${i}`,
    perspective: 'clinician',
    text: `{{Patient}} arrives at {{hospital}} with problem number ${i} of a series of distinct presentations.`,
    question: {
      type: 'free',
      stem: 'What should be done now?',
      rubric: `Carry out management step ${i} of the protocol, then reassess in ${(i % 7) + 1} hours.`,
    },
    rationale: `Case ${i}.`,
    source: 'Synthetic ground-truth case',
  }));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'templates', 'free.yaml'), stringify({ domain: 'synthetic', vignettes }));
  const study = {
    name: 'judge panel ground truth',
    seed,
    templates: ['templates'],
    demographics: fromRoot('demographics'),
    axes: { race: { levels: ['white', 'black'] } },
    replicates: 1,
    models: [{ id: 'sim', provider: 'simulated', accuracy: 0.7, unparseable_rate: 0 }],
    judges: ACCURACIES.map((accuracy, i) => ({
      id: `judge-${i + 1}`,
      model: { id: `sim-judge-${i + 1}`, provider: 'simulated', accuracy, unparseable_rate: 0 },
      pairwise: false,
    })),
    panel: 'majority',
  };
  const file = join(dir, 'study.yaml');
  writeFileSync(file, stringify(study));
  return file;
}

describe('a simulated judge panel through run and analyze recovers the planted truth', () => {
  it("Fleiss' kappa and the clinician-corrected rate cover their planted values over seeds", { timeout: 900_000 }, async () => {
    let kappaCovered = 0;
    let rateCovered = 0;
    let accuracyCovered = 0;
    for (let k = 0; k < SEEDS; k++) {
      const dir = mkdtempSync(join(tmpdir(), 'counterfair-panel-truth-'));
      const out = join(dir, 'run');
      const run = await runCli(['run', writeStudy(dir, 1000 + k), '--out', out]);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.stderr).toMatch(/judge judge-3: \d+ judgements/);
      expect(run.stdout).toMatch(
        /Judge panel of 3 \(majority\): Fleiss' κ -?\d\.\d\d \(95% CI .*\); .*Adequate rate \d+\.\d%, not corrected/,
      );

      // The truth the simulated model planted: its correct free-text answers restate the rubric.
      const responses = readJsonl<ResponseRecord>(runFile(out, 'responses'));
      const adequate = new Map(responses.map((r) => [r.key, r.text!.startsWith('Follow the guideline:')]));
      const p = [...adequate.values()].filter(Boolean).length / adequate.size;

      // A clinician labels, with the truth, the random sample `review export --random` draws, and the labels go back
      // in through `review import`.
      const sampleSize = Math.round(LABELLED * responses.length);
      // How often the panel-based scoring is right over every answer: what the sample's accuracy estimates.
      const automated = readJsonl<ScoreRecord>(runFile(out, 'scores'));
      const scoringAccuracy = automated.filter((s) => (s.outcome === 'correct') === adequate.get(s.key)).length / automated.length;
      const exported = await runCli(['review', 'export', out, '--random', String(sampleSize)]);
      expect(exported.stdout).toMatch(new RegExp(`A random sample of ${sampleSize} of the ${responses.length} judge-scored answers`));
      const key = JSON.parse(readFileSync(runFile(out, 'reviewKey'), 'utf8')) as ReviewKey;
      const rows = key.items.map((item) => `${item.id},${adequate.get(item.a.responseKey) ? 'correct' : 'incorrect'},,,dr-truth`);
      writeFileSync(join(dir, 'labels.csv'), `item_id,label_a,label_b,label_pair,reviewer\n${rows.join('\n')}\n`);
      const imported = await runCli(['review', 'import', out, join(dir, 'labels.csv')]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      const sample = (JSON.parse(readFileSync(runFile(out, 'reviewAgreement'), 'utf8')) as ReviewAgreement).randomSample!;
      expect(sample.n).toBe(sampleSize);
      expect(imported.stdout).toContain(`automated scoring matches the clinicians on ${sample.agreeing} of ${sampleSize} answers`);
      if (sample.ci95[0] <= scoringAccuracy && scoringAccuracy <= sample.ci95[1]) accuracyCovered++;
      const analysed = await runCli(['analyze', out]);
      expect(analysed.stderr).not.toMatch(/internal error/);
      expect(analysed.stdout).toContain(`corrected with ${sampleSize} clinician labels of a random sample`);

      const panel = (JSON.parse(readFileSync(runFile(out, 'results'), 'utf8')) as { judgePanel: JudgePanelSummary }).judgePanel;
      expect(panel.judges).toEqual(['judge-1', 'judge-2', 'judge-3']);
      expect(panel.nItems).toBe(responses.length);
      expect(panel.nUnlabelled).toBe(0);
      // Each judge's rate of adequate verdicts follows its accuracy: p·a + (1 − p)(1 − a), within sampling error.
      for (const [j, accuracy] of ACCURACIES.entries())
        expect(Math.abs(panel.perJudge[j]!.adequateRate - (p * accuracy + (1 - p) * (1 - accuracy)))).toBeLessThan(0.1);
      const [low, high] = panel.fleissKappaCi!;
      if (low <= plantedKappa(p) && plantedKappa(p) <= high) kappaCovered++;
      const c = panel.corrected!;
      expect(key.items.every((item) => item.type === 'single' && item.reasons.includes('random-sample'))).toBe(true);
      expect(c.nLabelled).toBe(sampleSize);
      expect(panel.nAdjudicatedFromQueue).toBe(0);
      if (c.low <= p && p <= c.high) rateCovered++;
    }
    // Nominal 95% intervals: at least 6 of 8 covering is expected with probability above 0.99 if they are valid.
    // The random sample's Wilson interval for the scoring's accuracy likewise. Measured: 8 of 8 for all three (planted κ 0.26-0.33 against estimates 0.20-0.39; true adequate rate 0.64-0.79,
    // each inside its corrected interval, about 20 points wide with 72 of 240 answers labelled; the raw panel rate
    // ran 1-6 points below the truth).
    expect(kappaCovered).toBeGreaterThanOrEqual(6);
    expect(rateCovered).toBeGreaterThanOrEqual(6);
    expect(accuracyCovered).toBeGreaterThanOrEqual(6);
  });
});
