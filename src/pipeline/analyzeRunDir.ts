import type { AnalysisResults } from '../analysis/analyze.js';
import { DEFAULT_QUALITY } from '../study/load.js';
import type { QualityThresholds } from '../study/types.js';
import { InputError } from '../util/problems.js';
import { createRegistry, type Registry } from '../registry.js';
import { analyseScoredRun, scoreRun } from './analyzeRun.js';
import { scoringWorkersFor } from '../score/parallel.js';
import { loadRun, readFinalResponses, type LoadedRun } from './loadRun.js';
import { NO_SETTINGS, settledAnalysis, type AnalysisSettings } from '../study/analysisSettings.js';
import type { Study } from '../study/types.js';
import { claimRunDirectory, requireRunFile, runFile, writeManifest } from './runDir.js';

/**
 * Re-scores and re-analyses a run directory from its recorded responses (`counterfair analyze`): no model is asked
 * anything. Writes scores, findings, results and the report, and returns the analysis. `quality` overrides the
 * run's data-quality thresholds field by field. Scores are read back while nothing they depend on changed (see
 * scores-source.json); `rescore` scores every answer again regardless. A run of a study that uses registered question types is analysed
 * with the same `registry` it was run with.
 */
export async function analyzeRunDirectory(
  runDir: string,
  options: {
    quality?: Partial<QualityThresholds>;
    registry?: Registry;
    analysis?: AnalysisSettings;
    rescore?: boolean;
    /** Worker threads that score the answers (1: this thread); by default one per core for a run of 20,000 answers or more. */
    scoringWorkers?: number;
    /** Where a run of 100,000 answers or more says which step it is in, and how far scoring has got; silent by default. */
    log?: (line: string) => void;
    /** Milliseconds since the epoch, for the pace of progress lines; `Date.now` by default. */
    clock?: () => number;
  } = {},
): Promise<AnalysisResults> {
  const claim = claimRunDirectory(runDir);
  try {
    const run = loadRun(runDir);
    const registry = options.registry ?? createRegistry();
    const { questionTypes } = registry;
    const unregistered = [...new Set(run.vignettes.map((v) => v.question.type))].filter((type) => !questionTypes.get(type));
    if (unregistered.length > 0) {
      const message = `question type ${unregistered.map((t) => `"${t}"`).join(', ')} is not registered (${questionTypes.ids.join(', ')}); analyse this run with the registry it was run with: analyzeRunDirectory(dir, { registry })`;
      throw new InputError([{ file: runFile(runDir, 'vignettes'), message }]);
    }
    requireRunFile(runDir, 'responses');
    const quality = { ...(run.study.quality ?? DEFAULT_QUALITY), ...definedFields(options.quality ?? {}) };
    const analysis = analysisOver(run, options.analysis ?? NO_SETTINGS);
    const study = { ...run.study, quality, analysis };
    // The final responses (and their index of every request) are read only while scoring: held by nothing after it.
    const scored = await scoreRun(runDir, study, run.vignettes, run.variants, readFinalResponses(run), registry, {
      rescore: options.rescore === true,
      scoringWorkers: options.scoringWorkers ?? scoringWorkersFor,
      ...(options.log ? { log: options.log } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return await analyseScoredRun(runDir, study, run.vignettes, scored, registry, options.log);
  } finally {
    claim.release();
  }
}

/**
 * The run's analysis settings with the given ones over them, recorded in the manifest when anything is given so that
 * the report, `gate` and a later `analyze` read the settings the findings were computed with.
 */
function analysisOver(run: LoadedRun, settings: AnalysisSettings): Study['analysis'] {
  const given = Object.keys(settings.analysis).length > 0 || settings.seed !== undefined;
  if (!given) return run.study.analysis;
  const analysis: Study['analysis'] = {
    ...settledAnalysis(run.study.analysis, settings, run.study.axes),
    ...(settings.seed !== undefined ? { bootstrapSeed: settings.seed } : {}),
  };
  writeManifest(run.dir, { ...run.manifest, analysis });
  return analysis;
}

function definedFields<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
