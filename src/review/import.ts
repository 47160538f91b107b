import { analyzeRun } from '../pipeline/analyzeRun.js';
import { readFinalResponses } from '../pipeline/loadRun.js';
import { claimRunDirectory, runFile, writeFileAtomic } from '../pipeline/runDir.js';
import { failOnProblems, type Problem } from '../util/problems.js';
import {
  appendAdjudications,
  applyAdjudications,
  readAdjudications,
  withoutAdjudications,
  type AdjudicationRecord,
} from './adjudications.js';
import { reviewAgreement, type ReviewAgreement } from './agreement.js';
import { readReviewKey } from './key.js';
import { readLabelFile, type LabelRow } from './labels.js';
import { loadReviewRun } from './runData.js';

export interface ImportOptions {
  /** Reviewer for rows that do not name one. */
  reviewer?: string;
  clock: () => number;
}

export interface ImportSummary {
  rows: number;
  labels: number;
  /** Lines of rows left without any label (not reviewed yet). */
  unlabelled: number[];
  agreement: ReviewAgreement;
}

/**
 * Merges a reviewer's labels into a run: validates the whole file first (any bad row, or one answer given two
 * different labels in two items, fails the import and nothing is merged), appends the labels to adjudications.jsonl, writes review-agreement.json (automated scoring against the
 * clinicians, and the findings that change) and re-analyses the run so findings, results and the report use them.
 */
export async function importReview(runDir: string, file: string, options: ImportOptions): Promise<ImportSummary> {
  const claim = claimRunDirectory(runDir);
  try {
    return await mergeReview(runDir, file, options);
  } finally {
    claim.release();
  }
}

async function mergeReview(runDir: string, file: string, options: ImportOptions): Promise<ImportSummary> {
  const key = readReviewKey(runDir);
  const labels = readLabelFile(file, key, options.reviewer);
  failOnProblems(conflicts(file, labels.rows));
  const importedAt = new Date(options.clock()).toISOString();
  const records = labels.rows.flatMap((row) => adjudicationRecords(row, `${file}:${row.line}`, importedAt));
  const review = loadReviewRun(runDir);
  const { run } = review;
  const all = [...readAdjudications(runDir), ...records];
  const automated = withoutAdjudications(review.scores);
  const agreement = reviewAgreement(
    automated,
    applyAdjudications(automated, all),
    all,
    {
      axes: run.study.axes,
      vignettes: run.vignettes,
      modelIds: run.study.modelIds,
      options: { ...run.study.analysis, seed: run.study.analysis.bootstrapSeed ?? run.study.seed },
    },
    new Set(key.items.filter((item) => item.reasons.includes('random-sample')).map((item) => item.id)),
  );
  appendAdjudications(runDir, records);
  writeFileAtomic(runFile(runDir, 'reviewAgreement'), `${JSON.stringify(agreement, null, 2)}\n`);
  await analyzeRun(runDir, run.study, run.vignettes, run.variants, readFinalResponses(run));
  return { rows: labels.rows.length, labels: records.length, unlabelled: labels.unlabelled, agreement };
}

/** A row's labels as adjudications: one per labelled answer, and one for the pair. */
function adjudicationRecords(row: LabelRow, source: string, importedAt: string): AdjudicationRecord[] {
  const { item } = row;
  const provenance = { by: row.reviewer, ...(row.reviewedAt ? { at: row.reviewedAt } : {}), itemId: item.id, source, importedAt };
  const records: AdjudicationRecord[] = [];
  for (const [side, label] of [
    [item.a, row.labelA],
    [item.b, row.labelB],
  ] as const) {
    if (side && label) records.push({ ...provenance, target: 'response', responseKey: side.responseKey, label });
  }
  if (row.labelPair && item.b) {
    const [reference, level] = item.a.role === 'reference' ? [item.a, item.b] : [item.b, item.a];
    records.push({ ...provenance, target: 'pair', referenceKey: reference.responseKey, levelKey: level.responseKey, label: row.labelPair });
  }
  return records;
}

/**
 * One response shown in several items (a reference answer is in every pair of its variant) must get one label: two
 * different ones are reported with both lines rather than one silently winning.
 */
function conflicts(file: string, rows: readonly LabelRow[]): Problem[] {
  const first = new Map<string, { label: string; line: number; column: string }>();
  const problems: Problem[] = [];
  for (const row of rows) {
    for (const [side, label, column] of [
      [row.item.a, row.labelA, 'label_a'],
      [row.item.b, row.labelB, 'label_b'],
    ] as const) {
      if (!side || !label) continue;
      const earlier = first.get(side.responseKey);
      if (!earlier) first.set(side.responseKey, { label, line: row.line, column });
      else if (earlier.label !== label)
        problems.push({
          file,
          line: row.line,
          field: column,
          message: `"${label}" for the same answer that line ${earlier.line} (${earlier.column}) labels "${earlier.label}"; one answer gets one label`,
        });
    }
  }
  return problems;
}
