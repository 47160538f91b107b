import { describe, expect, it } from 'vitest';
import { reviewBlocks } from '../../src/report/content/sections.js';
import { blocksToHtml } from '../../src/report/document/html.js';
import type { ReviewAgreement } from '../../src/review/agreement.js';
import type { ReportContext } from '../../src/report/sources.js';

const table = { categories: [], table: [], n: 4, kappa: 0.5, ci95: [0.1, 0.9] as [number, number], excluded: 0 };
const review: ReviewAgreement = {
  responses: table,
  pairs: { ...table, n: 0, kappa: null, ci95: null },
  findings: { tested: 5, significantBefore: 1, significantAfter: 1, changed: [] },
  reviewers: ['Dr A', 'Dr B'],
  interRater: {
    responses: { method: 'cohen', reviewers: ['Dr A', 'Dr B'], nItems: 4, kappa: 0.5, ci95: [0.05, 0.95] },
    pairs: { method: null, reviewers: [], nItems: 0, kappa: null, ci95: null },
  },
  conflicts: [
    {
      target: 'response',
      itemId: 'item-7',
      keys: ['k'],
      labels: [
        { by: 'Dr A', label: 'correct' },
        { by: 'Dr B', label: 'incorrect' },
      ],
    },
  ],
  unsure: [{ itemId: 'item-9', responseKey: 'k9', by: 'Dr A' }],
};

describe('the report’s review section with several reviewers', () => {
  it('gives the inter-rater kappa, the conflicts as an alert and the unsure answers', () => {
    const html = blocksToHtml(reviewBlocks({ review } as unknown as ReportContext), () => '');
    expect(html).toContain(
      'Agreement between reviewers — answers: Cohen&#39;s kappa 0.500 (95% CI 0.050 to 0.950) over 4 items labelled by both of Dr A, Dr B.',
    );
    expect(html).toMatch(/<p class="callout">1 answer or pair labelled differently by different reviewers: unresolved/);
    expect(html).toContain('item item-7 (response): Dr A correct; Dr B incorrect');
    expect(html).toContain('item item-9 (Dr A)');
  });

  it('reads a review-agreement.json written before reviewers were compared', () => {
    const { interRater: _k, conflicts: _c, unsure: _u, ...old } = review;
    const html = blocksToHtml(reviewBlocks({ review: old } as unknown as ReportContext), () => '');
    expect(html).not.toContain('Agreement between reviewers');
    expect(html).not.toContain('callout');
  });

  it('estimates automated accuracy from the random sample only, and says the queue kappa is not one', () => {
    const without = blocksToHtml(reviewBlocks({ review } as unknown as ReportContext), () => '');
    expect(without).toContain('it is not an estimate of how often automated scoring is right');
    expect(without).toContain('counterfair review export RUN_DIR --random N');
    const sampled = { ...review, randomSample: { n: 80, agreeing: 72, accuracy: 0.9, ci95: [0.815, 0.948] as [number, number] } };
    const html = blocksToHtml(reviewBlocks({ review: sampled } as unknown as ReportContext), () => '');
    expect(html).toContain(
      'On the 80 answers of a random sample, automated scoring matched the clinicians on 72: 90.0% (95% CI 81.5% to 94.8%), an estimate of its accuracy over all the answers sampled from.',
    );
    expect(html).not.toContain('it is not an estimate');
  });
});
