import { describe, expect, it } from 'vitest';
import { checkEndpoints } from '../../src/run/preflight.js';
import type { ModelSpec } from '../../src/study/types.js';
import { fixturePlan } from './fixture.js';

describe('endpoint checks of a provider added through the registry', () => {
  it('are reported as not checked, not as a simulated model and not as a failure', async () => {
    const { variants, questions } = fixturePlan();
    const variant = variants[0]!;
    const lookup = {
      kind: 'lookup',
      id: 'table',
      params: {},
      systemPrompt: '',
      concurrency: 1,
      timeoutMs: 1000,
      maxRetries: 0,
    } as unknown as ModelSpec;
    const [check] = await checkEndpoints({ models: [lookup], seed: 1 }, variant, questions.get(variant.vignetteId)!, {
      env: {},
      clock: () => 0,
    });
    expect(check).toEqual({ modelId: 'table', target: 'provider lookup', status: 'not-checked' });
  });
});
