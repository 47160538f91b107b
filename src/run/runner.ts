import { dirname } from 'node:path';
import type { Provider } from '../providers/types.js';
import type { ModelSpec } from '../study/types.js';
import type { Question } from '../template/types.js';
import { BatchLedger } from './batchLedger.js';
import { runBatch } from './batchRun.js';
import type { ResponseCache } from './cache.js';
import type { RunContext } from './context.js';
import { runOnline } from './online.js';
import { planRequests, type PlannedRequest, type VariantSource } from './plan.js';
import { ProgressMeter, type ProgressSnapshot } from './progress.js';
import { ProgressDisplay, type ProgressSink } from './progressDisplay.js';
import { Recorder } from './recorder.js';
import type { ResponseJournal } from './store.js';
import type { ResponseRecord } from './types.js';
import { runFile } from '../pipeline/runDir.js';

export interface RunModel {
  spec: ModelSpec;
  provider: Provider;
}

export interface RunnerOptions {
  journal: ResponseJournal;
  /** The shared response cache, if enabled. */
  cache?: ResponseCache;
  ctx: RunContext;
  progress?: ProgressSink;
  /**
   * Each outcome as it is recorded in this run (an answer, a failed request, an answer copied from the cache; not one
   * an earlier run recorded), in the order of the journal: what scores answers while requests are still in flight.
   */
  onRecorded?: (record: ResponseRecord) => void;
}

/**
 * Asks every model every variant x replicate that has no answer yet, all models at once (each endpoint
 * has its own limits), one call per request or through the provider's batch engine, and returns the
 * final counts. Outcomes are in the journal as they arrive; an interrupted run stops sending and returns
 * with whatever was recorded.
 */
export async function runModels(
  models: readonly RunModel[],
  variants: VariantSource,
  questions: ReadonlyMap<string, Question>,
  replicates: number,
  options: RunnerOptions,
): Promise<ProgressSnapshot> {
  const { ctx } = options;
  const meter = new ProgressMeter(models.length * variants.length * replicates, ctx.clock);
  const display = options.progress && new ProgressDisplay(meter, options.progress, ctx.clock);
  let ledger: BatchLedger | undefined; // batches.jsonl beside the journal, opened if a model uses a batch engine
  try {
    await Promise.all(
      models.map(({ spec, provider }) => {
        const cache = provider.uncached ? undefined : options.cache?.shard(provider.identity);
        const recorder = new Recorder(options.journal, cache, meter, display, options.onRecorded);
        if (provider.batch) {
          ledger ??= BatchLedger.open(runFile(dirname(options.journal.path), 'batches'));
          return runBatch({
            spec,
            identity: provider.identity,
            engine: provider.batch,
            variants,
            replicates,
            recorder,
            ledger,
            meter,
            ctx,
          });
        }
        return runOnline(
          spec,
          provider,
          planRequests({ spec, identity: provider.identity }, variants, replicates),
          questions,
          recorder,
          meter,
          ctx,
        );
      }),
    );
  } finally {
    display?.finish();
  }
  return meter.snapshot();
}

/**
 * The final outcome of every request in plan order, read back from the journal (whose index keeps
 * offsets, not texts); undefined when any request has none yet. The plan supplies the labels, so an
 * answer recorded under another study's names still lands on this study's request. `progress`, the runner's
 * own count of the requests it finished (`runModels`), spares a pass over the plan (a key hashed per request)
 * when it says every request has an outcome.
 */
export function collectResponses(
  models: readonly RunModel[],
  variants: VariantSource,
  replicates: number,
  journal: ResponseJournal,
  progress?: Pick<ProgressSnapshot, 'done' | 'total'>,
): (Iterable<ResponseRecord> & { size: number }) | undefined {
  const planned = function* () {
    for (const { spec, provider } of models) yield* planRequests({ spec, identity: provider.identity }, variants, replicates);
  };
  let size = progress?.total ?? 0;
  if (progress === undefined || progress.done < progress.total) {
    size = 0;
    for (const request of planned()) {
      if (!journal.has(request.key)) return undefined;
      size++;
    }
  }
  // Read back lazily, each time it is iterated: scoring then holds one response text at a time, not a run's worth.
  return {
    size,
    *[Symbol.iterator]() {
      for (const request of planned()) {
        const record = journal.read(request.key);
        if (record === undefined)
          throw new Error(`collectResponses: no outcome recorded for request ${request.key}, though the runner counted every request done`);
        yield withSubject(record, request);
      }
    },
  };
}

function withSubject(record: ResponseRecord, request: PlannedRequest): ResponseRecord {
  return {
    ...record,
    modelId: request.modelId,
    vignetteId: request.vignetteId,
    variantId: request.variantId,
    replicate: request.replicate,
  };
}
