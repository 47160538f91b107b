import { setMaxListeners } from 'node:events';
import type { Provider, ProviderRequest, ProviderResponse } from '../providers/types.js';
import type { ModelSpec } from '../study/types.js';
import { CircuitBreaker, DEFAULT_BREAKER_AFTER, describeTrip, notSentMessage, type BreakerTrip } from './breaker.js';
import { sleep, type RunContext } from './context.js';
import { EndpointGate } from './gate.js';
import type { PlannedRequest } from './plan.js';
import type { ProgressMeter } from './progress.js';
import { backoffCeiling, backoffDelay, DEFAULT_RETRY, isRetryable, serverWait, type RetryPolicy } from './retry.js';
import { TokenEstimator } from './tokens.js';

/** A request's final outcome: the answer or the last failure, after how many attempts. */
export interface SendOutcome {
  response: ProviderResponse;
  attempts: number;
  /** Latency of the attempt that produced the outcome. */
  latencyMs: number;
}

/**
 * One model's endpoint as the runner sees it: admission (slots, request and token budgets, Retry-After
 * pauses), a deadline per attempt, and retries with backoff. The runner owns retrying (the SDK is told
 * not to) so that every attempt is counted, jittered from the context's generator and bounded by the
 * study's limits. A circuit breaker stops the endpoint when attempts keep failing the same endpoint-wide way
 * (bad key, unknown model, nothing listening): the cause is logged once, requests in backoff stop waiting,
 * and every request not yet sent ends at once as `not-sent` with that cause.
 */
export class Endpoint {
  private readonly gate: EndpointGate;
  private readonly tokens: TokenEstimator;
  private readonly retry: RetryPolicy;
  /** Attempts in flight, aborted together on interrupt (one listener on the run's signal, not one per request). */
  private readonly inFlight = new Set<AbortController>();
  private readonly breaker: CircuitBreaker;
  /** Fires on interrupt or when the breaker opens: requests sleeping before a retry wake up. */
  private readonly halt = new AbortController();

  constructor(
    private readonly spec: ModelSpec,
    private readonly provider: Provider,
    private readonly ctx: RunContext,
    private readonly meter: ProgressMeter,
  ) {
    this.gate = new EndpointGate({ concurrency: spec.concurrency, rpm: spec.rpm, tpm: spec.tpm }, ctx);
    this.tokens = new TokenEstimator(spec.params.maxTokens);
    this.retry = { ...DEFAULT_RETRY, maxRetries: spec.maxRetries };
    this.breaker = new CircuitBreaker(spec.breakerAfter ?? DEFAULT_BREAKER_AFTER);
    // Every request waiting to retry listens on `halt` until it wakes (then removes itself): at concurrency 8 with
    // retries more than Node's default of 10 wait at once, which is bounded by the plan, not a leak.
    setMaxListeners(0, this.halt.signal);
    ctx.signal?.addEventListener(
      'abort',
      () => {
        this.inFlight.forEach((c) => c.abort());
        this.halt.abort();
      },
      { once: true },
    );
  }

  /** Why the endpoint was stopped, once its breaker has opened. */
  get stoppedBy(): BreakerTrip | undefined {
    return this.breaker.trip;
  }

  /** Sends until answered, failed for good, or out of retries; undefined when the run was interrupted. */
  async send(
    request: Pick<PlannedRequest, 'messages' | 'replicate'>,
    subject: ProviderRequest['subject'],
  ): Promise<SendOutcome | undefined> {
    const chars = TokenEstimator.characters(request.messages);
    let last: SendOutcome | undefined;
    for (let attempt = 1; ; attempt++) {
      if (this.breaker.trip) return last ?? this.notSent();
      const estimate = this.tokens.estimate(chars, request.messages.length);
      if (!(await this.gate.acquire(estimate, attempt > 1))) return undefined;
      if (this.breaker.trip) {
        this.gate.release();
        return last ?? this.notSent();
      }
      const started = this.ctx.clock();
      this.meter.attempt();
      let response: ProviderResponse | undefined;
      try {
        response = await this.attempt({ messages: request.messages, params: this.spec.params, replicate: request.replicate, subject });
      } finally {
        // Before release(): a waiter admitted by the release must already see the slots a 429 took back.
        if (response) this.adjustSlots(response.error, attempt);
        this.gate.release();
      }
      if (this.ctx.signal?.aborted) return undefined;
      const latencyMs = Math.max(0, this.ctx.clock() - started);
      if (response.usage) {
        this.tokens.observe(chars, request.messages.length, response.usage);
        this.gate.correctTokens(response.usage.promptTokens + response.usage.completionTokens - estimate);
      } else if (response.error) this.gate.correctTokens(-estimate); // refused or lost: nothing was spent
      const error = response.error;
      this.observe(error);
      last = { response, attempts: attempt, latencyMs };
      if (!error || !isRetryable(error) || attempt > this.retry.maxRetries || this.breaker.trip) return last;
      this.meter.retry();
      const delay = backoffDelay(this.retry, attempt, error, this.ctx.rng);
      await sleep(this.ctx, delay, this.halt.signal);
      if (this.ctx.signal?.aborted) return undefined;
    }
  }

  /** Rate limiting takes slots back for the server's Retry-After (or the retry's backoff ceiling); an answer returns them. */
  private adjustSlots(error: ProviderResponse['error'], attempt: number): void {
    if (!error) this.gate.answered();
    else if (error.kind === 'rate-limit') this.gate.rateLimited(serverWait(this.retry, error) ?? backoffCeiling(this.retry, attempt));
  }

  /** Feeds the breaker; when this outcome opens it, says why once and wakes every request waiting to retry. */
  private observe(error: ProviderResponse['error']): void {
    const trip = this.breaker.observe(error);
    if (!trip) return;
    this.ctx.log(
      `counterfair: model ${this.spec.id}: stopped sending after ${describeTrip(trip)}. Requests not yet sent are recorded as not sent (never cached; re-run with the same --out to try them again).`,
    );
    this.halt.abort();
  }

  /** The outcome of a request the stopped endpoint never sent: a failure whose message is the breaker's cause. */
  private notSent(): SendOutcome {
    const trip = this.breaker.trip!;
    const message = notSentMessage(trip);
    return {
      response: {
        text: null,
        error: { kind: 'not-sent', message, ...(trip.error.status === undefined ? {} : { status: trip.error.status }) },
        finishReason: null,
        usage: null,
        servedModel: null,
      },
      attempts: 0,
      latencyMs: 0,
    };
  }

  /** One attempt under the study's per-request deadline, which covers the whole exchange, body included. */
  private async attempt(request: Omit<ProviderRequest, 'signal'>): Promise<ProviderResponse> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    let timedOut = false;
    const cancelDeadline = this.ctx.timer(this.spec.timeoutMs, () => {
      timedOut = true;
      controller.abort();
    });
    try {
      const response = await this.provider.complete({ ...request, signal: controller.signal });
      if (!timedOut) return response;
      return {
        text: null,
        error: { kind: 'timeout', message: `no complete answer within ${this.spec.timeoutMs} ms` },
        finishReason: null,
        usage: null,
        servedModel: null,
      };
    } finally {
      cancelDeadline();
      this.inFlight.delete(controller);
    }
  }
}
