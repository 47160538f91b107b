import type { Outcome } from '../score/types.js';
import { isWrong } from '../pairing/pairs.js';

/**
 * Binary endpoints tested for disparity. `error` is the primary one (error amplification). A model that refuses,
 * garbles or fails requests more often for some patients is a finding too, so those are tested the same way.
 * Each returns null when the outcome cannot count (no answer to judge).
 */
export const ENDPOINTS = {
  error: isWrong,
  refusal: (o: Outcome) => (o === 'error' || o === 'unscored' ? null : o === 'refusal'),
  unparseable: (o: Outcome) => (o === 'error' || o === 'unscored' ? null : o === 'unparseable'),
  'request-error': (o: Outcome) => o === 'error',
} as const satisfies Record<string, (o: Outcome) => boolean | null>;

export type Endpoint = keyof typeof ENDPOINTS;
export const ENDPOINT_NAMES = Object.keys(ENDPOINTS) as Endpoint[];

export const ENDPOINT_WORDS: Record<Endpoint, string> = {
  error: 'was wrong',
  refusal: 'refused to answer',
  unparseable: 'gave no usable answer',
  'request-error': 'failed to respond (request error)',
};
