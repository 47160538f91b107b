/**
 * How long the extractors take on inputs built to provoke catastrophic backtracking or quadratic scans (the
 * unit tests check only that they stay total on them). For each input: the median of 3 timings of every
 * extractor plus the refusal detector, and the same on the input doubled: a ratio near 2 is linear, near 4
 * quadratic (on a loaded machine the ratio is noisy: read it, do not gate on it). Exits 1 when an input takes
 * over 2 s, the bound the unit tests asserted before timing left them.
 * Run: npm run bench:hostile-input
 */
import { performance } from 'node:perf_hooks';
import { HOSTILE, extractAll } from '../test/score/extract/hostile.js';

const LIMIT_MS = 2_000;

function medianMs(text: string): number {
  const times = [0, 1, 2].map(() => {
    const started = performance.now();
    extractAll(text);
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b)[1]!;
}

let failed = false;
process.stdout.write(`${['input', 'chars', 'ms', 'ms doubled', 'ratio'].join('\t')}\n`);
for (const [name, text] of Object.entries(HOSTILE)) {
  const ms = medianMs(text);
  const doubled = medianMs(text + text);
  // Below a millisecond the ratio is noise, not growth.
  const ratio = doubled / Math.max(ms, 1);
  const slow = ms > LIMIT_MS;
  failed ||= slow;
  process.stdout.write(
    `${[name, String(text.length), ms.toFixed(1), doubled.toFixed(1), ratio.toFixed(2), slow ? 'SLOW' : ''].join('\t').trimEnd()}\n`,
  );
}
if (failed) {
  process.stderr.write(`bench:hostile-input: an input took over ${LIMIT_MS} ms\n`);
  process.exit(1);
}
