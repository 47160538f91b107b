import type { ResponseError, ResponseErrorKind } from '../providers/types.js';

export interface RetryPolicy {
  /** Retries after the first attempt; a request is sent at most maxRetries + 1 times. */
  maxRetries: number;
  /** Backoff ceiling of the first retry; it doubles per retry up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Longest wait a server may ask for with Retry-After / retry-after-ms. The SDK honours any value with no
   * cap; an audit must not stall for an hour on one header, so longer requests are cut to this.
   */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY: Omit<RetryPolicy, 'maxRetries'> = { baseDelayMs: 500, maxDelayMs: 30_000, retryAfterCapMs: 60_000 };

/**
 * Failures worth another attempt: the endpoint was busy, broke, was too slow, or sent something that is
 * not an answer (truncated JSON, no choices, no content), or could not be reached (a refused connection or
 * an unresolved name may be a server restarting; the circuit breaker stops an endpoint that stays away).
 * Bad requests, bad keys and unknown models fail the same way every time, so retrying them only costs money.
 */
const RETRYABLE: ReadonlySet<ResponseErrorKind> = new Set([
  'rate-limit',
  'server',
  'timeout',
  'network',
  'connection-refused',
  'dns',
  'invalid-response',
]);

export function isRetryable(error: ResponseError): boolean {
  return RETRYABLE.has(error.kind);
}

/**
 * How long to wait before retry number `retry` (1 for the first): exactly the server's Retry-After when it sent
 * one (capped); otherwise exponential backoff with full jitter (uniform in [0, ceiling)), so clients that failed
 * together do not return together.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, error: ResponseError, rng: () => number): number {
  return serverWait(policy, error) ?? rng() * backoffCeiling(policy, retry);
}

/** The backoff ceiling of retry number `retry`: the base doubled per retry, up to the maximum. */
export function backoffCeiling(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

/** The wait the server asked for (Retry-After), capped; undefined when it asked for none. */
export function serverWait(policy: RetryPolicy, error: ResponseError): number | undefined {
  return error.retryAfterMs === undefined ? undefined : Math.min(policy.retryAfterCapMs, error.retryAfterMs);
}
