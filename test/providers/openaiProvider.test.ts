import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { classify, createOpenAIProvider, openaiClient } from '../../src/providers/openai.js';
import type { ProviderRequest } from '../../src/providers/types.js';
import { listenLocal, readBody, sendJson, completion, type LocalServer } from '../helpers/httpServer.js';
import { fixturePlan, openaiSpec } from '../run/fixture.js';

const SECRET = 'sk-test-provider-0123456789-never-log-me';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** What every request looked like on the wire; the reply is chosen by the user message. */
async function recordingServer(seen: Seen[]): Promise<LocalServer> {
  return listenLocal(async (req, res) => {
    const text = (await readBody(req)).toString('utf8');
    const body = JSON.parse(text) as { messages: { content: string }[] };
    seen.push({ method: req.method, url: req.url, headers: req.headers, body });
    const prompt = body.messages.at(-1)?.content ?? '';
    if (prompt === 'rate limited')
      return sendJson(res, 429, { error: { message: 'slow down', type: 'rate_limit_error' } }, { 'retry-after': '7' });
    if (prompt === 'bad request')
      return sendJson(res, 400, { error: { message: 'max_tokens is too large', type: 'invalid_request_error' } });
    if (prompt === 'plain error') return void res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream went away');
    if (prompt === 'unknown model')
      return sendJson(res, 404, {
        error: { message: 'The model `m` does not exist', type: 'invalid_request_error', code: 'model_not_found' },
      });
    if (prompt === 'secret echo') return sendJson(res, 401, { error: { message: `Incorrect API key provided: ${SECRET}` } });
    if (prompt === 'huge answer') return sendJson(res, 200, completion('served-model', `Answer: B ${'x'.repeat(200_000)}`, seen.length));
    if (prompt === 'endless answer') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => res.write('x'.repeat(16_384)), 1);
      res.on('close', () => clearInterval(drip));
      return;
    }
    if (prompt === 'secret in answer')
      return sendJson(res, 200, completion(`model-${SECRET}`, `Answer: B (your key is ${SECRET})`, seen.length));
    sendJson(res, 200, completion('served-model', 'Answer: B', seen.length));
  });
}

