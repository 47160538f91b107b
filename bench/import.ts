/**
 * Time and peak memory of `import` on long CSV files of N answers: vignettes x 4 race levels x 10 models x 5
 * replicates (200 answers per vignette), extracted letters, a fifth of them wrong. Each size runs in a fresh process
 * so its peak RSS is its own. By default the import stops before scoring (--no-analyze: read, check, write the run
 * directory), whose memory grows with vignettes x variants, not answers; `--analyse` also scores and analyses
 * (memory then grows with answers: one score each). The file is generated on disk, line by line.
 * Run: npm run bench:import [-- --analyse] [-- 100000 1000000 2000000 ...] (default 100,000 and 1,000,000).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const analyse = args.includes('--analyse');
const sizes = args.filter((a) => a !== '--analyse').map(Number);
const LEVELS = ['white', 'black', 'hispanic', 'asian'];
const MODELS = 10;
const REPLICATES = 5;

function writeAnswersCsv(file: string, n: number): void {
  const fd = openSync(file, 'w');
  let chunk = 'case,model,rep,gold,answer,race\n';
  for (let i = 0; i < n; i++) {
    const vignette = Math.floor(i / (LEVELS.length * MODELS * REPLICATES));
    const model = Math.floor(i / (LEVELS.length * REPLICATES)) % MODELS;
    const replicate = Math.floor(i / LEVELS.length) % REPLICATES;
    const gold = 'ABCD'[vignette % 4]!;
    const wrong = (vignette * 7 + i) % 5 === 0;
    chunk += `case-${vignette},m${model},${replicate},${gold},${wrong ? 'ABCD'[(vignette + 1) % 4] : gold},${LEVELS[i % LEVELS.length]}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

function seconds(ms: number | undefined, width: number): string {
  return (ms === undefined ? '-' : (ms / 1000).toFixed(1)).padStart(width);
}

const dir = mkdtempSync(join(tmpdir(), 'counterfair-bench-import-'));
console.log(`import ${analyse ? 'with scoring and analysis' : '--no-analyze (read, check, write the run directory)'}`);
console.log('  answers   file MB   seconds   CPU seconds   peak RSS (MB)   status');
for (const n of sizes.length ? sizes : [100_000, 1_000_000]) {
  const file = join(dir, `answers-${n}.csv`);
  writeAnswersCsv(file, n);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL('./importOnce.ts', import.meta.url).pathname, file, join(dir, `run-${n}`), analyse ? 'analyse' : 'files'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const result =
    child.status === 0 ? (JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; peakRssMb: number }) : null;
  const status = result ? 'ok' : `failed (exit ${child.status ?? child.signal}): ${child.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
  const megabytes = (statSync(file).size / 2 ** 20).toFixed(0);
  console.log(
    `${String(n).padStart(9)} ${megabytes.padStart(9)} ${seconds(result?.ms, 9)} ${seconds(result?.cpuMs, 13)} ${result ? result.peakRssMb.toFixed(0).padStart(15) : '              -'}   ${status}`,
  );
  rmSync(join(dir, `run-${n}`), { recursive: true, force: true });
  rmSync(file, { force: true });
}
rmSync(dir, { recursive: true, force: true });
