/**
 * npm run bench:runner [-- --requests 5000 --latency 20 --slots 64 --no-peer]
 *
 * Runs the production path (OpenAI provider, endpoint gate, fsync'd journal, shared cache) against a local
 * OpenAI-compatible server in another process with a fixed latency and slot count, and prints throughput
 * as a percentage of the ceiling (slots / latency) and CPU milliseconds per request (process.cpuUsage,
 * user + system, every thread of this process). Then, if promptfoo@0.121.20 installs into a temporary
 * folder (never the project), sends the same requests through it and prints the ratio.
 *
 * The server is bench/latencyServer.c (epoll and a nanosecond timerfd; it holds requests about 0.1 ms longer
 * than asked), compiled with cc on first use; without cc it is bench/latencyServer.ts, whose batched 1 ms
 * timers and HTTP server cost hold clients to about 90% of the ceiling. The first lines say which one served.
 * Before counterfair, a reference client (bench/referenceClient.ts: raw node:http keep-alive, as many sockets
 * and requests in flight as slots, JSON.parse of each answer and nothing else) sends the same request bodies:
 * its throughput is what the fixture lets a client that does nothing reach on this machine, the practical
 * ceiling to read counterfair's against.
 *
 * Each client runs WARM_UP_RUNS times unmeasured and MEASURED_RUNS times measured, and the median run is
 * reported with all of them (this VM's figures move by 10-20% between runs) and the first, JIT-cold one.
 * Each counterfair run has a fresh run directory and cache, so nothing is reused between runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { expandStudy } from '../src/expand/expand.js';
import { chatBody, createOpenAIProvider, type OpenAISpec } from '../src/providers/openai.js';
import { ResponseCache } from '../src/run/cache.js';
import { systemContext } from '../src/run/context.js';
import { messagesFor } from '../src/run/plan.js';
import { runModels } from '../src/run/runner.js';
import { ResponseJournal } from '../src/run/store.js';
import { loadStudy } from '../src/study/load.js';
import { startLatencyServer } from './latencyFixture.js';
import { runReferenceClient } from './referenceClient.js';

const PROMPTFOO = 'promptfoo@0.121.20';
const PROMPTFOO_DIR = join(tmpdir(), 'counterfair-bench-promptfoo');

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '5000' },
    latency: { type: 'string', default: '20' },
    slots: { type: 'string', default: '64' },
    'no-peer': { type: 'boolean', default: false },
  },
});
const requests = Number(values.requests);
const latencyMs = Number(values.latency);
const slots = Number(values.slots);
const REPLICATES = 10;

const ceilingPerSecond = slots / (latencyMs / 1000);

// Real vignettes from the shipped library: the prompts the runner hashes, sends and records are the real ones.
const { study, vignettes } = loadStudy(new URL('../examples/quickstart.yaml', import.meta.url).pathname);
const variants = [...expandStudy(study, vignettes, study.systemPrompt)].slice(0, Math.ceil(requests / REPLICATES));
const questions = new Map(vignettes.map((v) => [v.id, v.question]));
const total = variants.length * REPLICATES;

const server = await startLatencyServer(latencyMs, slots);
const { baseUrl } = server;

function benchSpec(model: string): OpenAISpec {
  return {
    kind: 'openai',
    id: 'bench',
    model,
    baseUrl,
    apiKeyEnv: 'BENCH_KEY',
    batch: false,
    params: { temperature: 0 },
    systemPrompt: study.systemPrompt,
    concurrency: slots,
    timeoutMs: 10_000,
    maxRetries: 2,
  };
}

/** The bodies counterfair's provider posts for these variants and replicates, byte for byte. */
function requestBodies(): string[] {
  const spec = benchSpec('bench-model');
  return variants.flatMap((v) => Array<string>(REPLICATES).fill(JSON.stringify(chatBody(spec, messagesFor(spec, v)))));
}

async function runCounterfair(model: string): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-bench-'));
  const spec = benchSpec(model);
  const journal = ResponseJournal.open(join(dir, 'responses.jsonl'));
  const cache = new ResponseCache(join(dir, 'cache'));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await runModels([{ spec, provider: createOpenAIProvider(spec, 'bench-key') }], variants, questions, REPLICATES, {
    journal,
    cache,
    ctx: systemContext({ clock: Date.now, log: () => {} }),
  });
  await cache.close();
  await journal.close();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  rmSync(dir, { recursive: true, force: true });
  if (result.done !== total || result.errors > 0)
    throw new Error(`bench run incomplete: ${result.done}/${total} done, ${result.errors} errors`);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** Installs promptfoo into a temporary folder once; returns its entry point, or the reason it is unavailable. */
function promptfooEntry(): { entry: string } | { unavailable: string } {
  const entry = join(PROMPTFOO_DIR, 'node_modules', 'promptfoo', 'dist', 'src', 'entrypoint.js');
  if (existsSync(entry)) return { entry };
  mkdirSync(PROMPTFOO_DIR, { recursive: true });
  console.log(`installing ${PROMPTFOO} into ${PROMPTFOO_DIR} (about 90 s and 1.4 GB, once)...`);
  const install = spawnSync('npm', ['install', '--prefix', PROMPTFOO_DIR, '--no-audit', '--no-fund', '--loglevel=error', PROMPTFOO], {
    stdio: 'inherit',
  });
  return install.status === 0 && existsSync(entry)
    ? { entry }
    : { unavailable: `npm install ${PROMPTFOO} failed (exit ${install.status})` };
}

