import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeRunDirectory } from '../../src/pipeline/analyzeRunDir.js';
import { createRegistry } from '../../src/registry.js';
import { builtinScoringOnly, scoreInWorkers, scoringWorkersFor, PARALLEL_SCORING_THRESHOLD } from '../../src/score/parallel.js';
import { readVariants, readVignettes } from '../../src/pipeline/runDir.js';
import { loadRun, readFinalResponses } from '../../src/pipeline/loadRun.js';
import { runCli } from '../helpers/cli.js';
import { writeTestStudy } from '../helpers/study.js';

const OUTPUTS = ['scores.jsonl', 'findings.json', 'results.json', 'report.html'];
const files = (dir: string) => Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('scoring on worker threads', () => {
  let root: string;
  let run: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'counterfair-parallel-'));
    // Two models and replicates: more than one batch is in flight per worker, so replies can overtake each other.
    const study = writeTestStudy(join(root, 'study.yaml'), {
      name: 'parallel',
      seed: 9,
      models: ['{ id: a, provider: simulated, unparseable_rate: 0.1 }', '{ id: b, provider: simulated, accuracy: 0.6 }'],
      extra: ['replicates: 400'],
    });
    run = join(root, 'run');
    const result = await runCli(['run', study, '--out', run]);
    expect(result.code, result.stderr).toBe(0);
  }, 300_000);

  it('writes byte-identical scores, findings, results and report with 2 workers as with none', async () => {
    const single = join(root, 'single');
    const parallel = join(root, 'parallel');
    cpSync(run, single, { recursive: true });
    cpSync(run, parallel, { recursive: true });
    await analyzeRunDirectory(single, { rescore: true, scoringWorkers: 1 });
    await analyzeRunDirectory(parallel, { rescore: true, scoringWorkers: 2 });
    const lines = readFileSync(join(single, 'scores.jsonl'), 'utf8').trim().split('\n').length;
    expect(lines).toBeGreaterThan(4 * 1000);
    expect(files(parallel)).toEqual(files(single));
    expect(files(single)['scores.jsonl']).toBe(readFileSync(join(run, 'scores.jsonl'), 'utf8'));
  }, 300_000);

  it('uses workers only for large runs of built-in question types', () => {
    expect(scoringWorkersFor(PARALLEL_SCORING_THRESHOLD - 1)).toBe(1);
    expect(scoringWorkersFor(PARALLEL_SCORING_THRESHOLD)).toBeGreaterThanOrEqual(1);
    const vignettes = readVignettes(run);
    expect(builtinScoringOnly(vignettes, createRegistry().questionTypes)).toBe(true);
    const custom = createRegistry({
      questionTypes: [{ ...createRegistry().questionTypes.get('choice')!, type: 'choice-like' }],
    }).questionTypes;
    expect(builtinScoringOnly([{ ...vignettes[0]!, question: { ...vignettes[0]!.question, type: 'choice-like' } }], custom)).toBe(false);
  });

  it('stops with the error when a worker fails, instead of waiting for its batches forever', async () => {
    const vignettes = readVignettes(run);
    // A variant the workers were not given: scoring its responses throws inside the worker.
    const variants = readVariants(run).filter((v) => v.variantId !== readVariants(run)[3]!.variantId);
    const responses = readFinalResponses(loadRun(run));
    const scores = async () => {
      let n = 0;
      for await (const _ of scoreInWorkers(responses, { variants, vignettes }, 2)) n++;
      return n;
    };
    await expect(scores()).rejects.toThrow();
  }, 60_000);
});
