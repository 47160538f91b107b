import { describe, expect, it } from 'vitest';
import { analyzeAxes } from '../../src/analysis/axisTests.js';
import { pairContrasts } from '../../src/pairing/pairs.js';
import type { Axis } from '../../src/demographics/types.js';
import { friedman } from '../../src/stats/friedman.js';
import { score } from './helpers.js';

const race: Axis = {
  id: 'race',
  label: 'Race',
  slot: 'descriptor',
  reference: 'white',
  file: 'r',
  levels: ['white', 'black', 'asian'].map((id) => ({ id, label: id })),
};

describe('omnibus axis tests', () => {
  it('use Friedman on per-vignette error rates when vignettes have replicates', () => {
    // 8 vignettes x 2 replicates; black is wrong in both replicates of vignettes 0-5, asian in one replicate of 0-2.
    const scores = Array.from({ length: 8 }, (_, v) => `v${v}`).flatMap((v, i) =>
      [0, 1].flatMap((replicate) => [
        score({ vignetteId: v, replicate, outcome: 'correct', attributes: { race: 'white' } }),
        score({ vignetteId: v, replicate, outcome: i < 6 ? 'incorrect' : 'correct', attributes: { race: 'black' }, kind: 'demographic' }),
        score({
          vignetteId: v,
          replicate,
          outcome: i < 3 && replicate === 0 ? 'incorrect' : 'correct',
          attributes: { race: 'asian' },
          kind: 'demographic',
        }),
      ]),
    );
    const [test] = analyzeAxes(pairContrasts(scores, [race]), [race], ['m']);
    const rates = Array.from({ length: 8 }, (_, i) => [0, i < 6 ? 1 : 0, i < 3 ? 0.5 : 0]);
    const expected = friedman(rates);
    expect(test).toMatchObject({ test: 'friedman', levels: ['white', 'black', 'asian'], nVignettes: 8, df: 2 });
    expect(test!.statistic).toBeCloseTo(expected.statistic, 12);
    expect(test!.p).toBeCloseTo(expected.pValue, 12);
  });
});
