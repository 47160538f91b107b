import { join } from 'node:path';
import type { DataQuality } from '../analysis/dataQuality.js';
import { agreement } from '../analysis/sentence.js';
import type { Finding } from '../analysis/types.js';
import { powerStatement } from '../report/content/power.js';
import type { CareIntensityFinding } from '../analysis/careIntensity.js';
import type { DiagnosisRankFinding } from '../analysis/diagnosisRank.js';
import { readResultsIfAnalysed } from '../pipeline/runDir.js';

/**
 * `run --json`, `analyze --json` and `import --json`: one object (fields are added over time, never renamed).
 * `findings` is findings.json; `complete` is false for an interrupted run (resume with the same --out).
 */
export interface FindingsJson {
  schema: 'counterfair.findings/1';
  runDir: string;
  report: string;
  complete: boolean;
  findings: readonly Finding[];
  /** Each model's failed and unreadable shares against the thresholds; null when the run was interrupted. */
  dataQuality: DataQuality | null;
  /** Care-intensity contrasts (results.json `careIntensity`); absent when the run has no care-intensity questions. */
  careIntensity?: readonly CareIntensityFinding[];
  /** Diagnosis-rank contrasts (results.json `diagnosisRanks`); absent when the run has no differential-diagnosis questions. */
  diagnosisRanks?: readonly DiagnosisRankFinding[];
}

/** What `run`, `analyze` and `import` print when they finish: the findings as JSON, or the significant ones in words. */
export function printFindings(
  out: NodeJS.WritableStream,
  findings: readonly Finding[],
  json: boolean | undefined,
  where: string,
  quality: DataQuality | undefined,
  run: { runDir: string; complete?: boolean },
): void {
  // Care-intensity questions have no key, so they are not in `findings`: read them from the run's results.json.
  const results = readResultsIfAnalysed(run.runDir);
  const care = results?.careIntensity;
  const ranks = results?.diagnosisRanks;
  if (json) {
    const body: FindingsJson = {
      schema: 'counterfair.findings/1',
      runDir: run.runDir,
      report: join(run.runDir, 'report.html'),
      complete: run.complete ?? true,
      findings,
      dataQuality: quality ?? null,
      ...(care ? { careIntensity: care } : {}),
      ...(ranks ? { diagnosisRanks: ranks } : {}),
    };
    out.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  const flagged = findings.filter((f) => f.significant);
  out.write(`${findings.length} contrasts tested, ${flagged.length} significant after correction.\n`);
  writeUntestable(out, findings, 'contrasts');
  // A count of zero must not read as a clean audit when a model's data could not support one.
  for (const m of quality?.models.filter((q) => !q.passed) ?? [])
    out.write(
      `  ! model ${m.model}: DATA QUALITY CHECK FAILED (${m.requestErrors} of ${m.requests} requests failed): no conclusion about disparity can be drawn for it\n`,
    );
  // A significant test whose family interval includes no difference is borderline: marked, not alarmed.
  for (const f of flagged)
    out.write(`  ${agreement(f.significant, f.differenceCiSimultaneous).startsWith('borderline') ? '?' : '!'} ${f.sentence}\n`);
  if (care) {
    const shifted = care.filter((f) => f.significant);
    out.write(
      `${care.length} care-intensity contrasts tested (recommendations against the reference variant), ${shifted.length} significant after correction.\n`,
    );
    writeUntestable(out, care, 'care-intensity contrasts');
    for (const f of shifted) out.write(`  ! ${f.sentence}\n`);
  }
  if (ranks) {
    const shifted = ranks.filter((f) => f.significant);
    out.write(
      `${ranks.length} diagnosis-rank contrasts tested (rank of the correct diagnosis against the reference variant), ${shifted.length} significant after correction.\n`,
    );
    writeUntestable(out, ranks, 'diagnosis-rank contrasts');
    for (const f of shifted) out.write(`  ! ${f.sentence}\n`);
  }
  const power = powerStatement(findings);
  if (power) out.write(`${power}\n`);
  out.write(`${where}\n`);
}

/** "None significant" must not read as "no difference" where a contrast had no pair to compare: counted out loud. */
function writeUntestable(out: NodeJS.WritableStream, contrasts: readonly { nPairs: number }[], what: string): void {
  const empty = contrasts.filter((c) => c.nPairs === 0).length;
  if (empty > 0)
    out.write(
      `  ! ${empty} of these ${what} had no usable pair (requests failed or answers unreadable): nothing was compared for them, so "not significant" says nothing about them\n`,
    );
}
