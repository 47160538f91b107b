/**
 * Coverage of the 95% interval of a flip rate's paired excess over the paraphrase floor (`pairedExcess`), on the
 * simulated model, at 10, 15, 30 and 110 vignettes with 1 and 2 replicates and two paraphrase controls per
 * vignette (the first authored on half the vignettes). Without a bias the level and paraphrase variants are
 * exchangeable, so the true excess is 0; with one (×2 on the level) the truth is the excess of a 20,000-vignette
 * study. Target: ≥ 94%.
 * Run: npm run bench:flip-excess [-- STUDIES]
 */
import { analyzeFlips } from '../src/analysis/flips.js';
import { pairContrasts } from '../src/analysis/pairs.js';
import type { Axis } from '../src/demographics/types.js';
import { simulateDesignScores } from '../src/power/designScores.js';
import { simulatedDecision, type SimulatedSpec } from '../src/providers/simulatedDecision.js';
import type { ScoreRecord } from '../src/score/types.js';
import { deriveSeed } from '../src/util/hash.js';

const STUDIES = Number(process.argv[2] ?? 400);
const SIZES = [10, 15, 30, 110] as const;
const AXES: Axis[] = [{ id: 'race', label: 'Race', slot: 'sentence', reference: 'white', file: 'race.yaml', levels: [{ id: 'white', label: 'White' }, { id: 'black', label: 'Black' }] }];

function spec(multiplier: number): SimulatedSpec {
  return { kind: 'simulated', id: 'sim', accuracy: { default: 0.75, byDomain: {} }, biases: [{ axis: 'race', level: 'black', errorMultiplier: multiplier }], unparseableRate: 0, instability: 0.3, params: {}, systemPrompt: '', concurrency: 1, timeoutMs: 1, maxRetries: 0 };
}

/** The level's excess and interval in one simulated study with paraphrase controls. */
function excessOf(model: SimulatedSpec, seed: number, vignettes: number, replicates: number, resamples: number) {
  const scores = simulateDesignScores({ spec: model, design: { kind: 'one-at-a-time' }, axes: AXES, vignettes, replicates, seed });
  const references = scores.filter((s) => s.kind === 'reference');
  const controls: ScoreRecord[] = references.flatMap((ref) =>
    [1, 2].map((i) => {
      const variantId = `${ref.vignetteId}~paraphrase-${i}`;
      const wrong = simulatedDecision(model, seed, { vignetteId: ref.vignetteId, variantId, domain: 'any', attributes: ref.attributes }, ref.replicate).wrong;
      const paraphrase = i === 1 && Number(ref.vignetteId.slice(1)) % 2 === 0 ? 'authored' : 'added-sentence';
      return { ...ref, key: `${variantId}|${ref.replicate}`, variantId, kind: 'paraphrase' as const, paraphrase, outcome: wrong ? ('incorrect' as const) : ('correct' as const) };
    }),
  );
  const all = [...scores, ...controls];
  return analyzeFlips(pairContrasts(all, AXES), all, ['sim'], { seed, bootstrapResamples: resamples }).flips[0]!;
}

const started = Date.now();
console.log(`Paired excess of the flip rate over the paraphrase floor: coverage of the 95% percentile cluster bootstrap (${STUDIES} studies per cell, 1000 resamples)`);
for (const multiplier of [1, 2]) {
  const truth = multiplier === 1 ? 0 : excessOf(spec(multiplier), deriveSeed(3, 'truth'), 20_000, 1, 1).excess!;
  console.log(`\nbias ×${multiplier} on the level (true excess ${(100 * truth).toFixed(2)} points)`);
  for (const replicates of [1, 2]) {
    const cells = SIZES.map((vignettes) => {
      let covered = 0;
      let counted = 0;
      for (let k = 0; k < STUDIES; k++) {
        const f = excessOf(spec(multiplier), deriveSeed(3, 'coverage', String(multiplier), String(replicates), String(vignettes), String(k)), vignettes, replicates, 1000);
        if (!f.excessCi) continue;
        counted++;
        if (f.excessCi[0] <= truth && truth <= f.excessCi[1]) covered++;
      }
      return `${vignettes} vignettes: ${((100 * covered) / counted).toFixed(1)}% (${counted} with an interval)`;
    });
    console.log(`  ${replicates} replicate(s): ${cells.join(' · ')}`);
  }
}
console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