/** The same requests (same messages, same concurrency) through promptfoo's eval; its wall time including start-up. */
function runPromptfoo(entry: string): { wallMs: number } | { unavailable: string } {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-bench-pf-'));
  const tests = variants.flatMap((v) =>
    Array.from({ length: REPLICATES }, (_, r) => ({
      vars: { system: v.messages[0]!.content, user: v.messages[1]!.content, replicate: r },
    })),
  );
  const config = {
    prompts: [
      JSON.stringify([
        { role: 'system', content: '{{system | dump}}' },
        { role: 'user', content: '{{user | dump}}' },
      ]).replace(/"(\{\{[^}]+\}\})"/g, '$1'),
    ],
    providers: [{ id: 'openai:chat:bench-model-promptfoo', config: { apiBaseUrl: baseUrl, apiKey: 'bench-key', temperature: 0 } }],
    tests,
  };
  writeFileSync(join(dir, 'promptfooconfig.json'), JSON.stringify(config));
  const env = {
    ...process.env,
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_CONFIG_DIR: join(dir, 'home'),
    OPENAI_API_KEY: 'bench-key',
    PROMPTFOO_CACHE_ENABLED: 'false',
  };
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      entry,
      'eval',
      '-c',
      join(dir, 'promptfooconfig.json'),
      '--max-concurrency',
      String(slots),
      '--no-cache',
      '--no-write',
      '--no-table',
      '--no-progress-bar',
      '-o',
      join(dir, 'out.json'),
    ],
    { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const wallMs = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0 && run.status !== 100)
    return { unavailable: `promptfoo eval exited ${run.status}: ${(run.stderr || run.stdout).split('\n').slice(-5).join(' ')}` };
  return { wallMs };
}

/** Each client is run this often unmeasured (JIT, sockets), then measured this often; the median is reported. */
const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 5;

interface Measured {
  wallMs: number;
  cpuMs: number;
}

/** The warm-up runs' first figure (a fresh process) and the measured runs, the median by throughput first. */
async function measure(run: (label: string) => Promise<Measured>): Promise<{ cold: Measured; median: Measured; runs: Measured[] }> {
  const cold = await run('warm-up-0');
  for (let i = 1; i < WARM_UP_RUNS; i++) await run(`warm-up-${i}`);
  const runs: Measured[] = [];
  for (let i = 0; i < MEASURED_RUNS; i++) runs.push(await run(`bench-model-${i}`));
  const median = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
  return { cold, median, runs };
}

function describe(name: string, { cold, median, runs }: Awaited<ReturnType<typeof measure>>): string[] {
  const rate = (m: Measured) => total / (m.wallMs / 1000);
  const perRequest = (m: Measured) => (m.cpuMs / total).toFixed(3);
  return [
    `${name}: ${(median.wallMs / 1000).toFixed(2)} s, ${rate(median).toFixed(0)} requests/s = ${percent(rate(median) / ceilingPerSecond)} of the ceiling, ${perRequest(median)} ms CPU per request (median of ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-ups; runs: ${runs.map((m) => `${percent(rate(m) / ceilingPerSecond)} at ${perRequest(m)} ms`).join(', ')})`,
    `${name}: first run in a fresh process (JIT cold): ${percent(rate(cold) / ceilingPerSecond)} of the ceiling, ${perRequest(cold)} ms CPU per request`,
  ];
}

try {
  console.log(`${total} requests, ${latencyMs} ms latency, ${slots} slots: ceiling ${ceilingPerSecond.toFixed(0)} requests/s`);
  if (server.kind === 'c') console.log('fixture: bench/latencyServer.c (epoll + timerfd, compiled with cc)');
  else
    console.log(
      `fixture: bench/latencyServer.ts, as the C fixture is unavailable (${server.fallbackReason}); its timers and HTTP server alone hold clients to about 90% of the ceiling`,
    );
  const bodies = requestBodies();
  const reference = await measure(() => runReferenceClient(baseUrl, bodies, slots));
  for (const line of describe(
    `reference client (raw node:http, ${slots} sockets, JSON.parse only; what this fixture lets a client that does nothing reach here)`,
    reference,
  ))
    console.log(line);
  await server.stats();
  const ours = await measure(runCounterfair);
  const { meanLatencyMs: measuredLatency } = await server.stats();
  const achieved = total / (ours.median.wallMs / 1000);
  for (const line of describe('counterfair', ours)) console.log(line);
  console.log(
    `counterfair: targets >= 95% of the ceiling and <= 0.2 ms CPU per request; ${percent(achieved / (total / (reference.median.wallMs / 1000)))} of the reference client's throughput`,
  );
  console.log(
    `server: mean delivered latency ${measuredLatency.toFixed(2)} ms over counterfair's runs (timers overshoot), so the reachable ceiling is ${percent(latencyMs / measuredLatency)} of the nominal one`,
  );
  if (values['no-peer']) console.log('promptfoo: skipped (--no-peer)');
  else {
    const installed = promptfooEntry();
    const peer = 'entry' in installed ? runPromptfoo(installed.entry) : installed;
    if ('unavailable' in peer) console.log(`promptfoo: not compared: ${peer.unavailable}`);
    else {
      const { served, spanMs } = await server.stats();
      const peerRate = served / (spanMs / 1000);
      console.log(
        `promptfoo ${PROMPTFOO.split('@')[1]}: ${served} of ${total} requests answered; ${(spanMs / 1000).toFixed(2)} s from its first request to its last answer (${(peer.wallMs / 1000).toFixed(2)} s with start-up), ${peerRate.toFixed(0)} requests/s = ${percent(peerRate / ceilingPerSecond)} of the ceiling`,
      );
      console.log(`ratio: counterfair's throughput is ${(achieved / peerRate).toFixed(2)}x promptfoo's`);
    }
  }
} finally {
  server.close();
}
