import type { AnalysisResults } from '../analysis/analyze.js';
import { DEFAULT_QUALITY } from '../study/load.js';
import type { QualityThresholds } from '../study/types.js';
import { analyzeRun } from './analyzeRun.js';
import { loadRun, readFinalResponses } from './loadRun.js';
import { claimRunDirectory, requireRunFile } from './runDir.js';

/**
 * Re-scores and re-analyses a run directory from its recorded responses (`counterfair analyze`): no model is asked
 * anything. Writes scores, findings, results and the report, and returns the analysis. `quality` overrides the
 * run's data-quality thresholds field by field.
 */
export async function analyzeRunDirectory(runDir: string, options: { quality?: Partial<QualityThresholds> } = {}): Promise<AnalysisResults> {
  const claim = claimRunDirectory(runDir);
  try {
    const run = loadRun(runDir);
    requireRunFile(runDir, 'responses');
    const quality = { ...(run.study.quality ?? DEFAULT_QUALITY), ...definedFields(options.quality ?? {}) };
    return await analyzeRun(runDir, { ...run.study, quality }, run.vignettes, run.variants, readFinalResponses(run));
  } finally {
    claim.release();
  }
}

function definedFields<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
