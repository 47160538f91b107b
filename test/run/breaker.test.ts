import { describe, expect, it } from 'vitest';
import type { Provider, ProviderResponse, ResponseError } from '../../src/providers/types.js';
import { CircuitBreaker, describeTrip, sanitizeMessage } from '../../src/run/breaker.js';
import { Endpoint } from '../../src/run/endpoint.js';
import { ProgressMeter } from '../../src/run/progress.js';
import { manualContext } from '../helpers/manualTime.js';
import { fixturePlan, openaiSpec } from './fixture.js';

const unauthorized: ResponseError = { kind: 'auth', status: 401, message: 'HTTP 401: Incorrect API key provided' };
const refused: ResponseError = { kind: 'connection-refused', message: 'connection failed: connect ECONNREFUSED 127.0.0.1:9' };
const rateLimited: ResponseError = { kind: 'rate-limit', status: 429, message: 'HTTP 429: slow down' };

describe('circuit breaker', () => {
  it('opens on the Nth consecutive identical endpoint-wide failure, and stays open', () => {
    const breaker = new CircuitBreaker(3);
    expect(breaker.observe(unauthorized)).toBeUndefined();
    expect(breaker.observe(unauthorized)).toBeUndefined();
    expect(breaker.observe(unauthorized)).toEqual({ error: unauthorized, consecutive: 3 });
    expect(breaker.trip).toEqual({ error: unauthorized, consecutive: 3 });
    breaker.observe(null);
    expect(breaker.trip).toBeDefined();
  });

  it('never opens while successes interleave, however many failures there are', () => {
    const breaker = new CircuitBreaker(3);
    for (let i = 0; i < 50; i++) {
      breaker.observe(unauthorized);
      breaker.observe(unauthorized);
      breaker.observe(null);
    }
    expect(breaker.trip).toBeUndefined();
  });

  it('counts only identical failures: a different cause starts a new streak', () => {
    const breaker = new CircuitBreaker(3);
    for (let i = 0; i < 10; i++) breaker.observe(i % 2 ? unauthorized : refused);
    expect(breaker.trip).toBeUndefined();
    breaker.observe(refused);
    breaker.observe(refused);
    expect(breaker.trip).toBeUndefined();
    breaker.observe(refused);
    expect(breaker.trip?.error).toEqual(refused);
  });

  it('ignores transient failures: 429, 5xx and timeouts neither count nor break a streak', () => {
    const breaker = new CircuitBreaker(2);
    for (let i = 0; i < 100; i++) breaker.observe(rateLimited);
    breaker.observe({ kind: 'server', status: 503, message: 'HTTP 503' });
    breaker.observe({ kind: 'timeout', message: 'no answer' });
    expect(breaker.trip).toBeUndefined();
    breaker.observe(unauthorized);
    breaker.observe(rateLimited);
    expect(breaker.observe(unauthorized)?.consecutive).toBe(2);
  });

  it('never counts a 400 that refuses one prompt for its content (the variants of one vignette come in a row)', () => {
    const breaker = new CircuitBreaker(2);
    const filtered: ResponseError = {
      kind: 'bad-request',
      status: 400,
      message: "HTTP 400: The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
    };
    for (let i = 0; i < 20; i++) breaker.observe(filtered);
    expect(breaker.trip).toBeUndefined();
    const badParameter: ResponseError = { kind: 'bad-request', status: 400, message: 'HTTP 400: Unsupported parameter: max_tokens' };
    breaker.observe(badParameter);
    expect(breaker.observe(badParameter)?.error).toEqual(badParameter);
  });

  it('refuses a threshold that is not a whole number of at least 1', () => {
    expect(() => new CircuitBreaker(0)).toThrow(/CircuitBreaker: threshold/);
    expect(() => new CircuitBreaker(2.5)).toThrow(/CircuitBreaker: threshold/);
  });

  it('prints the cause on one line without terminal escapes, cut to a readable length', () => {
    expect(sanitizeMessage('bad\u001b[31m key\nline two')).toBe('bad [31m key line two');
    expect(sanitizeMessage('x'.repeat(1000))).toHaveLength(303);
    expect(describeTrip({ error: unauthorized, consecutive: 5 })).toBe(
      '5 consecutive attempts failed with auth (HTTP 401): HTTP 401: Incorrect API key provided',
    );
  });
});

