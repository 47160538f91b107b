import { readOptionalJson, RUN_FILES, runFile, writeFileAtomic } from '../pipeline/runDir.js';
import { InputError } from '../util/problems.js';

/**
 * The private half of a review: which model, variants and responses hide behind each opaque item id and which side
 * is the reference. It stays in the run directory; only review.csv and review.html go to the reviewers.
 */
export const REVIEW_KEY_FILE = RUN_FILES.reviewKey;

/**
 * Why an item is in the queue (never shown to the reviewer, who would otherwise learn what automation thought).
 * `random-sample` marks an answer drawn at random (`review export --random`), not picked for what automation said:
 * only those labels may correct a judge-based rate. `unreadable` marks an answer no extractor could read: a clinician's
 * label gives it the outcome the reader sees (it may hold the correct answer in words the extractor missed).
 */
export type ReviewReason = 'worst-case' | 'flip' | 'refusal' | 'unreadable' | 'judge-uncertain' | 'random-sample';

export interface ReviewSide {
  variantId: string;
  responseKey: string;
  /** For pairs, which side is the reference; a single answer is just `answer`. */
  role: 'reference' | 'level' | 'answer';
}

export interface ReviewKeyItem {
  id: string;
  type: 'single' | 'pair';
  model: string;
  vignetteId: string;
  replicate: number;
  reasons: ReviewReason[];
  /** Shown as answer A; for pairs, B is the other side. */
  a: ReviewSide;
  b: ReviewSide | null;
}

export interface ReviewKey {
  format: 'counterfair-review-key';
  createdAt: string;
  items: ReviewKeyItem[];
}

export function writeReviewKey(runDir: string, key: ReviewKey): void {
  writeFileAtomic(runFile(runDir, 'reviewKey'), `${JSON.stringify(key, null, 2)}\n`);
}

export function readReviewKey(runDir: string): ReviewKey {
  const path = runFile(runDir, 'reviewKey');
  const key = readOptionalJson<ReviewKey>(runDir, 'reviewKey');
  if (key === undefined)
    throw new InputError([
      { file: path, message: 'missing: export a review queue first (`counterfair review export`), then import its labels' },
    ]);
  if (key === null || key.format !== 'counterfair-review-key' || !Array.isArray(key.items))
    throw new InputError([{ file: path, message: 'is not a counterfair review key' }]);
  return key;
}
