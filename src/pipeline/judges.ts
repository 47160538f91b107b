import type { ResponseCache } from '../run/cache.js';
import { systemContext } from '../run/context.js';
import { askJudge, judgeWork } from '../score/judge/ask.js';
import { ProgressMeter } from '../run/progress.js';
import { ProgressDisplay, type ProgressSink } from '../run/progressDisplay.js';
import { judgeRequests, judgeScores, type JudgedRun, type JudgedScores } from '../score/judge/stage.js';
import type { ScoreRecord } from '../score/types.js';
import { studyPanel } from '../study/judges.js';
import type { Study } from '../study/types.js';
import { stableStringify } from '../util/hash.js';
import { InputError } from '../util/problems.js';
import { createJudgeProvider, createProviderRegistry, judgeFingerprint, requiredVariables } from '../providers/registry.js';
import { openJudgements, readJudgements } from './judgements.js';
import { readJudgePanel, removeRunFile, runFile, writeJsonl, writeJudgePanel } from './runDir.js';

/** A judged run in its run directory. */
export type JudgedRunDir = JudgedRun & { runDir: string };

export interface JudgeRunOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** The shared response cache, when enabled: judgements are cached like the audited models' answers. */
  cache?: ResponseCache;
  /** Where each judge's progress goes. */
  progress?: ProgressSink;
  clock: () => number;
  log: (line: string) => void;
  signal?: AbortSignal;
}

/**
 * The judges' part of a run: records the study's judges in judge.json (or removes it when the study has none) and
 * asks every judge of the panel at once (one progress line for all) for every free-text verdict (rubric and
 * pairwise) not yet in judgements.jsonl. Every request goes through the runner's endpoint (the
 * judge's concurrency, rate limits, deadline, retries and the run's abort signal) and the shared response cache, as
 * the audited models' do; an interrupted run asks only what was not answered.
 */
export async function runJudges(
  run: JudgedRunDir,
  study: Pick<Study, 'file' | 'judge' | 'panel'>,
  options: JudgeRunOptions,
): Promise<void> {
  const panel = studyPanel(study);
  writeJudgePanel(run.runDir, panel);
  if (!panel) return;
  const requests = judgeRequests(run, panel);
  if (requests.every((r) => r.length === 0)) return;
  const providers = run.providers ?? createProviderRegistry();
  const missing = panel.judges.flatMap((judge, i) =>
    requiredVariables(judge.spec.model, providers)
      .filter((v) => !options.env[v.name])
      .map((v) => ({
        file: study.file,
        field: study.panel ? `judges[${i}].model.${v.field}` : `judge.model.${v.field}`,
        message: `environment variable ${v.name} is not set; export it with the API key for the judge ${judge.spec.model.id}`,
      })),
  );
  if (missing.length > 0) throw new InputError(missing);
  const journal = openJudgements(run.runDir);
  const work = requests.map((r) => judgeWork(r, journal));
  const toAsk = work.reduce((n, w) => n + w.unanswered.length, 0);
  const meter = new ProgressMeter(toAsk, options.clock);
  // Labelled, so its counts are not read as the run's requests; absent when every judgement is already recorded.
  const display =
    toAsk > 0 && options.progress
      ? new ProgressDisplay(meter, options.progress, options.clock, panel.judges.length === 1 ? 'judge' : 'judges')
      : undefined;
  try {
    const context = systemContext({ clock: options.clock, signal: options.signal, log: options.log });
    // Every judge at once, each on its own endpoint and limits: a panel takes as long as its slowest judge.
    const asked = Promise.all(
      panel.judges.map((judge, i) => {
        const model = judge.spec.model;
        const provider = createJudgeProvider(model, { studySeed: run.seed, env: options.env }, providers);
        // A shard per judge fingerprint: what decides its verdicts, as a provider identity decides its answers.
        const cache = provider.uncached
          ? undefined
          : options.cache?.shard(`judge:${stableStringify(judgeFingerprint(model, run.seed, providers))}`);
        return askJudge(work[i]!, journal, { provider, spec: model, run: context, cache, meter, display });
      }),
    );
    const summaries = await asked.finally(() => display?.finish());
    for (const [i, summary] of summaries.entries()) {
      const cached = summary.cached ? `, ${summary.cached} from the response cache` : '';
      options.log(
        `counterfair: judge ${panel.judges[i]!.id}: ${summary.total} judgements, ${summary.alreadyRecorded} already recorded${cached}, ${summary.sent} sent, ${summary.failed} failed${summary.failed ? ' (asked again on the next run)' : ''}`,
      );
    }
  } finally {
    await journal.close();
  }
}

/**
 * Scores with the recorded judgements of the run's judges (judge.json) applied: loads the panel and its judgements,
 * scores with the pure `judgeScores`, and writes pairwise.jsonl and, for a panel, judge-verdicts.jsonl. No judge is
 * asked. A run without a judge gets its scores back unchanged.
 */
export function judgedScores(run: JudgedRunDir, scores: readonly ScoreRecord[]): JudgedScores {
  const panel = readJudgePanel(run.runDir);
  if (panel === undefined) return { scores: [...scores], pairwise: [], verdicts: [] };
  const providers = run.providers ?? createProviderRegistry();
  const unregistered = panel.judges.filter((j) => !providers.get(j.spec.model.kind));
  if (unregistered.length > 0)
    throw new InputError(
      unregistered.map((j) => ({
        file: runFile(run.runDir, 'judgeSpec'),
        field: 'model.kind',
        message: `the provider "${j.spec.model.kind}" of judge ${j.id} is not registered (${providers.ids.join(', ')}); analyse this run with the registry it was run with`,
      })),
    );
  const judged = judgeScores(run, panel, scores, readJudgements(run.runDir));
  writeJsonl(runFile(run.runDir, 'pairwise'), judged.pairwise);
  if (panel.judges.length > 1) writeJsonl(runFile(run.runDir, 'judgeVerdicts'), judged.verdicts);
  else removeRunFile(run.runDir, 'judgeVerdicts');
  return judged;
}
