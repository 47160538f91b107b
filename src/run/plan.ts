import type { ChatMessage, Variant } from '../expand/types.js';
import type { ModelParams, ModelSpec } from '../study/types.js';
import { createHash } from 'node:crypto';
import { stableStringify } from '../util/hash.js';
import type { RequestSubject } from './types.js';

/**
 * Folded into every request key. Bump it when what a key covers changes meaning (a new parameter that
 * alters answers, a different message rendering), so stale cache entries stop matching instead of being
 * served as answers to requests they never saw.
 */
export const CACHE_KEY_VERSION = 1;

/**
 * The study's variants in expansion order, as the runner reads them: walked as often as needed and looked up
 * by position. An array is one; so is a run directory's variants.jsonl read back on demand, which keeps a
 * run's memory bounded whatever the study's size.
 */
export interface VariantSource extends Iterable<Variant> {
  readonly length: number;
  at(index: number): Variant | undefined;
}

/** One request of the study: what is sent, to whom, and its content address. */
export interface PlannedRequest extends RequestSubject {
  key: string;
  messages: ChatMessage[];
  variant: Variant;
}

/** What the plan needs to know about a model: its settings and the identity of what answers. */
export interface PlanModel {
  spec: ModelSpec;
  /** Provider identity (endpoint and model, never secrets), part of every key. */
  identity: string;
}

/** The messages a model receives: its own system prompt replaces the study's. */
export function messagesFor(spec: ModelSpec, variant: Variant): ChatMessage[] {
  return variant.messages.map((m, i) => (i === 0 && m.role === 'system' ? { ...m, content: spec.systemPrompt } : m));
}

export function requestKey(identity: string, params: ModelParams, messages: readonly ChatMessage[], replicate: number): string {
  return replicateKeys(identity, params, messages)(replicate);
}

const REPLICATE_SLOT = '\u0000replicate';

/**
 * The keys of every replicate of one request: the sha256 of the stable JSON of { v, provider, params,
 * messages, replicate }. Only the replicate differs between them, so the text before it (the messages,
 * over a kilobyte) is serialised and hashed once and each key hashes just the rest.
 */
export function replicateKeys(identity: string, params: ModelParams, messages: readonly ChatMessage[]): (replicate: number) => string {
  const text = stableStringify({ v: CACHE_KEY_VERSION, provider: identity, params, messages, replicate: REPLICATE_SLOT });
  const slot = text.lastIndexOf(JSON.stringify(REPLICATE_SLOT));
  const before = createHash('sha256').update(text.slice(0, slot));
  const after = text.slice(slot + JSON.stringify(REPLICATE_SLOT).length);
  return (replicate) =>
    before
      .copy()
      .update(`${JSON.stringify(replicate)}${after}`)
      .digest('hex');
}

/**
 * Every variant x replicate for one model, in expansion order (variant-major), computed lazily so a run
 * never holds more than the requests it is working on.
 */
export function* planRequests(model: PlanModel, variants: Iterable<Variant>, replicates: number): Generator<PlannedRequest> {
  for (const variant of variants) {
    const messages = messagesFor(model.spec, variant);
    const keyOf = replicateKeys(model.identity, model.spec.params, messages);
    for (let replicate = 0; replicate < replicates; replicate++)
      yield plannedRequest(model.spec, variant, messages, replicate, keyOf(replicate));
  }
}

/** The request at `position` in planRequests' order, without walking the plan to it. */
export function requestAt(model: PlanModel, variants: VariantSource, replicates: number, position: number): PlannedRequest | undefined {
  const variant = Number.isInteger(position) && position >= 0 ? variants.at(Math.floor(position / replicates)) : undefined;
  if (!variant) return undefined;
  const messages = messagesFor(model.spec, variant);
  const replicate = position % replicates;
  return plannedRequest(model.spec, variant, messages, replicate, requestKey(model.identity, model.spec.params, messages, replicate));
}

function plannedRequest(spec: ModelSpec, variant: Variant, messages: ChatMessage[], replicate: number, key: string): PlannedRequest {
  return { key, modelId: spec.id, vignetteId: variant.vignetteId, variantId: variant.variantId, replicate, messages, variant };
}
