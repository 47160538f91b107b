import type { Intensity } from '../types.js';
import type { Grade } from './definition.js';

/** The grade of an answer that is either the correct one or not (no scale). */
export function matches(correct: boolean): Grade {
  return { outcome: correct ? 'correct' : 'incorrect', signedDeviation: null };
}

/**
 * The grade of an answer on a scale: its deviation from the correct value, signed so that positive means more care
 * (`intensity`: whether higher values mean more care), correct when exactly right (a scale level) or within
 * `tolerance` (a number, with a margin for floating point).
 */
export function onScale(value: string | number, answer: number, intensity: Intensity, tolerance: number | 'exact'): Grade {
  const deviation = (Number(value) - answer) * (intensity === 'ascending' ? 1 : -1);
  const within = tolerance === 'exact' ? deviation === 0 : Math.abs(deviation) <= tolerance + 1e-12;
  return { outcome: within ? 'correct' : 'incorrect', signedDeviation: deviation === 0 ? 0 : deviation };
}

/** The answer one step (ordinal) or one clear miss (numeric) toward less care: the error an equity audit looks for. */
export function lessCare(intensity: Intensity): -1 | 1 {
  return intensity === 'ascending' ? -1 : 1;
}
