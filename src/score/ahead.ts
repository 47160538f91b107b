import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResponseRecord } from '../run/types.js';
import { scoringWorkerEntry, type ScoringJob } from './parallel.js';
import type { ScoreRecord } from './types.js';

/**
 * The run sizes that are scored ahead. Below the lower bound the requests end too soon for a worker thread's start to
 * pay; above the upper one the scores would be held in memory too long (a larger run is scored after its requests, on
 * every core, see `scoringWorkersFor`).
 */
export const SCORING_AHEAD_RUNS = { from: 2_000, to: 50_000 } as const;

/** Responses sent to the worker at a time: a few milliseconds of scoring, so the last batch waits little. */
const BATCH = 256;

/**
 * Scores a run's answers on a worker thread while its requests are still in flight. The main thread, busy sending
 * requests and recording answers, only hands each recorded response over (`offer`); a second core scores it. When the
 * last answer arrives, all but the last batch are scored, and the run's scoring pass takes these scores instead of
 * reading those answers again (`scoresAhead`). The scores are exactly those the pass would make: the same scorer with
 * the built-in question types (the only ones a thread can load), on the same response records.
 *
 * Only the latest score of a key is kept, as the journal's final outcome of a request is its latest. A worker that
 * fails leaves the scores it returned, each still right; the pass scores the rest.
 */
export class ScoringAhead {
  private readonly worker: Worker;
  private readonly scores = new Map<string, ScoreRecord>();
  private batch: ResponseRecord[] = [];
  private sent = 0;
  private received = 0;
  private stopped = false;
  private drained: (() => void) | undefined;

  private constructor(job: ScoringJob) {
    const entry = scoringWorkerEntry();
    this.worker = new Worker(entry.code, { workerData: job, eval: entry.eval });
    this.worker.on('message', ({ scores }: { scores: ScoreRecord[] }) => {
      for (const s of scores) this.scores.set(s.key, s);
      this.received++;
      if (this.received === this.sent) this.drained?.();
    });
    this.worker.on('error', () => this.stop());
    this.worker.on('exit', () => this.stop());
  }

  /**
   * Whether scoring a run of `requests` requests ahead pays: a run within SCORING_AHEAD_RUNS, on a machine with more
   * than one core, whose question types are all the built-ins (`builtinOnly`, the only ones a thread can load).
   */
  static pays(requests: number, builtinOnly: boolean): boolean {
    return builtinOnly && requests >= SCORING_AHEAD_RUNS.from && requests <= SCORING_AHEAD_RUNS.to && availableParallelism() > 1;
  }

  /** Starts the worker, with everything a response is scored against. */
  static start(job: ScoringJob): ScoringAhead {
    return new ScoringAhead(job);
  }

  /** Hands a recorded response to the worker (in batches). */
  readonly offer = (record: ResponseRecord): void => {
    if (this.stopped) return;
    this.batch.push(record);
    if (this.batch.length >= BATCH) this.send();
  };

  /** Scores the last batch, waits for every batch, stops the worker and returns the scores by request key. */
  async finish(): Promise<ReadonlyMap<string, ScoreRecord>> {
    if (!this.stopped && this.batch.length > 0) this.send();
    if (!this.stopped && this.received < this.sent) await new Promise<void>((resolve) => (this.drained = resolve));
    await this.close();
    return this.scores;
  }

  /** Stops the worker (also when the run is interrupted or fails: it would keep the process alive); idempotent. */
  async close(): Promise<void> {
    this.stop();
    await this.worker.terminate();
  }

  private send(): void {
    this.worker.postMessage({ id: this.sent++, responses: this.batch });
    this.batch = [];
  }

  private stop(): void {
    this.stopped = true;
    this.batch = [];
    this.drained?.();
  }
}

/**
 * The score made ahead for a response, when there is one for this very request: same key, model, variant and
 * replicate (the journal's final outcome, which the scorer ahead saw last).
 */
export function scoreAhead(scores: ReadonlyMap<string, ScoreRecord> | undefined, response: ResponseRecord): ScoreRecord | undefined {
  const s = scores?.get(response.key);
  const same =
    s !== undefined && s.modelId === response.modelId && s.variantId === response.variantId && s.replicate === response.replicate;
  return same ? s : undefined;
}
