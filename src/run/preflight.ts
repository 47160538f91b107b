import type { Variant } from '../expand/types.js';
import { isOpenAISpec } from '../providers/openai.js';
import { createProvider } from '../providers/registry.js';
import { isSimulatedSpec } from '../providers/simulatedDecision.js';
import type { ResponseErrorKind } from '../providers/types.js';
import type { ModelSpec, Study } from '../study/types.js';
import type { Question } from '../template/types.js';
import { messagesFor } from './plan.js';
import { batchPrice } from './progress.js';
import { TokenEstimator } from './tokens.js';

/** What one model of a study would be asked, before anything is sent. */
export interface ModelEstimate {
  modelId: string;
  kind: ModelSpec['kind'];
  requests: number;
  /** Estimated before any answer is seen (about four characters a token, answers of max_tokens or 256). */
  promptTokens: number;
  completionTokens: number;
  /** In the study's price unit (US dollars per million tokens in `price:`); null when the model has no price. */
  cost: number | null;
}

export interface PlanEstimate {
  variants: number;
  replicates: number;
  models: ModelEstimate[];
}

/**
 * Counts the requests of a study and estimates their tokens and cost, one pass over its variants, no network.
 * The simulated model costs nothing. A model sent through a Batch API is priced at its batch price.
 */
export function estimatePlan(study: Pick<Study, 'models' | 'replicates'>, variants: Iterable<Variant>): PlanEstimate {
  const totals = study.models.map(() => ({ prompt: 0, completion: 0 }));
  const estimators = study.models.map((m) => new TokenEstimator(m.params.maxTokens));
  let count = 0;
  for (const variant of variants) {
    count++;
    study.models.forEach((spec, i) => {
      const messages = messagesFor(spec, variant);
      const parts = estimators[i]!.estimateParts(TokenEstimator.characters(messages), messages.length);
      totals[i]!.prompt += parts.prompt * study.replicates;
      totals[i]!.completion += parts.completion * study.replicates;
    });
  }
  return {
    variants: count,
    replicates: study.replicates,
    models: study.models.map((spec, i) => {
      const { prompt, completion } = totals[i]!;
      const price = isOpenAISpec(spec) && spec.batch ? batchPrice(spec.price) : spec.price;
      const cost = isSimulatedSpec(spec) ? 0 : price ? (prompt * price.input + completion * price.output) / 1e6 : null;
      return {
        modelId: spec.id,
        kind: spec.kind,
        requests: count * study.replicates,
        promptTokens: prompt,
        completionTokens: completion,
        cost,
      };
    }),
  };
}

/**
 * How one model's endpoint answered a single test request. `ok`: it answered; `unreachable` and `rejected` mean a
 * run would fail (nothing listens, the key or model name is wrong...); `limited`: the endpoint is there but asked
 * us to slow down (429), which a run handles; `no-key`: the key's environment variable is not set; `simulated`: no
 * network involved; `not-checked`: a provider added through the registry, which only a run reaches.
 */
export type EndpointStatus = 'ok' | 'limited' | 'unreachable' | 'rejected' | 'no-key' | 'simulated' | 'not-checked';

export interface EndpointCheck {
  modelId: string;
  /** Where the request went ("http://127.0.0.1:8000/v1 model llama3"), never the key. */
  target: string;
  status: EndpointStatus;
  /** The failure as the provider classified it, and its HTTP status when there was one. */
  errorKind?: ResponseErrorKind;
  httpStatus?: number;
  /** The cause in words, with what to do; the endpoint's own message (key scrubbed) follows. */
  cause?: string;
  /** The model identifier the endpoint reported when it answered. */
  servedModel?: string | null;
  latencyMs?: number;
}

/** Statuses after which a run would not work: the CLI exits 2. */
export function endpointFailed(check: EndpointCheck): boolean {
  return check.status === 'unreachable' || check.status === 'rejected' || check.status === 'no-key';
}

