import { describe, expect, it } from 'vitest';
import { analyzeFindings, findingPairs } from '../../src/analysis/findings.js';
import { binaryContrast, countPairs } from '../../src/analysis/binary.js';
import { isWrong, pairComparisons } from '../../src/pairing/pairs.js';
import type { Axis } from '../../src/demographics/types.js';
import { simulateDesignScores } from '../../src/power/designScores.js';
import type { SimulatedSpec } from '../../src/providers/simulatedDecision.js';
import { adjustPValues } from '../../src/stats/adjust.js';
import type { ContrastSpec } from '../../src/study/contrasts.js';
import type { Design } from '../../src/study/types.js';
import { deriveSeed } from '../../src/util/hash.js';

const axis = (id: string, levels: string[]): Axis => ({
  id,
  label: id,
  slot: 'sentence',
  reference: levels[0]!,
  file: `${id}.yaml`,
  levels: levels.map((l) => ({ id: l, label: l })),
});
const AXES: Axis[] = [axis('race', ['white', 'black', 'hispanic', 'asian']), axis('insurance', ['private', 'medicaid', 'medicare'])];
const OPTIONS = { alpha: 0.05, adjustment: 'holm', mcnemar: 'exact', bootstrapResamples: 0 } as const;
const SPEC = {
  kind: 'simulated',
  id: 'truth',
  accuracy: { default: 0.8, byDomain: {} },
  biases: [{ axis: 'race', level: 'black', errorMultiplier: 3 }],
  unparseableRate: 0,
  instability: 0.3,
  params: {},
  systemPrompt: '',
  concurrency: 1,
  timeoutMs: 1,
  maxRetries: 0,
} as SimulatedSpec;

const CONTRASTS: ContrastSpec[] = [
  { name: 'race pairwise', adjustment: 'bh', compare: [{ axis: 'race', levels: ['black', 'asian'], versus: 'hispanic' }] },
  { name: 'insurance vs medicare', adjustment: 'none', compare: [{ axis: 'insurance', versus: 'medicare' }] },
  { name: 'race vs reference', compare: [{ axis: 'race' }] },
];

function simulate(design: Design, seed: number, vignettes = 150) {
  return simulateDesignScores({ spec: SPEC, design, axes: AXES, vignettes, replicates: 1, seed });
}

