import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import type { ResponseErrorKind } from '../../src/providers/types.js';
import { ResponseCache } from '../../src/run/cache.js';
import { planRequests } from '../../src/run/plan.js';
import { runModels } from '../../src/run/runner.js';
import { ResponseJournal } from '../../src/run/store.js';
import type { ResponseRecord } from '../../src/run/types.js';
import { fastContext } from '../helpers/fastTime.js';
import { startFaultyOpenAI, type Fault, type FaultyServer } from '../helpers/faultyOpenAI.js';
import { fixturePlan, openaiSpec, scratchDir } from './fixture.js';

const SECRET = 'sk-test-faulty-0123456789-never-log-me';
/** Virtual milliseconds per real one: the 60 s deadline and the capped 60 s Retry-After take 600 ms. */
const SPEED = 100;
const MAX_RETRIES = 3;

interface Scenario {
  name: string;
  /** What the server does on attempt n (1-based). */
  script: (attempt: number) => Fault;
  outcome: ResponseErrorKind | 'answered';
  attempts: number;
  /** Virtual ms the client must have waited before its second attempt. */
  minGapMs?: number;
}

const answer: Fault = { kind: 'answer' };
const then = (first: Fault[], after: Fault) => (attempt: number) => first[attempt - 1] ?? after;
const SCENARIOS: Scenario[] = [
  { name: 'answers at once', script: () => answer, outcome: 'answered', attempts: 1 },
  {
    name: '429 with Retry-After seconds',
    script: then([{ kind: 'status', status: 429, headers: { 'retry-after': '2' } }], answer),
    outcome: 'answered',
    attempts: 2,
    minGapMs: 2000,
  },
  {
    name: '429 with retry-after-ms',
    script: then([{ kind: 'status', status: 429, headers: { 'retry-after-ms': '1500' } }], answer),
    outcome: 'answered',
    attempts: 2,
    minGapMs: 1500,
  },
  {
    name: '429 asking for an hour (capped)',
    script: then([{ kind: 'status', status: 429, headers: { 'retry-after': '3600' } }], answer),
    outcome: 'answered',
    attempts: 2,
    minGapMs: 60_000,
  },
  {
    name: '500 then 503',
    script: then(
      [
        { kind: 'status', status: 500 },
        { kind: 'status', status: 503 },
      ],
      answer,
    ),
    outcome: 'answered',
    attempts: 3,
  },
  { name: 'hangs past the deadline once', script: then([{ kind: 'hang' }], answer), outcome: 'answered', attempts: 2 },
  { name: 'truncated JSON once', script: then([{ kind: 'truncated' }], answer), outcome: 'answered', attempts: 2 },
  { name: 'empty choices once', script: then([{ kind: 'empty-choices' }], answer), outcome: 'answered', attempts: 2 },
  { name: 'no message content once', script: then([{ kind: 'no-content' }], answer), outcome: 'answered', attempts: 2 },
  { name: 'always 500', script: () => ({ kind: 'status', status: 500 }), outcome: 'server', attempts: MAX_RETRIES + 1 },
  { name: 'always hangs', script: () => ({ kind: 'hang' }), outcome: 'timeout', attempts: MAX_RETRIES + 1 },
  { name: '400 is not retried', script: () => ({ kind: 'status', status: 400 }), outcome: 'bad-request', attempts: 1 },
  { name: '401 is not retried', script: () => ({ kind: 'status', status: 401 }), outcome: 'auth', attempts: 1 },
];

