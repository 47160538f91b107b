/**
 * Size and power of the equivalence gate (`counterfair gate --mode equivalence`, TOST on the 90% interval of the
 * error-rate difference, margin 5 points). Pairs are drawn with P(level only) = q + Δ, P(reference only) = q:
 *  1. at the margin (Δ = 5 points) a pass is a false pass: its rate is the TOST's size (target ≤ 5%);
 *  2. at no difference (Δ = 0) the pass rate is the gate's power: how big a study must be to pass at all.
 * One pair per vignette uses Newcombe's interval, several (replicates, drawn independently here) the cluster
 * bootstrap, as the analysis does. Run: npm run bench:equivalence
 */
import { binaryContrast, countPairs, type BinaryPair } from '../src/analysis/binary.js';
import { createRng } from '../src/stats/rng.js';
import { deriveSeed } from '../src/util/hash.js';

const MARGIN = 0.05;
const BACKGROUND = 0.05;
const SIMULATIONS = 1000;

function passRate(vignettes: number, replicates: number, delta: number): number {
  let passes = 0;
  for (let s = 0; s < SIMULATIONS; s++) {
    const rng = createRng(deriveSeed(20261204, 'equivalence', String(vignettes), String(replicates), String(delta), String(s)));
    const pairs: BinaryPair[] = [];
    for (let v = 0; v < vignettes; v++) {
      for (let r = 0; r < replicates; r++) {
        const u = rng();
        const both = rng() < 0.15; // concordant pairs: both wrong or both right
        const levelOnly = u < BACKGROUND + delta;
        const referenceOnly = !levelOnly && u < 2 * BACKGROUND + delta;
        pairs.push({
          vignetteId: `v${String(v).padStart(5, '0')}`,
          reference: referenceOnly || (!levelOnly && both),
          level: levelOnly || (!referenceOnly && both),
        });
      }
    }
    const { differenceCi } = binaryContrast(countPairs(pairs), { seed: s, bootstrapResamples: 1000, confLevel: 1 - 2 * 0.05 });
    if (differenceCi && differenceCi[0] > -MARGIN && differenceCi[1] < MARGIN) passes++;
  }
  return passes / SIMULATIONS;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const [vignettes, replicates] of [
  [110, 1],
  [400, 1],
  [60, 3],
  [110, 3],
] as const) {
  const size = passRate(vignettes, replicates, MARGIN);
  const power = passRate(vignettes, replicates, 0);
  console.log(
    `bench:equivalence  ${vignettes} vignettes x ${replicates}: false passes at the 5-point margin ${pct(size)} (target <= 5%), passes at no difference ${pct(power)}`,
  );
}
