import { describe, expect, it } from 'vitest';
import { PartnerIndex } from '../../src/pairing/partnerIndex.js';
import { score } from '../analysis/helpers.js';

const keyOf = (attributes: Readonly<Record<string, string>>) => JSON.stringify(attributes);
const white = { race: 'white', insurance: 'private' };
const black = { race: 'black', insurance: 'private' };

describe('PartnerIndex', () => {
  it("finds the last row of the score's cell with an attribute set, and the last reference row, whatever the replicates' order", () => {
    const scores = [
      score({ vignetteId: 'v1', replicate: 2, attributes: white, outcome: 'correct' }),
      score({ vignetteId: 'v1', replicate: 0, attributes: white, outcome: 'correct' }),
      score({ vignetteId: 'v1', replicate: 2, attributes: white, outcome: 'incorrect' }),
      score({ vignetteId: 'v1', replicate: 1, attributes: black, outcome: 'correct' }),
      score({ vignetteId: 'v1', replicate: 2, attributes: black, outcome: 'correct' }),
      score({ vignetteId: 'v2', replicate: 2, attributes: white, outcome: 'correct' }),
      score({ vignetteId: 'v1', replicate: 2, modelId: 'other', attributes: white, outcome: 'correct' }),
      score({ vignetteId: 'v1', replicate: 2, attributes: white, kind: 'no-demographics', outcome: 'correct' }),
      score({ vignetteId: 'v1', replicate: 0, attributes: white, cues: 'implicit', outcome: 'correct' }),
    ];
    const index = new PartnerIndex(scores, keyOf);
    expect(index.exact(scores[4]!, keyOf(white))).toBe(2);
    expect(index.reference(scores[4]!)).toBe(2);
    expect(index.exact(scores[3]!, keyOf(white))).toBeUndefined();
    expect(index.reference(scores[3]!)).toBeUndefined();
    expect(index.exact(scores[1]!, keyOf(white))).toBe(1);
    expect(index.exact(scores[4]!, keyOf(black))).toBe(4);
    expect(index.exact(scores[5]!, keyOf(white))).toBe(5);
    expect(index.exact(scores[6]!, keyOf(white))).toBe(6);
    expect(index.exact(scores[8]!, keyOf(white))).toBe(8);
    expect(index.exact(score({ vignetteId: 'v3', attributes: white, outcome: 'correct' }), keyOf(white))).toBeUndefined();
  });

  it('keeps the reference kind apart from an attribute set shared with a demographic variant', () => {
    const scores = [
      score({ vignetteId: 'v1', attributes: white, kind: 'reference', outcome: 'correct' }),
      score({ vignetteId: 'v1', attributes: white, kind: 'demographic', outcome: 'incorrect' }),
    ];
    const index = new PartnerIndex(scores, keyOf);
    expect(index.exact(scores[0]!, keyOf(white))).toBe(1);
    expect(index.reference(scores[1]!)).toBe(0);
  });
});
