import { fork, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The benchmark's OpenAI-compatible endpoint with a fixed latency and slot count, in a process of its own so
 * that its CPU is not counted against the client being measured.
 *
 * The C fixture (bench/latencyServer.c) is preferred: it holds requests to within about 0.1 ms and answers
 * without bunching, so a do-nothing client reaches about 95% of the ceiling on a 2-core VM. It is compiled
 * with `cc` once per version of its source, into a folder under the system's temporary directory. Without a
 * working `cc`, the Node fixture (bench/latencyServer.ts) serves instead; its 1 ms timers firing in batches
 * and its HTTP server's cost keep even a do-nothing client near 90%, so the caller should say which one
 * measured its figures.
 */
export type LatencyServer = RunningServer & ({ kind: 'c' } | { kind: 'node'; fallbackReason: string });

export interface RunningServer {
  baseUrl: string;
  /** What the server delivered since the previous call: answers, their mean hold, first request to last answer. */
  stats(): Promise<ServerStats>;
  close(): void;
}

export interface ServerStats {
  served: number;
  meanLatencyMs: number;
  spanMs: number;
}

const C_SOURCE = new URL('./latencyServer.c', import.meta.url).pathname;
const NODE_SOURCE = new URL('./latencyServer.ts', import.meta.url).pathname;
const CC_FLAGS = ['-O2'];
const BINARY_DIR = join(tmpdir(), 'counterfair-bench-latency-server');

export async function startLatencyServer(latencyMs: number, slots: number): Promise<LatencyServer> {
  try {
    return { kind: 'c', ...(await startCServer(compileCServer(), latencyMs, slots)) };
  } catch (err) {
    const fallbackReason = err instanceof Error ? err.message : String(err);
    return { kind: 'node', fallbackReason, ...(await startNodeServer(latencyMs, slots)) };
  }
}

/** The C fixture's binary, compiled unless this source was compiled before; throws why it cannot be. */
function compileCServer(): string {
  const key = createHash('sha256').update(readFileSync(C_SOURCE)).update(CC_FLAGS.join(' ')).digest('hex');
  const binary = join(BINARY_DIR, `latencyServer-${key}`);
  if (existsSync(binary)) return binary;
  mkdirSync(BINARY_DIR, { recursive: true });
  const partial = `${binary}.${process.pid}`; // renamed when complete: a concurrent run never starts half a binary
  const cc = spawnSync('cc', [...CC_FLAGS, '-o', partial, C_SOURCE], { encoding: 'utf8' });
  if (cc.error) throw new Error(`cc did not run (${cc.error.message})`);
  if (cc.status !== 0) throw new Error(`cc failed: ${cc.stderr.trim().split('\n').slice(-3).join(' ')}`);
  renameSync(partial, binary);
  return binary;
}

/** Protocol: the port as the first stdout line; then each stdin line answered by "served meanLatencyMs spanMs". */
async function startCServer(binary: string, latencyMs: number, slots: number): Promise<RunningServer> {
  const child = spawn(binary, [String(latencyMs), String(slots)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const readers: { resolve: (line: string) => void; reject: (err: Error) => void }[] = [];
  let ended: Error | undefined;
  const end = (err: Error) => {
    ended ??= err;
    for (const reader of readers.splice(0)) reader.reject(ended);
  };
  createInterface({ input: child.stdout }).on('line', (line) => readers.shift()?.resolve(line));
  child.on('error', end);
  child.on('exit', (code, signal) => end(new Error(`bench/latencyServer.c exited (${signal ?? `code ${code}`})`)));
  child.stdin.on('error', end);
  const nextLine = () => new Promise<string>((resolve, reject) => (ended ? reject(ended) : readers.push({ resolve, reject })));
  const port = Number(
    await nextLine().catch((err: Error) => {
      child.kill();
      throw err;
    }),
  );
  return {
    baseUrl: baseUrl(port),
    async stats() {
      const reply = nextLine();
      child.stdin.write('\n');
      const [served = 0, meanLatencyMs = 0, spanMs = 0] = (await reply).split(' ').map(Number);
      return { served, meanLatencyMs, spanMs };
    },
    close: () => child.kill(),
  };
}

/** Protocol: the port as the first IPC message; then each 'stats' message answered by a ServerStats message. */
async function startNodeServer(latencyMs: number, slots: number): Promise<RunningServer> {
  const child = fork(NODE_SOURCE, [String(latencyMs), String(slots)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) => child.once('message', (message) => resolve((message as { port: number }).port)));
  return {
    baseUrl: baseUrl(port),
    stats: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message as ServerStats));
        child.send('stats');
      }),
    close: () => child.kill(),
  };
}

function baseUrl(port: number): string {
  return `http://127.0.0.1:${port}/v1`;
}
