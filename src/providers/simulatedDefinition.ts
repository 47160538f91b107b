import { createSimulatedJudge } from '../score/judge/simulatedJudge.js';
import { readSimulatedModel, SIMULATED_FIELDS } from '../study/simulatedModel.js';
import type { ProviderDefinition } from './definition.js';
import { createSimulatedProvider, simulatedIdentity } from './simulated.js';
import type { SimulatedSpec } from './simulatedDecision.js';

/**
 * `provider: simulated`: the built-in model with planted biases, no key and no network. As a judge it is the
 * simulated judge (the simulated model answers vignettes, not judge prompts).
 */
export const simulatedProviderDefinition: ProviderDefinition<SimulatedSpec> = {
  kind: 'simulated',
  fields: SIMULATED_FIELDS,
  readSpec: readSimulatedModel,
  create: (spec, { studySeed, questionTypes }) => createSimulatedProvider(spec, studySeed, questionTypes),
  identity: (spec, { studySeed }) => simulatedIdentity(spec, studySeed),
  judge: {
    // A simulated judge's verdicts are draws from the study seed, so the seed is part of what decides them.
    fingerprint: (spec, studySeed) => ({
      kind: spec.kind,
      seed: studySeed,
      accuracy: spec.accuracy,
      unparseableRate: spec.unparseableRate,
      params: spec.params,
    }),
    create: (spec, { studySeed }) => createSimulatedJudge(spec, studySeed),
  },
};
