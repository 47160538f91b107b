import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeRunDirectory } from '../../src/pipeline/analyzeRunDir.js';
import { scoreRecords } from '../../src/pipeline/runDir.js';
import { EXTRACTOR_VERSION } from '../../src/score/extract/types.js';
import { ScoreTable } from '../../src/score/table.js';
import { encodeScoreTable } from '../../src/score/tableFile.js';
import { runCli } from '../helpers/cli.js';
import { writeTestStudy } from '../helpers/study.js';

// Observes the scorer: every call is counted, and the real scorer answers.
const scorer = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/score/score.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/score/score.js')>();
  return {
    ...actual,
    createScorer: (...args: Parameters<typeof actual.createScorer>) => {
      const score = actual.createScorer(...args);
      return (...scored: Parameters<typeof score>) => {
        scorer.calls++;
        return score(...scored);
      };
    },
  };
});

/** Temporary files left in the run directory (the key bytes of a table being built among them): none, ever. */
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('.tmp-'));

const files = (dir: string) =>
  Object.fromEntries(['scores.jsonl', 'findings.json', 'results.json', 'report.html'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('analyze re-uses recorded scores while nothing they depend on changed', () => {
  let dir: string;
  let responses: number;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'counterfair-reuse-'));
    const study = writeTestStudy(join(root, 'study.yaml'), { name: 'reuse', seed: 5, models: ['{ id: sim, provider: simulated }'] });
    dir = join(root, 'run');
    const run = await runCli(['run', study, '--out', dir]);
    expect(run.code, run.stderr).toBe(0);
    responses = readFileSync(join(dir, 'responses.jsonl'), 'utf8').trim().split('\n').length;
    expect(responses).toBeGreaterThan(0);
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);

  it('a second analyze reads the scores back without calling the scorer, and writes the same files', async () => {
    const before = files(dir);
    scorer.calls = 0;
    await analyzeRunDirectory(dir);
    expect(scorer.calls).toBe(0);
    expect(files(dir)).toEqual(before);
    const source = JSON.parse(readFileSync(join(dir, 'scores-source.json'), 'utf8'));
    expect(source).toMatchObject({ schemaVersion: 1, extractorVersion: expect.any(Number), questionTypes: expect.any(Object) });
  }, 120_000);

  it('scores again when the recorded extractor version differs, and then reuses again', async () => {
    const path = join(dir, 'scores-source.json');
    const source = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...source, extractorVersion: source.extractorVersion - 1 }));
    const before = files(dir);
    scorer.calls = 0;
    await analyzeRunDirectory(dir);
    expect(scorer.calls).toBe(responses);
    expect(files(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    scorer.calls = 0;
    await analyzeRunDirectory(dir);
    expect(scorer.calls).toBe(0);
  }, 120_000);

  it('scores again when an input changed (a clinician label imported) or without a record of the source', async () => {
    scorer.calls = 0;
    writeFileSync(join(dir, 'adjudications.jsonl'), '');
    await analyzeRunDirectory(dir);
    expect(scorer.calls).toBe(responses);
    writeFileSync(join(dir, 'scores-source.json'), '{ damaged');
    scorer.calls = 0;
    await analyzeRunDirectory(dir);
    expect(scorer.calls).toBe(responses);
  }, 120_000);

  it("reads the scores' columns (scores-table.bin) while they match scores.jsonl, and rebuilds them when damaged", async () => {
    const table = join(dir, 'scores-table.bin');
    const columns = readFileSync(table);
    const before = files(dir);
    // Columns stamped with the current scores' digest are what the analysis reads: here every answer made wrong.
    const stamp = {
      scoresDigest: createHash('sha256')
        .update(readFileSync(join(dir, 'scores.jsonl')))
        .digest('hex'),
      extractorVersion: EXTRACTOR_VERSION,
    };
    const wrong = ScoreTable.of([...scoreRecords(dir)].map((s) => ({ ...s, outcome: 'incorrect' as const })));
    writeFileSync(table, Buffer.concat([...encodeScoreTable(wrong, stamp)]));
    await analyzeRunDirectory(dir);
    expect(files(dir)['results.json']).not.toEqual(before['results.json']);
    // Damaged columns are never read: rebuilt from scores.jsonl, the same bytes as before, and the same outputs.
    writeFileSync(table, 'CFSCORES damaged');
    await analyzeRunDirectory(dir);
    expect(files(dir)).toEqual(before);
    expect(readFileSync(table).equals(columns)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);

  it('analyze --rescore scores every answer again', async () => {
    scorer.calls = 0;
    const r = await runCli(['analyze', dir, '--rescore']);
    expect(r.code, r.stderr).toBe(0);
    expect(scorer.calls).toBe(responses);
    scorer.calls = 0;
    expect((await runCli(['analyze', dir])).code).toBe(0);
    expect(scorer.calls).toBe(0);
  }, 120_000);

  it("hashes a file once per version: the digests kept in digests.json are read back, and an edited file's are not", async () => {
    const digests = join(dir, 'digests.json');
    const sha256 = (file: string) =>
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex');
    const kept = JSON.parse(readFileSync(digests, 'utf8'));
    expect(kept.responses.sha256).toBe(sha256('responses.jsonl'));
    expect(kept.scores.sha256).toBe(sha256('scores.jsonl'));
    // A digest read back, not computed: a wrong one kept for the same version of the file is believed (the scores'
    // source then differs, and every answer is scored again).
    writeFileSync(digests, JSON.stringify({ ...kept, responses: { ...kept.responses, sha256: '0'.repeat(64) } }));
    scorer.calls = 0;
    await analyzeRunDirectory(dir);
    expect(scorer.calls).toBe(responses);
    // An edit of the same size is a new version (its modification time): hashed again, and the change is seen.
    const path = join(dir, 'responses.jsonl');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('"finishReason":"stop"');
    writeFileSync(path, text.replace('"finishReason":"stop"', '"finishReason":"STOP"'));
    expect(readFileSync(path).length).toBe(Buffer.byteLength(text));
    scorer.calls = 0;
    await analyzeRunDirectory(dir);
    expect(scorer.calls).toBe(responses);
    expect(JSON.parse(readFileSync(digests, 'utf8')).responses.sha256).toBe(sha256('responses.jsonl'));
    scorer.calls = 0;
    await analyzeRunDirectory(dir);
    expect(scorer.calls).toBe(0);
  }, 120_000);
});
