import { describe, expect, it } from 'vitest';
import type { Variant } from '../../src/expand/types.js';
import type { ResponseRecord } from '../../src/run/types.js';
import { scoreResponse } from '../../src/score/score.js';
import type { Question } from '../../src/template/types.js';

// Only the fields scoreResponse reads; the rest of a variant and a response does not change how an answer is read.
const variant = (user: string): Variant =>
  ({
    vignetteId: 'v',
    variantId: 'v~ref',
    kind: 'reference',
    domain: 'd',
    perspective: 'clinician',
    questionType: 'numeric',
    attributes: {},
    pinned: {},
    messages: [
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: user },
    ],
    cueSpans: [],
  }) as unknown as Variant;
const response = (text: string): ResponseRecord =>
  ({ key: 'k', modelId: 'm', vignetteId: 'v', variantId: 'v~ref', replicate: 0, text, error: null }) as unknown as ResponseRecord;
const question: Question = {
  type: 'numeric',
  stem: 'What enoxaparin dose do you give?',
  unit: 'mg',
  tolerance: 0,
  intensity: 'ascending',
  answer: 82,
};

describe('scoreResponse with the vignette weight', () => {
  it('reads a per-kg answer with the one weight the rendered vignette states', () => {
    expect(
      scoreResponse(response('1 mg/kg every 12 hours.'), variant('A 60-year-old man weighing 82 kg has a DVT.'), question),
    ).toMatchObject({ outcome: 'correct', extracted: 82 });
  });

  it('leaves a per-kg answer unparseable when the vignette states no weight or two', () => {
    expect(scoreResponse(response('1 mg/kg every 12 hours.'), variant('A 60-year-old man has a DVT.'), question)).toMatchObject({
      outcome: 'unparseable',
    });
    expect(scoreResponse(response('1 mg/kg every 12 hours.'), variant('He fell from 90 kg to 82 kg.'), question)).toMatchObject({
      outcome: 'unparseable',
    });
  });
});
