import type { ParaphraseSource } from '../../src/expand/paraphrase.js';
import { simulatedDecision, type SimulatedSpec } from '../../src/providers/simulatedDecision.js';
import type { Outcome, ScoreRecord } from '../../src/score/types.js';
import type { Axis } from '../../src/demographics/types.js';
import type { InjectedBias } from '../../src/study/types.js';

/** An axis with a sentence cue and `levels[0]` as its reference, for analysis tests that need no rendering. */
export function sentenceAxis(id: string, levels: string[]): Axis {
  return { id, label: id, slot: 'sentence', reference: levels[0]!, file: `${id}.yaml`, levels: levels.map((l) => ({ id: l, label: l })) };
}

/** The simulated model `truth` (accuracy 0.8, instability 0.3, always parseable) with the planted `biases`. */
export function truthSpec(biases: InjectedBias[]): SimulatedSpec {
  return {
    kind: 'simulated',
    id: 'truth',
    accuracy: { default: 0.8, byDomain: {} },
    biases,
    unparseableRate: 0,
    instability: 0.3,
    params: {},
    systemPrompt: '',
    concurrency: 1,
    timeoutMs: 1,
    maxRetries: 0,
  } as SimulatedSpec;
}

/** A score with sensible defaults for analysis tests. */
export function score(partial: Partial<ScoreRecord> & { vignetteId: string; outcome: Outcome }): ScoreRecord {
  const attributes = partial.attributes ?? { race: 'white', insurance: 'private' };
  const kind =
    partial.kind ??
    (Object.entries(attributes).every(([k, v]) => (k === 'race' ? v === 'white' : v === 'private')) ? 'reference' : 'demographic');
  return {
    key: `${partial.modelId ?? 'm'}|${partial.vignetteId}|${JSON.stringify(attributes)}|${partial.replicate ?? 0}|${kind}`,
    modelId: 'm',
    variantId: `${partial.vignetteId}~${kind}`,
    replicate: 0,
    domain: 'triage',
    perspective: 'clinician',
    questionType: 'choice',
    attributes,
    kind,
    pinned: {},
    extracted: partial.outcome === 'correct' ? 'A' : partial.outcome === 'incorrect' ? 'B' : null,
    signedDeviation: null,
    hedge: false,
    extractor: 'test',
    extractorVersion: 1,
    explanation: '',
    ...partial,
  };
}

/**
 * The control scores a study with `paraphrases` paraphrase controls (the first `authored(vignette)` of them
 * authored rewordings, the rest added-sentence copies) and a no-demographics variant would add to
 * `simulateDesignScores`'s, answered by the same simulated model (`simulatedDecision`). `removedAttributes` are the
 * attributes the simulated model sees for the no-demographics variant: none, unless a test plants a bias on it.
 */
export function simulatedControlScores(input: {
  spec: SimulatedSpec;
  vignetteIds: readonly string[];
  replicates: number;
  seed: number;
  paraphrases: number;
  authored: (vignetteId: string) => number;
  removedAttributes?: Record<string, string>;
}): ScoreRecord[] {
  const out: ScoreRecord[] = [];
  for (const vignetteId of input.vignetteIds) {
    const controls: {
      variantId: string;
      kind: 'paraphrase' | 'no-demographics';
      attributes: Record<string, string>;
      paraphrase?: ParaphraseSource;
    }[] = [{ variantId: `${vignetteId}~none`, kind: 'no-demographics', attributes: input.removedAttributes ?? {} }];
    for (let i = 1; i <= input.paraphrases; i++)
      controls.push({
        variantId: `${vignetteId}~paraphrase-${i}`,
        kind: 'paraphrase',
        attributes: {},
        paraphrase: i <= input.authored(vignetteId) ? 'authored' : 'added-sentence',
      });
    for (const c of controls) {
      for (let r = 0; r < input.replicates; r++) {
        const decision = simulatedDecision(
          input.spec,
          input.seed,
          { vignetteId, variantId: c.variantId, domain: 'any', attributes: c.attributes, questionType: 'choice' },
          r,
        );
        const outcome = decision.unparseable ? 'unparseable' : decision.wrong ? 'incorrect' : 'correct';
        out.push(
          score({
            modelId: input.spec.id,
            vignetteId,
            variantId: c.variantId,
            replicate: r,
            domain: 'any',
            kind: c.kind,
            ...(c.kind === 'no-demographics' ? { attributes: {} } : {}),
            outcome,
            extracted: null,
            key: `${input.spec.id}|${c.variantId}|${r}`,
            ...(c.paraphrase ? { paraphrase: c.paraphrase } : {}),
          }),
        );
      }
    }
  }
  return out;
}
