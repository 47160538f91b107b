import type { JudgeNote, PairwiseNote, ScoreRecord } from '../types.js';
import { JUDGE_PROMPT_VERSION } from './prompt.js';
import { pairItems, rubricItems, type JudgeInputs, type PairItem, type RubricItem } from './plan.js';
import { PAIR_VOCABULARY, RUBRIC_VOCABULARY, parseVerdict } from './verdict.js';

/**
 * Free-text scores with the judge's recorded verdicts; no judge is asked. Refusals become `refusal`, adequate answers
 * `correct`, inadequate ones `incorrect`. An unreadable verdict, or none recorded yet, leaves `unscored` (excluded from
 * the tests, counted, and sent to clinician review). Each free-text level score also gets the pairwise verdict against
 * each of its reference partners, the flip signal for answers that have no extractable value to compare.
 */
export function applyJudgements(
  scores: readonly ScoreRecord[],
  inputs: JudgeInputs,
  judgements: ReadonlyMap<string, string>,
): ScoreRecord[] {
  const judged = new Map<ScoreRecord, ScoreRecord>(
    rubricItems(scores, inputs).map((item) => [item.score, rubricScore(item, inputs, judgements)]),
  );
  const withVerdicts = scores.map((s) => judged.get(s) ?? s);
  const notes = new Map<ScoreRecord, PairwiseNote[]>();
  for (const item of pairItems(withVerdicts, inputs))
    notes.set(item.level, [...(notes.get(item.level) ?? []), pairNote(item, inputs, judgements)]);
  return withVerdicts.map((s) => (notes.has(s) ? { ...s, pairwise: notes.get(s) } : s));
}

function rubricScore(item: RubricItem, inputs: JudgeInputs, judgements: ReadonlyMap<string, string>): ScoreRecord {
  const { score, refusal, request } = item;
  if (!request) return { ...score, outcome: 'refusal', hedge: false, extractor: 'refusal', explanation: refusal.explanation };
  const raw = judgements.get(request.key);
  if (raw === undefined)
    return {
      ...score,
      hedge: refusal.hedge,
      explanation: 'free text awaiting the judge: no judgement recorded yet (run the study again to ask)',
    };
  const parsed = parseVerdict(raw, RUBRIC_VOCABULARY);
  const judge = note(inputs, request.key, parsed);
  if (parsed.verdict === null)
    return { ...score, hedge: refusal.hedge, judge, explanation: `the judge's verdict could not be read: ${preview(raw)}` };
  return {
    ...score,
    outcome: parsed.verdict === 'adequate' ? 'correct' : 'incorrect',
    extracted: parsed.verdict,
    hedge: refusal.hedge,
    extractor: 'judge',
    judge,
    explanation: `judge ${judge.model} (prompt v${judge.promptVersion}): ${parsed.verdict}${parsed.confidence === null ? '' : ` (confidence ${parsed.confidence})`}: ${parsed.reason}`,
  };
}

function pairNote(item: PairItem, inputs: JudgeInputs, judgements: ReadonlyMap<string, string>): PairwiseNote {
  const pair = { referenceKey: item.reference.key, referenceVariantId: item.reference.variantId, order: item.order };
  if (!item.request)
    return {
      ...pair,
      ...note(inputs, null, { verdict: 'same', confidence: 1, reason: 'the blinded answers are identical', parse: 'identical' }),
    };
  const raw = judgements.get(item.request.key);
  const parsed =
    raw === undefined
      ? { verdict: null, confidence: null, reason: 'no judgement recorded yet', parse: 'none' as const }
      : parseVerdict(raw, PAIR_VOCABULARY);
  return { ...pair, ...note(inputs, item.request.key, parsed) };
}

function note(inputs: JudgeInputs, key: string | null, parsed: Omit<JudgeNote, 'model' | 'promptVersion' | 'key'>): JudgeNote {
  return {
    model: inputs.judge.model.id,
    promptVersion: JUDGE_PROMPT_VERSION,
    key,
    verdict: parsed.verdict,
    confidence: parsed.confidence,
    reason: parsed.reason,
    parse: parsed.parse,
  };
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `"${flat.slice(0, 117)}..."` : `"${flat}"`;
}
