import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../../src/run/types.js';
import { spawnCli } from '../helpers/cliProcess.js';
import { startFaultyOpenAI, type FaultyServer } from '../helpers/faultyOpenAI.js';
import { coreLibrary } from '../helpers/paths.js';
import { writeTestStudy } from '../helpers/study.js';
import { scratchDir } from './fixture.js';

const SECRET = 'sk-test-kill-0123456789-never-log-me';
const CONCURRENCY = 4;

/** Every line of a run's journal. */
function journal(runDir: string): ResponseRecord[] {
  return readFileSync(join(runDir, 'responses.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ResponseRecord);
}

/** What must not differ between an interrupted-and-resumed run and an uninterrupted one. */
function outcome(r: ResponseRecord) {
  return {
    key: r.key,
    variantId: r.variantId,
    text: r.text,
    error: r.error,
    finishReason: r.finishReason,
    usage: r.usage,
    servedModel: r.servedModel,
  };
}

describe('kill -9 in the middle of `counterfair run`, then resume', () => {
  let server: FaultyServer;
  /** Called on every request the server receives, with how many it has received for the current run. */
  let onRequest: (count: number) => void = () => {};
  let count = 0;
  const dir = scratchDir('kill');
  const study = join(dir, 'study.yaml');
  const env = { COUNTERFAIR_TEST_KEY: SECRET, COUNTERFAIR_CACHE_DIR: 'off', HOME: dir };

  beforeAll(async () => {
    server = await startFaultyOpenAI(
      () => {
        onRequest(++count);
        return { kind: 'answer' };
      },
      (prompt) => `The answer depends on the case.\nAnswer: ${prompt.length % 3 === 0 ? 'yes' : 'no'}`,
    );
    writeTestStudy(study, {
      name: 'kill and resume',
      seed: 11,
      templates: coreLibrary(),
      models: [
        `{ id: local, provider: openai, model: test-model, base_url: "${server.baseUrl}", api_key_env: COUNTERFAIR_TEST_KEY, temperature: 0, concurrency: ${CONCURRENCY} }`,
      ],
      // The server answers yes or no to every question, unreadable for most of the library: this test is about the
      // journal, not about the answers, so the data-quality check must not fail the run.
      extra: ['quality: { max_unparseable_rate: 1 }'],
    });
  });
  afterAll(() => server.close());

  it('loses nothing, duplicates nothing and re-sends only what was in flight', async () => {
    const reference = join(dir, 'uninterrupted');
    count = 0;
    const clean = await spawnCli(['run', study, '--out', reference], env).exited;
    expect(clean.stderr).not.toContain('internal error');
    expect(clean.code).toBe(0);
    const expected = journal(reference);
    const total = expected.length;
    expect(total).toBeGreaterThan(100);
    expect(count).toBe(total);

    const resumed = join(dir, 'killed');
    count = 0;
    const first = spawnCli(['run', study, '--out', resumed], env);
    onRequest = (n) => {
      if (n === Math.floor(total / 3)) first.child.kill('SIGKILL');
    };
    const killed = await first.exited;
    onRequest = () => {};
    expect(killed.signal).toBe('SIGKILL');
    const beforeResume = journal(resumed);
    expect(beforeResume.length).toBeGreaterThan(0);
    expect(beforeResume.length).toBeLessThan(total);
    const sentBeforeKill = count;

    const second = await spawnCli(['run', study, '--out', resumed], env).exited;
    expect(second.stderr).not.toContain('internal error');
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`${beforeResume.length} responses already recorded`);

    const after = journal(resumed);
    expect(new Set(after.map((r) => r.key)).size).toBe(after.length); // nothing recorded twice
    expect(after.slice(0, beforeResume.length)).toEqual(beforeResume); // nothing recorded was lost or rewritten
    const byKey = (records: ResponseRecord[]) => [...records].sort((a, b) => a.key.localeCompare(b.key)).map(outcome);
    expect(byKey(after)).toEqual(byKey(expected));
    // The resumed run asked exactly the requests without a recorded answer, so the only requests sent
    // twice were those in flight at the kill: at most one per slot.
    expect(count - sentBeforeKill).toBe(total - beforeResume.length);
    expect(count - total).toBe(sentBeforeKill - beforeResume.length);
    expect(count - total).toBeLessThanOrEqual(CONCURRENCY);
    expect(readFileSync(join(resumed, 'responses.jsonl'), 'utf8')).not.toContain(SECRET);
  });
});
