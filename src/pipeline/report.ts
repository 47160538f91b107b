import type { QuestionTypeRegistry } from '../template/questions/registry.js';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReviewAgreement } from '../review/agreement.js';
import { renderReport, type ReportFile } from '../report/bundle.js';
import { DEFAULT_CHROMIUM, renderPdf, type Paper } from '../report/render/pdf.js';
import type { ReportSources } from '../report/sources.js';
import type { ScoreTable } from '../score/table.js';
import { responseDetails } from './responseDetails.js';
import {
  claimRunDirectory,
  ensureDir,
  readOptionalJson,
  readResults,
  readScoreTable,
  readVignettes,
  REPORT_FOLDERS,
  requireManifest,
  runFile,
  writeFileAtomic,
} from './runDir.js';

export interface ReportOptions {
  /** Also print appendix.md's content to appendix.pdf with headless Chromium, when it is installed. */
  pdf?: boolean;
  /** The Chromium executable for the PDF. */
  chromium?: string;
  /** The PDF's paper size: A4 unless told. */
  paper?: Paper;
  /** Where to say what was skipped (a missing Chromium). */
  log?: (line: string) => void;
  /** The question types that describe correct answers, for a run of registered types (`createRegistry`). */
  questionTypes?: QuestionTypeRegistry;
  /**
   * The run's scores when the caller already holds them (`run` and `analyze` after writing scores.jsonl): exactly what
   * the file holds, so the report is the same; absent, they are read from the run directory.
   */
  scores?: ScoreTable;
}

/** `counterfair report`: claims the run directory (one command at a time), then renders its report. */
export async function reportRunDirectory(runDir: string, options: ReportOptions = {}): Promise<string[]> {
  const claim = claimRunDirectory(runDir);
  try {
    return await writeReport(runDir, options);
  } finally {
    claim.release();
  }
}

/**
 * Renders the report from what the run directory records (results.json, scores.jsonl, responses.jsonl, the
 * manifest and vignettes), never from in-memory state, so `counterfair run`, `analyze` and `report` write
 * byte-identical files for the same run. No model is asked anything. Returns the paths written.
 */
export async function writeReport(runDir: string, options: ReportOptions = {}): Promise<string[]> {
  const rendered = await renderReport(loadReportSources(runDir, options.questionTypes, options.scores));
  for (const folder of Object.values(REPORT_FOLDERS)) rmSync(join(runDir, folder), { recursive: true, force: true });
  for (const file of rendered.files) writeReportFile(runDir, file);
  const written = rendered.files.map((f) => join(runDir, f.path));
  if (options.pdf) {
    const pdf = runFile(runDir, 'appendixPdf');
    const made = await renderPdf(rendered.appendixHtml(), pdf, options.chromium ?? DEFAULT_CHROMIUM, options.paper);
    if (made) written.push(pdf);
    else
      options.log?.(
        `counterfair: appendix.pdf skipped: no Chromium at ${options.chromium ?? DEFAULT_CHROMIUM} (install Debian's chromium, or set COUNTERFAIR_CHROMIUM)`,
      );
  }
  return written;
}

function writeReportFile(runDir: string, file: ReportFile): void {
  const path = join(runDir, file.path);
  ensureDir(dirname(path));
  writeFileAtomic(path, file.content);
}

/** Everything the report needs from a run directory; a missing analysis is bad input with the fix named. */
export function loadReportSources(runDir: string, questionTypes?: QuestionTypeRegistry, scores?: ScoreTable): ReportSources {
  // The manifest and vignettes, not the variants: the report names no variant the scores do not carry.
  const manifest = requireManifest(runDir);
  const vignettes = readVignettes(runDir);
  const results = readResults(runDir);
  const { texts, served } = responseDetails(runDir, new Set(results.worstCases.flatMap((w) => [w.referenceKey, w.levelKey])));
  return {
    manifest,
    results,
    scores: (scores ?? readScoreTable(runDir)).rows(),
    vignettes,
    responseTexts: texts,
    servedModels: Object.fromEntries([...served].map(([model, ids]) => [model, [...ids].sort()])),
    ...optionalReview(readOptionalJson<ReviewAgreement>(runDir, 'reviewAgreement')),
    ...(questionTypes ? { questionTypes } : {}),
  };
}

function optionalReview(review: ReviewAgreement | undefined): Pick<ReportSources, 'review'> {
  return review === undefined ? {} : { review };
}
