import { panelItems, summarizeJudgePanel, type JudgePanelSummary, type RecordedPanelVerdicts } from '../analysis/judgePanel.js';
import { labelOutcome, readAdjudications, resolveLabels } from '../review/adjudications.js';
import type { AnalysisOptions } from '../study/types.js';
import { deriveSeed } from '../util/hash.js';
import { readJsonl, readJudgePanel, requireRunFile } from './runDir.js';

/**
 * The agreement of the run's judge panel and the rate it measures (results.json `judgePanel`), from the recorded
 * per-judge verdicts (judge-verdicts.jsonl) and the clinicians' agreed labels of single answers (correct or
 * incorrect; partly-correct counts as incorrect, as everywhere). Undefined for a run with one judge or none.
 */
export function judgePanelResults(runDir: string, analysis: AnalysisOptions, seed: number): JudgePanelSummary | undefined {
  const panel = readJudgePanel(runDir);
  if (!panel || panel.judges.length < 2) return undefined;
  const records = readJsonl<RecordedPanelVerdicts>(
    requireRunFile(runDir, 'judgeVerdicts'),
    `re-create it with \`counterfair analyze ${runDir} --rescore\``,
  );
  const clinician = new Map<string, boolean>();
  for (const label of resolveLabels(readAdjudications(runDir)).agreed) {
    const outcome = label.target === 'response' ? labelOutcome(label.label) : null;
    if (label.target === 'response' && (outcome === 'correct' || outcome === 'incorrect'))
      clinician.set(label.responseKey, outcome === 'correct');
  }
  const judges = panel.judges.map((j) => j.id);
  return summarizeJudgePanel(judges, panelItems(judges, records, clinician), {
    seed: deriveSeed(analysis.bootstrapSeed ?? seed, 'judge-panel'),
    rule: panel.rule,
    bootstrapResamples: analysis.bootstrapResamples,
  });
}
