import { crossesCueModes } from '../study/cues.js';
import type { CueMode } from '../template/render.js';

/**
 * A variant id in the study's cue modes: unchanged when the study renders one mode (so ids, request keys and cached
 * responses stay those of earlier runs), `<id>@<mode>` when it crosses several (`case-1~race=black@implicit`).
 */
export function cueVariantId(id: string, cues: CueMode, modes: readonly CueMode[]): string {
  return crossesCueModes(modes) ? `${id}@${cues}` : id;
}

/** What a variant records of its cue mode: nothing in a single-mode study (its variants stay as before), else the mode. */
export function cueField(cues: CueMode, modes: readonly CueMode[]): { cues?: CueMode } {
  return crossesCueModes(modes) ? { cues } : {};
}
