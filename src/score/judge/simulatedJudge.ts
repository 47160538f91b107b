import type { SimulatedModelSpec } from '../../study/types.js';
import type { Provider, ProviderRequest, ProviderResponse } from '../../providers/types.js';
import { hashUniform, sha256Hex, stableStringify } from '../../util/hash.js';
import { promptSection } from './prompt.js';

type SimulatedSpec = SimulatedModelSpec;

/**
 * A judge that needs no key and no network. Like a real judge it reads only its prompt: an answer is adequate when
 * it restates the rubric (as the simulated model's correct free-text answers do), and two answers are the same when
 * their texts match. It errs with probability 1 − accuracy (per domain, as for the simulated model), is less confident
 * when it errs, and, with
 * probability `unparseable_rate`, answers in prose with no verdict. Every draw is a hash of the seed and the prompt,
 * so a verdict never depends on the order of requests.
 */
export function createSimulatedJudge(spec: SimulatedSpec, studySeed: number): Provider {
  return {
    identity: `simulated-judge:${stableStringify({ seed: studySeed, accuracy: spec.accuracy, unparseableRate: spec.unparseableRate })}`,
    // It judges for free and instantly: caching it would only fill the disk.
    uncached: true,
    async complete(request: ProviderRequest): Promise<ProviderResponse> {
      const promptId = sha256Hex(stableStringify(request.messages));
      const draw = (purpose: string) => hashUniform(studySeed, spec.id, purpose, promptId);
      const reply = (text: string): ProviderResponse => ({
        text,
        error: null,
        finishReason: 'stop',
        usage: { promptTokens: 0, completionTokens: 0 },
        servedModel: `simulated/${spec.id}`,
      });
      if (draw('format') < spec.unparseableRate) return reply('I would need to see more of the record before I could grade this.');
      const [verdict, otherwise] = truth(request);
      const accuracy = spec.accuracy.byDomain[request.subject.variant.domain] ?? spec.accuracy.default;
      const right = draw('error') < accuracy;
      // Like a calibrated judge, it is less sure when it is wrong: wrong verdicts mostly fall below the review threshold.
      const confidence = Math.round((right ? 0.6 + 0.4 * draw('confidence') : 0.4 + 0.4 * draw('confidence')) * 100) / 100;
      const stated = right ? verdict : otherwise;
      return reply(JSON.stringify({ verdict: stated, confidence, reason: REASONS[stated] }));
    },
  };
}

const REASONS: Record<string, string> = {
  adequate: 'The answer meets the rubric.',
  inadequate: 'The answer misses what the rubric requires.',
  same: 'The answers recommend the same care.',
  different: 'The answers recommend different care.',
};

/** The right verdict for the prompt, and the wrong one. */
function truth(request: ProviderRequest): [string, string] {
  const answerA = promptSection(request.messages, 'answer_a');
  if (answerA !== undefined) {
    const same = comparable(answerA) === comparable(promptSection(request.messages, 'answer_b') ?? '');
    return same ? ['same', 'different'] : ['different', 'same'];
  }
  const adequate = comparable(promptSection(request.messages, 'answer') ?? '').includes(
    comparable(promptSection(request.messages, 'rubric') ?? '\u0000'),
  );
  return adequate ? ['adequate', 'inadequate'] : ['inadequate', 'adequate'];
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
