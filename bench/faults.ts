/**
 * npm run bench:faults [-- --concurrency 8 --latency 10]
 *
 * Wall time of `counterfair run examples/quickstart.yaml` against a local OpenAI-compatible server, first answering
 * every attempt, then failing 20 % of attempts with 429 (Retry-After: 1) and 5 % with 500, and the ratio of the two.
 * Which attempt fails is a hash of the prompt and its attempt number, so both runs and every repetition meet the
 * same faults. Each run is a fresh process with a fresh run directory and no response cache.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { completion, listenLocal, readBody, sendJson } from '../test/helpers/httpServer.js';

const { values } = parseArgs({ options: { concurrency: { type: 'string', default: '8' }, latency: { type: 'string', default: '10' } } });
const latencyMs = Number(values.latency);
const root = new URL('..', import.meta.url).pathname;

/** A number in [0, 1) fixed by the prompt and the attempt. */
function draw(prompt: string, attempt: number): number {
  return createHash('sha256').update(`${attempt}\u0000${prompt}`).digest().readUInt32BE(0) / 2 ** 32;
}

async function timeRun(faulty: boolean): Promise<{ seconds: number; attempts: number; status: number | null; tail: string }> {
  const counts = new Map<string, number>();
  let attempts = 0;
  const server = await listenLocal(async (req, res) => {
    const body = JSON.parse((await readBody(req)).toString()) as { model: string; messages: { content: string }[] };
    const prompt = body.messages.map((m) => m.content).join('\n');
    const n = (counts.get(prompt) ?? 0) + 1;
    counts.set(prompt, n);
    attempts++;
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const u = faulty ? draw(prompt, n) : 1;
    if (u < 0.2) return sendJson(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '1' });
    if (u < 0.25) return sendJson(res, 500, { error: { message: 'server error' } });
    sendJson(res, 200, completion(body.model, 'Answer: A', 1));
  });
  const out = mkdtempSync(join(tmpdir(), 'counterfair-bench-faults-'));
  const started = process.hrtime.bigint();
  // Asynchronous: the server answers from this process's event loop while the run goes on.
  const child = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const args = [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'run',
      'examples/quickstart.yaml',
      '--base-url',
      server.baseUrl,
      '--model',
      'bench',
      '--api-key-env',
      'BENCH_KEY',
    ];
    const run = spawn(process.execPath, [...args, '--concurrency', values.concurrency, '--out', join(out, 'run')], {
      cwd: root,
      env: { ...process.env, BENCH_KEY: 'not-a-secret', COUNTERFAIR_CACHE_DIR: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    run.on('close', (status) => resolve({ status, stderr }));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await server.close();
  rmSync(out, { recursive: true, force: true });
  return { seconds, attempts, status: child.status, tail: child.stderr.trim().split('\n').slice(-1)[0] ?? '' };
}

console.log(`quickstart against a local server (${latencyMs} ms per attempt, concurrency ${values.concurrency})`);
const clean = await timeRun(false);
console.log(`no faults:             ${clean.seconds.toFixed(1)} s, ${clean.attempts} attempts, exit ${clean.status}`);
const faulty = await timeRun(true);
console.log(`20 % 429 + 5 % 500:    ${faulty.seconds.toFixed(1)} s, ${faulty.attempts} attempts, exit ${faulty.status}`);
console.log(`ratio faulty / clean:  ${(faulty.seconds / clean.seconds).toFixed(2)}`);
