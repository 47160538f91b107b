import { panelItems, panelLabel, summarizeJudgePanel, type JudgePanelSummary, type RecordedPanelVerdicts } from '../analysis/judgePanel.js';
import { labelOutcome, readAdjudications, resolveLabels } from '../review/adjudications.js';
import type { ReviewKey } from '../review/key.js';
import type { AnalysisOptions } from '../study/types.js';
import { deriveSeed } from '../util/hash.js';
import { readJsonl, readJudgePanel, readOptionalJson, requireRunFile } from './runDir.js';

/**
 * The agreement of the run's judge panel and the rate it measures (results.json `judgePanel`), from the recorded
 * per-judge verdicts (judge-verdicts.jsonl) and the clinicians' agreed labels of single answers (correct or
 * incorrect; partly-correct counts as incorrect, as everywhere). Only labels of a random sample
 * (`review export --random`) correct the rate; the others (the review queue's) are set aside and counted in
 * `nAdjudicatedFromQueue`. Undefined for a run with one judge or none.
 */
export function judgePanelResults(runDir: string, analysis: AnalysisOptions, seed: number): JudgePanelSummary | undefined {
  const panel = readJudgePanel(runDir);
  if (!panel || panel.judges.length < 2) return undefined;
  const records = readJsonl<RecordedPanelVerdicts>(
    requireRunFile(runDir, 'judgeVerdicts'),
    `re-create it with \`counterfair analyze ${runDir} --rescore\``,
  );
  const clinician = new Map<string, boolean>();
  const notRandom = new Set<string>();
  const sampled = randomSampleItems(runDir);
  for (const label of resolveLabels(readAdjudications(runDir)).agreed) {
    const outcome = label.target === 'response' ? labelOutcome(label.label) : null;
    if (label.target !== 'response' || (outcome !== 'correct' && outcome !== 'incorrect')) continue;
    if (sampled.has(label.itemId)) clinician.set(label.responseKey, outcome === 'correct');
    else notRandom.add(label.responseKey);
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
      (item) => notRandom.has(item.key) && item.clinician === undefined && panelLabel(item.verdicts, panel.rule) !== null,
    ).length,
  };
}

/**
 * The ids of the items drawn at random (`review export --random`, in review-key.json). Only their labels may correct
 * the panel's rate: the review queue picks flips, worst cases and uncertain verdicts, so its labels lean toward the
 * panel's errors, and a label whose item no key names cannot be shown to be random.
 */
function randomSampleItems(runDir: string): Set<string> {
  const key = readOptionalJson<ReviewKey>(runDir, 'reviewKey');
  const items = Array.isArray(key?.items) ? key.items : [];
  return new Set(items.filter((item) => item.reasons.includes('random-sample')).map((item) => item.id));
}
