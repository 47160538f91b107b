/**
 * npm run bench:whole-run [-- --requests 11000 --latency 20 --slots 64 --runs 3]
 * (BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" passes flags to the timed child, to profile it)
 *
 * A whole `counterfair run`, as a user starts it, against a local OpenAI-compatible endpoint with a fixed latency and
 * slot count: the compiled CLI (bin/counterfair.js, built first) in a child process, timed from spawn to exit, so
 * start-up, expansion, the requests, scoring, analysis and the report all count. The endpoint's ceiling is
 * requests × latency / slots (no client can finish sooner); the figure is the run's wall time over that ceiling.
 * The study is the core library (the 13 template files of `CORE_LIBRARY_FILES`, as the run-level tests use) with
 * the quickstart's axes and design, with as many replicates as bring it nearest the requested number of requests,
 * and a fresh run directory and no cache for every run. The
 * endpoint answers every request "Answer: B" (bench/latencyServer.c), so scoring does little: the figure is the
 * pipeline's overhead around the requests, not an extractor benchmark.
 *
 * Printed per run: wall time, ratio to the ceiling, the endpoint's own span (first request to last answer) and what
 * came before and after it, and the child's peak RSS and CPU time (from /usr/bin/time when present); then the median
 * run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CORE_LIBRARY_FILES } from '../test/helpers/paths.js';
import { startLatencyServer } from './latencyFixture.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '11000' },
    latency: { type: 'string', default: '20' },
    slots: { type: 'string', default: '64' },
    runs: { type: 'string', default: '3' },
  },
});
const latencyMs = Number(values.latency);
const slots = Number(values.slots);
const runs = Number(values.runs);
const root = resolve(fileURLToPath(new URL('../', import.meta.url)));
const cli = join(root, 'bin/counterfair.js');

const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);

const work = mkdtempSync(join(tmpdir(), 'counterfair-bench-whole-run-'));
const server = await startLatencyServer(latencyMs, slots);
console.log(
  `endpoint: ${server.kind === 'c' ? 'C fixture' : `Node fixture (${server.fallbackReason})`}, ${latencyMs} ms latency, ${slots} slots`,
);

function studyFile(replicates: number): string {
  const file = join(work, `study-${replicates}.yaml`);
  writeFileSync(
    file,
    [
      'name: whole-run benchmark',
      'seed: 20261205',
      `templates: [${CORE_LIBRARY_FILES.map((t) => join(root, t)).join(', ')}]`,
      `demographics: ${join(root, 'demographics')}`,
      'axes:',
      '  race: { levels: [white, black, hispanic, asian] }',
      '  sex: {}',
      '  age: { levels: ["45", "75"], reference: "45" }',
      '  insurance: { reference: unstated, unstated: true }',
      '  language: { levels: [unstated, english, spanish, mandarin], reference: unstated, unstated: true }',
      'design: one-at-a-time',
      `replicates: ${replicates}`,
      'models:',
      `  - { id: endpoint, provider: openai, model: bench, base_url: ${server.baseUrl}, api_key_env: BENCH_KEY, concurrency: ${slots}, max_retries: 0 }`,
    ].join('\n'),
  );
  return file;
}

/** The study's variant count, from `counterfair expand` (one line per variant). */
function variantCount(): number {
  const expand = spawnSync('node', [cli, 'expand', studyFile(1)], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (expand.status !== 0) throw new Error(`expand failed: ${expand.stderr}`);
  return expand.stdout.trim().split('\n').length;
}

const variants = variantCount();
const replicates = Math.max(1, Math.round(Number(values.requests) / variants));
const requests = variants * replicates;
const ceilingMs = (requests * latencyMs) / slots;
const study = studyFile(replicates);
console.log(`${variants} variants × ${replicates} replicates = ${requests} requests; ceiling ${(ceilingMs / 1000).toFixed(2)} s`);

const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const results: { wallMs: number; spanMs: number; rssMb: number | null; cpuS: number | null }[] = [];
for (let i = 0; i < runs; i++) {
  const out = join(work, `run-${i}`);
  await server.stats(); // resets the endpoint's span
  // BENCH_NODE_ARGS: flags for the child node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile one run.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const command = timeBinary ? [timeBinary, '-f', '%M %U %S', 'node', ...nodeArgs, cli] : ['node', ...nodeArgs, cli];
  const started = process.hrtime.bigint();
  const child = spawnSync(command[0]!, [...command.slice(1), 'run', study, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_KEY: 'bench', COUNTERFAIR_CACHE_DIR: 'off' },
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  // Exit 4: the data-quality check fails, as it must when every yes/no and numeric answer reads "Answer: B".
  if (child.status !== 0 && child.status !== 4) throw new Error(`run exited ${child.status}: ${child.stderr.slice(-2000)}`);
  const stats = await server.stats();
  if (stats.served !== requests) throw new Error(`the endpoint served ${stats.served} requests, not ${requests}`);
  // /usr/bin/time's last line: peak RSS (KB), user and system CPU seconds. CPU time varies less than wall time when
  // other work shares the machine.
  const [rssKb, userS, systemS] = timeBinary ? child.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) : [];
  const measured = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);
  results.push({
    wallMs,
    spanMs: stats.spanMs,
    rssMb: measured(rssKb) ? rssKb / 1024 : null,
    cpuS: measured(userS) && measured(systemS) ? userS + systemS : null,
  });
  const r = results.at(-1)!;
  console.log(
    `run ${i + 1}: ${(wallMs / 1000).toFixed(2)} s = ${(wallMs / ceilingMs).toFixed(2)}× the ceiling; requests ${(r.spanMs / 1000).toFixed(2)} s (${((100 * ceilingMs) / r.spanMs).toFixed(0)}% of the ceiling), everything else ${((wallMs - r.spanMs) / 1000).toFixed(2)} s; peak RSS ${r.rssMb === null ? 'not measured' : `${r.rssMb.toFixed(0)} MB`}; CPU ${r.cpuS === null ? 'not measured' : `${r.cpuS.toFixed(2)} s`}`,
  );
  rmSync(out, { recursive: true, force: true });
}
const median = [...results].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(results.length / 2)]!;
console.log(
  `median: ${(median.wallMs / 1000).toFixed(2)} s wall, ${(median.wallMs / ceilingMs).toFixed(2)}× the endpoint's ceiling (${(ceilingMs / 1000).toFixed(2)} s for ${requests} requests at ${latencyMs} ms / ${slots} slots)`,
);
server.close();
rmSync(work, { recursive: true, force: true });