describe('endpoint with a circuit breaker', () => {
  const { variants, questions } = fixturePlan();
  const subject = { variant: variants[0]!, question: questions.get(variants[0]!.vignetteId)! };
  const request = { messages: variants[0]!.messages, replicate: 0 };
  const answer: ProviderResponse = { text: 'Answer: B', error: null, finishReason: 'stop', usage: null, servedModel: null };
  const failing = (error: ResponseError): ProviderResponse => ({ text: null, error, finishReason: null, usage: null, servedModel: null });

  /** An endpoint over a provider that answers from `script(call number)`, on manual time; returns the endpoint and the log. */
  function endpointWith(script: (call: number) => ProviderResponse, breakerAfter?: number) {
    const ctx = manualContext();
    const lines: string[] = [];
    ctx.log = (line) => lines.push(line);
    let calls = 0;
    const provider: Provider = { identity: 'test', complete: async () => script(++calls) };
    const endpoint = new Endpoint(
      openaiSpec('http://127.0.0.1:9/v1', { concurrency: 2, maxRetries: 4, breakerAfter }),
      provider,
      ctx,
      new ProgressMeter(100, ctx.clock),
    );
    return { endpoint, ctx, lines, calls: () => calls };
  }

  it('stops after N identical non-retryable failures across requests, logs the cause once, and sends nothing more', async () => {
    const { endpoint, lines, calls } = endpointWith(() => failing(unauthorized), 3);
    const outcomes = [];
    for (let i = 0; i < 10; i++) outcomes.push(await endpoint.send(request, subject));
    expect(calls()).toBe(3);
    expect(outcomes.slice(0, 3).map((o) => [o?.response.error?.kind, o?.attempts])).toEqual([
      ['auth', 1],
      ['auth', 1],
      ['auth', 1],
    ]);
    expect(
      outcomes
        .slice(3)
        .every(
          (o) =>
            o?.response.error?.kind === 'not-sent' && o.attempts === 0 && o.response.error.message.includes('Incorrect API key provided'),
        ),
    ).toBe(true);
    expect(lines.filter((l) => l.includes('Incorrect API key provided'))).toHaveLength(1);
    expect(endpoint.stoppedBy?.consecutive).toBe(3);
  });

  it('does not stop an endpoint whose failures are interleaved with answers', async () => {
    const { endpoint, calls } = endpointWith((call) => (call % 3 === 0 ? answer : failing(unauthorized)), 3);
    for (let i = 0; i < 30; i++) await endpoint.send(request, subject);
    expect(calls()).toBe(30);
    expect(endpoint.stoppedBy).toBeUndefined();
  });

  it('still retries transient 429s with backoff, however many in a row, and answers in the end', async () => {
    const { endpoint, ctx, calls } = endpointWith((call) => (call <= 4 ? failing(rateLimited) : answer), 2);
    const pending = endpoint.send(request, subject);
    await ctx.advance(120_000);
    const outcome = await pending;
    expect(outcome?.response.error).toBeNull();
    expect(outcome?.attempts).toBe(5);
    expect(calls()).toBe(5);
    expect(endpoint.stoppedBy).toBeUndefined();
  });

  it('stops retrying a refused connection once the streak across attempts is long enough, waking requests in backoff', async () => {
    const { endpoint, ctx, lines, calls } = endpointWith(() => failing(refused), 5);
    const pending = [endpoint.send(request, subject), endpoint.send(request, subject), endpoint.send(request, subject)];
    await ctx.advance(10_000);
    const outcomes = await Promise.all(pending);
    expect(calls()).toBe(5);
    // Each ends with its own last failure (it was sent), not as not-sent; nothing waits out its backoff.
    expect(outcomes.every((o) => o?.response.error?.kind === 'connection-refused')).toBe(true);
    expect(ctx.now()).toBeLessThanOrEqual(10_000);
    expect(lines).toHaveLength(1);
    expect((await endpoint.send(request, subject))?.response.error?.kind).toBe('not-sent');
  });
});

describe('CircuitBreaker signatures', () => {
  it('counts a bad key as the same failure when the server varies its message (request ids)', () => {
    const breaker = new CircuitBreaker(3);
    const auth = (id: number) => ({ kind: 'auth' as const, status: 401, message: `Incorrect API key provided (request id req_${id})` });
    expect(breaker.observe(auth(1))).toBeUndefined();
    expect(breaker.observe(auth(2))).toBeUndefined();
    expect(breaker.observe(auth(3))?.consecutive).toBe(3);
  });

  it('treats 400s with different messages as different failures', () => {
    const breaker = new CircuitBreaker(2);
    expect(breaker.observe({ kind: 'bad-request', status: 400, message: 'unsupported parameter: temperature' })).toBeUndefined();
    expect(breaker.observe({ kind: 'bad-request', status: 400, message: 'maximum context length exceeded' })).toBeUndefined();
    expect(breaker.observe({ kind: 'bad-request', status: 400, message: 'maximum context length exceeded' })?.consecutive).toBe(2);
  });
});
