import { BatchApiError, batchOutcome, parseBatchOutputLine, type BatchEngine } from '../providers/batch.js';
import { failure } from '../providers/openai.js';
import type { ModelSpec } from '../study/types.js';
import type { BatchLedger } from './batchLedger.js';
import { sleep, type RunContext } from './context.js';
import { sha256Hex } from '../util/hash.js';
import { planRequests, requestAt, type PlanModel, type PlannedRequest, type VariantSource } from './plan.js';
import { batchPrice, type ProgressMeter } from './progress.js';
import type { Recorder } from './recorder.js';
import { backoffDelay, DEFAULT_RETRY, isRetryable, type RetryPolicy } from './retry.js';

export interface BatchRunOptions {
  spec: ModelSpec;
  identity: string;
  engine: BatchEngine;
  variants: VariantSource;
  replicates: number;
  recorder: Recorder;
  ledger: BatchLedger;
  meter: ProgressMeter;
  ctx: RunContext;
}

/**
 * Answers one model's requests through the provider's Batch API: first follows any batch an earlier run
 * submitted (never paying twice), then submits what is still unanswered in chunks and follows every batch
 * to its end, recording each answer (or the reason there is none) as for online requests.
 */
export async function runBatch(options: BatchRunOptions): Promise<void> {
  const { spec, engine, recorder, ledger, meter, ctx } = options;
  const retry: RetryPolicy = { ...DEFAULT_RETRY, maxRetries: spec.maxRetries };
  await confirmSubmissions(options);
  const pending = ledger.pending(spec.id);
  const follows: Promise<void>[] = pending.map((b) => follow(options, retry, b.batchId, b.requests));
  // Requests an earlier run already submitted are answered by following its batches, not by a new one; those
  // of a submission nobody can yet say was created wait for a run that can.
  const submittedBefore = new Set([...pending, ...ledger.unconfirmed(spec.id)].flatMap((b) => b.requests.map(([key]) => key)));

  let requests: [string, number][] = [];
  let lines: string[] = [];
  const submit = async () => {
    const chunk = { requests, lines };
    requests = [];
    lines = [];
    const tag = submissionTag(chunk.requests);
    ledger.submitting(spec.id, tag, chunk.requests);
    let attempts = 0;
    // A retry first asks whether the failed attempt created the batch after all (its answer lost on the way).
    const create = async () => {
      const existing = ++attempts > 1 ? await whetherCreated(engine, tag) : 'absent';
      return typeof existing === 'object' ? existing.batchId : engine.submit(chunk.lines, tag);
    };
    let batchId: string | undefined;
    try {
      batchId = await withRetries(create, retry, ctx);
    } catch (err) {
      if (!(err instanceof BatchApiError)) throw err;
      const existence = await whetherCreated(engine, tag);
      if (existence === 'unknown') {
        ctx.log(
          `counterfair: ${spec.id}: a batch of ${chunk.requests.length} requests failed (${err.message}) and the provider cannot say whether it was created; re-run with the same --out to settle it`,
        );
        return;
      }
      if (existence === 'absent') {
        ledger.notCreated(tag);
        // The provider refused the batch itself: every request in it fails with that reason, as data.
        for (const [, position] of chunk.requests)
          recorder.record(
            requestAt(planModel(options), options.variants, options.replicates, position)!,
            failure(err.error),
            1,
            0,
            batchPrice(spec.price),
          );
        return;
      }
      batchId = existence.batchId;
    }
    ledger.submitted(spec.id, batchId, chunk.requests, tag);
    for (let i = 0; i < chunk.requests.length; i++) meter.attempt();
    follows.push(follow(options, retry, batchId, chunk.requests));
  };
  let position = 0;
  for (const request of planRequests(planModel(options), options.variants, options.replicates)) {
    if (ctx.signal?.aborted) break;
    if (!submittedBefore.has(request.key) && !recorder.reuse(request)) {
      requests.push([request.key, position]);
      lines.push(engine.requestLine(request.key, request.messages));
      if (requests.length === engine.maxRequests) await submit();
    }
    position++;
  }
  if (requests.length > 0 && !ctx.signal?.aborted) await submit();
  await Promise.all(follows);
}

