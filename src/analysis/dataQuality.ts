import { breakerCauseOf, sanitizeMessage } from '../run/breaker.js';
import type { ResponseRecord } from '../run/types.js';
import { scoresWhere, type ScoreList } from '../score/rows.js';
import type { QualityThresholds } from '../study/types.js';
import type { Question } from '../template/types.js';

/** One way requests failed: kind, HTTP status and the (scrubbed, shortened) message, and how often. */
export interface ErrorCause {
  kind: string;
  status: number | null;
  message: string;
  count: number;
}

/** An answer pattern that makes a model's answers useless as evidence, whatever the thresholds. */
export type DegenerateFlag =
  /** The same answer to (nearly) every question of a type, though the correct answers differ. */
  | { kind: 'same-answer'; questionType: 'choice' | 'yesno'; answer: string; share: number; answers: number }
  /** More than half of the answers received could not be read. */
  | { kind: 'mostly-unparseable'; share: number; answers: number };

/** What one model's data is worth: how many requests failed and why, how many answers could be read. */
export interface ModelDataQuality {
  model: string;
  /** Requests of the study for this model (each variant x replicate). */
  requests: number;
  /** Requests that ended without an answer (after retries, or never sent). */
  requestErrors: number;
  requestErrorsByKind: Record<string, number>;
  /** The most frequent failures, most frequent first (at most five). */
  errorCauses: ErrorCause[];
  /** requestErrors / requests; null without requests. */
  errorRate: number | null;
  /** Answers received (requests that did not fail). */
  answers: number;
  unparseable: number;
  /** unparseable / answers; null without answers. */
  unparseableRate: number | null;
  refusals: number;
  /** refusals / answers; null without answers. */
  refusalRate: number | null;
  /** Requests never sent because the endpoint's circuit breaker opened. */
  notSent: number;
  /** Why the breaker stopped the endpoint (kind, status, server message), or null when it never did. */
  breakerCause: string | null;
  degenerate: DegenerateFlag[];
  /** Within the thresholds, no breaker, and at least one request: the data can support a conclusion. */
  passed: boolean;
  /** Why it did not pass, in words (empty when it passed). */
  problems: string[];
}

/** results.json `dataQuality`: per model, and whether every model passed. */
export interface DataQuality {
  thresholds: QualityThresholds;
  passed: boolean;
  models: ModelDataQuality[];
}

/** Share of one answer above which a model is said to give the same answer to every question. */
export const SAME_ANSWER_SHARE = 0.9;
/** Fewer answers than this say nothing about a pattern. */
const SAME_ANSWER_MIN_ANSWERS = 10;
export const MOSTLY_UNPARSEABLE_SHARE = 0.5;
const CAUSES_KEPT = 5;
/** A not-sent request's message holds the breaker's cause after a prefix: room for both. */
const MESSAGE_KEPT = 400;

/** Counts the failed requests of each model by cause, one response at a time (responses are read lazily). */
export class RequestErrorTally {
  private readonly causes = new Map<string, Map<string, ErrorCause>>();

  add(record: Pick<ResponseRecord, 'modelId' | 'error'>): void {
    const error = record.error;
    if (error === null) return;
    const message = sanitizeMessage(error.message, 2 * MESSAGE_KEPT);
    const id = `${error.kind}\u0000${error.status ?? ''}\u0000${message}`;
    let byModel = this.causes.get(record.modelId);
    if (!byModel) this.causes.set(record.modelId, (byModel = new Map()));
    const cause = byModel.get(id);
    if (cause) cause.count++;
    else byModel.set(id, { kind: error.kind, status: error.status ?? null, message, count: 1 });
  }

  of(model: string): ErrorCause[] {
    return [...(this.causes.get(model)?.values() ?? [])].sort(
      (a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message),
    );
  }
}

/**
 * Judges each model's data: the share of requests that failed, the share of answers that could not be read (both
 * against the study's thresholds), a circuit breaker that stopped the endpoint (always a failure), and degenerate
 * answer patterns (reported, not failed on their own). Pure: the same scores and errors give the same verdict.
 */
export function assessDataQuality(input: {
  modelIds: readonly string[];
  scores: ScoreList;
  errors: RequestErrorTally;
  questions: ReadonlyMap<string, Question>;
  thresholds: QualityThresholds;
}): DataQuality {
  const models = input.modelIds.map((model) =>
    assessModel(
      model,
      scoresWhere(input.scores, (s) => s.modelId === model),
      input.errors.of(model),
      input.questions,
      input.thresholds,
    ),
  );
  return { thresholds: input.thresholds, passed: models.every((m) => m.passed), models };
}

