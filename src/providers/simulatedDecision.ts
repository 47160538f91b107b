import type { InjectedBias, ModelSpec, SimulatedModelSpec } from '../study/types.js';
import type { QuestionType } from '../template/types.js';
import type { CueMode } from '../template/render.js';
import { hashUniform } from '../util/hash.js';

export type SimulatedSpec = SimulatedModelSpec;

export function isSimulatedSpec(spec: ModelSpec): spec is SimulatedSpec {
  return spec.kind === 'simulated';
}

/** What the simulated model needs to know about a variant (never the correct answer: that stays in the caller). */
export interface SimulatedSubject {
  vignetteId: string;
  variantId: string;
  domain: string;
  attributes: Readonly<Record<string, string>>;
  /** Needed only by biases restricted to some question types; a subject without one is never affected by those. */
  questionType?: QuestionType;
  /** Needed only by biases restricted to some cue modes (a variant of a study crossing modes); without one, never affected by those. */
  cues?: CueMode;
}

export interface SimulatedDecision {
  errorRate: number;
  wrong: boolean;
  /** Probability of the less-care answer to a care-intensity question (no correct answer), after every `lessCare` bias. */
  lessCareRate: number;
  /** Care-intensity questions: the answer recommends less care (one step down a care level, or the other yes/no). */
  lessCare: boolean;
  /**
   * Differential-diagnosis questions: places further down the list the correct diagnosis is named (negative: further
   * up), the sum of every applicable bias's `rankShift` realised as a whole number (see InjectedBias.rankShift).
   */
  rankShift: number;
  unparseable: boolean;
  /** A uniform draw for choosing among wrong options, shared like the answer draw. */
  pick: number;
}

const MAX_ERROR = 0.95;

/**
 * The simulated model's whole behaviour as a pure function, shared by the provider and by power simulations.
 * Each vignette gets a difficulty from the seed; the error probability is the domain's error rate scaled by it
 * and by every injected bias that applies to the variant (its level, any interaction levels, its question type, its cue mode),
 * then capped at 0.95 — so with a high baseline the realised ratio of error rates is below the multiplier. Common random numbers: variants of a vignette share one
 * draw (a model at temperature 0 answers the same case the same way); with probability `instability` a variant
 * draws afresh (sensitivity to wording). Variants stay exchangeable, so without bias nothing is favoured. Every
 * draw hashes (seed, model, ids), so answers do not depend on request order or concurrency.
 */
export function simulatedDecision(spec: SimulatedSpec, studySeed: number, subject: SimulatedSubject, replicate: number): SimulatedDecision {
  const draw = (...ids: string[]) => hashUniform(studySeed, spec.id, ...ids);
  const accuracy = spec.accuracy.byDomain[subject.domain] ?? spec.accuracy.default;
  let errorRate = (1 - accuracy) * 2 * draw('difficulty', subject.vignetteId);
  for (const bias of spec.biases) if (applies(bias, subject)) errorRate *= bias.errorMultiplier;
  errorRate = Math.min(MAX_ERROR, errorRate);
  // Care-intensity questions have no key: each vignette gets a propensity for the less-care answer (0.2 to 0.8,
  // practice varies), moved by each applicable bias's `lessCare` (a probability, negative for more care).
  let lessCareRate = 0.2 + 0.6 * draw('care', subject.vignetteId);
  for (const bias of spec.biases) if (bias.lessCare !== undefined && applies(bias, subject)) lessCareRate += bias.lessCare;
  lessCareRate = Math.min(1, Math.max(0, lessCareRate));
  const r = String(replicate);
  const fresh = draw('fresh', subject.variantId, r) < spec.instability;
  const stream = fresh ? subject.variantId : subject.vignetteId;
  const answer = draw('answer', stream, r);
  let expectedShift = 0;
  for (const bias of spec.biases) if (bias.rankShift !== undefined && applies(bias, subject)) expectedShift += bias.rankShift;
  return {
    errorRate,
    wrong: answer < errorRate,
    lessCareRate,
    lessCare: answer < lessCareRate,
    rankShift: expectedShift === 0 ? 0 : wholeShift(expectedShift, draw('rank', stream, r)),
    unparseable: spec.unparseableRate > 0 && draw('format', subject.variantId, r) < spec.unparseableRate,
    pick: draw('pick', stream, r),
  };
}

/** An expected shift as whole places: its integer part, and one more place (away from zero) with probability its fraction. */
function wholeShift(expected: number, uniform: number): number {
  const whole = Math.trunc(expected);
  const fraction = Math.abs(expected - whole);
  return whole + (uniform < fraction ? Math.sign(expected) : 0);
}

function applies(bias: InjectedBias, subject: SimulatedSubject): boolean {
  if (subject.attributes[bias.axis] !== bias.level) return false;
  if (bias.with && Object.entries(bias.with).some(([axis, level]) => subject.attributes[axis] !== level)) return false;
  if (bias.cues && (subject.cues === undefined || !bias.cues.includes(subject.cues))) return false;
  return !bias.questionTypes || (subject.questionType !== undefined && bias.questionTypes.includes(subject.questionType));
}
