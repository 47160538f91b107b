import { describe, expect, it } from 'vitest';
import { panelLabel, summarizeJudgePanel, type PanelItem } from '../../src/analysis/judgePanel.js';
import { cohensKappa } from '../../src/stats/cohensKappa.js';
import { createRng, type Rng } from '../../src/stats/rng.js';
import { deriveSeed } from '../../src/util/hash.js';

const JUDGES = ['judge-a', 'judge-b', 'judge-c'];
const TRUE_RATE = 0.7;
// A lenient simulated panel with a known error rate: each judge independently calls an adequate answer adequate
// with probability 0.9 and an inadequate one adequate with probability 0.4.
const SENSITIVITY = 0.9;
const FALSE_ADEQUATE = 0.4;

/** `n` answers with their true adequacy, the panel's verdicts, and a clinician label (the truth) on a random `adjudicated`. */
function simulatePanel(rng: Rng, n: number, adjudicated: number): PanelItem[] {
  return Array.from({ length: n }, (_, i) => {
    const adequate = rng() < TRUE_RATE;
    const verdicts = JUDGES.map(() => rng() < (adequate ? SENSITIVITY : FALSE_ADEQUATE));
    // The first `adjudicated` items are a random sample: items are exchangeable.
    return { key: `r${i}`, verdicts, ...(i < adjudicated ? { clinician: adequate } : {}) };
  });
}

describe('panelLabel', () => {
  it('is the strict majority of the readable verdicts; a tie or none readable is undecided, never a pick', () => {
    expect(panelLabel([true, true, false])).toBe(true);
    expect(panelLabel([true, false, false])).toBe(false);
    expect(panelLabel([true, false, null])).toBeNull();
    expect(panelLabel([true, false])).toBeNull();
    expect(panelLabel([true, null, null])).toBe(true);
    expect(panelLabel([null, null, null])).toBeNull();
  });

  it('under unanimous-correct is adequate only when every judge says so, inadequate when any readable verdict says not', () => {
    expect(panelLabel([true, true, true], 'unanimous-correct')).toBe(true);
    expect(panelLabel([true, true, false], 'unanimous-correct')).toBe(false);
    expect(panelLabel([false, null, true], 'unanimous-correct')).toBe(false);
    expect(panelLabel([true, null, true], 'unanimous-correct')).toBeNull();
    expect(panelLabel([null, null], 'unanimous-correct')).toBeNull();
  });
});

describe('judge panel against a simulated panel with a known error rate', () => {
  it('the PPI-corrected rate recovers the true rate within its interval; the raw majority rate does not', () => {
    // Majority of 3 lenient judges calls an adequate answer adequate w.p. 0.972 and an inadequate one w.p. 0.352:
    // the raw rate converges to 0.7·0.972 + 0.3·0.352 = 0.786, not 0.7.
    const replications = 100;
    let covered = 0;
    let rawCovered = 0;
    let rawSum = 0;
    for (let k = 0; k < replications; k++) {
      const rng = createRng(deriveSeed(41, 'panel', String(k)));
      const s = summarizeJudgePanel(JUDGES, simulatePanel(rng, 2000, 300), { seed: k, bootstrapResamples: 50 });
      const c = s.corrected!;
      if (c.low <= TRUE_RATE && TRUE_RATE <= c.high) covered++;
      const rawHalf = 1.96 * Math.sqrt((s.adequateRate * (1 - s.adequateRate)) / 2000);
      if (Math.abs(s.adequateRate - TRUE_RATE) <= rawHalf) rawCovered++;
      rawSum += s.adequateRate;
    }
    // Measured: 96 of 100 corrected intervals cover 0.7 (mean width 8.6 points); no raw-rate interval does (mean raw rate 0.786).
    expect(covered).toBeGreaterThanOrEqual(89);
    expect(rawCovered).toBeLessThanOrEqual(5);
    expect(rawSum / replications).toBeCloseTo(0.7 * 0.972 + 0.3 * 0.352, 2);
  });

  it("Fleiss' kappa of the panel estimates the population agreement, and its bootstrap interval covers it", () => {
    // Pair agreement 0.7·(0.9² + 0.1²) + 0.3·(0.4² + 0.6²) = 0.73; marginal adequate 0.75, chance 0.625: κ = 0.28.
    const kappa = (0.73 - 0.625) / (1 - 0.625);
    let covered = 0;
    const replications = 30;
    for (let k = 0; k < replications; k++) {
      const rng = createRng(deriveSeed(42, 'panel-kappa', String(k)));
      const s = summarizeJudgePanel(JUDGES, simulatePanel(rng, 600, 0), { seed: deriveSeed(43, String(k)), bootstrapResamples: 400 });
      expect(s.corrected).toBeNull();
      expect(s.nComplete).toBe(600);
      if (s.fleissKappaCi![0] <= kappa && kappa <= s.fleissKappaCi![1]) covered++;
    }
    // Measured: 30 of 30 (400 resamples each).
    expect(covered).toBeGreaterThanOrEqual(25);
  });

  it('leaves items without readable verdicts out of the labels and the kappa, and refuses a panel of one', () => {
    const items: PanelItem[] = [
      { key: 'a', verdicts: [true, true, true] },
      { key: 'b', verdicts: [false, false, true] },
      { key: 'c', verdicts: [null, null, null] },
      { key: 'd', verdicts: [true, null, false] },
    ];
    const s = summarizeJudgePanel(JUDGES, items, { seed: 1, bootstrapResamples: 50 });
    // d is a 1-1 tie among its readable verdicts: undecided, like c.
    expect([s.nItems, s.nUnlabelled, s.nComplete]).toEqual([4, 2, 2]);
    expect(s.adequateRate).toBeCloseTo(1 / 2, 15);
    expect(s.perJudge.map((j) => [j.judge, j.adequate, j.inadequate, j.unreadable])).toEqual([
      ['judge-a', 2, 1, 1],
      ['judge-b', 1, 1, 2],
      ['judge-c', 2, 1, 1],
    ]);
    // judge-a and judge-c both read a, b and d: agree on a, disagree on b and d.
    const ac = s.pairwiseKappa.find((k) => k.judges.join() === 'judge-a,judge-c')!;
    expect(ac.n).toBe(3);
    expect(ac.kappa).toBeCloseTo(
      cohensKappa([
        [1, 1],
        [1, 0],
      ]).kappa,
      15,
    );
    expect(s.pairwiseKappa.map((k) => k.judges.join())).toEqual(['judge-a,judge-b', 'judge-a,judge-c', 'judge-b,judge-c']);
    expect(summarizeJudgePanel(JUDGES, items, { seed: 1, rule: 'unanimous-correct', bootstrapResamples: 50 }).adequateRate).toBe(1 / 3);
    expect(() => summarizeJudgePanel(['only'], [], { seed: 1 })).toThrow(/at least 2 judges/);
    expect(() => summarizeJudgePanel(JUDGES, [{ key: 'x', verdicts: [true] }], { seed: 1 })).toThrow(/item x has 1 verdicts/);
  });
});
