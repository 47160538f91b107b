import { describe, expect, it } from 'vitest';
import { pairContrasts } from '../../src/pairing/pairs.js';
import { contrastDifference } from '../../src/report/content/provenance.js';
import type { ReportContext } from '../../src/report/sources.js';
import { score, sentenceAxis } from '../analysis/helpers.js';

const axes = [sentenceAxis('race', ['white', 'black']), sentenceAxis('insurance', ['private', 'medicaid'])];

describe("the report's sentence on what a contrast's variants differ in", () => {
  it('counts the level variants that had no partner differing in this axis alone', () => {
    const scores = ['v1', 'v2'].flatMap((vignetteId) => [
      score({ vignetteId, outcome: 'correct' }),
      score({ vignetteId, attributes: { race: 'black', insurance: 'medicaid' }, outcome: 'incorrect' }),
      score({ vignetteId, attributes: { race: 'black', insurance: 'private' }, outcome: 'correct' }),
    ]);
    const ctx = { manifest: {}, axes, contrasts: pairContrasts(scores, axes) } as unknown as Pick<
      ReportContext,
      'manifest' | 'axes' | 'contrasts'
    >;
    const model = ctx.contrasts[0]!.modelId;
    expect(contrastDifference(ctx, { model, axis: 'race', level: 'black', reference: 'white' })).toContain(
      'In this design 2 of 4 level variants had no partner differing in this axis alone',
    );
    expect(contrastDifference(ctx, { model, axis: 'insurance', level: 'medicaid', reference: 'private' })).not.toContain('In this design');
  });
});
