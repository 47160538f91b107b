import { join } from 'node:path';
import { ensureDir, writeFileAtomic } from '../pipeline/runDir.js';
import { reviewCsv } from './csv.js';
import { reviewHtml } from './html.js';
import { REVIEW_KEY_FILE, writeReviewKey, type ReviewReason } from './key.js';
import { presentItem } from './present.js';
import { loadReviewRun } from './runData.js';
import { selectReviewItems } from './select.js';
import { withoutAdjudications } from './adjudications.js';

export interface ExportOptions {
  /** Where review.csv and review.html go (default RUN_DIR/review); the key always stays in the run directory. */
  outDir?: string;
  max?: number;
  clock: () => number;
}

export interface ExportSummary {
  outDir: string;
  keyFile: string;
  items: number;
  pairs: number;
  byReason: Record<ReviewReason, number>;
}

/**
 * Writes the blinded review queue of an analysed run: review.csv and review.html for the reviewers, and the private
 * review-key.json in the run directory. Items are chosen from the automated scores (earlier labels set aside), so
 * re-exporting after an import gives the same ids.
 */
export function exportReview(runDir: string, options: ExportOptions): ExportSummary {
  const review = loadReviewRun(runDir);
  const { study } = review.run;
  const items = selectReviewItems(withoutAdjudications(review.scores), study.axes, study.seed, options.max);
  const presented = items.map((item) => presentItem(item, { ...review, axes: study.axes }));
  const outDir = options.outDir ?? join(runDir, 'review');
  ensureDir(outDir);
  writeFileAtomic(join(outDir, 'review.csv'), reviewCsv(presented));
  writeFileAtomic(join(outDir, 'review.html'), reviewHtml(presented, `Clinician review: ${study.name}`));
  writeReviewKey(runDir, { format: 'counterfair-review-key', createdAt: new Date(options.clock()).toISOString(), items });
  const byReason: Record<ReviewReason, number> = { 'worst-case': 0, flip: 0, refusal: 0, 'judge-uncertain': 0 };
  for (const item of items) for (const reason of item.reasons) byReason[reason]++;
  return {
    outDir,
    keyFile: join(runDir, REVIEW_KEY_FILE),
    items: items.length,
    pairs: items.filter((i) => i.type === 'pair').length,
    byReason,
  };
}
