import type { ResponseError, ResponseErrorKind } from '../providers/types.js';

/** Consecutive identical endpoint-wide failures that stop an endpoint when the study sets no `breaker_after`. */
export const DEFAULT_BREAKER_AFTER = 5;

/**
 * Failures that say the endpoint as a whole cannot answer (a bad key, an unknown model or path, a parameter it
 * rejects, nothing listening, a name that does not resolve), as opposed to one request's bad luck. Rate limits,
 * 5xx, timeouts and broken answers are transient and never trip the breaker: retrying them is the point.
 */
const ENDPOINT_WIDE: ReadonlySet<ResponseErrorKind> = new Set(['auth', 'not-found', 'bad-request', 'connection-refused', 'dns']);

/**
 * A 400 that refuses one prompt for its content (Azure's content filter, a gateway's safety policy) says nothing
 * about the endpoint, and the variants of one sensitive vignette arrive in a row: such failures never count.
 */
const CONTENT_REFUSAL = /content[ _-]?(filter|management|policy)|safety (system|policy)|responsible ?ai/i;

/** Why an endpoint was stopped: the failure that repeated, and how many times in a row. */
export interface BreakerTrip {
  error: ResponseError;
  consecutive: number;
}

/**
 * A circuit breaker for one endpoint, fed every attempt's outcome. It opens after `threshold` consecutive
 * attempts failing identically (same kind and status, and for a 400 the same message) with an endpoint-wide failure, across requests,
 * with no success in between; a success closes the streak, a different endpoint-wide failure starts a new one,
 * and transient failures (429, 5xx, timeouts) and content refusals of one prompt neither count nor reset. Once
 * open it stays open for the run. Time-free and state-per-instance: each Endpoint owns one.
 */
export class CircuitBreaker {
  private streak: { signature: string; error: ResponseError; count: number } | undefined;
  private opened: BreakerTrip | undefined;

  constructor(private readonly threshold: number) {
    if (!Number.isInteger(threshold) || threshold < 1)
      throw new RangeError(`CircuitBreaker: threshold must be a whole number of at least 1, got ${threshold}`);
  }

  /** The trip, once the breaker has opened. */
  get trip(): BreakerTrip | undefined {
    return this.opened;
  }

  /** Records one attempt's outcome (null: answered); returns the trip when this outcome opened the breaker. */
  observe(error: ResponseError | null): BreakerTrip | undefined {
    if (this.opened) return undefined;
    if (error === null) {
      this.streak = undefined;
      return undefined;
    }
    if (!ENDPOINT_WIDE.has(error.kind) || (error.kind === 'bad-request' && CONTENT_REFUSAL.test(error.message))) return undefined;
    // A bad key, an unknown model, a refused connection is the same failure whatever the message says (servers put
    // request ids and timestamps in it); a 400 is identical only with the same message (one parameter rejected).
    const signature = `${error.kind}\u0000${error.status ?? ''}\u0000${error.kind === 'bad-request' ? error.message : ''}`;
    this.streak = this.streak?.signature === signature ? { ...this.streak, count: this.streak.count + 1 } : { signature, error, count: 1 };
    if (this.streak.count < this.threshold) return undefined;
    this.opened = { error: this.streak.error, consecutive: this.streak.count };
    return this.opened;
  }
}

/** A breaker's cause in one line for people: status, kind and the server's message, cut to a readable length. */
export function describeTrip(trip: BreakerTrip): string {
  const { error } = trip;
  return `${trip.consecutive} consecutive attempts failed with ${error.kind}${error.status === undefined ? '' : ` (HTTP ${error.status})`}: ${sanitizeMessage(error.message)}`;
}

const MESSAGE_LIMIT = 300;

/**
 * A server's error message as it may be printed: control characters (terminal escapes) replaced, cut to
 * `limit` characters (MESSAGE_LIMIT by default). Keys are already scrubbed by the provider.
 */
export function sanitizeMessage(message: string, limit = MESSAGE_LIMIT): string {
  const clean = message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return clean.length > limit ? `${clean.slice(0, limit)}...` : clean;
}

const NOT_SENT_PREFIX = 'not sent: the endpoint was stopped after ';

/** The message recorded for a request the stopped endpoint never sent. */
export function notSentMessage(trip: BreakerTrip): string {
  return `${NOT_SENT_PREFIX}${describeTrip(trip)}`;
}

/** The breaker's cause read back from a not-sent request's message. */
export function breakerCauseOf(message: string): string {
  return message.startsWith(NOT_SENT_PREFIX) ? message.slice(NOT_SENT_PREFIX.length) : message;
}