/**
 * Settles the batches an earlier run was creating when it stopped: one the provider has (found by its tag)
 * is followed like any submitted batch; one it does not have frees its requests for a new batch; while the
 * provider cannot be asked, its requests wait (never paid for twice) and the log says so.
 */
async function confirmSubmissions({ spec, engine, ledger, ctx }: BatchRunOptions): Promise<void> {
  for (const { tag, requests } of ledger.unconfirmed(spec.id)) {
    if (ctx.signal?.aborted) return;
    const existence = await whetherCreated(engine, tag);
    if (existence === 'unknown')
      ctx.log(
        `counterfair: ${spec.id}: cannot ask the provider whether an interrupted submission of ${requests.length} requests created a batch; they wait for a run that can`,
      );
    else if (existence === 'absent') ledger.notCreated(tag);
    else ledger.submitted(spec.id, existence.batchId, requests, tag);
  }
}

async function whetherCreated(engine: BatchEngine, tag: string): Promise<{ batchId: string } | 'absent' | 'unknown'> {
  try {
    const batchId = await engine.findTagged(tag);
    return batchId === undefined ? 'absent' : { batchId };
  } catch (err) {
    if (err instanceof BatchApiError) return 'unknown';
    throw err;
  }
}

/** Names a submission by the requests it covers: the same chunk gets the same tag in every run. */
function submissionTag(requests: readonly [string, number][]): string {
  return sha256Hex(requests.map(([key]) => key).join('\n')).slice(0, 32);
}

/** Polls a batch until it ends, then records an outcome for every request it covered. */
async function follow(options: BatchRunOptions, retry: RetryPolicy, batchId: string, requests: readonly [string, number][]): Promise<void> {
  const { spec, engine, recorder, ledger, ctx } = options;
  try {
    let state = await withRetries(() => engine.state(batchId), retry, ctx);
    while (!state.ended && !ctx.signal?.aborted) {
      await sleep(ctx, engine.pollMs, ctx.signal);
      if (!ctx.signal?.aborted) state = await withRetries(() => engine.state(batchId), retry, ctx);
    }
    if (ctx.signal?.aborted) return; // still in the ledger: the next run follows it
    // Requests the plan still has, by key; one the study no longer asks is left alone.
    const byKey = new Map<string, PlannedRequest>();
    for (const [key, position] of requests) {
      const request = requestAt(planModel(options), options.variants, options.replicates, position);
      if (request?.key === key) byKey.set(key, request);
    }
    for (const fileId of [state.outputFileId, state.errorFileId]) {
      if (!fileId) continue;
      for (const line of await withRetries(() => engine.fileLines(fileId), retry, ctx)) {
        const output = parseBatchOutputLine(line);
        const request = output && byKey.get(output.custom_id);
        if (!output || !request) continue;
        byKey.delete(output.custom_id);
        recorder.record(request, batchOutcome(output), 1, state.latencyMs, batchPrice(spec.price));
      }
    }
    const missing = failure({
      kind: 'server',
      message: `batch ${batchId} ended "${state.status}"${state.reason ? ` (${state.reason})` : ''} without an answer to this request`,
    });
    for (const request of byKey.values()) recorder.record(request, missing, 1, state.latencyMs, batchPrice(spec.price));
    ledger.collected(batchId, state.status);
  } catch (err) {
    if (!(err instanceof BatchApiError)) throw err;
    ctx.log(
      `counterfair: ${spec.id}: batch ${batchId} could not be followed (${err.message}); re-run with the same --out to pick it up again`,
    );
  }
}

function planModel(options: BatchRunOptions): PlanModel {
  return { spec: options.spec, identity: options.identity };
}

/** A Batch API call retried like a chat request: busy, broken or slow responses get backoff and another try. */
async function withRetries<T>(call: () => Promise<T>, retry: RetryPolicy, ctx: RunContext): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof BatchApiError) || !isRetryable(err.error) || attempt > retry.maxRetries || ctx.signal?.aborted) throw err;
      await sleep(ctx, backoffDelay(retry, attempt, err.error, ctx.rng), ctx.signal);
    }
  }
}
