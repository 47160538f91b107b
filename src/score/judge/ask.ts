import type { ChatMessage } from '../../expand/types.js';
import type { Provider } from '../../providers/types.js';
import type { StoredResponse } from '../../run/types.js';
import type { CacheShard } from '../../run/cache.js';
import type { RunContext } from '../../run/context.js';
import { Endpoint } from '../../run/endpoint.js';
import { sendAll } from '../../run/online.js';
import type { ProgressMeter } from '../../run/progress.js';
import type { ProgressDisplay } from '../../run/progressDisplay.js';
import type { ModelSpec } from '../../study/types.js';
import type { JudgeRequest } from './plan.js';

/** A judge's answer as journalled: a stored response plus the exact prompt, so every verdict can be audited. */
export interface JudgementRecord extends StoredResponse {
  messages: ChatMessage[];
}

/** Where answers go as they arrive (the run's judgement journal, opened by the pipeline) and what it already holds. */
export interface JudgementSink {
  /** Answer text of every answered judgement, by key. */
  answered: ReadonlyMap<string, string>;
  append(record: JudgementRecord): void;
}

export interface AskContext {
  provider: Provider;
  /** The judge model's settings: parameters, concurrency, rate limits, deadline and retries. */
  spec: ModelSpec;
  run: RunContext;
  /** The judge's part of the shared response cache (judgement keys are content addresses, like request keys). */
  cache?: CacheShard;
  /** Counts every judge's requests (the panel's judges are asked at once, as the audited models are). */
  meter: ProgressMeter;
  /** Shows the meter, as the runner does for the audited models. */
  display?: ProgressDisplay;
}

/** What one judge has to be asked: its distinct requests without a journalled answer, and how many it has in all. */
export interface JudgeWork {
  /** Distinct judge requests (identical prompts are asked once). */
  total: number;
  unanswered: JudgeRequest[];
}

export interface AskSummary {
  total: number;
  alreadyRecorded: number;
  /** Answered from the shared response cache (copied into the run's journal), not sent. */
  cached: number;
  sent: number;
  failed: number;
}

/** A judge's distinct requests, and those the journal has no answer for. */
export function judgeWork(requests: readonly JudgeRequest[], journal: JudgementSink): JudgeWork {
  const unique = [...new Map(requests.map((r) => [r.key, r])).values()];
  return { total: unique.length, unanswered: unique.filter((r) => !journal.answered.has(r.key)) };
}

/**
 * Sends every unanswered judge request through the runner's endpoint and scheduling loop (the judge model's
 * concurrency, rate limits, deadline and retries with backoff) unless the shared response cache has it, and
 * journals each answer as it arrives, so an interrupted run loses only the requests in flight and a finished
 * judgement is never paid for twice. Failures that outlast the retries are journalled as data and asked again on
 * the next run.
 */
export async function askJudge(work: JudgeWork, journal: JudgementSink, ctx: AskContext): Promise<AskSummary> {
  const { meter, display } = ctx;
  const pending = work.unanswered.filter((request) => {
    const cached = ctx.cache?.get(request.key);
    if (!cached) return true;
    journal.append({ ...cached, messages: request.messages });
    meter.reuse();
    return false;
  });
  const summary: AskSummary = {
    total: work.total,
    alreadyRecorded: work.total - work.unanswered.length,
    cached: work.unanswered.length - pending.length,
    sent: 0,
    failed: 0,
  };
  const endpoint = new Endpoint(ctx.spec, ctx.provider, ctx.run, meter);
  await sendAll(pending, ctx.spec.concurrency, ctx.run.signal, async (request) => {
    summary.sent++;
    const outcome = await endpoint.send({ messages: request.messages, replicate: 0 }, request.subject);
    if (!outcome || outcome.response.error?.kind === 'aborted') return; // interrupted, not failed: asked again next time
    if (outcome.response.error) summary.failed++;
    const stored = { key: request.key, ...outcome.response, latencyMs: outcome.latencyMs, attempts: outcome.attempts };
    journal.append({ ...stored, messages: request.messages });
    ctx.cache?.put(stored);
    meter.finish(stored, ctx.spec.price);
    display?.update();
  });
  return summary;
}
