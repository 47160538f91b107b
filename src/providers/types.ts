import type { ChatMessage, Variant } from '../expand/types.js';
import type { BatchEngine } from './batch.js';
import type { ModelParams } from '../study/types.js';
import type { Question } from '../template/types.js';

export interface ProviderRequest {
  messages: ChatMessage[];
  params: ModelParams;
  replicate: number;
  /**
   * What the case is about. Real endpoints never see it (they get `messages` only); the simulated model
   * uses it to decide, deterministically, whether to answer correctly.
   */
  subject: { variant: Variant; question: Question };
  signal?: AbortSignal;
}

/**
 * Why a request failed. `auth` (401, 403), `not-found` (404: usually a wrong model name or base_url), `bad-request`
 * (other 4xx) fail the same way every time; `connection-refused` (nothing listens at the address) and `dns` (the
 * host name does not resolve) are retried like `network` but, repeated, mean the endpoint is not there. `not-sent`:
 * the runner stopped the endpoint (its circuit breaker opened) before this request was sent; the message is the
 * cause.
 */
export type ResponseErrorKind =
  | 'auth'
  | 'not-found'
  | 'rate-limit'
  | 'server'
  | 'timeout'
  | 'network'
  | 'connection-refused'
  | 'dns'
  | 'bad-request'
  | 'invalid-response'
  | 'aborted'
  | 'not-sent';

export interface ResponseError {
  kind: ResponseErrorKind;
  message: string;
  status?: number;
  /** How long the server asked the client to wait before trying again (Retry-After / retry-after-ms). */
  retryAfterMs?: number;
}

/** A provider never throws for a failed request: failures are data. */
export interface ProviderResponse {
  text: string | null;
  error: ResponseError | null;
  finishReason: string | null;
  usage: { promptTokens: number; completionTokens: number } | null;
  /** The model identifier the endpoint reported, when it reports one. */
  servedModel: string | null;
}

export interface Provider {
  /** Stable description of what answers, folded into the cache key (never contains secrets). */
  readonly identity: string;
  complete(request: ProviderRequest): Promise<ProviderResponse>;
  /** True when answers cost nothing to recompute (the simulated model): the runner then keeps them out of the response cache. */
  readonly uncached?: boolean;
  /** Present when the study asks for the provider's batch engine (`batch: true`) instead of one call per request. */
  readonly batch?: BatchEngine;
}
