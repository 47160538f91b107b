import type OpenAI from 'openai';
import type { ChatMessage } from '../expand/types.js';
import {
  chatBody,
  classify,
  createOpenAIProvider,
  failure,
  failureKind,
  interpretCompletion,
  loadSdk,
  openaiClient,
  scrubError,
  scrubSecret,
  type OpenAISpec,
} from './openai.js';
import type { QuestionTypeRegistry } from '../template/questions/registry.js';
import type { Provider, ProviderResponse, ResponseError } from './types.js';

/** The endpoint every line of a chat batch names (OpenAI, Azure and vLLM's offline runner accept it). */
const BATCH_ENDPOINT = '/v1/chat/completions';

/** One line of a Batch API input file: the request key is the custom_id, so answers find their request. */
export function batchRequestLine(spec: OpenAISpec, key: string, messages: ChatMessage[]): string {
  return JSON.stringify({ custom_id: key, method: 'POST', url: BATCH_ENDPOINT, body: chatBody(spec, messages) });
}

/** One line of a Batch API output or error file. */
export interface BatchOutputLine {
  custom_id: string;
  response: { status_code: number; body: unknown } | null;
  error: { code?: string | null; message?: string | null } | null;
}

/** Parses an output line; undefined when the line is not one (the caller says where). */
export function parseBatchOutputLine(line: string): BatchOutputLine | undefined {
  try {
    const value = JSON.parse(line) as Partial<BatchOutputLine> | null;
    if (!value || typeof value.custom_id !== 'string') return undefined;
    const response = value.response && typeof value.response.status_code === 'number' ? value.response : null;
    return { custom_id: value.custom_id, response, error: value.error ?? null };
  } catch {
    return undefined;
  }
}

/** What an output line says about its request: the answer, or why there is none. */
export function batchOutcome(line: BatchOutputLine): ProviderResponse {
  const status = line.response?.status_code;
  if (status === 200) return interpretCompletion(line.response!.body);
  const reason = line.error?.message ?? errorMessageOf(line.response?.body) ?? 'no answer';
  const message = `batch: ${line.error?.code ? `${line.error.code}: ` : ''}${reason}`;
  return failure(status === undefined ? { kind: 'server', message } : { kind: failureKind(status), status, message });
}

function errorMessageOf(body: unknown): string | undefined {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : undefined;
}

/** A batch as the runner follows it. */
export interface BatchState {
  id: string;
  /** validating, in_progress, finalizing, completed, failed, expired, cancelling, cancelled. */
  status: string;
  /** True once the provider will not change the batch any more. */
  ended: boolean;
  outputFileId: string | null;
  errorFileId: string | null;
  /** From creation to completion, when the provider says. */
  latencyMs: number;
  /** Why the provider failed the batch as a whole (invalid file, unknown model), when it says. */
  reason: string | null;
}

/** Thrown by the batch engine; carries the same classification as a failed chat request, key scrubbed. */
export class BatchApiError extends Error {
  constructor(readonly error: ResponseError) {
    super(error.message);
  }
}

/**
 * The provider's Batch API through the SDK: upload a JSONL file, create a batch, follow it, download its
 * files. Polling and retrying are the runner's (it owns time and the interrupt signal); every failure
 * surfaces as a BatchApiError with the key scrubbed.
 */
export interface BatchEngine {
  /** One line of the input file: the request `key` as the custom_id, and the body the online request would have. */
  requestLine(key: string, messages: ChatMessage[]): string;
  /** Uploads the request lines as one file and creates a batch over it, tagged `tag`; returns the batch id. */
  submit(lines: readonly string[], tag: string): Promise<string>;
  /** The id of the batch tagged `tag`, if one is among the provider's most recent batches. */
  findTagged(tag: string): Promise<string | undefined>;
  state(batchId: string): Promise<BatchState>;
  /** The lines of a file the batch produced (output, errors). */
  fileLines(fileId: string): Promise<string[]>;
  /** How long to wait between two looks at a batch in progress. */
  readonly pollMs: number;
  /** Requests per batch file. */
  readonly maxRequests: number;
}

/**
 * OpenAI accepts up to 50,000 lines and 200 MB per batch; 10,000 keeps a file (built in memory, then
 * uploaded) around 20 MB and lets the first answers come back before the whole study is done.
 */
const DEFAULT_MAX_REQUESTS = 10_000;
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

/** The metadata field that tags each batch with its submission, so a resumed run can find it. */
const TAG_FIELD = 'counterfair_submission';
/** Batches are listed newest first; a submission interrupted moments ago is among the first few. */
const TAG_SEARCH_LIMIT = 10_000;

const ENDED = new Set(['completed', 'failed', 'expired', 'cancelled']);

/**
 * An OpenAI-compatible provider that answers through the Batch API (`batch: true` in the study); its
 * `complete` still answers one request online.
 */
export function createBatchProvider(
  spec: OpenAISpec,
  apiKey: string,
  options: { pollMs?: number; maxRequests?: number; questionTypes?: QuestionTypeRegistry } = {},
): Provider & { batch: BatchEngine } {
  // The built-in fetch here: uploads are multipart, and a few control calls need no lean transport. A
  // file of thousands of requests may take longer to upload than one answer takes to arrive.
  let client: Promise<OpenAI> | undefined;
  const call = async <T>(action: (client: OpenAI) => Promise<T>): Promise<T> => {
    const Sdk = await loadSdk();
    try {
      return await action(await (client ??= openaiClient(spec, apiKey, { timeoutMs: Math.max(spec.timeoutMs, UPLOAD_TIMEOUT_MS) })));
    } catch (err) {
      throw new BatchApiError(scrubError(classify(err, Sdk), apiKey));
    }
  };
  const batch: BatchEngine = {
    requestLine: (key, messages) => batchRequestLine(spec, key, messages),
    pollMs: options.pollMs ?? 30_000,
    maxRequests: options.maxRequests ?? DEFAULT_MAX_REQUESTS,
    submit: (lines, tag) =>
      call(async (client) => {
        const file = await client.files.create({
          file: await (await import('openai')).toFile(Buffer.from(`${lines.join('\n')}\n`), 'counterfair-requests.jsonl'),
          purpose: 'batch',
        });
        const created = await client.batches.create({
          input_file_id: file.id,
          endpoint: BATCH_ENDPOINT,
          completion_window: '24h',
          metadata: { [TAG_FIELD]: tag },
        });
        return created.id;
      }),
    findTagged: (tag) =>
      call(async (client) => {
        let searched = 0;
        for await (const b of client.batches.list({ limit: 100 })) {
          if (b.metadata?.[TAG_FIELD] === tag) return b.id;
          if (++searched === TAG_SEARCH_LIMIT) break;
        }
        return undefined;
      }),
    state: (batchId) =>
      call(async (client) => {
        const b = await client.batches.retrieve(batchId);
        const latencyMs = b.completed_at && b.created_at ? (b.completed_at - b.created_at) * 1000 : 0;
        const reason = b.errors?.data?.[0]?.message ?? null;
        return {
          id: b.id,
          status: b.status,
          ended: ENDED.has(b.status),
          outputFileId: b.output_file_id ?? null,
          errorFileId: b.error_file_id ?? null,
          latencyMs,
          reason: reason && scrubSecret(reason, apiKey),
        };
      }),
    fileLines: (fileId) =>
      call(async (client) => {
        const text = await (await client.files.content(fileId)).text();
        return text.split('\n').filter((line) => line.trim() !== '');
      }),
  };
  return { ...createOpenAIProvider(spec, apiKey, options.questionTypes), batch };
}
