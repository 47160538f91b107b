import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat endpoint with a fixed latency and a fixed number of slots (requests served at
 * once; the rest queue), run in its own process so its CPU is not counted against the runner: the fallback
 * bench/latencyFixture.ts starts when it cannot compile bench/latencyServer.c. Reports its port, then on each
 * 'stats' message what it served since the previous one: how many answers, their mean latency (timers
 * overshoot) and the span from the first request to the last answer.
 */
function serve(latencyMs: number, slots: number): void {
  let busy = 0;
  let answered = 0;
  let served = 0;
  let latencyTotal = 0;
  let firstAt: number | undefined;
  let lastAt = 0;
  const queue: (() => void)[] = [];
  const body = (n: number) =>
    JSON.stringify({
      id: `chatcmpl-${n}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'bench-model',
      choices: [{ index: 0, message: { role: 'assistant', content: 'The patient is high risk.\nAnswer: B' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 120, completion_tokens: 9, total_tokens: 129 },
    });
  const server = createServer((req, res) => {
    firstAt ??= performance.now();
    req.resume();
    req.on('end', () => {
      const start = () => {
        busy++;
        const began = performance.now();
        setTimeout(() => {
          const text = body(++answered);
          served++;
          latencyTotal += performance.now() - began;
          lastAt = performance.now();
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
          busy--;
          queue.shift()?.();
        }, latencyMs);
      };
      if (busy < slots) start();
      else queue.push(start);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('message', () => {
    process.send!({ served, meanLatencyMs: served ? latencyTotal / served : 0, spanMs: firstAt === undefined ? 0 : lastAt - firstAt });
    served = 0;
    latencyTotal = 0;
    firstAt = undefined;
  });
}

const [latency, slots] = process.argv.slice(2).map(Number);
serve(latency ?? 20, slots ?? 64);
