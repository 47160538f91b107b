import { join } from 'node:path';
import { ensureDir, readOptionalJson, writeFileAtomic } from '../pipeline/runDir.js';
import { reviewCsv } from './csv.js';
import { reviewHtml } from './html.js';
import { REVIEW_KEY_FILE, writeReviewKey, type ReviewKey, type ReviewKeyItem, type ReviewReason } from './key.js';
import { presentItem } from './present.js';
import { loadReviewRun } from './runData.js';
import { selectRandomSample } from './sample.js';
import { selectReviewItems } from './select.js';
import { withoutAdjudications } from './adjudications.js';

export interface ExportOptions {
  /**
   * Where review.csv and review.html go (default RUN_DIR/review, or RUN_DIR/review-random for a random sample); the
   * key always stays in the run directory.
   */
  outDir?: string;
  max?: number;
  /**
   * Instead of the queue, a simple random sample of this many single answers (judge-scored ones when the run has
   * any): the labels a prediction-powered correction of the judges' rate needs. See `selectRandomSample`.
   */
  random?: number;
  clock: () => number;
}

export interface ExportSummary {
  outDir: string;
  keyFile: string;
  items: number;
  pairs: number;
  byReason: Record<ReviewReason, number>;
  /** For a random sample: how many answers it was drawn from, and which. */
  sampledFrom?: { population: number; kind: 'judged' | 'scored' };
}

/**
 * Writes the blinded review queue of an analysed run: review.csv and review.html for the reviewers, and the private
 * review-key.json in the run directory. Items are chosen from the automated scores (earlier labels set aside), so
 * re-exporting after an import gives the same ids.
 */
export function exportReview(runDir: string, options: ExportOptions): ExportSummary {
  const review = loadReviewRun(runDir);
  const { study } = review.run;
  const automated = withoutAdjudications(review.scores);
  const sample = options.random === undefined ? undefined : selectRandomSample(automated, study.seed, options.random);
  const items = sample?.items ?? selectReviewItems(automated, study.axes, study.seed, options.max);
  const presented = items.map((item) => presentItem(item, { ...review, axes: study.axes }));
  // A random sample goes beside the queue, not over it: reviewers may be filling in both.
  const outDir = options.outDir ?? join(runDir, sample ? 'review-random' : 'review');
  ensureDir(outDir);
  writeFileAtomic(join(outDir, 'review.csv'), reviewCsv(presented));
  writeFileAtomic(join(outDir, 'review.html'), reviewHtml(presented, `Clinician review: ${study.name}`));
  writeReviewKey(runDir, {
    format: 'counterfair-review-key',
    createdAt: new Date(options.clock()).toISOString(),
    items: withEarlierItems(runDir, items),
  });
  const byReason: Record<ReviewReason, number> = {
    'worst-case': 0,
    flip: 0,
    refusal: 0,
    unreadable: 0,
    'judge-uncertain': 0,
    'random-sample': 0,
  };
  for (const item of items) for (const reason of item.reasons) byReason[reason]++;
  return {
    outDir,
    keyFile: join(runDir, REVIEW_KEY_FILE),
    items: items.length,
    pairs: items.filter((i) => i.type === 'pair').length,
    byReason,
    ...(sample ? { sampledFrom: { population: sample.population, kind: sample.populationKind } } : {}),
  };
}

/**
 * The new export's items followed by those of earlier exports it does not repeat: a random sample exported after
 * the queue (or the other way round) must not orphan the labels reviewers are still filling in for the other one.
 * Ids are stable hashes, so an item exported twice is kept once.
 */
function withEarlierItems(runDir: string, items: readonly ReviewKeyItem[]): ReviewKeyItem[] {
  const earlier = readOptionalJson<ReviewKey>(runDir, 'reviewKey');
  const ids = new Set(items.map((item) => item.id));
  const kept = Array.isArray(earlier?.items) ? earlier.items.filter((item) => !ids.has(item.id)) : [];
  return [...items, ...kept];
}