describe('runner against a faulty OpenAI-compatible server', () => {
  const { variants, questions } = fixturePlan();
  const ctx = fastContext(SPEED, { seed: 42 });
  const scenarioOf = new Map<string, Scenario>();
  let server: FaultyServer;
  const dir = scratchDir('faults');
  const spec = () => openaiSpec(server.baseUrl, { maxRetries: MAX_RETRIES, timeoutMs: 60_000 });
  const plan = () => [...planRequests({ spec: spec(), identity: createOpenAIProvider(spec(), SECRET).identity }, variants, 1)];
  const promptOf = (r: { messages: { content: string }[] }) => r.messages.at(-1)!.content;
  const run = async (runDir: string) => {
    mkdirSync(runDir, { recursive: true });
    const journal = ResponseJournal.open(join(runDir, 'responses.jsonl'));
    const cache = new ResponseCache(join(dir, 'cache'));
    try {
      await runModels([{ spec: spec(), provider: createOpenAIProvider(spec(), SECRET) }], variants, questions, 1, { journal, cache, ctx });
    } finally {
      await cache.close();
      await journal.close();
    }
    return readFileSync(join(runDir, 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ResponseRecord);
  };

  beforeAll(async () => {
    server = await startFaultyOpenAI(
      (prompt, attempt) => scenarioOf.get(prompt)!.script(attempt),
      (prompt) => `Answer: ${prompt.length % 2 ? 'A' : 'B'}`,
      ctx.clock,
    );
    plan().forEach((request, i) => scenarioOf.set(promptOf(request), SCENARIOS[i % SCENARIOS.length]!));
    expect(scenarioOf.size).toBeGreaterThanOrEqual(SCENARIOS.length);
  });
  afterAll(() => server.close());

  it('ends every request exactly once, answered or failed with its reason, and asks no answer twice', async () => {
    const records = await run(join(dir, 'run'));
    const requests = plan();
    expect(records).toHaveLength(requests.length);
    expect(new Set(records.map((r) => r.key)).size).toBe(requests.length);

    for (const request of requests) {
      const prompt = promptOf(request);
      const scenario = scenarioOf.get(prompt)!;
      const record = records.find((r) => r.key === request.key)!;
      const seen = server.attempts.filter((a) => a.prompt === prompt);
      const label = `${scenario.name}: ${request.variantId}`;
      expect({ label, outcome: record.error?.kind ?? 'answered', attempts: record.attempts }).toEqual({
        label,
        outcome: scenario.outcome,
        attempts: scenario.attempts,
      });
      expect({ label, sent: seen.length }).toEqual({ label, sent: scenario.attempts }); // every attempt counted
      expect({ label, answers: seen.filter((a) => a.fault === 'answer').length }).toEqual({
        label,
        answers: scenario.outcome === 'answered' ? 1 : 0,
      });
      if (scenario.outcome === 'answered') expect(record.text).toBe(`Answer: ${prompt.length % 2 ? 'A' : 'B'}`);
      else expect(record.error!.message.length).toBeGreaterThan(0);
      if (scenario.minGapMs) {
        const gap = seen[1]!.at - seen[0]!.at;
        expect({ label, waited: gap >= scenario.minGapMs, capped: gap < 3_600_000 }).toEqual({ label, waited: true, capped: true });
      }
    }
    expect(server.attempts.every((a) => a.authorization === `Bearer ${SECRET}`)).toBe(true);
    for (const text of [
      readFileSync(join(dir, 'run', 'responses.jsonl'), 'utf8'),
      ...ctx.lines,
      ...readdirSync(join(dir, 'cache', 'responses')).map((f) => readFileSync(join(dir, 'cache', 'responses', f), 'utf8')),
    ]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it('re-running sends only the failed requests again; a new run directory gets the answers from the cache', async () => {
    const failedPrompts = new Set([...scenarioOf].filter(([, s]) => s.outcome !== 'answered').map(([prompt]) => prompt));
    const before = server.attempts.length;
    const records = await run(join(dir, 'run'));
    const resent = server.attempts.slice(before);
    expect(resent.length).toBeGreaterThan(0);
    expect(resent.every((a) => failedPrompts.has(a.prompt))).toBe(true);
    expect(records.length).toBe(plan().length + failedPrompts.size); // one more line per failed request, none for answered ones

    const beforeFresh = server.attempts.length;
    const fresh = await run(join(dir, 'fresh-run'));
    expect(server.attempts.slice(beforeFresh).every((a) => failedPrompts.has(a.prompt))).toBe(true);
    expect(fresh.filter((r) => r.error === null)).toHaveLength(plan().length - failedPrompts.size);
  });
});