describe('declared contrast families', () => {
  it('planted ground truth: black against hispanic is found in every study, asian against hispanic rarely', () => {
    let found = 0;
    let falseStudies = 0;
    const studies = 20;
    for (let k = 0; k < studies; k++) {
      const seed = deriveSeed(21, 'declared', String(k));
      const scores = simulate({ kind: 'one-at-a-time' }, seed);
      const options = { ...OPTIONS, seed, contrasts: CONTRASTS };
      const findings = analyzeFindings(findingPairs(scores, AXES, options), AXES, ['truth'], 'error', options);
      const significant = findings.filter((f) => f.significant).map((f) => `${f.contrast}: ${f.level} vs ${f.reference}`);
      if (significant.includes('race pairwise: black vs hispanic')) found++;
      if (significant.some((s) => !s.includes('black'))) falseStudies++;
    }
    expect(found).toBe(studies);
    expect(falseStudies).toBeLessThanOrEqual(4);
  });

  it('each family is tested on its exact pairs and adjusted on its own, as declared', () => {
    const seed = deriveSeed(22, 'families');
    const scores = simulate({ kind: 'one-at-a-time' }, seed);
    const options = { ...OPTIONS, seed, contrasts: CONTRASTS };
    const findings = analyzeFindings(findingPairs(scores, AXES, options), AXES, ['truth'], 'error', options);
    expect(findings.map((f) => [f.contrast, f.axis, f.level, f.reference, f.adjustment, f.familySize])).toEqual([
      ['race pairwise', 'race', 'black', 'hispanic', 'bh', 2],
      ['race pairwise', 'race', 'asian', 'hispanic', 'bh', 2],
      ['insurance vs medicare', 'insurance', 'private', 'medicare', 'none', 2],
      ['insurance vs medicare', 'insurance', 'medicaid', 'medicare', 'none', 2],
      ['race vs reference', 'race', 'black', 'white', 'holm', 3],
      ['race vs reference', 'race', 'hispanic', 'white', 'holm', 3],
      ['race vs reference', 'race', 'asian', 'white', 'holm', 3],
    ]);
    // Black against hispanic: the same vignette's two one-axis variants (every other axis at its reference).
    const pairs = pairComparisons(scores, [{ axis: 'race', level: 'black', versus: 'hispanic' }])[0]!.pairs;
    expect(pairs).toHaveLength(150);
    for (const p of pairs) {
      expect(p.level.vignetteId).toBe(p.reference.vignetteId);
      expect(p.level.attributes).toEqual({ ...p.reference.attributes, race: 'black' });
      expect(p.reference.attributes.race).toBe('hispanic');
    }
    const counts = countPairs(
      pairs.map((p) => ({ vignetteId: p.vignetteId, reference: isWrong(p.reference.outcome)!, level: isWrong(p.level.outcome)! })),
    );
    const direct = binaryContrast(counts, { seed: 0, bootstrapResamples: 0 });
    const black = findings[0]!;
    expect([black.wrongOnlyAtLevel, black.wrongOnlyAtReference, black.p]).toEqual([
      direct.wrongOnlyAtLevel,
      direct.wrongOnlyAtReference,
      direct.p,
    ]);
    const family = (name: string) => findings.filter((f) => f.contrast === name);
    expect(family('race pairwise').map((f) => f.pAdjusted)).toEqual(
      adjustPValues(
        family('race pairwise').map((f) => f.p),
        'bh',
      ),
    );
    expect(family('insurance vs medicare').map((f) => f.pAdjusted)).toEqual(family('insurance vs medicare').map((f) => f.p));
    expect(family('race vs reference').map((f) => f.pAdjusted)).toEqual(
      adjustPValues(
        family('race vs reference').map((f) => f.p),
        'holm',
      ),
    );
    // A declared family of the default contrasts tests them as today; only the family (of 3, not 5) differs.
    const unadjusted = (f: (typeof findings)[number]) => [
      f.level,
      f.reference,
      f.wrongOnlyAtLevel,
      f.wrongOnlyAtReference,
      f.p,
      f.differenceCi,
    ];
    const today = analyzeFindings(findingPairs(scores, AXES, OPTIONS), AXES, ['truth'], 'error', { ...OPTIONS, seed });
    expect(today.every((f) => f.contrast === undefined && f.familySize === 5)).toBe(true);
    expect(family('race vs reference').map(unadjusted)).toEqual(today.filter((f) => f.axis === 'race').map(unadjusted));
  });

  it('a design without exact partners forms no level-against-level pair across other axes', () => {
    const seed = deriveSeed(23, 'sampled');
    const scores = simulate({ kind: 'sampled', n: 4 }, seed, 40);
    const groups = pairComparisons(scores, [{ axis: 'race', level: 'black', versus: 'hispanic' }]);
    const pairs = groups.flatMap((g) => g.pairs);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThan(40);
    for (const p of pairs) expect(p.level.attributes).toEqual({ ...p.reference.attributes, race: 'black' });
  });

  it('a declared comparison with no exact partner is reported as untested, not dropped', () => {
    const seed = deriveSeed(24, 'no-partner');
    const design: Design = { kind: 'list', assignments: [{ race: 'black' }, { race: 'hispanic', insurance: 'medicaid' }] };
    const scores = simulate(design, seed, 30);
    const options = {
      ...OPTIONS,
      seed,
      contrasts: [{ name: 'pairwise', compare: [{ axis: 'race', levels: ['black'], versus: 'hispanic' }] }],
    };
    const [finding, ...rest] = analyzeFindings(findingPairs(scores, AXES, options), AXES, ['truth'], 'error', options);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      contrast: 'pairwise',
      level: 'black',
      reference: 'hispanic',
      nPairs: 0,
      nExcludedPairs: 0,
      significant: false,
    });
    expect(finding!.p).toBeNaN();
    expect(finding!.sentence).toContain('no variant at black has a partner of the same vignette that differs only in this axis');
  });
});
