import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types.js';
import { summaryBlocks } from '../../src/report/content/summary.js';
import type { ReportContext } from '../../src/report/sources.js';

const finding = (level: string, over: Partial<Finding>): Finding => ({
  endpoint: 'error',
  model: 'm',
  axis: 'race',
  level,
  reference: 'white',
  nVignettes: 40,
  nPairs: 40,
  rateReference: 0.2,
  rateLevel: 0.3,
  difference: 0.1,
  differenceCi: [0.01, 0.19],
  ratio: 1.5,
  ratioCi: [1.05, 2.2],
  oddsRatio: 2,
  test: 'mcnemar-exact',
  statistic: 3,
  p: 0.02,
  logP: Math.log(0.02),
  ciMethod: 'newcombe',
  ratioCiMethod: 'bonett-price',
  wrongOnlyAtLevel: 8,
  wrongOnlyAtReference: 4,
  pAdjusted: 0.04,
  adjustment: 'holm',
  significant: true,
  nExcludedPairs: 0,
  sentence: `sentence of ${level}`,
  differenceCiSimultaneous: [-0.01, 0.21],
  ratioCiSimultaneous: [0.95, 2.5],
  simultaneousLevel: 0.975,
  simultaneousKind: 'bonferroni',
  familySize: 2,
  ...over,
});

function context(findings: Finding[]): ReportContext {
  return {
    results: { findings, secondaryFindings: [], shifts: [] },
    manifest: { analysis: { alpha: 0.05, adjustment: 'holm' }, study: { design: { kind: 'one-at-a-time' } }, models: [] },
    axes: [
      {
        id: 'race',
        label: 'Race',
        slot: 'descriptor',
        reference: 'white',
        file: 'r',
        levels: [
          { id: 'white', label: 'White', descriptor: 'White' },
          { id: 'black', label: 'Black', descriptor: 'Black' },
          { id: 'asian', label: 'Asian', descriptor: 'Asian' },
        ],
      },
    ],
    contrasts: [],
    scores: [],
    vignettes: [],
    modelIds: ['m'],
    contrastLabel: (c: { axis: string; level: string }) => `${c.axis}: ${c.level}`,
    levelLabel: (_: string, level: string) => level,
  } as unknown as ReportContext;
}

const text = (blocks: ReturnType<typeof summaryBlocks>) => JSON.stringify(blocks);

describe('summary', () => {
  it('does not lead with a significant disparity when the only significant test has a family interval containing 0', () => {
    const blocks = summaryBlocks(
      context([
        finding('black', {}),
        finding('asian', { significant: false, pAdjusted: 0.5, p: 0.5, difference: 0.02, differenceCiSimultaneous: [-0.08, 0.12] }),
      ]),
    );
    const all = text(blocks);
    expect(all).not.toContain('Largest significant disparity');
    expect(all).toContain('No clearly significant disparity in error rates.');
    expect(all).toContain('1 contrast of 2 reached significance at 0.05 after Holm correction, but its interval at the family');
    expect(all).toContain('simultaneous 95% CI, Holm family of 2: -1.0 to +21.0');
    expect(all).toContain('borderline (below)');
    expect(all).toContain('sentence of black');
  });

  it('leads with the largest disparity whose test and family interval agree, and quotes the cues it differs in', () => {
    const blocks = summaryBlocks(context([finding('black', { differenceCiSimultaneous: [0.02, 0.18] }), finding('asian', {})]));
    const all = text(blocks);
    expect(all).toContain('Largest significant disparity.');
    expect(all).toContain('they differ in one cue: the word \\"Black\\" in the patient\'s description in place of the word \\"White\\"');
    expect(all).toContain('1 contrast is borderline');
  });
});
