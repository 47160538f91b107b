import { describe, expect, it } from 'vitest';
import { retryAfter } from '../../src/providers/openai.js';
import { EndpointGate } from '../../src/run/gate.js';
import { backoffDelay, DEFAULT_RETRY, isRetryable, type RetryPolicy } from '../../src/run/retry.js';
import { TokenEstimator } from '../../src/run/tokens.js';
import { manualContext } from '../helpers/manualTime.js';

describe('endpoint gate', () => {
  /** Starts `n` acquisitions and returns the times (ms) at which each was admitted. */
  async function admissions(
    gate: EndpointGate,
    ctx: ReturnType<typeof manualContext>,
    n: number,
    tokens = 1,
    releaseAfterMs?: number,
  ): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      void gate.acquire(tokens, false).then((ok) => {
        if (!ok) return;
        times.push(ctx.now());
        if (releaseAfterMs !== undefined) ctx.timer(releaseAfterMs, () => gate.release());
      });
    }
    await ctx.advance(60_000);
    return times;
  }

  it('never has more requests in flight than its slots', async () => {
    const ctx = manualContext();
    const times = await admissions(new EndpointGate({ concurrency: 3 }, ctx), ctx, 9, 1, 100);
    expect(times).toEqual([0, 0, 0, 100, 100, 100, 200, 200, 200]);
  });

  it('spreads requests to stay within requests per minute, bursting at most one second of them', async () => {
    const ctx = manualContext();
    const times = await admissions(new EndpointGate({ concurrency: 100, rpm: 120 }, ctx), ctx, 6, 1, 1);
    expect(times).toEqual([0, 0, 500, 1000, 1500, 2000]);
  });

  it('charges estimated tokens against tokens per minute and refunds what was not used', async () => {
    const ctx = manualContext();
    const gate = new EndpointGate({ concurrency: 100, tpm: 60_000 }, ctx); // 1,000 tokens a second
    const times = await admissions(gate, ctx, 3, 1000, 1);
    expect(times).toEqual([0, 1000, 2000]);
    gate.correctTokens(-1000); // the last request used nothing after all
    const after = await admissions(gate, ctx, 1, 1000, 1);
    expect(after).toEqual([ctx.now() - 60_000]); // admitted at once
  });

  it('a 429 halves the slots before the next waiter is let in, once per Retry-After window; answers give them back', async () => {
    const ctx = manualContext();
    const gate = new EndpointGate({ concurrency: 8 }, ctx);
    for (let i = 0; i < 8; i++) expect(await gate.acquire(1, false)).toBe(true);
    let admitted = 0;
    for (let i = 0; i < 8; i++) void gate.acquire(1, false).then(() => admitted++);
    // The first refused attempt halves the slots and only then frees its own: nobody slips in.
    gate.rateLimited(1_000);
    gate.release();
    await ctx.advance(0);
    expect(gate.concurrency).toBe(4);
    expect(admitted).toBe(0);
    // More 429s from the same crowded moment do not halve again.
    gate.rateLimited(1_000);
    gate.rateLimited(1_000);
    expect(gate.concurrency).toBe(4);
    // Seven in flight against four slots: releases admit nobody until fewer than four are in flight.
    for (let i = 0; i < 3; i++) gate.release();
    await ctx.advance(0);
    expect(admitted).toBe(0);
    gate.release();
    await ctx.advance(0);
    expect(admitted).toBe(1);
    // After the window, a new 429 halves again, never below one slot.
    await ctx.advance(1_000);
    for (const expected of [2, 1, 1]) {
      gate.rateLimited(0);
      expect(gate.concurrency).toBe(expected);
    }
    // Answers grow the slots by 1/slots each: 1 -> 2 -> 2.5 -> 2.9 -> 3.24...
    gate.answered();
    expect(gate.concurrency).toBe(2);
    gate.answered();
    gate.answered();
    expect(gate.concurrency).toBe(2);
    gate.answered();
    expect(gate.concurrency).toBe(3);
    for (let i = 0; i < 100; i++) gate.answered();
    expect(gate.concurrency).toBe(8);
  });

  it('refuses waiting requests when the run is interrupted', async () => {
    const controller = new AbortController();
    const ctx = manualContext({ signal: controller.signal });
    const gate = new EndpointGate({ concurrency: 1 }, ctx);
    expect(await gate.acquire(1, false)).toBe(true);
    const waiting = gate.acquire(1, false);
    controller.abort();
    expect(await waiting).toBe(false);
    expect(await gate.acquire(1, false)).toBe(false);
  });
});

describe('retries', () => {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, maxRetries: 5 };
  const server = { kind: 'server', message: 'HTTP 500' } as const;

  it('backs off exponentially with full jitter up to a ceiling', () => {
    expect(backoffDelay(policy, 1, server, () => 0)).toBe(0);
    expect(backoffDelay(policy, 1, server, () => 0.5)).toBe(250);
    expect(backoffDelay(policy, 3, server, () => 0.5)).toBe(1000);
    expect(backoffDelay(policy, 20, server, () => 0.999999)).toBeCloseTo(30_000, 0);
  });

  it('waits exactly what Retry-After asks, whatever the backoff would be, but never more than the cap', () => {
    expect(backoffDelay(policy, 1, { kind: 'rate-limit', message: '', retryAfterMs: 2000 }, () => 0.1)).toBe(2000);
    expect(backoffDelay(policy, 6, { kind: 'rate-limit', message: '', retryAfterMs: 100 }, () => 0.9)).toBe(100);
    expect(backoffDelay(policy, 1, { kind: 'rate-limit', message: '', retryAfterMs: 3_600_000 }, () => 0.1)).toBe(60_000);
  });

  it('retries what may pass next time and nothing else', () => {
    for (const kind of ['rate-limit', 'server', 'timeout', 'network', 'connection-refused', 'dns', 'invalid-response'] as const)
      expect(isRetryable({ kind, message: '' })).toBe(true);
    for (const kind of ['auth', 'not-found', 'bad-request', 'aborted', 'not-sent'] as const)
      expect(isRetryable({ kind, message: '' })).toBe(false);
  });

  it('reads retry-after-ms, Retry-After in seconds and as a date', () => {
    expect(retryAfter(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500);
    expect(retryAfter(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfter(new Headers({ 'retry-after': 'Wed, 21 Oct 2026 07:28:10 GMT' }), Date.UTC(2026, 9, 21, 7, 28, 0))).toBe(10_000);
    expect(retryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfter(undefined)).toBeUndefined();
  });
});

describe('token estimates', () => {
  it('start from four characters a token plus the answer budget, then follow reported usage', () => {
    const estimator = new TokenEstimator(100);
    expect(estimator.estimate(4000, 2)).toBe(1000 + 8 + 100);
    estimator.observe(4000, 2, { promptTokens: 2008, completionTokens: 20 });
    expect(estimator.estimate(4000, 2)).toBe(2000 + 8 + 20);
  });
});
