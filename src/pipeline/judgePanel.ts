import { panelItems, panelLabel, summarizeJudgePanel, type JudgePanelSummary, type RecordedPanelVerdicts } from '../analysis/judgePanel.js';
import { labelOutcome, readAdjudications, resolveLabels } from '../review/adjudications.js';
import type { ReviewKey } from '../review/key.js';
import type { AnalysisOptions } from '../study/types.js';
import { deriveSeed } from '../util/hash.js';
import { readJsonl, readJudgePanel, readOptionalJson, requireRunFile } from './runDir.js';

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
  const queued = new Set<string>();
  const queueItems = reviewQueueItems(runDir);
  for (const label of resolveLabels(readAdjudications(runDir)).agreed) {
    const outcome = label.target === 'response' ? labelOutcome(label.label) : null;
    if (label.target !== 'response' || (outcome !== 'correct' && outcome !== 'incorrect')) continue;
    clinician.set(label.responseKey, outcome === 'correct');
    if (queueItems.has(label.itemId)) queued.add(label.responseKey);
  }
  const judges = panel.judges.map((j) => j.id);
  const items = panelItems(judges, records, clinician);
  const summary = summarizeJudgePanel(judges, items, {
    seed: deriveSeed(analysis.bootstrapSeed ?? seed, 'judge-panel'),
    rule: panel.rule,
    bootstrapResamples: analysis.bootstrapResamples,
  });
  return {
    ...summary,
    nAdjudicatedFromQueue: items.filter(
      (item) => item.clinician !== undefined && queued.has(item.key) && panelLabel(item.verdicts, panel.rule) !== null,
    ).length,
  };
}

/**
 * The ids of the review queue's items (review-key.json): every one was picked for a reason (a flip, a worst case, an
 * uncertain verdict), never at random, so labels of these items are not the random sample the correction needs.
 */
function reviewQueueItems(runDir: string): Set<string> {
  const key = readOptionalJson<ReviewKey>(runDir, 'reviewKey');
  return new Set(Array.isArray(key?.items) ? key.items.map((item) => item.id) : []);
}
