import type { LoadedRun } from '../pipeline/loadRun.js';
import type { GateSettings } from '../study/types.js';
import { InputError, type Problem } from '../util/problems.js';
import type { StudyGate } from './studySection.js';
import { DEFAULT_MAX_LOST_PAIRS, type GateThresholds } from './types.js';

/**
 * The effective thresholds: each flag wins over the same field of the study's `gate:` section; alpha defaults to
 * the run's analysis alpha. At least one of the difference and ratio thresholds must be set somewhere. Axes and
 * domains must exist in the run, so a typo cannot make a gate pass by checking nothing. Equivalence mode judges
 * intervals at 1 − 2·alpha (TOST: both one-sided tests at alpha), so a CI-bound rule beside it is a contradiction.
 */
export function resolveThresholds(flags: GateSettings, study: StudyGate, run: LoadedRun): GateThresholds {
  const section = 'settings' in study ? (study.settings ?? {}) : {};
  const thresholds: GateThresholds = {
    maxDifferencePoints: flags.maxDifference ?? section.maxDifference ?? null,
    maxRatio: flags.maxRatio ?? section.maxRatio ?? null,
    alpha: flags.alpha ?? section.alpha ?? run.manifest.analysis.alpha,
    axes: flags.axes ?? section.axes ?? null,
    domains: flags.domains ?? section.domains ?? null,
    useCiBound: flags.useCiBound ?? section.useCiBound ?? false,
    mode: flags.mode ?? section.mode ?? 'superiority',
    maxLostPairs: flags.maxLostPairs ?? section.maxLostPairs ?? DEFAULT_MAX_LOST_PAIRS,
    equivalenceConfLevel: null,
  };
  if (thresholds.mode === 'equivalence') thresholds.equivalenceConfLevel = 1 - 2 * thresholds.alpha;
  const problems: Problem[] = [];
  if (thresholds.mode === 'equivalence' && thresholds.useCiBound) {
    problems.push({
      file: 'command line',
      field: '--use-ci-bound',
      message:
        'applies to superiority mode only: equivalence mode always judges the 1 − 2·alpha interval (pass --no-use-ci-bound, or drop use_ci_bound from the gate: section)',
    });
  }
  if (thresholds.maxDifferencePoints === null && thresholds.maxRatio === null) {
    const why =
      'unavailable' in study ? `the study's gate: section cannot be used: ${study.unavailable}` : `${study.file} has no gate: section`;
    problems.push({
      file: 'command line',
      field: '--max-difference',
      message: `no threshold to gate on (${why}); pass --max-difference POINTS and/or --max-ratio R`,
    });
  }
  const axisIds = run.manifest.axes.map((a) => a.id);
  for (const axis of thresholds.axes ?? []) {
    if (!axisIds.includes(axis))
      problems.push({ file: run.dir, field: 'axes', message: `"${axis}" is not an axis of this run (${axisIds.join(', ')})` });
  }
  // Only a gate by domain reads the vignettes (their domains): a whole-run gate starts from results.json alone.
  const domains = thresholds.domains ? [...new Set(run.vignettes.map((v) => v.domain))].sort() : [];
  for (const domain of thresholds.domains ?? []) {
    if (!domains.includes(domain))
      problems.push({ file: run.dir, field: 'domains', message: `"${domain}" is not a domain of this run (${domains.join(', ')})` });
  }
  if (problems.length) throw new InputError(problems);
  return thresholds;
}