function assessModel(
  model: string,
  scores: ScoreList,
  causes: ErrorCause[],
  questions: ReadonlyMap<string, Question>,
  thresholds: QualityThresholds,
): ModelDataQuality {
  const requests = scores.length;
  let requestErrors = 0;
  let unparseable = 0;
  let refusals = 0;
  for (const { outcome } of scores) {
    if (outcome === 'error') requestErrors++;
    else if (outcome === 'unparseable') unparseable++;
    else if (outcome === 'refusal') refusals++;
  }
  const answers = requests - requestErrors;
  const byKind: Record<string, number> = {};
  for (const c of causes) byKind[c.kind] = (byKind[c.kind] ?? 0) + c.count;
  const notSentCause = causes.find((c) => c.kind === 'not-sent');
  const breakerCause = notSentCause ? breakerCauseOf(notSentCause.message) : null;
  const rate = (n: number, of: number) => (of > 0 ? n / of : null);
  const errorRate = rate(requestErrors, requests);
  const unparseableRate = rate(unparseable, answers);
  const problems: string[] = [];
  if (requests === 0) problems.push('no request of this model was recorded');
  if (breakerCause !== null) problems.push(`the endpoint was stopped: ${breakerCause}`);
  if (errorRate !== null && errorRate > thresholds.maxErrorRate)
    problems.push(
      `${requestErrors} of ${requests} requests failed (${share(errorRate)}; at most ${share(thresholds.maxErrorRate)} allowed)`,
    );
  if (unparseableRate !== null && unparseableRate > thresholds.maxUnparseableRate)
    problems.push(
      `${unparseable} of ${answers} answers could not be read (${share(unparseableRate)}; at most ${share(thresholds.maxUnparseableRate)} allowed)`,
    );
  return {
    model,
    requests,
    requestErrors,
    requestErrorsByKind: byKind,
    errorCauses: causes.slice(0, CAUSES_KEPT),
    errorRate,
    answers,
    unparseable,
    unparseableRate,
    refusals,
    refusalRate: rate(refusals, answers),
    notSent: byKind['not-sent'] ?? 0,
    breakerCause,
    degenerate: degenerateFlags(scores, questions, unparseable, answers),
    passed: problems.length === 0,
    problems,
  };
}

function degenerateFlags(
  scores: ScoreList,
  questions: ReadonlyMap<string, Question>,
  unparseable: number,
  answers: number,
): DegenerateFlag[] {
  const flags: DegenerateFlag[] = [];
  for (const questionType of ['choice', 'yesno'] as const) {
    // Answers read, counted by answer and by the question's correct answer: counts, not a list of the scores.
    let read = 0;
    const byAnswer = new Map<string, number>();
    const byGold = new Map<string, number>();
    for (const s of scores) {
      if (s.questionType !== questionType || s.extracted === null) continue;
      read++;
      increment(byAnswer, String(s.extracted));
      increment(byGold, String(goldAnswer(questions.get(s.vignetteId))));
    }
    if (read < SAME_ANSWER_MIN_ANSWERS) continue;
    const [answer, count] = mostCommon(byAnswer);
    const shareOfAnswer = count / read;
    // A model that gives the answer most questions have as correct is not degenerate for doing so.
    const goldShare = (byGold.get(answer) ?? 0) / read;
    if (shareOfAnswer >= SAME_ANSWER_SHARE && goldShare < SAME_ANSWER_SHARE)
      flags.push({ kind: 'same-answer', questionType, answer, share: shareOfAnswer, answers: read });
  }
  if (answers > 0 && unparseable / answers > MOSTLY_UNPARSEABLE_SHARE)
    flags.push({ kind: 'mostly-unparseable', share: unparseable / answers, answers });
  return flags;
}

function goldAnswer(question: Question | undefined): string | number | undefined {
  return question && 'answer' in question ? question.answer : undefined;
}

/** The most frequent value and its count; ties go to the value that sorts first, so the result is deterministic. */
function mostCommon(counts: ReadonlyMap<string, number>): [string, number] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
}

function increment(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

function share(x: number): string {
  return `${Math.round(1000 * x) / 10} %`;
}
