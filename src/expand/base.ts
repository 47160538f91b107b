import type { Axis } from '../demographics/types.js';
import type { Vignette } from '../template/types.js';
import type { Assignment } from './designs.js';

/** The values a vignette pins (its `excluded` axes), by axis id. */
export function pinnedValues(vignette: Vignette): Record<string, string> {
  return Object.fromEntries(vignette.excluded.map((e) => [e.axis, e.value]));
}

/** Every study axis at its reference level, or at the value the vignette pins. */
export function baseAssignment(study: { axes: readonly Axis[] }, vignette: Vignette): Assignment {
  const pinned = pinnedValues(vignette);
  return new Map(study.axes.map((a) => [a.id, pinned[a.id] ?? a.reference]));
}
