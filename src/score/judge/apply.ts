import type { JudgeNote, PairwiseNote, ScoreRecord } from '../types.js';
import { JUDGE_PROMPT_VERSION } from './prompt.js';
import { pairItems, rubricItems, type JudgeInputs, type JudgeRequest, type PairItem, type RubricItem } from './plan.js';
import { panelVerdict } from './panelRule.js';
import { PAIR_VOCABULARY, RUBRIC_VOCABULARY, parseVerdict, type ParsedVerdict, type RubricVerdict } from './verdict.js';

/**
 * Each judge's rubric verdict on one free-text answer (null: none readable), beside the panel's; what judge
 * agreement is measured on. Only answers every judge has answered are listed.
 */
export interface PanelVerdictRecord {
  /** The response key. */
  key: string;
  modelId: string;
  vignetteId: string;
  variantId: string;
  replicate: number;
  /** Judge id -> its verdict, in the panel's order. */
  verdicts: Record<string, RubricVerdict | null>;
  /** The panel's verdict under its rule; null when undecided. */
  panel: RubricVerdict | null;
}

export interface AppliedJudgements {
  scores: ScoreRecord[];
  /** Per-judge rubric verdicts, in score order. */
  verdicts: PanelVerdictRecord[];
}

/**
 * Free-text scores with the judges' recorded verdicts; no judge is asked. Refusals become `refusal`; an answer the
 * panel (or the single judge) calls adequate `correct`, inadequate `incorrect`. An unreadable or undecided verdict,
 * or one not recorded yet, leaves `unscored` (excluded from the tests, counted, and sent to clinician review). Each
 * free-text level score also gets the pairwise verdict against each of its reference partners, the flip signal for
 * answers that have no extractable value to compare.
 */
export function applyJudgements(
  scores: readonly ScoreRecord[],
  inputs: JudgeInputs,
  judgements: ReadonlyMap<string, string>,
): AppliedJudgements {
  const verdicts: PanelVerdictRecord[] = [];
  const judged = new Map<ScoreRecord, ScoreRecord>(
    rubricItems(scores, inputs).map((item) => [item.score, rubricScore(item, inputs, judgements, verdicts)]),
  );
  const withVerdicts = scores.map((s) => judged.get(s) ?? s);
  const notes = new Map<ScoreRecord, PairwiseNote[]>();
  for (const item of pairItems(withVerdicts, inputs))
    notes.set(item.level, [...(notes.get(item.level) ?? []), pairNote(item, inputs, judgements)]);
  return { scores: withVerdicts.map((s) => (notes.has(s) ? { ...s, pairwise: notes.get(s) } : s)), verdicts };
}

function rubricScore(
  item: RubricItem,
  inputs: JudgeInputs,
  judgements: ReadonlyMap<string, string>,
  verdicts: PanelVerdictRecord[],
): ScoreRecord {
  const { score, refusal, requests } = item;
  if (!requests) return { ...score, outcome: 'refusal', hedge: false, extractor: 'refusal', explanation: refusal.explanation };
  const raws = requests.map((r) => judgements.get(r.key));
  if (raws.includes(undefined))
    return {
      ...score,
      hedge: refusal.hedge,
      explanation: 'free text awaiting the judge: no judgement recorded yet (run the study again to ask)',
    };
  const parsed = raws.map((raw) => parseVerdict(raw!, RUBRIC_VOCABULARY));
  const { judge, verdict } = verdictNote(inputs, requests, parsed, 'adequate');
  if (inputs.panel.judges.length > 1) {
    const { key, modelId, vignetteId, variantId, replicate } = score;
    const byJudge = Object.fromEntries(inputs.panel.judges.map((j, i) => [j.id, parsed[i]!.verdict]));
    verdicts.push({ key, modelId, vignetteId, variantId, replicate, verdicts: byJudge, panel: verdict });
  }
  if (verdict === null) return { ...score, hedge: refusal.hedge, judge, explanation: undecided(inputs, raws as string[], parsed) };
  const confidence = judge.confidence === null ? '' : ` (confidence ${judge.confidence})`;
  return {
    ...score,
    outcome: verdict === 'adequate' ? 'correct' : 'incorrect',
    extracted: verdict,
    hedge: refusal.hedge,
    extractor: 'judge',
    judge,
    explanation: `judge ${judge.model} (prompt v${judge.promptVersion}): ${verdict}${confidence}: ${judge.reason}`,
  };
}

function pairNote(item: PairItem, inputs: JudgeInputs, judgements: ReadonlyMap<string, string>): PairwiseNote {
  const pair = { referenceKey: item.reference.key, referenceVariantId: item.reference.variantId, order: item.order };
  if (!item.requests)
    return {
      ...pair,
      ...note(inputs, null, { verdict: 'same', confidence: 1, reason: 'the blinded answers are identical', parse: 'identical' }),
    };
  const parsed = item.requests.map((request) => {
    const raw = judgements.get(request.key);
    return raw === undefined
      ? { verdict: null, confidence: null, reason: 'no judgement recorded yet', parse: 'none' as const }
      : parseVerdict(raw, PAIR_VOCABULARY);
  });
  return { ...pair, ...verdictNote(inputs, item.requests, parsed, 'same').judge };
}

/**
 * The note a score carries. A single judge's is its own verdict, as read. A panel's is the panel's verdict under its
 * rule, with as confidence the share of the readable verdicts that agree with it (a 2-of-3 split is 0.67, below
 * the review threshold, so split decisions go to clinician review), and each judge's verdict in the reason.
 */
function verdictNote<V extends string>(
  inputs: JudgeInputs,
  requests: readonly JudgeRequest[],
  parsed: readonly ParsedVerdict<V>[],
  positive: V,
): { judge: JudgeNote; verdict: V | null } {
  if (parsed.length === 1) return { judge: note(inputs, requests[0]!.key, parsed[0]!), verdict: parsed[0]!.verdict };
  const verdict = panelVerdict(
    parsed.map((p) => p.verdict),
    inputs.panel.rule,
    positive,
  );
  const readable = parsed.filter((p) => p.verdict !== null);
  const agreeing = readable.filter((p) => p.verdict === verdict).length;
  const judge: JudgeNote = {
    model: panelName(inputs),
    promptVersion: JUDGE_PROMPT_VERSION,
    key: null,
    verdict,
    confidence: verdict === null ? null : Math.round((agreeing / readable.length) * 100) / 100,
    reason: inputs.panel.judges.map((j, i) => `${j.id}: ${parsed[i]!.verdict ?? 'no readable verdict'}`).join('; '),
    parse: 'panel',
  };
  return { judge, verdict };
}

function panelName(inputs: JudgeInputs): string {
  return `panel of ${inputs.panel.judges.map((j) => j.id).join(', ')} (${inputs.panel.rule})`;
}

function undecided(inputs: JudgeInputs, raws: readonly string[], parsed: readonly ParsedVerdict<string>[]): string {
  if (raws.length === 1) return `the judge's verdict could not be read: ${preview(raws[0]!)}`;
  const said = inputs.panel.judges.map((j, i) => `${j.id}: ${parsed[i]!.verdict ?? 'no readable verdict'}`).join('; ');
  return `the judge panel (${inputs.panel.rule}) is undecided (${said}); left unscored for clinician review`;
}

function note(inputs: JudgeInputs, key: string | null, parsed: Omit<JudgeNote, 'model' | 'promptVersion' | 'key'>): JudgeNote {
  return {
    model: inputs.panel.judges[0]!.spec.model.id,
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