describe('the OpenAI provider', () => {
  const seen: Seen[] = [];
  let server: LocalServer;
  const { variants, questions } = fixturePlan();
  const variant = variants[0]!;
  const request = (prompt: string): ProviderRequest => ({
    messages: [
      { role: 'system', content: 'You are a clinician.' },
      { role: 'user', content: prompt },
    ],
    params: {},
    replicate: 0,
    subject: { variant, question: questions.get(variant.vignetteId)! },
  });
  beforeAll(async () => {
    server = await recordingServer(seen);
  });
  afterAll(() => server.close());

  it('cuts off an answer larger than max_answer_bytes, a huge one or an endless stream, and fails the attempt saying why', async () => {
    const provider = createOpenAIProvider(openaiSpec(server.baseUrl, { maxAnswerBytes: 65_536 }), SECRET);
    for (const prompt of ['huge answer', 'endless answer']) {
      const answer = await provider.complete(request(prompt));
      expect({ prompt, text: answer.text, kind: answer.error?.kind }).toEqual({ prompt, text: null, kind: 'invalid-response' });
      expect(answer.error!.message).toMatch(/exceeded 65536 bytes and was cut off \(max_answer_bytes/);
    }
    // The same answer under the default cap is read whole.
    expect((await createOpenAIProvider(openaiSpec(server.baseUrl), SECRET).complete(request('huge answer'))).text).toMatch(
      /^Answer: B x{200000}$/,
    );
  });

  it('redacts the key from an answer that echoes it, in its text and its model field', async () => {
    const answered = await createOpenAIProvider(openaiSpec(server.baseUrl), SECRET).complete(request('secret in answer'));
    expect(answered).toMatchObject({ text: 'Answer: B (your key is [redacted])', servedModel: 'model-[redacted]', error: null });
  });

  it('sends exactly the request the SDK itself sends: same method, path, headers and body', async () => {
    const spec = openaiSpec(server.baseUrl, { params: { temperature: 0, maxTokens: 50, seed: 7 } });
    const sdk = await openaiClient(spec, SECRET);
    await sdk.chat.completions.create({ model: spec.model, messages: request('same').messages, temperature: 0, max_tokens: 50, seed: 7 });
    const ours = await createOpenAIProvider(spec, SECRET).complete(request('same'));
    expect(ours).toMatchObject({
      text: 'Answer: B',
      error: null,
      finishReason: 'stop',
      servedModel: 'served-model',
      usage: { promptTokens: 100, completionTokens: 5 },
    });

    const [bySdk, byProvider] = seen.slice(-2);
    expect(byProvider!.method).toBe(bySdk!.method);
    expect(byProvider!.url).toBe(bySdk!.url);
    expect(byProvider!.body).toEqual(bySdk!.body);
    // Only the transport's own headers may differ (the SDK goes through fetch, which adds its own).
    const transport = new Set(['connection', 'host', 'accept-encoding', 'accept-language', 'sec-fetch-mode', 'user-agent-transport']);
    const wire = (h: IncomingHttpHeaders) => Object.fromEntries(Object.entries(h).filter(([name]) => !transport.has(name)));
    expect(wire(byProvider!.headers)).toEqual(wire(bySdk!.headers));
    expect(Object.keys(wire(byProvider!.headers))).toEqual(
      expect.arrayContaining([
        'accept',
        'content-type',
        'x-stainless-lang',
        'x-stainless-package-version',
        'x-stainless-runtime-version',
        'x-stainless-retry-count',
        'content-length',
      ]),
    );
    expect(byProvider!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(byProvider!.headers['user-agent']).toMatch(/^OpenAI\/JS /);
  });

  it('reports error statuses as the SDK does, with the wait the server asked for', async () => {
    const provider = createOpenAIProvider(openaiSpec(server.baseUrl), SECRET);
    const limited = await provider.complete(request('rate limited'));
    expect(limited.error).toEqual({ kind: 'rate-limit', status: 429, message: 'HTTP 429: 429 slow down', retryAfterMs: 7000 });
    const bad = await provider.complete(request('bad request'));
    expect(bad.error).toEqual({ kind: 'bad-request', status: 400, message: 'HTTP 400: 400 max_tokens is too large' });
    const unknown = await provider.complete(request('unknown model'));
    expect(unknown.error).toEqual({ kind: 'not-found', status: 404, message: 'HTTP 404: 404 The model `m` does not exist' });
    const plain = await provider.complete(request('plain error'));
    expect(plain.error).toEqual({ kind: 'server', status: 502, message: 'HTTP 502: 502 upstream went away' });
    const sdkMessage = await (await openaiClient(openaiSpec(server.baseUrl), SECRET)).chat.completions
      .create({ model: 'm', messages: request('bad request').messages })
      .catch((err: InstanceType<typeof OpenAI.APIError>) => err.message);
    expect(bad.error!.message).toBe(`HTTP 400: ${sdkMessage}`);
  });

  it('never lets the key through in an error, even when the endpoint echoes it', async () => {
    const echoed = await createOpenAIProvider(openaiSpec(server.baseUrl), SECRET).complete(request('secret echo'));
    expect(echoed.error?.kind).toBe('auth');
    expect(echoed.error?.message).toContain('[redacted]');
    expect(echoed.error?.message).not.toContain(SECRET);
  });

  it('reports a refused connection as connection-refused (retried, watched by the breaker), not a crash', async () => {
    const closed = await listenLocal(() => {});
    await closed.close();
    const response = await createOpenAIProvider(openaiSpec(closed.baseUrl), SECRET).complete(request('anyone there?'));
    expect(response.text).toBeNull();
    expect(response.error?.kind).toBe('connection-refused');
    expect(response.error?.message).toMatch(/^connection failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it('reports an aborted request as aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const response = await createOpenAIProvider(openaiSpec(server.baseUrl), SECRET).complete({
      ...request('never sent'),
      signal: controller.signal,
    });
    expect(response.error).toEqual({ kind: 'aborted', message: 'request aborted' });
  });

  it('tells an unresolvable host and a refused connection from other broken connections by the socket error code', () => {
    const socketError = (code: string) =>
      new OpenAI.APIConnectionError({ message: `connect ${code}`, cause: Object.assign(new Error(code), { code }) });
    expect(classify(socketError('ENOTFOUND'), OpenAI).kind).toBe('dns');
    expect(classify(socketError('EAI_AGAIN'), OpenAI).kind).toBe('dns');
    expect(classify(socketError('ECONNREFUSED'), OpenAI).kind).toBe('connection-refused');
    expect(classify(socketError('ECONNRESET'), OpenAI).kind).toBe('network');
    expect(classify(new OpenAI.APIConnectionError({ message: 'no cause' }), OpenAI).kind).toBe('network');
  });
});
