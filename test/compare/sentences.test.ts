import { describe, expect, it } from 'vitest';
import { excludesNull } from '../../src/analysis/simultaneous.js';
import { describeChange, summarize } from '../../src/compare/sentences.js';
import type { ComparisonSide, DisparityChange } from '../../src/compare/types.js';
import type { Axis } from '../../src/demographics/types.js';
import { createRng } from '../../src/stats/rng.js';

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
    ],
  },
];
const side = (s: 'A' | 'B'): ComparisonSide => ({
  side: s,
  label: `run-${s} · m`,
  runDir: `/runs/${s}`,
  model: 'm',
  study: { name: 'x', sha256: '0' },
});

/** A change with its adjusted test and family interval drawn independently, so every combination occurs. */
function change(rng: () => number): Omit<DisparityChange, 'sentence'> {
  const centre = (rng() - 0.5) * 0.3;
  const half = 0.02 + rng() * 0.1;
  const pAdjusted = rng() < 0.5 ? rng() * 0.05 : 0.05 + rng() * 0.95;
  const significant = pAdjusted < 0.05;
  const disparityA = 0.1;
  const disparityB = disparityA + centre;
  return {
    axis: 'race',
    level: 'black',
    reference: 'white',
    nVignettes: 40,
    nPairsA: 40,
    nPairsB: 40,
    rateReferenceA: 0.2,
    rateLevelA: 0.3,
    rateReferenceB: 0.2,
    rateLevelB: 0.2 + disparityB,
    disparityA,
    disparityB,
    change: centre,
    changeCi: [centre - half * 0.8, centre + half * 0.8],
    changeCiSimultaneous: [centre - half, centre + half],
    disparityCiA: [disparityA - half, disparityA + half],
    disparityCiB: [disparityB - half, disparityB + half],
    simultaneousLevel: 0.99,
    simultaneousKind: 'bonferroni',
    familySize: 5,
    test: 'paired-permutation',
    p: pAdjusted / 5,
    pAdjusted,
    adjustment: 'holm',
    significant,
    lessDisparate: significant ? (Math.abs(disparityB) < Math.abs(disparityA) ? 'B' : 'A') : null,
  };
}

describe('compare sentences agree with the interval they quote', () => {
  it('never calls a change significant beside an interval containing 0, nor not significant beside one excluding it', () => {
    const rng = createRng(77);
    const seen = new Map<string, number>();
    const changes: DisparityChange[] = [];
    for (let i = 0; i < 400; i++) {
      const c = change(rng);
      const sentence = describeChange(c, side('A'), side('B'), axes, 0.05);
      changes.push({ ...c, sentence });
      expect(sentence).toContain('simultaneous 95% CI, Holm family of 5: ');
      expect(sentence).not.toMatch(/\(95% CI/);
      const excludes = excludesNull(c.changeCiSimultaneous);
      const kind = sentence.includes('is not statistically significant')
        ? 'not'
        : sentence.includes('is statistically significant')
          ? 'significant'
          : sentence.includes('Borderline:')
            ? 'borderline'
            : 'none';
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      if (kind === 'not') expect(excludes, sentence).toBe(false);
      if (kind === 'significant') expect(excludes, sentence).toBe(true);
      if (kind === 'borderline') expect(excludes).toBe(!c.significant);
      expect(kind).not.toBe('none');
      if (kind !== 'significant') expect(sentence).not.toMatch(/is less disparate here, by/);
    }
    expect(seen.get('significant')).toBeGreaterThan(20);
    expect(seen.get('not')).toBeGreaterThan(20);
    expect(seen.get('borderline')).toBeGreaterThan(20);
    // The summary counts only changes whose test and interval agree as wins.
    const summary = summarize(changes, side('A'), side('B'), axes, 0.05);
    const wins = changes.filter((c) => c.sentence.includes('is statistically significant')).length;
    const borderline = changes.filter((c) => c.sentence.includes('Borderline:')).length;
    expect(summary).toContain(`${borderline} are borderline`);
    const counted = [...summary.matchAll(/is less disparate in (\d+) of/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(counted).toBe(wins);
  });
});
