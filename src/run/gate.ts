import { RateBudget } from './budget.js';
import type { RunContext } from './context.js';

export interface EndpointLimits {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests per minute, if the endpoint limits them. */
  rpm?: number;
  /** Tokens (prompt + answer) per minute, if the endpoint limits them. */
  tpm?: number;
}

interface Waiter {
  tokens: number;
  resolve: (admitted: boolean) => void;
}

/**
 * Admission control for one endpoint: a request starts only when a slot is free and the request and token
 * budgets allow it. Retries queue ahead of new requests, so work already paid for finishes first. Time-based
 * waits use the context's clock and sleep.
 *
 * Rate limiting is answered the way TCP answers congestion (additive increase, multiplicative decrease): a 429
 * halves the slots in use (at least one), at most once per Retry-After window, so the answers of one crowded
 * moment count once; every answer gives back a slot's worth spread over the slots in use (1/slots each), up to the
 * configured concurrency. The request that got the 429 waits exactly what the server asked (the Endpoint's
 * business); the others are not paused — a server that refuses one request in five at random keeps its
 * throughput, and one that is really overloaded sees the load fall by half each window.
 */
export class EndpointGate {
  private inFlight = 0;
  private readonly retries: Waiter[] = [];
  private readonly fresh: Waiter[] = [];
  /** Slots in use now: the configured concurrency, less what rate limiting took back (fractional, floored when used). */
  private slots: number;
  /** Until when a further 429 does not halve the slots again. */
  private holdUntil = -Infinity;
  private wakeAt = Infinity;
  private cancelWake = () => {};
  private readonly requestBudget?: RateBudget;
  private readonly tokenBudget?: RateBudget;

  constructor(
    private readonly limits: EndpointLimits,
    private readonly ctx: Pick<RunContext, 'clock' | 'timer' | 'signal'>,
  ) {
    this.slots = limits.concurrency;
    if (limits.rpm !== undefined) this.requestBudget = new RateBudget(limits.rpm, ctx.clock);
    if (limits.tpm !== undefined) this.tokenBudget = new RateBudget(limits.tpm, ctx.clock);
    ctx.signal?.addEventListener('abort', () => this.refuseWaiting(), { once: true });
  }

  /** Resolves true when a request estimated at `tokens` may be sent, false if the run was interrupted first. */
  acquire(tokens: number, isRetry: boolean): Promise<boolean> {
    if (this.ctx.signal?.aborted) return Promise.resolve(false);
    if (this.retries.length === 0 && this.fresh.length === 0 && this.delayFor(tokens) === 0) {
      this.admit(tokens);
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      (isRetry ? this.retries : this.fresh).push({ tokens, resolve });
      this.pump();
    });
  }

  /** A request admitted by acquire() has finished (answered or failed). */
  release(): void {
    this.inFlight--;
    this.pump();
  }

  /** Reported usage differs from the estimate charged at admission: charge or refund the difference. */
  correctTokens(delta: number): void {
    this.tokenBudget?.correct(delta);
  }

  /**
   * An attempt was refused for rate (429): halve the slots, unless they were halved within the last `windowMs`
   * (the server's Retry-After, or the retry's backoff). Call before release(), so no waiter takes the slot first.
   */
  rateLimited(windowMs: number): void {
    const now = this.ctx.clock();
    if (now < this.holdUntil) return;
    this.slots = Math.max(1, this.slots / 2);
    this.holdUntil = now + windowMs;
  }

  /** An attempt was answered: give back 1/slots of a slot, up to the configured concurrency. */
  answered(): void {
    this.slots = Math.min(this.limits.concurrency, this.slots + 1 / this.slots);
  }

  /** Requests the gate lets in flight at once now. */
  get concurrency(): number {
    return Math.floor(this.slots);
  }

  /** 0 when a request may start now; the wait in ms for time-based limits; Infinity until a slot frees. */
  private delayFor(tokens: number): number {
    if (this.inFlight >= this.concurrency) return Infinity;
    return Math.max(0, this.requestBudget?.waitFor(1) ?? 0, this.tokenBudget?.waitFor(tokens) ?? 0);
  }

  private admit(tokens: number): void {
    this.inFlight++;
    this.requestBudget?.spend(1);
    this.tokenBudget?.spend(tokens);
  }

  private pump(): void {
    for (;;) {
      const queue = this.retries.length > 0 ? this.retries : this.fresh;
      const head = queue[0];
      if (!head) return;
      const wait = this.delayFor(head.tokens);
      if (wait === Infinity) return; // the next release() pumps again
      if (wait > 0) {
        this.wakeIn(wait);
        return;
      }
      queue.shift();
      this.admit(head.tokens);
      head.resolve(true);
    }
  }

  private wakeIn(ms: number): void {
    const at = this.ctx.clock() + ms;
    if (at >= this.wakeAt) return; // an earlier wake-up is already scheduled
    this.cancelWake();
    this.wakeAt = at;
    this.cancelWake = this.ctx.timer(ms, () => {
      this.wakeAt = Infinity;
      this.pump();
    });
  }

  private refuseWaiting(): void {
    this.cancelWake();
    for (const waiter of [...this.retries.splice(0), ...this.fresh.splice(0)]) waiter.resolve(false);
  }
}
