/**
 * Time and peak memory of `import` (read, check, build, score, analyse, report) on long CSV files of N answers:
 * vignettes x 2 models x 4 race levels, extracted letters, a fifth of them wrong. Each size runs in a fresh process
 * so its peak RSS is its own. Run: npm run bench:import [-- 10000 100000 ...] (default 10,000 and 100,000).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sizes = process.argv.slice(2).map(Number);
const LEVELS = ['white', 'black', 'hispanic', 'asian'];

function answersCsv(n: number): string {
  const lines = ['case,model,gold,answer,race'];
  for (let i = 0; i < n; i++) {
    const vignette = Math.floor(i / 8);
    const gold = 'ABCD'[vignette % 4]!;
    const wrong = (vignette * 7 + i) % 5 === 0;
    lines.push(`case-${vignette},m${Math.floor(i / 4) % 2},${gold},${wrong ? 'ABCD'[(vignette + 1) % 4] : gold},${LEVELS[i % 4]}`);
  }
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'counterfair-bench-import-'));
console.log('answers     seconds   peak RSS (MB)   status');
for (const n of sizes.length ? sizes : [10_000, 100_000]) {
  const file = join(dir, `answers-${n}.csv`);
  writeFileSync(file, answersCsv(n));
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL('./importOnce.ts', import.meta.url).pathname, file, join(dir, `run-${n}`)],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const result = child.status === 0 ? (JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; peakRssMb: number }) : null;
  const status = result ? 'ok' : `failed (exit ${child.status ?? child.signal}): ${child.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
  console.log(
    `${String(n).padStart(9)} ${result ? (result.ms / 1000).toFixed(1).padStart(9) : '        -'} ${result ? result.peakRssMb.toFixed(0).padStart(15) : '              -'}   ${status}`,
  );
}
rmSync(dir, { recursive: true, force: true });