export interface EndpointCheckOptions {
  env: Readonly<Record<string, string | undefined>>;
  clock: () => number;
  /** A test request waits at most this long (the model's own timeout when shorter). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_CHECK_TIMEOUT_MS = 30_000;

/**
 * Sends one request (the first variant, the model's own parameters, one attempt, no retry) to each model that
 * has an endpoint, all at once, and says how each answered. The answers are not recorded: a run asks again.
 */
export async function checkEndpoints(
  study: Pick<Study, 'models' | 'seed'>,
  variant: Variant,
  question: Question,
  options: EndpointCheckOptions,
): Promise<EndpointCheck[]> {
  return Promise.all(study.models.map((spec) => checkEndpoint(spec, study.seed, variant, question, options)));
}

async function checkEndpoint(
  spec: ModelSpec,
  studySeed: number,
  variant: Variant,
  question: Question,
  options: EndpointCheckOptions,
): Promise<EndpointCheck> {
  if (isSimulatedSpec(spec)) return { modelId: spec.id, target: 'simulated model (no network)', status: 'simulated' };
  // Only OpenAI-compatible endpoints are checked; a provider added through the registry is reached by a run alone.
  if (!isOpenAISpec(spec)) return { modelId: spec.id, target: `provider ${spec.kind}`, status: 'not-checked' };
  const target = `${spec.baseUrl ?? 'https://api.openai.com/v1'} model ${spec.model}`;
  if (!options.env[spec.apiKeyEnv])
    return {
      modelId: spec.id,
      target,
      status: 'no-key',
      cause: `environment variable ${spec.apiKeyEnv} is not set: export it with the API key (or put it in a file and pass --env-file FILE)`,
    };
  const timeoutMs = Math.min(spec.timeoutMs, options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS);
  // One online attempt, even for a model the study sends through a Batch API: the check is about key, address and name.
  const provider = createProvider({ ...spec, batch: false, timeoutMs }, { studySeed, env: options.env });
  const started = options.clock();
  const response = await provider.complete({
    messages: messagesFor(spec, variant),
    params: spec.params,
    replicate: 0,
    subject: { variant, question },
    signal: options.signal,
  });
  const latencyMs = options.clock() - started;
  if (response.error === null) return { modelId: spec.id, target, status: 'ok', servedModel: response.servedModel, latencyMs };
  const { kind, status, message } = response.error;
  return {
    modelId: spec.id,
    target,
    status: kind === 'rate-limit' ? 'limited' : statusOf(kind),
    errorKind: kind,
    ...(status !== undefined ? { httpStatus: status } : {}),
    cause: `${advice(kind, spec, timeoutMs)} (${message})`,
    latencyMs,
  };
}

function statusOf(kind: ResponseErrorKind): EndpointStatus {
  switch (kind) {
    case 'connection-refused':
    case 'dns':
    case 'network':
    case 'timeout':
    case 'aborted':
    case 'not-sent':
      return 'unreachable';
    case 'auth':
    case 'not-found':
    case 'bad-request':
    case 'server':
    case 'invalid-response':
      return 'rejected';
    case 'rate-limit':
      return 'limited';
  }
}

function advice(kind: ResponseErrorKind, spec: Extract<ModelSpec, { kind: 'openai' }>, timeoutMs: number): string {
  const where = spec.baseUrl ?? 'https://api.openai.com/v1';
  switch (kind) {
    case 'connection-refused':
      return `nothing listens at ${where}: start the server, or fix base_url (or --base-url)`;
    case 'dns':
      return `the host of ${where} does not resolve: check base_url for a typo`;
    case 'network':
      return `the connection to ${where} failed`;
    case 'timeout':
      return `no answer from ${where} within ${timeoutMs} ms: is the server overloaded or the address wrong?`;
    case 'aborted':
    case 'not-sent':
      return 'the test request was stopped before an answer came';
    case 'auth':
      return `the endpoint refused the key in ${spec.apiKeyEnv} (401/403): check that it is the key for this endpoint and still valid`;
    case 'not-found':
      return `the endpoint has no model "${spec.model}" or base_url is wrong (404): check the model name (the server lists its models at ${where}/models) and that base_url ends in /v1`;
    case 'bad-request':
      return `the endpoint rejected the request for model "${spec.model}": check the model's parameters (temperature, max_tokens, structured_output)`;
    case 'server':
      return `the endpoint failed with a server error: retry later, or check the server's log`;
    case 'invalid-response':
      return `the endpoint's answer is not an OpenAI-compatible chat completion: check that base_url points at the API (usually ending in /v1)`;
    case 'rate-limit':
      return 'the endpoint is there but asked to slow down (429); a run retries, and rpm/tpm in the study keep it under the limit';
  }
}
