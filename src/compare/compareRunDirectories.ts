import { join } from 'node:path';
import { gateRun } from '../gate/gate.js';
import { compareRuns } from './compareRuns.js';
import { mitigationEvidence } from './mitigation.js';
import { loadScoredRun } from './scoredRun.js';
import type { ComparisonResults } from './types.js';
import { writeComparison } from './write.js';

export interface CompareDirectoriesOptions {
  /** [model of A, model of B]; needed to compare two models of one run. */
  models?: [string, string];
  /** Where the comparison report goes; `<run B or A>/compare` by default. */
  outDir?: string;
  /**
   * Equivalence margin in percentage points for the mitigation evidence of two runs: run B is gated in equivalence
   * mode (`gateRun`, max difference = margin) and each contrast said shown within it or not. Without it, the section
   * says equivalence was not assessed.
   */
  margin?: number;
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
  const compared = compareRuns({ runA: a, runB: b, models: options.models });
  const results =
    runB === undefined
      ? compared
      : {
          ...compared,
          mitigation: mitigationEvidence(
            compared.comparisons,
            options.margin === undefined
              ? undefined
              : { margin: options.margin, result: gateRun(runB, { mode: 'equivalence', maxDifference: options.margin }) },
          ),
        };
  const outDir = options.outDir ?? join(runB ?? runA, 'compare');
  await writeComparison(outDir, results);
  return { results, outDir };
}
