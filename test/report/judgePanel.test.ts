import { describe, expect, it } from 'vitest';
import type { JudgePanelSummary } from '../../src/analysis/judgePanel.js';
import { hasJudgePanel, judgePanelBlocks } from '../../src/report/content/judgePanel.js';
import { blocksToHtml } from '../../src/report/document/html.js';
import { blocksToMarkdown } from '../../src/report/document/markdown.js';
import type { ReportContext } from '../../src/report/sources.js';

function panel(ci: [number, number] | null, kappa = ci ? (ci[0] + ci[1]) / 2 : Number.NaN): JudgePanelSummary {
  return {
    judges: ['a', '<img src=x onerror=alert(1)>', 'c'],
    rule: 'majority',
    nItems: 100,
    nUnlabelled: 3,
    perJudge: ['a', '<img src=x onerror=alert(1)>', 'c'].map((judge) => ({
      judge,
      adequate: 60,
      inadequate: 37,
      unreadable: 3,
      adequateRate: 60 / 97,
    })),
    pairwiseKappa: [{ judges: ['a', 'c'], n: 97, kappa: 0.5, ciLow: 0.3, ciHigh: 0.7 }],
    nComplete: 94,
    fleissKappa: kappa,
    fleissKappaCi: ci,
    adequateRate: 0.62,
    corrected: null,
    nAdjudicated: 0,
  };
}
const ctx = (judgePanel?: JudgePanelSummary) => ({ results: { judgePanel } }) as unknown as ReportContext;
const text = (p: JudgePanelSummary) => blocksToMarkdown(judgePanelBlocks(ctx(p)));

describe("the report's judge panel section", () => {
  it('says "agree well" only when the whole kappa interval is above 0.6, and never when it reaches below 0.4', () => {
    expect(text(panel([0.65, 0.9]))).toMatch(/The judges agree well/);
    expect(text(panel([0.45, 0.8]))).toMatch(/The judges agree moderately/);
    expect(text(panel([0.35, 0.8]))).toMatch(/Whether the judges agree is uncertain/);
    expect(text(panel([0.05, 0.3]))).toMatch(/The judges disagree/);
    expect(text(panel(null))).toMatch(/Judge agreement could not be measured/);
    for (const ci of [
      [0.35, 0.8],
      [0.05, 0.3],
      [0.45, 0.8],
    ] as [number, number][])
      expect(text(panel(ci))).not.toMatch(/agree well/);
    expect(text(panel([0.65, 0.9]))).toMatch(/1 is perfect agreement, 0 no better than chance/);
  });

  it('escapes every name it renders and is absent without a panel', () => {
    const html = blocksToHtml(judgePanelBlocks(ctx(panel([0.1, 0.5]))), () => '');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hasJudgePanel(ctx())).toBe(false);
    expect(judgePanelBlocks(ctx())).toEqual([]);
  });

  it('puts the clinician-corrected rate and interval beside the raw one, with the random-sample caveat', () => {
    const corrected = {
      estimate: 0.55,
      low: 0.45,
      high: 0.65,
      standardError: 0.05,
      predictedMean: 0.62,
      rectifier: 0.07,
      nLabelled: 30,
      nUnlabelled: 67,
    };
    const out = text({ ...panel([0.5, 0.7]), corrected, nAdjudicated: 30 });
    expect(out).toMatch(/The panel calls 62\.0% of the answers it decided adequate; corrected with the 30 answers clinicians labelled/);
    expect(out).toMatch(/55\.0% \(95% CI 45\.0% to 65\.0%\)/);
    expect(out).toMatch(/random sample/);
    expect(out).not.toMatch(/set aside/);
    const queued = text({ ...panel([0.5, 0.7]), corrected, nAdjudicated: 30, nAdjudicatedFromQueue: 12 });
    expect(queued).toMatch(/corrected with the 30 answers clinicians labelled/);
    expect(queued).toMatch(/12 answers clinicians labelled from the review queue are set aside here/);
    const none = text({ ...panel([0.5, 0.7]), corrected: null, nAdjudicated: 0, nAdjudicatedFromQueue: 12 });
    expect(none).toMatch(/No corrected rate: it needs at least 2 answers of a random sample/);
    expect(none).toMatch(/counterfair review export RUN\\*_DIR --random N/);
    expect(none).toMatch(/12 answers clinicians labelled from the review queue are set aside/);
  });
});
