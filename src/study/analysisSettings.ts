import type { Axis } from '../demographics/types.js';
import { FieldReader } from '../util/fields.js';
import { failOnProblems, InputError, type Problem } from '../util/problems.js';
import { readYamlFile } from '../util/yaml.js';
import { checkContrasts, readContrasts, type ContrastSpec } from './contrasts.js';
import { ANALYSIS_FIELDS, readAnalysisFields } from './load.js';
import type { AnalysisOptions } from './types.js';

/**
 * Analysis settings given to `analyze` or `import` (an `--analysis` file, then flags over it): each field given
 * replaces the run's (or, for an import, the defaults'); absent fields keep them.
 */
export interface AnalysisSettings {
  analysis: Partial<AnalysisOptions>;
  /** The bootstrap seed (the run's recorded seed when absent). */
  seed?: number;
  /**
   * Problems with the declared contrasts against the run's axes, naming the file and line they were declared at;
   * the axes of an import are known only once its file is read.
   */
  checkContrasts: (axes: readonly Axis[]) => Problem[];
}

export const NO_SETTINGS: AnalysisSettings = { analysis: {}, checkContrasts: () => [] };

/**
 * An analysis file (YAML): `alpha`, `adjustment`, `mcnemar`, `bootstrap_resamples`, `target_ratio` as in a study's
 * `analysis:`, and `seed` and `contrasts` (as a study's `contrasts:`). Every problem is reported at once (exit 2).
 */
export function readAnalysisFile(file: string): AnalysisSettings {
  const problems: Problem[] = [];
  const source = readYamlFile(file, problems);
  failOnProblems(problems);
  const r = new FieldReader(source!, problems);
  const obj = r.record(source!.value, []);
  failOnProblems(problems);
  r.unknownKeys(obj!, [...ANALYSIS_FIELDS, 'seed', 'contrasts'], []);
  const fields = readAnalysisFields(r, obj!, []);
  const seed = r.number(obj!, 'seed', [], { optional: true, integer: true, min: 0, max: 2 ** 32 - 1 });
  const contrasts = readContrasts(r, obj!.contrasts, ['contrasts']);
  failOnProblems(problems);
  return {
    analysis: { ...fields, ...(contrasts ? { contrasts } : {}) },
    ...(seed !== undefined ? { seed } : {}),
    checkContrasts: (axes) => {
      const found: Problem[] = [];
      if (contrasts) checkContrasts(new FieldReader(source!, found), contrasts, ['contrasts'], axes);
      return found;
    },
  };
}

/** Settings given over settings from a file: every field given replaces the file's. */
export function overriding(file: AnalysisSettings, given: Omit<AnalysisSettings, 'checkContrasts'>): AnalysisSettings {
  return {
    analysis: { ...file.analysis, ...definedFields(given.analysis) },
    ...(given.seed !== undefined ? { seed: given.seed } : file.seed !== undefined ? { seed: file.seed } : {}),
    checkContrasts: file.checkContrasts,
  };
}

/** The run's analysis with the given settings over it; contrasts declared in two places are refused. */
export function settledAnalysis(
  base: AnalysisOptions,
  settings: AnalysisSettings,
  axes: readonly Axis[],
  declaredElsewhere?: { contrasts: ContrastSpec[]; where: string },
): AnalysisOptions {
  const problems = settings.checkContrasts(axes);
  if (declaredElsewhere && settings.analysis.contrasts)
    problems.push({
      file: 'command line',
      field: '--analysis',
      message: `the analysis file declares contrasts and so does ${declaredElsewhere.where}: declare them in one place`,
    });
  if (problems.length) throw new InputError(problems);
  return { ...base, ...settings.analysis };
}

function definedFields<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
