/**
 * `counterfair analyze` and `counterfair report` on a real run directory, as child processes, at 100k and 1M
 * responses (10M with BENCH_10M=1), printing wall time, CPU time and peak RSS (from /usr/bin/time -v) per step.
 *
 * The run directory is the quickstart's (run once on the simulated model, cached in the bench folder) with
 * responses.jsonl written directly: every quickstart request repeated as replicates 0..k, each replicate's answer
 * drawn (seeded) from the answers the simulated model gave to the same vignette, so answers differ between
 * replicates and variants. Run: npm run bench:analysis   (COUNTERFAIR_ROOT=<checkout> measures another checkout;
 * BENCH_SIZES=100000 picks sizes; BENCH_HEAP=<MB> sets the children's heap limit, default 4096; BENCH_WORK=<dir> puts
 * the run directories elsewhere than the shared temporary folder).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanLines } from '../src/run/jsonlFile.js';
import type { ResponseRecord } from '../src/run/types.js';
import { createRng } from '../src/stats/rng.js';

const root = resolve(process.env.COUNTERFAIR_ROOT ?? fileURLToPath(new URL('../', import.meta.url)));
const heap = process.env.BENCH_HEAP ?? '4096';
const sizes = (process.env.BENCH_SIZES ?? `100000,1000000${process.env.BENCH_10M === '1' ? ',10000000' : ''}`).split(',').map(Number);
const work = process.env.BENCH_WORK ?? join(tmpdir(), 'counterfair-bench-analysis');
const cli = [`--max-old-space-size=${heap}`, '--import', 'tsx', join(root, 'src/cli/main.ts')];

function baseRun(): string {
  const dir = join(work, 'quickstart');
  if (!existsSync(join(dir, 'responses.jsonl'))) {
    mkdirSync(work, { recursive: true });
    execFileSync('node', [...cli, 'run', join(root, 'examples/quickstart.yaml'), '--out', dir, '--force'], { cwd: root, stdio: 'ignore' });
  }
  return dir;
}

/** A run directory of `n` responses built from the quickstart run. */
function buildRun(base: string, n: number): string {
  const dir = join(work, `run-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['manifest.json', 'vignettes.jsonl', 'variants.jsonl']) copyFileSync(join(base, file), join(dir, file));
  const responses: ResponseRecord[] = [];
  scanLines(join(base, 'responses.jsonl'), (line) => responses.push(JSON.parse(line) as ResponseRecord));
  const answersOf = new Map<string, (string | null)[]>();
  for (const r of responses) answersOf.set(r.vignetteId, [...(answersOf.get(r.vignetteId) ?? []), r.text]);
  const rng = createRng(20261204);
  const fd = openSync(join(dir, 'responses.jsonl'), 'w');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const r = responses[i % responses.length]!;
    const replicate = Math.floor(i / responses.length);
    const answers = answersOf.get(r.vignetteId)!;
    const text = replicate === 0 ? r.text : answers[Math.floor(rng() * answers.length)]!;
    chunk += `${JSON.stringify({ ...r, key: `${r.key}.${replicate}`, replicate, text })}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  return dir;
}

interface Step {
  seconds: number;
  /** User + system CPU seconds: on a shared machine the wall time says more about the neighbours. */
  cpu: number;
  peakMB: number;
  exit: number | null;
}

function timed(args: string[]): Step {
  const r = spawnSync('/usr/bin/time', ['-v', 'node', ...cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const cpu = ['User', 'System'].reduce(
    (sum, what) => sum + Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? Number.NaN),
    0,
  );
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN;
  if (r.status !== 0) process.stderr.write(`${args.join(' ')}: exit ${r.status}\n${r.stderr.split('\n').slice(0, 8).join('\n')}\n`);
  return { seconds, cpu, peakMB: rss ? Number(rss) / 1024 : Number.NaN, exit: r.status };
}

const base = baseRun();
console.log(`checkout ${root}, child heap limit ${heap} MB`);
console.log('responses  | step          | exit | wall s |  CPU s | peak RSS MB | RSS KB/response');
for (const n of sizes) {
  const dir = buildRun(base, n);
  for (const [name, args] of [
    ['analyze', ['analyze', dir]],
    ['analyze again', ['analyze', dir]],
    ['report', ['report', dir]],
  ] as const) {
    const s = timed([...args]);
    console.log(
      `${String(n).padStart(10)} | ${name.padEnd(13)} | ${String(s.exit).padStart(4)} | ${s.seconds.toFixed(1).padStart(6)} | ${s.cpu.toFixed(1).padStart(6)} | ${s.peakMB.toFixed(0).padStart(11)} | ${((s.peakMB * 1024) / n).toFixed(2).padStart(15)}`,
    );
  }
  if (process.env.BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
}
