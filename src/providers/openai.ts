import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ChatMessage } from '../expand/types.js';
import { answerFormat } from './answerFormat.js';
import { createQuestionTypeRegistry, type QuestionTypeRegistry } from '../template/questions/registry.js';
import { AnswerTooLarge, createHttpPost, httpTarget, isAbortError, type HttpReply, type HttpTarget } from './httpPost.js';
import type { Provider, ProviderRequest, ProviderResponse, ResponseError, ResponseErrorKind } from './types.js';

import type { OpenAISpec } from './openaiSpec.js';

export { isOpenAISpec, type OpenAISpec } from './openaiSpec.js';

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** What answers: endpoint and model, never the key. Part of every request key, so it needs no client. */
export function openaiIdentity(spec: OpenAISpec): string {
  return `openai:${spec.baseUrl ?? DEFAULT_BASE_URL}:${spec.model}`;
}

/** The chat completion request body, the same online and in a Batch API file. */
export function chatBody(spec: OpenAISpec, messages: ChatMessage[]): ChatCompletionCreateParamsNonStreaming {
  const { temperature, topP, maxTokens, seed } = spec.params;
  return { model: spec.model, messages, temperature, top_p: topP, max_tokens: maxTokens, seed };
}

/** The SDK's client class, imported on first use (Node caches the module: later calls cost a resolved promise). */
export async function loadSdk(): Promise<typeof OpenAI> {
  return (await import('openai')).default;
}

/**
 * An SDK client for one endpoint. The SDK neither retries (the runner does, counting every attempt) nor
 * logs (its debug log prints bodies, which are model output).
 */
export async function openaiClient(spec: OpenAISpec, apiKey: string, options: { timeoutMs?: number } = {}): Promise<OpenAI> {
  const Sdk = await loadSdk();
  return new Sdk({
    baseURL: spec.baseUrl ?? DEFAULT_BASE_URL,
    apiKey,
    maxRetries: 0,
    timeout: options.timeoutMs ?? spec.timeoutMs,
    logLevel: 'off',
  });
}

/**
 * Any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp, LM Studio, gateways).
 * The key is passed in by the caller (read from the environment by the CLI) and scrubbed from every error
 * message.
 *
 * The official SDK defines every exchange: it builds the request (URL with default query, the key's
 * header, user agent and platform headers, organization and project) and turns every error status into
 * its error classes. It builds that request once per endpoint, not once per call: its per-call machinery
 * (WHATWG Headers, log details formatted even with logging off, promise layers, a timer and an abort
 * controller of its own) cost about 0.15 ms of CPU per request at the benchmark's 3,200 requests a second,
 * three quarters of the runner's whole budget. Each call then only serialises its body and posts it.
 */
export function createOpenAIProvider(
  spec: OpenAISpec,
  apiKey: string,
  questionTypes: QuestionTypeRegistry = createQuestionTypeRegistry(),
): Provider {
  // The SDK (150 modules) is loaded at the first request, not when a command that never asks anything starts.
  let client: Promise<OpenAI> | undefined;
  const post = createHttpPost(spec.concurrency, spec.maxAnswerBytes);
  let target: Promise<HttpTarget> | undefined;
  // Structured output is asked for until the endpoint refuses it once; from then on this provider sends plain
  // requests (the answer is then read from text, as for any endpoint).
  let structured = spec.params.structuredOutput === true;
  const send = async (request: ProviderRequest): Promise<ProviderResponse> => {
    const format = structured ? answerFormat(request.subject.question, questionTypes) : undefined;
    const Sdk = await loadSdk();
    try {
      const body = format ? { ...chatBody(spec, request.messages), response_format: format } : chatBody(spec, request.messages);
      const reply = await post(
        await (target ??= chatTarget((client ??= openaiClient(spec, apiKey)), spec)),
        JSON.stringify(body),
        request.signal,
      ).catch((err: unknown) => connectionError(err, Sdk));
      if (reply.status < 200 || reply.status > 299) throw statusError(reply, Sdk);
      return scrubResponse(interpretCompletion(JSON.parse(reply.text)), apiKey);
    } catch (err) {
      const error = scrubError(classify(err, Sdk), apiKey);
      if (format && error.kind === 'bad-request' && STRUCTURED_REFUSAL.test(error.message)) {
        structured = false;
        return send(request);
      }
      return failure(error);
    }
  };
  return { identity: openaiIdentity(spec), complete: send };
}

/** The SDK's own chat completion request for this endpoint, without a body: where it goes and its headers. */
async function chatTarget(clientPromise: Promise<OpenAI>, spec: OpenAISpec): Promise<HttpTarget> {
  const client = await clientPromise;
  const { url, req } = await client.buildRequest({ method: 'post', path: '/chat/completions', body: chatBody(spec, []) });
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => {
    if (name !== 'content-length') headers[name] = value;
  });
  return httpTarget(new URL(url), headers);
}

