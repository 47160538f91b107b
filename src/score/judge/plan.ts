import { eachPair, pairContrasts } from '../../pairing/pairs.js';
import type { Axis } from '../../demographics/types.js';
import type { ChatMessage, Variant } from '../../expand/types.js';
import type { JudgePanel } from '../../study/types.js';
import { isBuiltinQuestion, type BuiltinQuestion, type Question } from '../../template/types.js';
import { detectRefusal } from '../extract/refusal.js';
import type { ScoreRecord } from '../types.js';
import { blindAnswers, maskedPrompt, referenceFirst } from './blind.js';
import { judgeFingerprint, type ProviderRegistry } from '../../providers/registry.js';
import { judgementKey } from './key.js';
import { pairwiseJudgeMessages, rubricJudgeMessages } from './prompt.js';

/** Everything judging needs from a run, gathered once so that planning, asking and applying agree on every key. */
export interface JudgeInputs {
  seed: number;
  /** The study's judges (one, for `judge:`) and the rule that makes their verdicts one. */
  panel: JudgePanel;
  /** The providers the study's judges may be of (a judge's fingerprint is its definition's). */
  providers: ProviderRegistry;
  /** The study's axes: for pairing each level variant with its reference partner, and for the words that could reveal a cue. */
  axes: readonly Axis[];
  questions: ReadonlyMap<string, Question>;
  variants: ReadonlyMap<string, Variant>;
  /** Answer text by response key (answered responses only). */
  texts: ReadonlyMap<string, string>;
}

/** One request to the judge, addressed by its content. `subject` is the judged case (the simulated judge's domain). */
export interface JudgeRequest {
  key: string;
  messages: ChatMessage[];
  subject: { variant: Variant; question: Question };
}

/**
 * A free-text answer awaiting the rubric judges: one request per judge of the panel, in the panel's order. A refusal
 * needs no judge (null): it is its own outcome.
 */
export interface RubricItem {
  score: ScoreRecord;
  refusal: ReturnType<typeof detectRefusal>;
  requests: JudgeRequest[] | null;
}

/**
 * A reference/level pair of free-text answers for the pairwise judges, one request per judge in the panel's order;
 * null when the blinded answers are identical.
 */
export interface PairItem {
  reference: ScoreRecord;
  level: ScoreRecord;
  order: 'reference-first' | 'level-first';
  requests: JudgeRequest[] | null;
}

/** Free-text answers that await a verdict (outcome `unscored` with an answer), each with its judge request. */
export function rubricItems(scores: readonly ScoreRecord[], inputs: JudgeInputs): RubricItem[] {
  const fingerprints = panelFingerprints(inputs);
  const items: RubricItem[] = [];
  for (const score of scores) {
    const question = inputs.questions.get(score.vignetteId);
    const text = inputs.texts.get(score.key);
    const variant = inputs.variants.get(score.variantId);
    if (score.outcome !== 'unscored' || !question || !isFreeText(question) || text === undefined || !variant) continue;
    const refusal = detectRefusal(text);
    const messages = rubricJudgeMessages(maskedPrompt(variant), question.rubric, text);
    items.push({
      score,
      refusal,
      requests: refusal.refusal
        ? null
        : fingerprints.map((f) => ({ key: judgementKey(f, messages), messages, subject: { variant, question } })),
    });
  }
  return items;
}

/**
 * Every reference/level pair of free-text answers, once each. Both answers are blinded with the cue words of both
 * variants (so neither side gives away its demographics) and put in a seeded order, A and B.
 */
export function pairItems(scores: readonly ScoreRecord[], inputs: JudgeInputs): PairItem[] {
  if (!inputs.panel.judges.every((j) => j.spec.pairwise)) return [];
  const fingerprints = panelFingerprints(inputs);
  const seen = new Set<string>();
  const items: PairItem[] = [];
  for (const group of pairContrasts(scores, inputs.axes)) {
    for (const { reference, level } of eachPair(group)) {
      const id = `${reference.key}\u0000${level.key}`;
      const question = inputs.questions.get(level.vignetteId);
      const texts = [inputs.texts.get(reference.key), inputs.texts.get(level.key)];
      const variants = [inputs.variants.get(reference.variantId), inputs.variants.get(level.variantId)];
      if (seen.has(id) || !question || !isFreeText(question) || texts.includes(undefined) || variants.includes(undefined)) continue;
      seen.add(id);
      const [referenceAnswer, levelAnswer] = blindAnswers(texts as string[], variants as Variant[], inputs.axes) as [string, string];
      const order = referenceFirst(inputs.seed, 'pairwise-judge', reference.key, level.key) ? 'reference-first' : 'level-first';
      const [a, b] = order === 'reference-first' ? [referenceAnswer, levelAnswer] : [levelAnswer, referenceAnswer];
      const messages = pairwiseJudgeMessages(maskedPrompt(variants[1]!), a, b);
      const subject = { variant: variants[1]!, question };
      const requests = a === b ? null : fingerprints.map((f) => ({ key: judgementKey(f, messages), messages, subject }));
      items.push({ reference, level, order, requests });
    }
  }
  return items;
}

/** What decides each judge's verdicts, in the panel's order: part of every judgement key. */
function panelFingerprints(inputs: JudgeInputs): Record<string, unknown>[] {
  return inputs.panel.judges.map((j) => judgeFingerprint(j.spec.model, inputs.seed, inputs.providers));
}

/** A question the judge grades: free text, with the rubric it is graded against. */
function isFreeText(question: Question): question is Extract<BuiltinQuestion, { type: 'free' }> {
  return isBuiltinQuestion(question) && question.type === 'free';
}
