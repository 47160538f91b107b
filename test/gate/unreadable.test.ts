import { describe, expect, it } from 'vitest';
import { evaluateGate, type GatedFinding } from '../../src/gate/evaluate.js';
import { gateThresholds } from './thresholds.js';

const THRESHOLDS = gateThresholds();

/** A significant 20-point disparity over 60 pairs whose 20 more errors at the level are `unparseable` unreadable answers. */
function finding(unparseable: number): GatedFinding {
  return {
    model: 'm',
    axis: 'language',
    level: 'spanish',
    reference: 'english',
    domain: null,
    nVignettes: 60,
    nPairs: 60,
    nExcludedPairs: 0,
    rateReference: 0.1,
    rateLevel: 0.3333,
    difference: 0.2333,
    differenceCi: [0.12, 0.35],
    ratio: 3.33,
    ratioCi: [1.8, 6],
    p: 1e-5,
    pAdjusted: 1e-5,
    adjustment: 'holm',
    discordantOutcomes: {
      levelOnly: { incorrect: 22 - unparseable, refusal: 0, unparseable },
      referenceOnly: { incorrect: 2, refusal: 0, unparseable: 0 },
    },
  };
}

describe('a gate failure made mostly of unreadable answers', () => {
  it('still fails, with a caution that the answers must be read before acting', () => {
    const [mostly] = evaluateGate([finding(15)], THRESHOLDS);
    expect(mostly!.failed).toBe(true);
    expect(mostly!.caution).toBe(
      '15 of the 20 more errors at the level are unreadable answers: read them (counterfair review) before acting on this contrast',
    );
    // Only beside a significant disparity: an unreadable answer or two in a null contrast is no finding to caution.
    const [notSignificant] = evaluateGate([{ ...finding(15), pAdjusted: 0.4 }], THRESHOLDS);
    expect(notSignificant!.caution).toBeNull();
    const [few] = evaluateGate([finding(5)], THRESHOLDS);
    expect(few!.failed).toBe(true);
    expect(few!.caution).toBeNull();
  });
});
