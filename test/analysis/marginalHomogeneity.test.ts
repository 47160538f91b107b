import { describe, expect, it } from 'vitest';
import { analyzeMarginalHomogeneity } from '../../src/analysis/marginalHomogeneity.js';
import type { ContrastPairs, ScorePair } from '../../src/pairing/pairs.js';
import type { Axis } from '../../src/demographics/types.js';
import { stuartMaxwell } from '../../src/stats/stuartMaxwell.js';
import { createRng } from '../../src/stats/rng.js';
import type { Question } from '../../src/template/types.js';
import { score } from './helpers.js';

const axes: Axis[] = [
  {
    id: 'race',
    label: 'Race',
    slot: 'descriptor',
    reference: 'white',
    file: 'r.yaml',
    levels: [
      { id: 'white', label: 'White' },
      { id: 'black', label: 'Black' },
      { id: 'asian', label: 'Asian' },
    ],
  },
];
const ordinal: Question = {
  type: 'ordinal',
  stem: 's',
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: `ESI ${value}` })),
  intensity: 'descending',
  answer: 2,
};

/** Ordinal answers one step off at random; the level `shift` moves answers toward less care with probability `under`. */
function contrast(level: string, under: number, replicates: number, seed: number): ContrastPairs {
  const rng = createRng(seed);
  const step = () => (rng() < 0.6 ? 0 : rng() < 0.5 ? -1 : 1);
  const pairs: ScorePair[] = [];
  for (let v = 0; v < 60; v++) {
    for (let r = 0; r < replicates; r++) {
      const vignetteId = `v${v}`;
      const ref = step();
      const lvl = rng() < under ? -1 : step();
      pairs.push({
        vignetteId,
        replicate: r,
        marginal: false,
        reference: score({ vignetteId, replicate: r, outcome: ref === 0 ? 'correct' : 'incorrect', signedDeviation: ref }),
        level: score({
          vignetteId,
          replicate: r,
          outcome: lvl === 0 ? 'correct' : 'incorrect',
          signedDeviation: lvl,
          attributes: { race: level, insurance: 'private' },
        }),
      });
    }
  }
  return { modelId: 'm', axis: 'race', level, pairs };
}

describe('marginal homogeneity of ordinal answers (Stuart-Maxwell)', () => {
  const questions = new Map(Array.from({ length: 60 }, (_, v) => [`v${v}`, ordinal] as const));

  it('flags a planted shift toward less care and not its absence, one pair per vignette', () => {
    const all = analyzeMarginalHomogeneity([contrast('black', 0.5, 3, 1), contrast('asian', 0, 3, 2)], axes, questions, {
      alpha: 0.05,
      adjustment: 'holm',
    });
    expect(all.map((m) => [m.level, m.scale])).toEqual([
      ['black', 'ordinal-care'],
      ['black', 'outcome'],
      ['asian', 'ordinal-care'],
      ['asian', 'outcome'],
    ]);
    const results = all.filter((m) => m.scale === 'ordinal-care');
    const [black, asian] = results;
    expect(black).toMatchObject({
      level: 'black',
      test: 'stuart-maxwell',
      df: 2,
      nVignettes: 60,
      clusters: 'first-pair-per-vignette',
      significant: true,
      categoriesTested: ['less care', 'correct level', 'more care'],
    });
    expect(asian!.significant).toBe(false);
    // One pair per vignette (replicate 0), counted into less care / correct / more care.
    for (const m of results) expect(m.table.flat().reduce((a, b) => a + b, 0)).toBe(60);
    const expected = stuartMaxwell(black!.table);
    expect(black!.statistic).toBe(expected.statistic);
    expect(black!.p).toBe(expected.pValue);
    // Holm over the model's four tests: the smallest p is multiplied by 4.
    expect(black!.pAdjusted).toBeCloseTo(Math.min(1, 4 * Math.min(...all.map((m) => m.p))), 15);
    // Less care at the level: the level's "less care" margin exceeds the reference's.
    const levelLess = black!.table.reduce((a, row) => a + row[0]!, 0);
    expect(levelLess).toBeGreaterThan(black!.table[0]!.reduce((a, b) => a + b, 0));
  });

  it('takes replicate 0 of each vignette, whatever the order of the pairs', () => {
    const c = contrast('black', 0.3, 2, 5);
    const reversed = { ...c, pairs: [...c.pairs].reverse() };
    const a = analyzeMarginalHomogeneity([c], axes, questions, { alpha: 0.05, adjustment: 'holm' });
    const b = analyzeMarginalHomogeneity([reversed], axes, questions, { alpha: 0.05, adjustment: 'holm' });
    expect(b).toEqual(a);
    const onlyFirst = analyzeMarginalHomogeneity([{ ...c, pairs: c.pairs.filter((p) => p.replicate === 0) }], axes, questions, {
      alpha: 0.05,
      adjustment: 'holm',
    });
    expect(onlyFirst[0]!.table).toEqual(a[0]!.table);
  });

  it('sees a move from wrong answers to refusals that leaves the error rate unchanged, and leaves unused categories out', () => {
    const pairs: ScorePair[] = [];
    for (let v = 0; v < 40; v++) {
      const vignetteId = `v${v}`;
      // Half the vignettes are wrong on both sides; at the level most of those wrong answers become refusals.
      const wrong = v % 2 === 0;
      const levelOutcome = wrong ? (v % 8 === 0 ? 'incorrect' : 'refusal') : 'correct';
      pairs.push({
        vignetteId,
        replicate: 0,
        marginal: false,
        reference: score({ vignetteId, outcome: wrong ? 'incorrect' : 'correct' }),
        level: score({ vignetteId, outcome: levelOutcome, attributes: { race: 'black', insurance: 'private' } }),
      });
    }
    const [outcome] = analyzeMarginalHomogeneity([{ modelId: 'm', axis: 'race', level: 'black', pairs }], axes, new Map(), {
      alpha: 0.05,
      adjustment: 'holm',
    });
    expect(outcome).toMatchObject({ scale: 'outcome', categoriesTested: ['incorrect', 'refusal'], df: 1, significant: true });
    // Two categories: Stuart-Maxwell is McNemar's uncorrected statistic on the 15 moved pairs, all one way.
    expect(outcome!.statistic).toBeCloseTo(15, 12);
    const none = analyzeMarginalHomogeneity(
      [
        {
          modelId: 'm',
          axis: 'race',
          level: 'black',
          pairs: pairs.map((p) => ({ ...p, level: { ...p.level, outcome: p.reference.outcome } })),
        },
      ],
      axes,
      new Map(),
      { alpha: 0.05, adjustment: 'holm' },
    );
    expect(none[0]).toMatchObject({ categoriesTested: [], statistic: 0, df: 0, p: 1, significant: false });
  });
});
