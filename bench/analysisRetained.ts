/**
 * What an analysis keeps in memory per score, stage by stage, on a scored run directory: the V8 heap retained (after a
 * full collection) by the score table's columns, by the per-score views handed to the analysis, by the pairing, and
 * by the results, with the analysis's time. Run after `npm run bench:analysis` with BENCH_KEEP=1:
 *   node --expose-gc --import tsx bench/analysisRetained.ts RUN_DIR
 */
import { analyzeByCueMode } from '../src/analysis/cueModes.js';
import { pooledScores } from '../src/analysis/probes.js';
import { pairContrasts } from '../src/pairing/pairs.js';
import { loadRun } from '../src/pipeline/loadRun.js';
import { scoreRecords } from '../src/pipeline/runDir.js';
import { ScoreTable } from '../src/score/table.js';

const dir = process.argv[2];
const gc = (globalThis as { gc?: () => void }).gc;
if (!dir || !gc) throw new Error('usage: node --expose-gc --import tsx bench/analysisRetained.ts RUN_DIR');
const heap = (): number => (gc(), gc(), process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);

const run = loadRun(dir);
const before = heap();
const table = ScoreTable.of(scoreRecords(dir));
const n = table.length;
const afterTable = heap();
const rows = table.rows();
const afterRows = heap();
const pooled = pooledScores(rows, run.vignettes);
const contrasts = pairContrasts(pooled, run.study.axes);
const pairs = contrasts.reduce((sum, c) => sum + c.pairs.length, 0);
const afterPairs = heap();
const started = performance.now();
const results = analyzeByCueMode(
  { scores: rows, vignettes: run.vignettes, axes: run.study.axes, modelIds: run.study.modelIds, design: run.study.design },
  { ...run.study.analysis, seed: run.study.analysis.bootstrapSeed ?? run.study.seed },
  run.study.cueModes ?? ['explicit'],
);
const seconds = (performance.now() - started) / 1000;
const afterAnalysis = heap();
const perScore = (bytes: number) => `${(bytes / n).toFixed(0).padStart(5)} B/score`;
console.log(`${n} scores, ${pairs} pairs in ${contrasts.length} contrasts, ${results.findings.length} findings`);
console.log(`table columns        ${((afterTable - before) / 2 ** 20).toFixed(0).padStart(6)} MB  ${perScore(afterTable - before)}`);
console.log(`views (rows())       ${((afterRows - afterTable) / 2 ** 20).toFixed(0).padStart(6)} MB  ${perScore(afterRows - afterTable)}`);
console.log(`pairing (retained)   ${((afterPairs - afterRows) / 2 ** 20).toFixed(0).padStart(6)} MB  ${perScore(afterPairs - afterRows)}`);
console.log(
  `analysis (results)   ${((afterAnalysis - afterPairs) / 2 ** 20).toFixed(0).padStart(6)} MB  ${perScore(afterAnalysis - afterPairs)}  ${seconds.toFixed(1)} s`,
);
