import { join } from 'node:path';
import type { DataQuality } from '../analysis/dataQuality.js';
import { agreement } from '../analysis/sentence.js';
import type { Finding } from '../analysis/types.js';
import { powerStatement } from '../report/content/power.js';
import type { CareIntensityFinding } from '../analysis/careIntensity.js';
import type { DiagnosisRankFinding } from '../analysis/diagnosisRank.js';
import { readResultsIfAnalysed } from '../pipeline/runDir.js';
import { panelAgreement, type JudgePanelSummary, type PanelAgreement } from '../analysis/judgePanel.js';

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
  // A count of zero must not read as a clean audit when a model's data could not support one; every reason is named
  // (unreadable answers fail the check as surely as failed requests).
  for (const m of quality?.models.filter((q) => !q.passed) ?? [])
    out.write(
      `  ! model ${m.model}: DATA QUALITY CHECK FAILED (${m.problems.join('; ')}): no conclusion about disparity can be drawn for it\n`,
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
  if (results?.judgePanel) out.write(`${judgePanelLine(results.judgePanel)}\n`);
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

const AGREEMENT_WORDS: Record<PanelAgreement, string> = {
  unmeasured: 'could not be measured: the grades carry no evidence of their own reliability',
  good: 'the judges agree well',
  moderate: 'the judges agree moderately',
  poor: 'the judges disagree: read the free-text findings with that in mind',
  uncertain: 'whether the judges agree is uncertain: do not treat the free-text grades as reliable without clinician adjudication',
};

/** The judge panel's agreement and rate in one line, the verdict read from the kappa interval as in the report. */
function judgePanelLine(panel: JudgePanelSummary): string {
  const ci = panel.fleissKappaCi;
  const kappa = `Fleiss' κ ${Number.isFinite(panel.fleissKappa) ? panel.fleissKappa.toFixed(2) : 'n/a'}${ci ? ` (95% CI ${ci[0].toFixed(2)} to ${ci[1].toFixed(2)})` : ''}`;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const c = panel.corrected;
  const rate = c
    ? `Adequate rate ${pct(panel.adequateRate)}, corrected with ${c.nLabelled} clinician labels of a random sample: ${pct(c.estimate)} (95% CI ${pct(c.low)} to ${pct(c.high)})`
    : `Adequate rate ${pct(panel.adequateRate)}, not corrected (no clinician labels of a random sample: \`counterfair review export RUN_DIR --random N\`)`;
  return `Judge panel of ${panel.judges.length} (${panel.rule}): ${kappa}; ${AGREEMENT_WORDS[panelAgreement(panel)]}. ${rate}.`;
}
