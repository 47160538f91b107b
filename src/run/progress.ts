import type { ModelPrice } from '../study/types.js';
import type { StoredResponse } from './types.js';

export interface ProgressSnapshot {
  total: number;
  /** Requests with a final outcome, including those found already answered. */
  done: number;
  /** Requests answered by an earlier run or the shared cache: no request sent. */
  reused: number;
  /** HTTP attempts made in this run, retries included. */
  sent: number;
  retries: number;
  /** Requests that ended as failures after their retries. */
  errors: number;
  promptTokens: number;
  completionTokens: number;
  /** Estimated spend in the study's price unit; null when no model has a price. */
  cost: number | null;
  /** Requests finished per second by this run (reused ones excluded), 0 until one has. */
  rate: number;
  /** Seconds until every request is done at the current rate; null while unknown. */
  etaSeconds: number | null;
}

/** The price of answers that came through the provider's Batch API. */
export function batchPrice(price: ModelPrice | undefined): ModelPrice | undefined {
  return price && { input: price.batchInput ?? price.input, output: price.batchOutput ?? price.output };
}

/** Counts what the runner does, for the progress display and the closing summary. */
export class ProgressMeter {
  private done = 0;
  private reused = 0;
  private sent = 0;
  private retries = 0;
  private errors = 0;
  private promptTokens = 0;
  private completionTokens = 0;
  private cost: number | null = null;
  private firstSentAt: number | undefined;

  constructor(
    readonly total: number,
    private readonly clock: () => number,
  ) {}

  /** Nothing sent yet and requests left: only answers recorded earlier (or cached) have been counted so far. */
  get reusingOnly(): boolean {
    return this.sent === 0 && this.done < this.total;
  }

  reuse(): void {
    this.done++;
    this.reused++;
  }

  attempt(): void {
    this.firstSentAt ??= this.clock();
    this.sent++;
  }

  retry(): void {
    this.retries++;
  }

  finish(response: StoredResponse, price: ModelPrice | undefined): void {
    this.done++;
    if (response.error) this.errors++;
    if (!response.usage) return;
    this.promptTokens += response.usage.promptTokens;
    this.completionTokens += response.usage.completionTokens;
    if (price)
      this.cost = (this.cost ?? 0) + (response.usage.promptTokens * price.input + response.usage.completionTokens * price.output) / 1e6;
  }

  snapshot(): ProgressSnapshot {
    const finishedHere = this.done - this.reused;
    const seconds = this.firstSentAt === undefined ? 0 : (this.clock() - this.firstSentAt) / 1000;
    const rate = finishedHere > 0 && seconds > 0 ? finishedHere / seconds : 0;
    const remaining = this.total - this.done;
    return {
      total: this.total,
      done: this.done,
      reused: this.reused,
      sent: this.sent,
      retries: this.retries,
      errors: this.errors,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      cost: this.cost,
      rate,
      etaSeconds: remaining === 0 ? 0 : rate > 0 ? remaining / rate : null,
    };
  }
}
