import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBatchProvider } from '../../src/providers/batch.js';
import type { OpenAISpec } from '../../src/providers/openai.js';
import { planRequests } from '../../src/run/plan.js';
import { runModels } from '../../src/run/runner.js';
import { ResponseJournal } from '../../src/run/store.js';
import type { ResponseRecord } from '../../src/run/types.js';
import { fastContext } from '../helpers/fastTime.js';
import { startFakeBatchAPI, type BatchBehaviour, type FakeBatchAPI } from '../helpers/fakeBatchAPI.js';
import { fixturePlan, openaiSpec, scratchDir } from './fixture.js';

const SECRET = 'sk-test-batch-0123456789-never-log-me';
const SPEED = 1000;

describe('batch provider mode (files, batches, polling, download) against a local Batch API', () => {
  const { variants, questions } = fixturePlan();
  let api: FakeBatchAPI | undefined;
  afterEach(() => api?.close());

  /** One run of the batch model into `runDir`; returns the journal's lines. */
  async function run(
    runDir: string,
    spec: OpenAISpec,
    options: { maxRequests?: number; signal?: AbortSignal } = {},
  ): Promise<ResponseRecord[]> {
    mkdirSync(runDir, { recursive: true });
    const journal = ResponseJournal.open(join(runDir, 'responses.jsonl'));
    try {
      const provider = createBatchProvider(spec, SECRET, { pollMs: 30_000, maxRequests: options.maxRequests });
      await runModels([{ spec, provider }], variants, questions, 1, { journal, ctx: fastContext(SPEED, { signal: options.signal }) });
    } finally {
      await journal.close();
    }
    const text = readFileSync(join(runDir, 'responses.jsonl'), 'utf8').trim();
    return text ? text.split('\n').map((l) => JSON.parse(l) as ResponseRecord) : [];
  }

  const keysOf = (spec: OpenAISpec) =>
    [...planRequests({ spec, identity: createBatchProvider(spec, SECRET).identity }, variants, 1)].map((r) => r.key);

  it('submits the requests in batches, follows them and records answers and per-line failures', async () => {
    let n = 0;
    api = await startFakeBatchAPI({ answer: () => (++n % 5 === 0 ? { status: 500 } : 'Answer: B'), pollsBeforeDone: 2 });
    const spec = openaiSpec(api.baseUrl, { batch: true });
    const records = await run(scratchDir('batch'), spec, { maxRequests: 5 });

    const keys = keysOf(spec);
    expect(api.batches).toHaveLength(Math.ceil(keys.length / 5));
    const submitted = api.batches.flatMap((b) =>
      api!.uploads
        .get(b.input_file_id)!
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { custom_id: string; method: string; url: string; body: { model: string } }),
    );
    expect(submitted.map((l) => l.custom_id)).toEqual(keys);
    expect(submitted.every((l) => l.method === 'POST' && l.url === '/v1/chat/completions' && l.body.model === 'test-model')).toBe(true);

    expect(records.map((r) => r.key).sort()).toEqual([...keys].sort());
    const failed = records.filter((r) => r.error !== null);
    expect(failed).toHaveLength(Math.floor(keys.length / 5));
    expect(
      failed.every(
        (r) => r.error!.kind === 'server' && r.error!.status === 500 && r.error!.message.includes('simulated 500') && r.attempts === 1,
      ),
    ).toBe(true);
    expect(records.filter((r) => r.error === null).every((r) => r.text === 'Answer: B' && r.latencyMs === 90_000)).toBe(true);
    expect([...api.authorizations]).toEqual([`Bearer ${SECRET}`]);
  });

  it('after an interrupt, follows the batch already submitted instead of paying for it twice', async () => {
    const behaviour: BatchBehaviour = { answer: () => 'Answer: A', pollsBeforeDone: 1_000_000 };
    api = await startFakeBatchAPI(behaviour);
    const spec = openaiSpec(api.baseUrl, { batch: true });
    const runDir = scratchDir('batch-resume');
    const controller = new AbortController();
    const interrupted = run(runDir, spec, { signal: controller.signal });
    await expect.poll(() => api!.batches[0]?.polls ?? 0).toBeGreaterThanOrEqual(2);
    controller.abort();
    expect(await interrupted).toEqual([]);
    expect(readFileSync(join(runDir, 'batches.jsonl'), 'utf8')).toContain('"event":"submitted"');

    behaviour.pollsBeforeDone = 0;
    const records = await run(runDir, spec);
    expect(api.batches).toHaveLength(1);
    expect(records).toHaveLength(keysOf(spec).length);
    expect(records.every((r) => r.text === 'Answer: A')).toBe(true);
    expect(readFileSync(join(runDir, 'batches.jsonl'), 'utf8')).toContain('"event":"collected"');

    const again = await run(runDir, spec); // everything answered: nothing submitted
    expect(api.batches).toHaveLength(1);
    expect(again).toHaveLength(records.length);
  });

  it('finds the batch a lost answer created instead of creating another', async () => {
    const behaviour: BatchBehaviour = { answer: () => 'Answer: B', loseCreateAnswers: true };
    api = await startFakeBatchAPI(behaviour);
    const spec = { ...openaiSpec(api.baseUrl, { batch: true }), maxRetries: 2 };
    const records = await run(scratchDir('batch-lost-answer'), spec);
    expect(api.batches).toHaveLength(1); // the retry asked first, and found it
    expect(api.uploads.size).toBe(2); // the requests, then the answers
    expect(records).toHaveLength(keysOf(spec).length);
    expect(records.every((r) => r.text === 'Answer: B')).toBe(true);
  });

  it('settles a submission it could not confirm in the next run, paying for it once', async () => {
    const behaviour: BatchBehaviour = { answer: () => 'Answer: C', loseCreateAnswers: true, listFails: true };
    api = await startFakeBatchAPI(behaviour);
    const spec = { ...openaiSpec(api.baseUrl, { batch: true }), maxRetries: 0 };
    const runDir = scratchDir('batch-unconfirmed');
    expect(await run(runDir, spec)).toEqual([]); // created, but nobody can say so: nothing recorded, nothing resent
    expect(api.batches).toHaveLength(1);
    expect(readFileSync(join(runDir, 'batches.jsonl'), 'utf8')).toContain('"event":"submitting"');

    behaviour.listFails = false;
    behaviour.loseCreateAnswers = false;
    const records = await run(runDir, spec);
    expect(api.batches).toHaveLength(1);
    expect(records).toHaveLength(keysOf(spec).length);
    expect(records.every((r) => r.text === 'Answer: C')).toBe(true);
  });

  it('frees the requests of a submission the provider never created', async () => {
    api = await startFakeBatchAPI({ answer: () => 'Answer: A' });
    const spec = openaiSpec(api.baseUrl, { batch: true });
    const runDir = scratchDir('batch-never-created');
    mkdirSync(runDir, { recursive: true });
    const keys = keysOf(spec);
    // A run killed after writing its intent, before the provider heard of the batch.
    writeFileSync(
      join(runDir, 'batches.jsonl'),
      `${JSON.stringify({ event: 'submitting', modelId: spec.id, tag: 'never-created', requests: keys.map((key, i) => [key, i]) })}\n`,
    );
    const records = await run(runDir, spec);
    expect(api.batches).toHaveLength(1);
    expect(records.map((r) => r.key).sort()).toEqual([...keys].sort());
    expect(readFileSync(join(runDir, 'batches.jsonl'), 'utf8')).toContain('"event":"not-created"');
  });

  it('records every request of a batch that expired as failed, with the reason', async () => {
    api = await startFakeBatchAPI({ answer: () => 'Answer: A', endAs: 'expired' });
    const spec = openaiSpec(api.baseUrl, { batch: true });
    const runDir = scratchDir('batch-expired');
    const records = await run(runDir, spec);
    expect(records).toHaveLength(keysOf(spec).length);
    expect(
      records.every(
        (r) => r.error?.kind === 'server' && r.error.message === 'batch batch-1 ended "expired" without an answer to this request',
      ),
    ).toBe(true);
    expect(existsSync(join(runDir, 'batches.jsonl'))).toBe(true);
  });
});
