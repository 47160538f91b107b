import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRunDirectory } from '../../src/pipeline/analyzeRunDir.js';
import type { ResponseErrorKind } from '../../src/providers/types.js';
import type { ResponseRecord } from '../../src/run/types.js';
import { runCli } from '../helpers/cli.js';
import { writeTestStudy } from '../helpers/study.js';

describe('analyze reading its scores back', () => {
  it('tallies the failed requests exactly as scoring them did (retried, failed again, answered without text)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'counterfair-tally-'));
    const study = writeTestStudy(join(root, 'study.yaml'), { name: 'tally', seed: 9, models: ['{ id: sim, provider: simulated }'] });
    const dir = join(root, 'run');
    const run = await runCli(['run', study, '--out', dir]);
    expect(run.code, run.stderr).toBe(0);
    const path = join(dir, 'responses.jsonl');
    const records = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ResponseRecord);
    const failed = (r: ResponseRecord, message: string, kind: ResponseErrorKind = 'server'): ResponseRecord => ({
      ...r,
      text: null,
      error: { kind, message },
    });
    const lines = records.flatMap((r, i) => {
      // Failed for good, twice (the last failure is the one kept); failed then answered (no failure); answered then
      // failed (the answer is kept); answered without text (scored an error, no failure), and then failed (still no
      // failure: the first answer is kept); failed by another cause.
      if (i % 7 === 0) return [failed(r, 'busy'), failed(r, 'overloaded')];
      if (i % 7 === 1) return [failed(r, 'busy'), r];
      if (i % 7 === 2) return [r, failed(r, 'late')];
      if (i % 7 === 3) return [{ ...r, text: null }];
      if (i % 7 === 4) return [{ ...r, text: null }, failed(r, 'after')];
      if (i % 7 === 5) return [failed(r, 'slow', 'timeout')];
      return [r];
    });
    writeFileSync(path, `${lines.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const scored = await analyzeRunDirectory(dir, { rescore: true });
    const readBack = await analyzeRunDirectory(dir);
    const quality = scored.dataQuality!.models[0]!;
    expect(quality.requestErrorsByKind).toEqual({ server: expect.any(Number), timeout: expect.any(Number) });
    expect(quality.errorCauses.map((c) => c.message).sort()).toEqual(['overloaded', 'slow']);
    expect(readBack.dataQuality).toEqual(scored.dataQuality);
  }, 120_000);
});
