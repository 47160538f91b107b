import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  authorization: string | undefined;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    temperature?: number;
    response_format?: { type: string; json_schema?: { schema: { properties: { answer: { enum?: unknown[] } } } } };
  };
}

/**
 * A minimal OpenAI-compatible chat completions server on 127.0.0.1 for tests. `answer` decides the reply
 * text from the request body; `status` may return an HTTP error code instead.
 */
export async function startFakeOpenAI(
  answer: (body: SeenRequest['body']) => string | { status: number; message?: string },
): Promise<{ baseUrl: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as SeenRequest['body'];
    seen.push({ authorization: req.headers.authorization, body });
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const reply = answer(body);
    if (typeof reply !== 'string') {
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          error: { message: reply.message ?? 'simulated failure', type: reply.status < 500 ? 'invalid_request_error' : 'server_error' },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${seen.length}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 100, completion_tokens: 5, total_tokens: 105 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
