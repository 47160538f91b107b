import { vignetteShifts, type VignetteShift as AnalysisVignetteShift } from '../../analysis/shifts.js';
import type { ReportLookups } from '../sources.js';
import type { CueMode } from '../../template/render.js';

/** One vignette's signed shift for one level: positive is more care at the level than at the reference. */
export interface VignetteShift extends AnalysisVignetteShift {
  model: string;
  axis: string;
  level: string;
  /** The cue mode, in a run that crosses cue modes. */
  cues?: CueMode;
}

/** The per-vignette shifts behind results.json's shift tests, computed by the analysis's own rule, in findings order. */
export function shiftDistribution(ctx: Pick<ReportLookups, 'contrasts' | 'contrastOrder' | 'vignettesById'>): VignetteShift[] {
  const questions = new Map([...ctx.vignettesById].map(([id, v]) => [id, v.question]));
  return [...ctx.contrasts]
    .sort((a, b) => ctx.contrastOrder(asRef(a), asRef(b)))
    .flatMap((contrast) => vignetteShifts(contrast, questions).map((s) => ({ ...asRef(contrast), ...s })));
}

function asRef(c: { modelId: string; axis: string; level: string; cues?: CueMode }): {
  model: string;
  axis: string;
  level: string;
  cues?: CueMode;
} {
  return { model: c.modelId, axis: c.axis, level: c.level, ...(c.cues ? { cues: c.cues } : {}) };
}
