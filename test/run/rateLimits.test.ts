import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import { ResponseCache } from '../../src/run/cache.js';
import { runModels } from '../../src/run/runner.js';
import { ResponseJournal } from '../../src/run/store.js';
import { fastContext } from '../helpers/fastTime.js';
import { startFaultyOpenAI, type Fault, type FaultyServer } from '../helpers/faultyOpenAI.js';
import { fixturePlan, openaiSpec, scratchDir } from './fixture.js';

describe('rate limits and retries at high concurrency', () => {
  const { variants, questions } = fixturePlan();
  let server: FaultyServer | undefined;
  afterAll(() => server?.close());

  it('many requests waiting to retry at once raise no listener warning, and no 429 is retried before its Retry-After', async () => {
    const ctx = fastContext(100, { seed: 7 });
    // Every prompt: a 429 asking for 30 s (0.3 s of real time, so every request waits at once), then a 500, then an answer.
    const script = (_prompt: string, attempt: number): Fault =>
      attempt === 1
        ? { kind: 'status', status: 429, headers: { 'retry-after': '30' } }
        : attempt === 2
          ? { kind: 'status', status: 500 }
          : { kind: 'answer' };
    server = await startFaultyOpenAI(script, () => 'Answer: A', ctx.clock);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    const dir = scratchDir('rate-limits');
    mkdirSync(join(dir, 'run'));
    const journal = ResponseJournal.open(join(dir, 'run', 'responses.jsonl'));
    const cache = new ResponseCache(join(dir, 'cache'));
    const spec = openaiSpec(server.baseUrl, { concurrency: 16, maxRetries: 3 });
    try {
      await runModels([{ spec, provider: createOpenAIProvider(spec, 'sk-test') }], variants, questions, 1, { journal, cache, ctx });
    } finally {
      await cache.close();
      await journal.close();
      process.off('warning', onWarning);
    }
    expect(variants.length).toBeGreaterThan(11);
    expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([]);
    const byPrompt = new Map<string, FaultyServer['attempts']>();
    for (const a of server.attempts) byPrompt.set(a.prompt, [...(byPrompt.get(a.prompt) ?? []), a]);
    for (const [prompt, attempts] of byPrompt) {
      expect({ prompt, faults: attempts.map((a) => a.fault) }).toEqual({ prompt, faults: ['status', 'status', 'answer'] });
      const gap = attempts[1]!.at - attempts[0]!.at;
      // Never sooner than asked (backoffDelay's test pins that the wait is exactly what was asked; a slot may add more).
      expect({ prompt, waited: gap >= 30_000 }).toEqual({ prompt, waited: true });
    }
  });
});
