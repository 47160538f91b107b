import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Variant } from '../expand/types.js';
import type { ResponseRecord } from '../run/types.js';
import { createQuestionTypeRegistry, type QuestionTypeRegistry } from '../template/questions/registry.js';
import type { Vignette } from '../template/types.js';
import { createScorer } from './score.js';
import type { ScoreRecord } from './types.js';

/** Below this many responses a run is scored on the main thread: starting workers would cost more than it saves. */
export const PARALLEL_SCORING_THRESHOLD = 20_000;

/** Responses sent to a worker at a time: large enough that messaging is cheap beside scoring, small enough to stream. */
const BATCH = 1000;

/** Worker threads for a run of `responses` answers: one per available core above the threshold, else none. */
export function scoringWorkersFor(responses: number): number {
  return responses >= PARALLEL_SCORING_THRESHOLD ? Math.min(availableParallelism(), 8) : 1;
}

/** What a scoring worker is started with: everything a response is scored against (plain data, copied once). */
export interface ScoringJob {
  variants: readonly Variant[];
  vignettes: readonly Vignette[];
}

/**
 * Whether workers may score this run: they score with the built-in question types only (a registered type's
 * functions cannot be sent to a thread), so every vignette's type must be the built-in definition itself.
 */
export function builtinScoringOnly(vignettes: readonly Vignette[], questionTypes: QuestionTypeRegistry): boolean {
  const builtins = createQuestionTypeRegistry();
  return vignettes.every((v) => {
    const definition = builtins.get(v.question.type);
    return definition !== undefined && questionTypes.get(v.question.type) === definition;
  });
}

/**
 * Scores responses on `workers` threads, in batches, yielding the scores in the order of the responses whatever
 * the number of workers or which finishes first: the same records scoreResponse gives one at a time. At most two
 * batches per worker are in flight, so neither responses nor scores pile up. `onResponse` sees each response as it
 * is read (on this thread).
 */
export async function* scoreInWorkers(
  responses: Iterable<ResponseRecord>,
  job: ScoringJob,
  workers: number,
  onResponse: (r: ResponseRecord) => void = () => {},
): AsyncGenerator<ScoreRecord> {
  const entry = scoringWorkerEntry();
  const threads = Array.from({ length: workers }, () => new Worker(entry.code, { workerData: job, eval: entry.eval }));
  // A worker that fails rejects every batch still awaited. (Racing each batch against one never-settling promise
  // would leave a reaction on it per batch, each holding that batch's scores until the end: a run's worth.)
  const replies = new Map<number, { resolve: (scores: ScoreRecord[]) => void; reject: (err: Error) => void }>();
  let failure: Error | undefined;
  const fail = (err: Error): void => {
    failure ??= err;
    for (const reply of replies.values()) reply.reject(failure);
    replies.clear();
  };
  for (const t of threads) {
    t.on('message', ({ id, scores }: { id: number; scores: ScoreRecord[] }) => {
      const reply = replies.get(id);
      replies.delete(id);
      reply?.resolve(scores);
    });
    t.on('error', fail);
    t.on('exit', (code) => code !== 0 && fail(new Error(`scoring worker stopped with exit code ${code}`)));
  }
  const pending: Promise<ScoreRecord[]>[] = [];
  let sent = 0;
  const send = (batch: ResponseRecord[]): void => {
    const id = sent++;
    const reply = new Promise<ScoreRecord[]>((resolve, reject) => {
      if (failure) reject(failure);
      else replies.set(id, { resolve, reject });
    });
    reply.catch(() => {}); // rejected before it is awaited is not unhandled: it is awaited in turn below
    pending.push(reply);
    threads[id % workers]!.postMessage({ id, responses: batch });
  };
  try {
    let batch: ResponseRecord[] = [];
    for (const r of responses) {
      onResponse(r);
      batch.push(r);
      if (batch.length < BATCH) continue;
      send(batch);
      batch = [];
      if (pending.length >= 2 * workers) yield* await pending.shift()!;
    }
    if (batch.length > 0) send(batch);
    while (pending.length > 0) yield* await pending.shift()!;
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

/** A worker's side: scores each batch it is sent against the job it was started with, replying with the batch's id. */
export function serveScoring(port: MessagePort, job: ScoringJob): void {
  const variants = new Map(job.variants.map((v) => [v.variantId, v]));
  const questions = new Map(job.vignettes.map((v) => [v.id, v.question]));
  const score = createScorer(createQuestionTypeRegistry());
  port.on('message', ({ id, responses }: { id: number; responses: ResponseRecord[] }) => {
    port.postMessage({
      id,
      scores: responses.map((r) => score(r, variants.get(r.variantId)!, questions.get(r.vignetteId)!)),
    });
  });
}

/**
 * The worker's entry beside this file: the compiled JavaScript in the package (dist/), or, when counterfair runs from
 * its TypeScript source (tsx, vitest), a two-line script that registers tsx's loader in the new thread and then
 * imports the source entry (a worker does not inherit the loader the main thread was started with).
 */
export function scoringWorkerEntry(): { code: string | URL; eval: boolean } {
  const compiled = new URL('./scoreWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { code: compiled, eval: false };
  // tsx's ESM entry (its CommonJS one resolves its hooks wrongly from an eval'd script): the .mjs beside the .cjs.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const source = new URL('./scoreWorker.ts', import.meta.url).href;
  return {
    code: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    eval: true,
  };
}
