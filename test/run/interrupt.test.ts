import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cliProcess.js';
import { coreLibrary } from '../helpers/paths.js';
import { writeTestStudy } from '../helpers/study.js';
import { scratchDir } from './fixture.js';

const journalLines = (runDir: string) => readFileSync(join(runDir, 'responses.jsonl'), 'utf8').trim().split('\n').length;

describe('Ctrl-C during a run whose answers arrive at once (the simulated model)', () => {
  it('stops within seconds with exit 130 and says how to resume, instead of finishing every request first', async () => {
    const dir = scratchDir('interrupt');
    // About 98,000 requests (the core library at two axes × 300 replicates): several seconds of answers even on a fast
    // machine, each settled in microtasks with no I/O to wait for.
    const study = writeTestStudy(join(dir, 'study.yaml'), {
      name: 'interrupt',
      seed: 3,
      templates: coreLibrary(),
      models: ['{ id: sim, provider: simulated }'],
      extra: ['replicates: 300'],
    });
    const runDir = join(dir, 'run');
    const run = spawnCli(['run', study, '--out', runDir], { COUNTERFAIR_CACHE_DIR: 'off', HOME: dir });
    let interruptedAt: number | undefined;
    run.child.stderr!.on('data', (chunk: Buffer) => {
      if (interruptedAt === undefined && /\d+\/(\d+) \(\d+%\)/.test(chunk.toString())) {
        interruptedAt = Date.now();
        run.child.kill('SIGINT');
      }
    });
    const { code, stderr } = await run.exited;
    expect(interruptedAt, stderr).toBeDefined();
    expect(code, stderr).toBe(130);
    expect(stderr).toContain(`re-run with --out ${runDir} to resume`);
    const total = Number(/\d+\/(\d+) \(/.exec(stderr)![1]);
    expect(total).toBeGreaterThan(50_000);
    expect(journalLines(runDir)).toBeLessThan(total);
  }, 120_000);
});
