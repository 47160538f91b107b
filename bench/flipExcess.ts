/**
 * Coverage of the 95% interval of a flip rate's paired excess over the paraphrase floor (`pairedExcess`: paired t
 * over vignettes), beside the percentile cluster bootstrap of the same statistic it was chosen over, on the
 * simulated model at 10, 15, 30 and 110 vignettes with 1 and 2 replicates and two paraphrase controls per vignette
 * (the first authored on half the vignettes). Without a bias the level and paraphrase variants are exchangeable,
 * so the true excess is 0; with one (×2 on the level) the truth is the excess of a 20,000-vignette study.
 * Target: ≥ 94%.
 * Run: npm run bench:flip-excess [-- STUDIES]   (default 400 per cell; a few minutes)
 */
import { analyzeFlips, isFlip, paraphraseFlipsByVignette } from '../src/analysis/flips.js';
import { pairContrasts } from '../src/pairing/pairs.js';
import type { Axis } from '../src/demographics/types.js';
import { simulateDesignScores } from '../src/power/designScores.js';
import { simulatedDecision, type SimulatedSpec } from '../src/providers/simulatedDecision.js';
import type { ScoreRecord } from '../src/score/types.js';
import { clusterBootstrapSums } from '../src/stats/clusterBootstrapSums.js';
import { deriveSeed } from '../src/util/hash.js';

const STUDIES = Number(process.argv[2] ?? 400);
const SIZES = [10, 15, 30, 110] as const;
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

function spec(multiplier: number): SimulatedSpec {
  return {
    kind: 'simulated',
    id: 'sim',
    accuracy: { default: 0.75, byDomain: {} },
    biases: [{ axis: 'race', level: 'black', errorMultiplier: multiplier }],
    unparseableRate: 0,
    instability: 0.3,
    params: {},
    systemPrompt: '',
    concurrency: 1,
    timeoutMs: 1,
    maxRetries: 0,
  };
}

type Interval = [number, number] | null;

/** The level's excess with the reported interval and the comparison bootstrap, in one simulated study. */
function study(
  model: SimulatedSpec,
  seed: number,
  vignettes: number,
  replicates: number,
): { excess: number; reported: Interval; bootstrap: Interval } {
  const scores = simulateDesignScores({ spec: model, design: { kind: 'one-at-a-time' }, axes: AXES, vignettes, replicates, seed });
  const controls: ScoreRecord[] = scores
    .filter((s) => s.kind === 'reference')
    .flatMap((ref) =>
      [1, 2].map((i) => {
        const variantId = `${ref.vignetteId}~paraphrase-${i}`;
        const wrong = simulatedDecision(
          model,
          seed,
          { vignetteId: ref.vignetteId, variantId, domain: 'any', attributes: ref.attributes },
          ref.replicate,
        ).wrong;
        const paraphrase = i === 1 && Number(ref.vignetteId.slice(1)) % 2 === 0 ? 'authored' : 'added-sentence';
        return {
          ...ref,
          key: `${variantId}|${ref.replicate}`,
          variantId,
          kind: 'paraphrase' as const,
          paraphrase,
          outcome: wrong ? ('incorrect' as const) : ('correct' as const),
        };
      }),
    );
  const all = [...scores, ...controls];
  const contrasts = pairContrasts(all, AXES);
  const flip = analyzeFlips(contrasts, all, ['sim']).flips[0]!;
  // The same per-vignette differences, resampled by vignette.
  const paraphrases = paraphraseFlipsByVignette(all).get('sim')!;
  const level = new Map<string, [number, number]>();
  for (const pair of contrasts[0]!.pairs) {
    const counts = level.get(pair.vignetteId) ?? [0, 0];
    counts[0]++;
    if (isFlip(pair)) counts[1]++;
    level.set(pair.vignetteId, counts);
  }
  const sums = [...level.keys()].sort().map((id) => {
    const [n, k] = level.get(id)!;
    const c = paraphrases.get(id)!;
    const floor = c.authored.pairs > 0 ? c.authored : c['added-sentence'];
    return [1, k / n - floor.flips / floor.pairs];
  });
  const [b] = clusterBootstrapSums({ sums, statistics: [(t) => t[1]! / t[0]!], seed: deriveSeed(seed, 'bootstrap'), nResamples: 1000 });
  return { excess: flip.excess!, reported: flip.excessCi, bootstrap: b!.ciLow < b!.ciHigh ? [b!.ciLow, b!.ciHigh] : null };
}

const started = Date.now();
console.log(
  `Paired excess of the flip rate over the paraphrase floor: coverage of the 95% intervals (${STUDIES} studies per cell): reported paired t / comparison percentile cluster bootstrap (1000 resamples)`,
);
for (const multiplier of [1, 2]) {
  const truth = multiplier === 1 ? 0 : study(spec(multiplier), deriveSeed(3, 'truth'), 20_000, 1).excess;
  console.log(`\nbias ×${multiplier} on the level (true excess ${(100 * truth).toFixed(2)} points)`);
  for (const replicates of [1, 2]) {
    const cells = SIZES.map((vignettes) => {
      const covered = { reported: 0, bootstrap: 0 };
      const counted = { reported: 0, bootstrap: 0 };
      for (let k = 0; k < STUDIES; k++) {
        const r = study(
          spec(multiplier),
          deriveSeed(3, 'coverage', String(multiplier), String(replicates), String(vignettes), String(k)),
          vignettes,
          replicates,
        );
        for (const method of ['reported', 'bootstrap'] as const) {
          const ci = r[method];
          if (!ci) continue;
          counted[method]++;
          if (ci[0] <= truth && truth <= ci[1]) covered[method]++;
        }
      }
      const pct = (method: 'reported' | 'bootstrap') => `${((100 * covered[method]) / counted[method]).toFixed(1)}%`;
      return `${vignettes} vignettes: ${pct('reported')} / ${pct('bootstrap')} (${counted.reported} with an interval)`;
    });
    console.log(`  ${replicates} replicate(s): ${cells.join(' · ')}`);
  }
}
console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
