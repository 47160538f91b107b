import type { Axis } from '../demographics/types.js';
import type { ContrastPairs } from '../pairing/pairs.js';
import type { Endpoint } from './endpoints.js';
import { analyzeFindings, type AnalysisOptions } from './findings.js';
import type { Finding } from './types.js';

/**
 * `analyzeFindings` on contrasts of any run: in a run that crosses cue modes, each mode's contrasts on their own
 * (one family per model, endpoint and mode, as in the run's analysis), tagged with the mode. For callers that
 * recompute findings from scores (per-domain gates, equivalence intervals, clinician review).
 */
export function findingsPerCueMode(
  contrasts: readonly ContrastPairs[],
  axes: readonly Axis[],
  modelIds: readonly string[],
  endpoint: Endpoint,
  options: AnalysisOptions,
): Finding[] {
  const modes = [...new Set(contrasts.map((c) => c.cues))];
  if (modes.length === 1 && modes[0] === undefined) return analyzeFindings(contrasts, axes, modelIds, endpoint, options);
  return modes.flatMap((cues) =>
    analyzeFindings(
      contrasts.filter((c) => c.cues === cues),
      axes,
      modelIds,
      endpoint,
      options,
    ).map((f) => (cues ? { ...f, cues } : f)),
  );
}
