import type { AnalysedScore } from '../score/table.js';
import { scoresWhere } from '../score/rows.js';
import { crossesCueModes } from '../study/cues.js';
import type { CueMode } from '../template/render.js';
import { analyze, type AnalysisInput, type AnalysisResults } from './analyze.js';
import type { AnalysisOptions } from './findings.js';
import { describeFinding } from './sentence.js';
import type { Finding } from './types.js';

/**
 * The analysis of a run, once per cue mode when the run crosses modes: each mode's scores analysed on their own, as
 * a one-mode run would be (its pairs, its multiple-comparison family per model and endpoint), every per-level result
 * tagged with its `cues` and each finding's sentence opened with its mode. Controls belong to the first mode, the
 * one they were rendered in. A run with one mode is analysed
 * exactly as before, untagged.
 */
export function analyzeByCueMode(input: AnalysisInput, options: AnalysisOptions, modes: readonly CueMode[]): AnalysisResults {
  if (!crossesCueModes(modes)) return analyze(input, options);
  const parts = modes.map((mode, i) =>
    tagged(analyze({ ...input, scores: scoresWhere(input.scores, (s) => inCueMode(s, mode, i === 0)) }, options), mode, (f) =>
      describeFinding(f, input.axes, options.alpha),
    ),
  );
  const all = <K extends TaggedKey>(key: K) => parts.flatMap((p) => p[key] as readonly unknown[]) as AnalysisResults[K];
  return {
    findings: all('findings'),
    secondaryFindings: all('secondaryFindings'),
    shifts: all('shifts'),
    marginalHomogeneity: all('marginalHomogeneity'),
    axisTests: all('axisTests'),
    flips: all('flips'),
    noiseFloors: all('noiseFloors'),
    // Rendered once, in the first mode.
    controls: parts[0]!.controls,
    worstCases: all('worstCases'),
    spread: all('spread'),
    spreadSummaries: all('spreadSummaries'),
    intersections: all('intersections'),
    // Vignette-level: the same in every mode.
    exclusions: parts[0]!.exclusions,
    outcomeCounts: all('outcomeCounts'),
    probes: all('probes'),
    subgroups: all('subgroups'),
    ...(parts.some((p) => p.careIntensity) ? { careIntensity: parts.flatMap((p) => p.careIntensity ?? []) } : {}),
    ...(parts.some((p) => p.diagnosisRanks) ? { diagnosisRanks: parts.flatMap((p) => p.diagnosisRanks ?? []) } : {}),
  };
}

/** Whether a score belongs to a cue mode's analysis: its own mode, or a control of the first mode's set. */
export function inCueMode(score: Pick<AnalysedScore, 'cues' | 'kind'>, mode: CueMode, first: boolean): boolean {
  if (score.kind === 'reference' || score.kind === 'demographic') return score.cues === mode;
  return first;
}

type TaggedKey = Exclude<keyof AnalysisResults, 'exclusions' | 'controls' | 'dataQuality' | 'cueModes'>;

/** Every per-level row tagged with its mode; each finding described again knowing its mode, the mode named first. */
function tagged(
  results: AnalysisResults,
  cues: CueMode,
  describe: (f: Finding) => string,
): Pick<AnalysisResults, TaggedKey | 'exclusions' | 'controls'> {
  const tag = <T extends object>(rows: readonly T[]): (T & { cues: CueMode })[] => rows.map((row) => ({ ...row, cues }));
  const opened = `${cues[0]!.toUpperCase()}${cues.slice(1)} cues: `;
  const described = (f: Finding) => ({ ...f, sentence: opened + describe(f) });
  return {
    findings: tag(results.findings).map(described),
    secondaryFindings: tag(results.secondaryFindings).map(described),
    shifts: tag(results.shifts),
    marginalHomogeneity: tag(results.marginalHomogeneity),
    axisTests: tag(results.axisTests),
    flips: tag(results.flips),
    noiseFloors: tag(results.noiseFloors),
    worstCases: tag(results.worstCases),
    spread: tag(results.spread),
    spreadSummaries: tag(results.spreadSummaries),
    intersections: tag(results.intersections),
    exclusions: results.exclusions,
    controls: results.controls,
    outcomeCounts: tag(results.outcomeCounts),
    probes: tag(results.probes ?? []).map((p) => ({ ...p, sentence: opened + p.sentence })),
    subgroups: tag(results.subgroups ?? []),
    ...(results.careIntensity ? { careIntensity: tag(results.careIntensity).map((f) => ({ ...f, sentence: opened + f.sentence })) } : {}),
    ...(results.diagnosisRanks
      ? { diagnosisRanks: tag(results.diagnosisRanks).map((f) => ({ ...f, sentence: opened + f.sentence })) }
      : {}),
  };
}
