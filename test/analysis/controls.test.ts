import { describe, expect, it } from 'vitest';
import { analyzeControls } from '../../src/analysis/controls.js';
import type { Axis } from '../../src/demographics/types.js';
import { simulateDesignScores } from '../../src/power/designScores.js';
import type { SimulatedSpec } from '../../src/providers/simulatedDecision.js';
import { mcnemar } from '../../src/stats/mcnemar.js';
import { newcombePairedDifference } from '../../src/stats/newcombePairedDifference.js';
import type { InjectedBias } from '../../src/study/types.js';
import { deriveSeed } from '../../src/util/hash.js';
import { formatPValue } from '../../src/util/pValue.js';
import { simulatedControlScores } from './helpers.js';

const AXES: Axis[] = [
  {
    id: 'race',
    label: 'Race',
    slot: 'sentence',
    reference: 'white',
    file: 'race.yaml',
    levels: [
      { id: 'white', label: 'White' },
      { id: 'black', label: 'Black' },
    ],
  },
];
const spec = (biases: InjectedBias[]): SimulatedSpec => ({
  kind: 'simulated',
  id: 'sim',
  accuracy: { default: 0.8, byDomain: {} },
  biases,
  unparseableRate: 0,
  instability: 0.3,
  params: {},
  systemPrompt: '',
  concurrency: 1,
  timeoutMs: 1,
  maxRetries: 0,
});
const OPTIONS = { mcnemar: 'exact' } as const;

/** Scores of a simulated study with a no-demographics variant; `removed` plants a bias on that variant alone. */
function study(removed: InjectedBias[], replicates: number, seedLabel: string) {
  const seed = deriveSeed(41, 'controls', seedLabel);
  // The simulated model sees the removed variant's attributes as { cues: none }, so a bias can be planted on it.
  const model = spec([{ axis: 'race', level: 'black', errorMultiplier: 2 }, ...removed]);
  const scores = simulateDesignScores({ spec: model, design: { kind: 'one-at-a-time' }, axes: AXES, vignettes: 80, replicates, seed });
  const vignetteIds = [...new Set(scores.map((s) => s.vignetteId))];
  scores.push(
    ...simulatedControlScores({
      spec: model,
      vignetteIds,
      replicates,
      seed,
      paraphrases: 1,
      authored: () => 1,
      removedAttributes: { cues: 'none' },
    }),
  );
  return { scores, seed };
}

describe('the demographics-removed control', () => {
  it("reports both error rates, the paired difference with Newcombe's interval and the exact McNemar p of its pairs", () => {
    const { scores, seed } = study([], 1, 'plain');
    const [row, ...rest] = analyzeControls(scores, ['sim'], { ...OPTIONS, seed }).demographicsRemoved;
    expect(rest).toEqual([]);
    // The pairs counted independently: each removed variant against the reference of its vignette.
    const wrong = (o: string) => o !== 'correct';
    const reference = new Map(scores.filter((s) => s.kind === 'reference').map((s) => [s.vignetteId, wrong(s.outcome)]));
    const removed = scores
      .filter((s) => s.kind === 'no-demographics')
      .map((s) => [reference.get(s.vignetteId)!, wrong(s.outcome)] as const);
    const b = removed.filter(([r, l]) => l && !r).length;
    const c = removed.filter(([r, l]) => r && !l).length;
    const both = removed.filter(([r, l]) => r && l).length;
    expect(row!.errors).toMatchObject({
      nPairs: 80,
      nVignettes: 80,
      nExcludedPairs: 0,
      wrongOnlyAtLevel: b,
      wrongOnlyAtReference: c,
      test: 'mcnemar-exact',
      ciMethod: 'newcombe',
    });
    expect(row!.errors.rateReference).toBeCloseTo((both + c) / 80, 12);
    expect(row!.errors.rateLevel).toBeCloseTo((both + b) / 80, 12);
    expect(row!.errors.p).toBeCloseTo(mcnemar(b, c, { method: 'exact' }).pValue, 12);
    const newcombe = newcombePairedDifference({ n11: both, n10: b, n01: c, n00: 80 - both - b - c }, { confLevel: 0.95 });
    expect(row!.errors.differenceCi).toEqual([newcombe.low, newcombe.high]);
    // Flips: the answer changed between reference and removed variant.
    expect(row!.flips.nPairs).toBe(80);
    expect(row!.flips.flips).toBe(b + c); // outcomes are the answers here (nothing extracted)
    expect(row!.flips.floorSource).toBe('authored');
    // The sentence quotes the numbers beside it and, with no planted effect, reads as "not distinguishable".
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(row!.sentence).toContain(
      `erred in ${pct(row!.errors.rateLevel)} of 80 pairs over 80 vignettes, against ${pct(row!.errors.rateReference)}`,
    );
    expect(row!.sentence).toContain(`exact McNemar p = ${formatPValue(row!.errors.p)}`);
    expect(row!.sentence).toContain(`The answer changed in ${b + c} of 80 pairs`);
    expect(newcombe.low).toBeLessThan(0);
    expect(newcombe.high).toBeGreaterThan(0);
    expect(row!.sentence).toContain('not distinguishable from zero at this sample size');
    expect(row!.sentence).not.toMatch(/no effect/i);
  });

  it('finds a planted effect of removing the demographics, with replicates clustered by vignette', () => {
    const { scores, seed } = study([{ axis: 'cues', level: 'none', errorMultiplier: 3 }], 3, 'planted');
    const [row] = analyzeControls(scores, ['sim'], { ...OPTIONS, seed }).demographicsRemoved;
    expect(row!.errors).toMatchObject({ nPairs: 240, nVignettes: 80, test: 'clustered-mcnemar', ciMethod: 'rao-scott' });
    expect(row!.errors.differenceCi![0]).toBeGreaterThan(0);
    expect(row!.errors.p).toBeLessThan(0.001);
    expect(row!.sentence).toContain('errs more often when no demographics are stated than at the reference');
    expect(row!.flips.excessVerdict).toBe('above-floor');
    expect(row!.sentence).toContain('more sensitive to removing the demographics than to an authored rewording');
  });

  it('leaves out models without the control', () => {
    const { scores, seed } = study([], 1, 'none');
    const withoutControl = scores.filter((s) => s.kind !== 'no-demographics');
    expect(analyzeControls(withoutControl, ['sim'], { ...OPTIONS, seed }).demographicsRemoved).toEqual([]);
  });
});