/** An error status as the SDK reports it (RateLimitError, InternalServerError, ...), from the body it sent. */
function statusError(reply: HttpReply, Sdk: typeof OpenAI): InstanceType<typeof OpenAI.APIError> {
  let json: unknown;
  try {
    json = JSON.parse(reply.text);
  } catch {
    json = undefined;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) for (const item of [value ?? []].flat()) headers.append(name, item);
  return Sdk.APIError.generate(reply.status, json as object | undefined, json === undefined ? reply.text : undefined, headers);
}

/** A failed exchange as the SDK reports it; an abort stays an abort. */
function connectionError(err: unknown, Sdk: typeof OpenAI): never {
  if (isAbortError(err) || err instanceof AnswerTooLarge) throw err;
  throw new Sdk.APIConnectionError({
    message: err instanceof Error ? err.message : String(err),
    cause: err instanceof Error ? err : undefined,
  });
}

/** How endpoints say they do not support structured output (OpenAI, vLLM, llama.cpp, Ollama, gateways). */
const STRUCTURED_REFUSAL = /response_format|json_schema|structured output|guided/i;

/**
 * Reads a chat completion body, online or from a batch output line. A body without choices or without
 * message content is a broken response (worth a retry), not an answer; a refusal field is the answer.
 */
export function interpretCompletion(body: unknown): ProviderResponse {
  const completion = body as Partial<OpenAI.ChatCompletion> | null;
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (!choice) return failure({ kind: 'invalid-response', message: 'the endpoint returned no choices' });
  const text = choice.message?.content ?? choice.message?.refusal;
  if (typeof text !== 'string') return failure({ kind: 'invalid-response', message: 'the endpoint returned no message content' });
  const usage = completion?.usage;
  const counted = typeof usage?.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number';
  return {
    text,
    error: null,
    finishReason: choice.finish_reason ?? null,
    usage: counted ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } : null,
    servedModel: completion?.model ?? null,
  };
}

export function failure(error: ResponseError): ProviderResponse {
  return { text: null, error, finishReason: null, usage: null, servedModel: null };
}

/** A thrown SDK (or transport) error as data: what kind of failure, and whether the server asked to wait. */
export function classify(err: unknown, Sdk: typeof OpenAI): ResponseError {
  if (err instanceof Sdk.APIUserAbortError || isAbortError(err)) return { kind: 'aborted', message: 'request aborted' };
  if (err instanceof Sdk.APIConnectionTimeoutError) return { kind: 'timeout', message: 'request timed out' };
  if (err instanceof Sdk.APIConnectionError) return { kind: connectionFailureKind(err), message: `connection failed: ${err.message}` };
  if (err instanceof Sdk.APIError) return httpError(err);
  if (err instanceof SyntaxError) return { kind: 'invalid-response', message: `the endpoint sent malformed JSON (${err.message})` };
  return { kind: 'invalid-response', message: err instanceof Error ? err.message : String(err) };
}

/** Socket error codes that say the endpoint is not there (rather than that one exchange broke). */
const CONNECTION_CODES: Readonly<Record<string, ResponseErrorKind>> = {
  ECONNREFUSED: 'connection-refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
};

function connectionFailureKind(err: InstanceType<typeof OpenAI.APIConnectionError>): ResponseErrorKind {
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return (typeof code === 'string' ? CONNECTION_CODES[code] : undefined) ?? 'network';
}

function httpError(err: InstanceType<typeof OpenAI.APIError>): ResponseError {
  const status = err.status;
  const retryAfterMs = retryAfter(err.headers);
  return {
    kind: status === undefined ? 'server' : failureKind(status),
    status,
    message: `HTTP ${status ?? '?'}: ${err.message}`,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** What an HTTP error status means for the request: 408, 409, 429 and 5xx may pass on another try. */
export function failureKind(status: number): ResponseErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limit';
  if (status === 408) return 'timeout';
  if (status === 409 || status >= 500) return 'server';
  return 'bad-request';
}

/** The wait a server asks for: `retry-after-ms` (OpenAI, Azure), else `retry-after` in seconds or as a date. */
export function retryAfter(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Keys must never reach logs, caches or reports, even when an endpoint or the SDK echoes them back. */
export function scrubError(error: ResponseError, apiKey: string): ResponseError {
  return { ...error, message: scrubSecret(error.message, apiKey) };
}

/** An answer that echoes the key (in its text or its model field) would carry it into responses, the cache and reports. */
function scrubResponse(response: ProviderResponse, apiKey: string): ProviderResponse {
  const text = response.text === null ? null : scrubSecret(response.text, apiKey);
  const servedModel = response.servedModel === null ? null : scrubSecret(response.servedModel, apiKey);
  return text === response.text && servedModel === response.servedModel ? response : { ...response, text, servedModel };
}

export function scrubSecret(text: string, secret: string): string {
  return secret.length < 4 ? text : text.split(secret).join('[redacted]');
}
