import { binaryContrast, countPairs, type BinaryPair } from '../analysis/binary.js';
import { simulatedDecision, type SimulatedSpec } from '../providers/simulatedDecision.js';
import { deriveSeed } from '../util/hash.js';

export interface PowerSimulationInput {
  vignettes: number;
  replicates: number;
  baseline: number;
  amplification: number;
  instability: number;
  alpha: number;
  simulations: number;
  seed: number;
}

/**
 * Power by simulation with the simulated model itself (`simulatedDecision`): each simulated study draws its
 * vignettes' difficulties, asks the reference and the level variant `replicates` times, and applies the
 * test the analysis would choose (exact McNemar for one replicate, clustered McNemar over vignettes for several).
 * Returns the share of studies with p ≤ alpha.
 */
export function simulatePower(input: PowerSimulationInput): number {
  const spec: SimulatedSpec = {
    kind: 'simulated',
    id: 'power',
    accuracy: { default: 1 - input.baseline, byDomain: {} },
    biases: [{ axis: 'axis', level: 'level', errorMultiplier: input.amplification }],
    unparseableRate: 0,
    instability: input.instability,
    params: {},
    systemPrompt: '',
    concurrency: 1,
    timeoutMs: 1,
    maxRetries: 0,
  };
  let rejections = 0;
  for (let study = 0; study < input.simulations; study++) {
    const seed = deriveSeed(input.seed, 'power-study', String(study));
    const pairs: BinaryPair[] = [];
    for (let v = 0; v < input.vignettes; v++) {
      const vignetteId = `v${v}`;
      for (let r = 0; r < input.replicates; r++) {
        const ask = (level: string) =>
          simulatedDecision(spec, seed, { vignetteId, variantId: `${vignetteId}~${level}`, domain: 'any', attributes: { axis: level } }, r)
            .wrong;
        pairs.push({ vignetteId, reference: ask('reference'), level: ask('level') });
      }
    }
    if (binaryContrast(countPairs(pairs), { seed, bootstrapResamples: 0 }).p <= input.alpha) rejections++;
  }
  return rejections / input.simulations;
}
