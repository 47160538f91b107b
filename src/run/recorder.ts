import type { ProviderResponse } from '../providers/types.js';
import type { ModelPrice } from '../study/types.js';
import type { CacheShard } from './cache.js';
import type { ProgressMeter } from './progress.js';
import type { ProgressDisplay } from './progressDisplay.js';
import type { ResponseJournal } from './store.js';
import type { RequestSubject, ResponseRecord, StoredResponse } from './types.js';

/** A request as the recorder needs it: its key and what it asks. */
export type RecordedRequest = RequestSubject & { key: string };

/**
 * The one place outcomes go: the run's journal (durably, as they arrive), the shared cache for successes,
 * and the progress meter. Everything that answers requests (online runner, batch engine, batch import)
 * records through it, so they cannot disagree on what "done" means.
 */
export class Recorder {
  constructor(
    readonly journal: ResponseJournal,
    /** This model's part of the shared cache; undefined when caching is off or not worth it (simulated model). */
    private readonly cache: CacheShard | undefined,
    private readonly meter: ProgressMeter,
    private readonly display?: ProgressDisplay,
    /** Each outcome once it is in the journal (an answer copied from the cache included): see `RunnerOptions.onRecorded`. */
    private readonly onRecorded: (record: ResponseRecord) => void = () => {},
  ) {}

  /**
   * True when the request needs no sending: answered by an earlier run into this directory, or found in
   * the shared cache (then copied into the journal, so the run directory stays self-contained).
   */
  reuse(request: RecordedRequest): boolean {
    if (!this.journal.isAnswered(request.key)) {
      const cached = this.cache?.get(request.key);
      if (!cached) return false;
      const record = responseRecord(request, cached);
      this.journal.append(record);
      this.onRecorded(record);
    }
    this.meter.reuse();
    this.display?.update();
    return true;
  }

  record(request: RecordedRequest, response: ProviderResponse, attempts: number, latencyMs: number, price: ModelPrice | undefined): void {
    const record = responseRecord(request, { ...response, latencyMs, attempts });
    this.journal.append(record);
    this.onRecorded(record);
    this.cache?.put(storedResponse(record));
    this.meter.finish(record, price);
    if (record.error) this.display?.requestFailed(record);
    this.display?.update();
  }
}

/** A journal line: key and subject first, so the file reads well. */
export function responseRecord(request: RecordedRequest, outcome: Omit<StoredResponse, 'key'>): ResponseRecord {
  return {
    key: request.key,
    modelId: request.modelId,
    vignetteId: request.vignetteId,
    variantId: request.variantId,
    replicate: request.replicate,
    text: outcome.text,
    error: outcome.error,
    finishReason: outcome.finishReason,
    usage: outcome.usage,
    servedModel: outcome.servedModel,
    latencyMs: outcome.latencyMs,
    attempts: outcome.attempts,
  };
}

/** What the cache keeps: the answer without the study's labels, which other studies name differently. */
function storedResponse(record: ResponseRecord): StoredResponse {
  const { key, text, error, finishReason, usage, servedModel, latencyMs, attempts } = record;
  return { key, text, error, finishReason, usage, servedModel, latencyMs, attempts };
}
