import { createQuestionTypeRegistry, questionTypeDefinition, type QuestionTypeRegistry } from '../template/questions/registry.js';
import { stableStringify } from '../util/hash.js';
import { simulatedDecision, type SimulatedSpec } from './simulatedDecision.js';
import type { Provider, ProviderRequest, ProviderResponse } from './types.js';

/**
 * What the simulated model says when its answer is drawn unparseable, or when a question type defines no `simulate`:
 * a hedge that commits to nothing, which every question type reads as unparseable. (Asking for more information
 * defers, and is read as a refusal since extractor version 11.)
 */
const UNREADABLE = 'It depends on details that are not given here; more than one of these could be reasonable.';

/**
 * A built-in model that needs no key and no network; whether it errs is `simulatedDecision`, what it then says is the
 * question type's `simulate` (wrong ordinal and numeric answers err toward less care: under-triage, under-dosing,
 * the failure an equity audit looks for).
 */
export function createSimulatedProvider(
  spec: SimulatedSpec,
  studySeed: number,
  questionTypes: QuestionTypeRegistry = createQuestionTypeRegistry(),
): Provider {
  return {
    identity: simulatedIdentity(spec, studySeed),
    // It answers for free and instantly: caching it would only fill the disk.
    uncached: true,
    async complete(request: ProviderRequest): Promise<ProviderResponse> {
      const { variant, question } = request.subject;
      const { wrong, lessCare, rankShift, unparseable, pick } = simulatedDecision(spec, studySeed, variant, request.replicate);
      const simulate = questionTypeDefinition(questionTypes, question).simulate;
      const text = unparseable || !simulate ? UNREADABLE : simulate(question, { wrong, lessCare, rankShift, pick });
      return {
        text,
        error: null,
        finishReason: 'stop',
        usage: { promptTokens: 0, completionTokens: 0 },
        servedModel: `simulated/${spec.id}`,
      };
    },
  };
}

/**
 * Every input of `simulatedDecision`, including the model id and the seed its draws hash: two simulated models with
 * equal settings answer differently, so they must not share request keys (they did, and a run then gave the second
 * model the first one's answers).
 */
export function simulatedIdentity(spec: SimulatedSpec, studySeed: number): string {
  return `simulated:${stableStringify({ id: spec.id, seed: studySeed, accuracy: spec.accuracy, biases: spec.biases, unparseableRate: spec.unparseableRate, instability: spec.instability })}`;
}
