/**
 * Streams 10,000 vignettes x 32 variants (factorial race[4] x sex[2] x insurance[4]) to JSONL and prints the
 * time and peak memory. Target: under 10 s and under 300 MB. Run: npm run bench:expand
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandStudy } from '../src/expand/expand.js';
import { loadStudy } from '../src/study/load.js';
import type { Vignette } from '../src/template/types.js';

const VIGNETTES = 10_000;
const { study, vignettes } = loadStudy(new URL('../examples/quickstart.yaml', import.meta.url).pathname);
const axis = (id: string, levels: string[]) => {
  const a = study.allAxes.find((x) => x.id === id)!;
  return { ...a, levels: a.levels.filter((l) => levels.includes(l.id)) };
};
const axes = [
  axis('race', ['white', 'black', 'hispanic', 'asian']),
  axis('sex', ['female', 'male']),
  axis('insurance', ['private', 'medicare', 'medicaid', 'uninsured']),
];
// Vignettes that pin sex would give fewer than 32 variants; use the ones that vary all three axes.
const usable = vignettes.filter((v) => !v.excluded.some((e) => e.axis === 'sex'));

function* manyVignettes(): Generator<Vignette> {
  for (let i = 0; i < VIGNETTES; i++) {
    const v = usable[i % usable.length]!;
    yield { ...v, id: `${v.id}-${i}` };
  }
}

const baselineRss = process.memoryUsage().rss;
const out = join(tmpdir(), `counterfair-bench-expand-${process.pid}.jsonl`);
const fd = openSync(out, 'w');
let peakRss = process.memoryUsage().rss;
const started = process.hrtime.bigint();
let count = 0;
let buffer: string[] = [];
for (const variant of expandStudy(
  { ...study, axes, design: { kind: 'factorial', axes: ['race', 'sex', 'insurance'] } },
  manyVignettes(),
  study.systemPrompt,
)) {
  buffer.push(JSON.stringify(variant));
  if (buffer.length === 256) {
    writeSync(fd, `${buffer.join('\n')}\n`);
    buffer = [];
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  count++;
}
if (buffer.length) writeSync(fd, `${buffer.join('\n')}\n`);
closeSync(fd);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
console.log(`bench:expand  ${VIGNETTES} vignettes -> ${count} variants (${(count / VIGNETTES).toFixed(1)} per vignette)`);
console.log(`bench:expand  time ${seconds.toFixed(2)} s  (${Math.round(count / seconds)} variants/s; target < 10 s)`);
console.log(
  `bench:expand  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (target < 300 MB); ${(baselineRss / 2 ** 20).toFixed(0)} MB before expanding (Node, tsx, the libraries and the loaded study)`,
);
console.log(`bench:expand  output ${(statSync(out).size / 2 ** 20).toFixed(0)} MB at ${out}`);
