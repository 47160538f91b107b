import { completion, listenLocal, readBody, sendJson, type LocalServer } from './httpServer.js';

interface FakeBatch {
  id: string;
  input_file_id: string;
  status: string;
  polls: number;
  output_file_id: string | null;
  error_file_id: string | null;
  metadata: Record<string, string> | null;
}

export interface FakeBatchAPI extends LocalServer {
  /** Contents of every uploaded file, by id. */
  uploads: Map<string, string>;
  batches: FakeBatch[];
  authorizations: Set<string | undefined>;
}

export interface BatchBehaviour {
  /** The answer to a request line, or a status code to fail it with (it then goes to the error file). */
  answer: (body: { model: string; messages: { content: string }[] }) => string | { status: number };
  /** How many times a batch reports in_progress before it completes. */
  pollsBeforeDone?: number;
  /** Ends every batch this way instead of completing it (expired batches keep no output). */
  endAs?: 'expired';
  /** Creates the batch, then answers 502 as if the answer were lost on the way back. */
  loseCreateAnswers?: boolean;
  /** GET /batches (the list) fails with 500, as on a provider that cannot say what it has. */
  listFails?: boolean;
}

/**
 * The OpenAI Batch API, minimally: POST /files (multipart upload), POST /batches, GET /batches (newest
 * first, one page), GET /batches/:id and GET /files/:id/content. A batch completes after `pollsBeforeDone` looks, producing an output file of
 * answers and an error file of failed lines, in the shape OpenAI documents.
 */
export async function startFakeBatchAPI(behaviour: BatchBehaviour): Promise<FakeBatchAPI> {
  const uploads = new Map<string, string>();
  const batches: FakeBatch[] = [];
  const authorizations = new Set<string | undefined>();
  const server = await listenLocal(async (req, res) => {
    authorizations.add(req.headers.authorization);
    const body = await readBody(req);
    const path = new URL(req.url!, 'http://localhost').pathname.replace(/^\/v1/, '');
    if (req.method === 'POST' && path === '/files') {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type']! } }).formData();
      const id = `file-${uploads.size + 1}`;
      uploads.set(id, await (form.get('file') as File).text());
      return sendJson(res, 200, {
        id,
        object: 'file',
        bytes: body.length,
        created_at: 1,
        filename: 'input.jsonl',
        purpose: form.get('purpose'),
      });
    }
    if (req.method === 'POST' && path === '/batches') {
      const { input_file_id, metadata } = JSON.parse(body.toString()) as { input_file_id: string; metadata?: Record<string, string> };
      const batch: FakeBatch = {
        id: `batch-${batches.length + 1}`,
        input_file_id,
        status: 'in_progress',
        polls: 0,
        output_file_id: null,
        error_file_id: null,
        metadata: metadata ?? null,
      };
      batches.push(batch);
      if (behaviour.loseCreateAnswers) return sendJson(res, 502, { error: { message: 'bad gateway' } });
      return sendJson(res, 200, view(batch));
    }
    if (req.method === 'GET' && path === '/batches') {
      if (behaviour.listFails) return sendJson(res, 500, { error: { message: 'list unavailable' } });
      const data = [...batches].reverse().map(view);
      return sendJson(res, 200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false });
    }
    const batch = batches.find((b) => path === `/batches/${b.id}`);
    if (req.method === 'GET' && batch) {
      if (batch.status === 'in_progress' && ++batch.polls > (behaviour.pollsBeforeDone ?? 1)) finish(batch);
      return sendJson(res, 200, view(batch));
    }
    const file = /^\/files\/([^/]+)\/content$/.exec(path);
    if (req.method === 'GET' && file && uploads.has(file[1]!)) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(uploads.get(file[1]!));
      return;
    }
    sendJson(res, 404, { error: { message: `no route ${req.method} ${path}` } });
  });

  function finish(batch: FakeBatch): void {
    if (behaviour.endAs) {
      batch.status = behaviour.endAs;
      return;
    }
    const output: string[] = [];
    const errors: string[] = [];
    for (const line of uploads.get(batch.input_file_id)!.trim().split('\n')) {
      const request = JSON.parse(line) as { custom_id: string; body: { model: string; messages: { content: string }[] } };
      const reply = behaviour.answer(request.body);
      if (typeof reply === 'string')
        output.push(
          JSON.stringify({
            id: `r-${output.length}`,
            custom_id: request.custom_id,
            response: { status_code: 200, request_id: 'q', body: completion(request.body.model, reply, output.length) },
            error: null,
          }),
        );
      else
        errors.push(
          JSON.stringify({
            id: `e-${errors.length}`,
            custom_id: request.custom_id,
            response: { status_code: reply.status, request_id: 'q', body: { error: { message: `simulated ${reply.status}` } } },
            error: null,
          }),
        );
    }
    batch.output_file_id = store(output);
    batch.error_file_id = errors.length ? store(errors) : null;
    batch.status = 'completed';
  }

  function store(lines: string[]): string {
    const id = `file-${uploads.size + 1}`;
    uploads.set(id, lines.join('\n'));
    return id;
  }

  return { ...server, uploads, batches, authorizations };
}

function view(b: FakeBatch): Record<string, unknown> {
  return {
    id: b.id,
    object: 'batch',
    endpoint: '/v1/chat/completions',
    input_file_id: b.input_file_id,
    completion_window: '24h',
    status: b.status,
    created_at: 1_700_000_000,
    ...(b.status === 'completed' ? { completed_at: 1_700_000_090 } : {}),
    output_file_id: b.output_file_id,
    error_file_id: b.error_file_id,
    metadata: b.metadata,
    request_counts: { total: 0, completed: 0, failed: 0 },
  };
}
