import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeRunDirectory } from '../../src/pipeline/analyzeRunDir.js';
import { loadRun, readFinalResponses } from '../../src/pipeline/loadRun.js';
import { readVariants, readVignettes } from '../../src/pipeline/runDir.js';
import type { ResponseRecord } from '../../src/run/types.js';
import { SCORING_AHEAD_RUNS, ScoringAhead, scoreAhead } from '../../src/score/ahead.js';
import { createScorer } from '../../src/score/score.js';
import type { ScoreRecord } from '../../src/score/types.js';
import { runCli } from '../helpers/cli.js';
import { writeTestStudy } from '../helpers/study.js';

const OUTPUTS = ['scores.jsonl', 'findings.json', 'results.json', 'report.html'];
const files = (dir: string) => Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('scoring ahead, while the requests are in flight', () => {
  let root: string;
  let run: string;
  const madeAhead: ReadonlyMap<string, ScoreRecord>[] = [];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'counterfair-ahead-'));
    const study = writeTestStudy(join(root, 'study.yaml'), {
      name: 'ahead',
      seed: 11,
      models: ['{ id: a, provider: simulated, unparseable_rate: 0.1 }', '{ id: b, provider: simulated, accuracy: 0.6 }'],
      extra: ['replicates: 120'],
    });
    // Watch what the run's scorer ahead hands to the scoring pass.
    const start = ScoringAhead.start.bind(ScoringAhead);
    const spy = vi.spyOn(ScoringAhead, 'start').mockImplementation((job) => {
      const ahead = start(job);
      const finish = ahead.finish.bind(ahead);
      ahead.finish = async () => {
        const scores = await finish();
        madeAhead.push(scores);
        return scores;
      };
      return ahead;
    });
    run = join(root, 'run');
    const result = await runCli(['run', study, '--out', run]);
    spy.mockRestore();
    expect(result.code, result.stderr).toBe(0);
  }, 300_000);
  afterEach(() => vi.restoreAllMocks());

  it('scores every answer of a run ahead, and the run writes what scoring afresh writes, byte for byte', async () => {
    const answers = readFileSync(join(run, 'scores.jsonl'), 'utf8').trim().split('\n').length;
    expect(answers).toBeGreaterThanOrEqual(SCORING_AHEAD_RUNS.from);
    expect(madeAhead).toHaveLength(1);
    expect(madeAhead[0]!.size).toBe(answers);
    const afresh = join(root, 'afresh');
    cpSync(run, afresh, { recursive: true });
    await analyzeRunDirectory(afresh, { rescore: true, scoringWorkers: 1 });
    expect(files(run)).toEqual(files(afresh));
  }, 300_000);

  it('makes exactly the scores of the scoring pass, and keeps the latest outcome of a request', async () => {
    const vignettes = readVignettes(run);
    const variants = readVariants(run);
    const responses = [...readFinalResponses(loadRun(run))].slice(0, 700);
    const ahead = ScoringAhead.start({ variants, vignettes });
    const first = responses[0]!;
    // An earlier failed attempt of the first request, recorded before its answer: the answer is what counts.
    const failed: ResponseRecord = { ...first, text: null, error: { kind: 'timeout', message: 'timed out' } };
    for (const r of [failed, ...responses]) ahead.offer(r);
    const scores = await ahead.finish();
    const score = createScorer();
    const byVariant = new Map(variants.map((v) => [v.variantId, v]));
    const byVignette = new Map(vignettes.map((v) => [v.id, v]));
    expect(scores.size).toBe(responses.length);
    for (const r of responses)
      expect(scores.get(r.key)).toEqual(score(r, byVariant.get(r.variantId)!, byVignette.get(r.vignetteId)!.question));
    expect(scores.get(first.key)!.outcome).not.toBe('error');
    // A score made ahead is only taken for the very request it was made for.
    expect(scoreAhead(scores, first)).toBe(scores.get(first.key));
    expect(scoreAhead(scores, { ...first, replicate: first.replicate + 1 })).toBeUndefined();
    expect(scoreAhead(undefined, first)).toBeUndefined();
  }, 60_000);

  it('is used only where it pays: runs of a size to hold their scores, with the built-in question types', () => {
    expect(ScoringAhead.pays(SCORING_AHEAD_RUNS.from - 1, true)).toBe(false);
    expect(ScoringAhead.pays(SCORING_AHEAD_RUNS.to + 1, true)).toBe(false);
    expect(ScoringAhead.pays(SCORING_AHEAD_RUNS.from, false)).toBe(false);
  });

  it('leaves the scores already made when its worker fails, and never hangs', async () => {
    const vignettes = readVignettes(run);
    const variants = readVariants(run);
    const responses = [...readFinalResponses(loadRun(run))].slice(0, 600);
    // A variant the worker was not given: scoring its response throws inside the worker, which then stops.
    const missing = responses[300]!.variantId;
    const ahead = ScoringAhead.start({ variants: variants.filter((v) => v.variantId !== missing), vignettes });
    for (const r of responses) ahead.offer(r);
    const scores = await ahead.finish();
    expect(scores.size).toBeLessThan(responses.length);
    for (const r of responses.filter((x) => scores.has(x.key))) expect(scores.get(r.key)!.key).toBe(r.key);
  }, 60_000);
});
