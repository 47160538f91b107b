import type { Provider } from '../providers/types.js';
import type { ModelSpec } from '../study/types.js';
import type { Question } from '../template/types.js';
import type { RunContext } from './context.js';
import { Endpoint } from './endpoint.js';
import type { PlannedRequest } from './plan.js';
import type { ProgressMeter } from './progress.js';
import type { Recorder } from './recorder.js';

/**
 * Requests started but waiting (for the gate, or in backoff) per slot of concurrency. More than one, so a
 * request sleeping before its retry does not leave the endpoint idle; bounded, so a study of any size
 * holds only a few requests in memory at a time.
 */
const STARTED_PER_SLOT = 2;

/** Items between two turns of the event loop (see `sendAll`): a few microseconds each time, against none for a signal. */
const TURN_EVERY = 256;

/** Resolves on the event loop's next turn, after signals, I/O and timers have had theirs. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Sends one model's unanswered requests one call at a time, keeping its endpoint as busy as its limits
 * allow, and records every outcome as it arrives. Returns when every request has an outcome or the run
 * was interrupted; a recording failure (disk full) stops the run and is rethrown.
 */
export async function runOnline(
  spec: ModelSpec,
  provider: Provider,
  requests: Iterable<PlannedRequest>,
  questions: ReadonlyMap<string, Question>,
  recorder: Recorder,
  meter: ProgressMeter,
  ctx: RunContext,
): Promise<void> {
  const endpoint = new Endpoint(spec, provider, ctx, meter);
  const inFlight = new Set<string>();
  const toSend = async function* () {
    let reusedInARow = 0;
    for (const request of requests) {
      // The same key twice in the plan is one request (identical messages): the answer on its way serves both.
      const reused = inFlight.has(request.key) ? (meter.reuse(), true) : recorder.reuse(request);
      if (!reused) {
        reusedInARow = 0;
        yield request;
      } else if (++reusedInARow % TURN_EVERY === 0) await nextTurn(); // a resumed run can reuse millions in a row
    }
  };
  await sendAll(toSend(), spec.concurrency, ctx.signal, async (request) => {
    inFlight.add(request.key);
    try {
      const outcome = await endpoint.send(request, { variant: request.variant, question: questions.get(request.vignetteId)! });
      if (outcome) recorder.record(request, outcome.response, outcome.attempts, outcome.latencyMs, spec.price);
    } finally {
      inFlight.delete(request.key);
    }
  });
}

/**
 * The runner's one scheduling loop, for the audited models and the judges alike: starts `send` for each item as a
 * slot frees (at most `concurrency` × STARTED_PER_SLOT at a time; the endpoint's own gate keeps `concurrency` on the
 * wire), pulls the next item only then (so a plan of any size is never held whole), stops starting new ones once
 * `signal` aborts, and waits for those started. The first failure of `send` (a recording failure, not a request
 * error: those are data) stops the loop and is rethrown once everything started has settled.
 */
export async function sendAll<T>(
  items: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  signal: AbortSignal | undefined,
  send: (item: T) => Promise<void>,
): Promise<void> {
  const limit = concurrency * STARTED_PER_SLOT;
  let active = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const slotFreed = () => new Promise<void>((resolve) => (wake = resolve));
  let started = 0;
  for await (const item of items) {
    // An endpoint that answers at once (the simulated model, a cache) settles everything in microtasks: give the
    // event loop a turn now and then, or an interrupt (Ctrl-C) and timers wait for the whole run.
    if (++started % TURN_EVERY === 0) await nextTurn();
    if (signal?.aborted || failure) break;
    while (active >= limit) await slotFreed();
    active++;
    send(item)
      .catch((error: unknown) => (failure ??= { error }))
      .finally(() => {
        active--;
        wake?.();
      });
  }
  while (active > 0) await slotFreed();
  if (failure) throw failure.error;
}
