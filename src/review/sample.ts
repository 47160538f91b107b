import type { ScoreRecord } from '../score/types.js';
import { hashUniform } from '../util/hash.js';
import type { ReviewKeyItem } from './key.js';
import { singleItem } from './select.js';

export interface RandomSample {
  items: ReviewKeyItem[];
  /** How many answers the sample was drawn from. */
  population: number;
  /** Which answers those are: the judge-scored ones when the run has any, else every answer that was scored. */
  populationKind: 'judged' | 'scored';
}

/**
 * A simple random sample of `n` single answers, for the clinician labels that a prediction-powered correction of a
 * judge-based rate needs (it is valid only when the labelled answers are drawn at random, independently of what
 * the judges said; the review queue picks flips and uncertain verdicts, which is the opposite). Each answer gets a
 * uniform number from a hash of the study seed and its response key and the `n` smallest are taken: a draw without
 * replacement that does not depend on the order scores were written in, and that is the same on every re-export.
 * The population is the judge-scored answers when there are any (the rate being corrected), otherwise every scored
 * answer (then the sample estimates the automated scoring's accuracy).
 */
export function selectRandomSample(scores: readonly ScoreRecord[], seed: number, n: number): RandomSample {
  if (!Number.isInteger(n) || n < 1) throw new Error(`selectRandomSample: n must be a positive integer (got ${n})`);
  const scored = scores.filter((s) => s.outcome !== 'error');
  const judged = scored.filter((s) => s.judge !== undefined);
  const population = judged.length > 0 ? judged : scored;
  const drawn = population
    .map((score) => ({ score, u: hashUniform(seed, 'review-random-sample', score.key) }))
    .sort((a, b) => a.u - b.u || a.score.key.localeCompare(b.score.key))
    .slice(0, n)
    .map(({ score }) => singleItem(score, ['random-sample'], seed, 'random-sample'));
  return {
    items: drawn.sort((a, b) => a.id.localeCompare(b.id)),
    population: population.length,
    populationKind: judged.length > 0 ? 'judged' : 'scored',
  };
}
