import { join } from 'node:path';
import { compareRuns } from './compareRuns.js';
import { loadScoredRun } from './scoredRun.js';
import type { ComparisonResults } from './types.js';
import { writeComparison } from './write.js';

export interface CompareDirectoriesOptions {
  /** [model of A, model of B]; needed to compare two models of one run. */
  models?: [string, string];
  /** Where the comparison report goes; `<run B or A>/compare` by default. */
  outDir?: string;
}

/**
 * `counterfair compare`: disparity in run A, in run B and the change, per axis level, read from two run directories
 * (or two models of one), with the comparison report written to `outDir`. Returns the results and where they went.
 */
export async function compareRunDirectories(
  runA: string,
  runB: string | undefined,
  options: CompareDirectoriesOptions = {},
): Promise<{ results: ComparisonResults; outDir: string }> {
  const a = loadScoredRun(runA);
  const b = runB === undefined ? undefined : loadScoredRun(runB);
  const results = compareRuns({ runA: a, runB: b, models: options.models });
  const outDir = options.outDir ?? join(runB ?? runA, 'compare');
  await writeComparison(outDir, results, a.manifest.axes);
  return { results, outDir };
}
