import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/run/cache.js';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fakeOpenAI.js';
import { writeTestStudy } from '../helpers/study.js';

const SECRET = 'sk-test-cache-0123456789abcdef-never-log-me';
/** runCli's clock. */
const NOW = Date.UTC(2026, 10, 23);

describe('counterfair cache, and run --no-cache, against a local OpenAI-compatible server', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let dir: string;
  let study: string;
  beforeAll(async () => {
    server = await startFakeOpenAI((body) => (body.messages.at(-1)!.content.includes('ESI level') ? 'Answer: B' : 'Answer: 3'));
    dir = mkdtempSync(join(tmpdir(), 'counterfair-cache-cli-'));
    study = join(dir, 'study.yaml');
    writeTestStudy(study, {
      name: 'cache',
      seed: 5,
      models: [
        `{ id: local, provider: openai, model: cached-model, base_url: "${server.baseUrl}", api_key_env: COUNTERFAIR_TEST_KEY, temperature: 0, max_retries: 0 }`,
      ],
    });
  });
  afterAll(() => server.close());
  const env = () => ({ COUNTERFAIR_TEST_KEY: SECRET, COUNTERFAIR_CACHE_DIR: join(dir, 'cache') });

  it('run --no-cache neither reads nor writes the cache; a run without it fills the cache, which stats describes', async () => {
    const noCache = await runCli(['run', study, '--out', join(dir, 'run-no-cache'), '--no-cache'], env());
    expect(noCache.code).toBe(0);
    const requests = server.seen.length;
    expect(requests).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'cache'))).toBe(false);

    expect((await runCli(['run', study, '--out', join(dir, 'run-1')], env())).code).toBe(0);
    expect(server.seen.length).toBe(2 * requests); // the cache was empty: everything asked again
    expect((await runCli(['run', study, '--out', join(dir, 'run-2')], env())).code).toBe(0);
    expect(server.seen.length).toBe(2 * requests); // everything from the cache
    expect((await runCli(['run', study, '--out', join(dir, 'run-3'), '--no-cache'], env())).code).toBe(0);
    expect(server.seen.length).toBe(3 * requests); // the cache is not read

    const stats = await runCli(['cache', 'stats', '--json'], env());
    expect(stats.code).toBe(0);
    const json = JSON.parse(stats.stdout) as {
      schema: string;
      entries: number;
      bytes: number;
      newestUse: string;
      shards: { models: string[]; entries: number }[];
    };
    expect(json).toMatchObject({ schema: 'counterfair.cache-stats/1', entries: requests, newestUse: new Date(NOW).toISOString() });
    expect(json.shards.map((s) => [s.models, s.entries])).toEqual([[['cached-model'], requests]]);
    const text = await runCli(['cache', 'stats'], env());
    expect(text.stdout).toContain(`${requests} answers`);
    expect(text.stdout).toContain('cached-model');
    for (const out of [stats.stdout, text.stdout, stats.stderr, text.stderr]) expect(out).not.toContain(SECRET);
    for (const file of readdirSync(join(dir, 'cache', 'responses')))
      expect(readFileSync(join(dir, 'cache', 'responses', file), 'utf8')).not.toContain(SECRET);
  });

  it('prune keeps answers used within the period, removes them after it, and clear says what it removed', async () => {
    const entries = (JSON.parse((await runCli(['cache', 'stats', '--json'], env())).stdout) as { entries: number }).entries;
    expect(entries).toBeGreaterThan(0);
    const kept = await runCli(['cache', 'prune', '--older-than', '30d', '--json'], env());
    expect(kept.code).toBe(0);
    expect(JSON.parse(kept.stdout)).toMatchObject({ schema: 'counterfair.cache-removal/1', removedEntries: 0, keptEntries: entries });
    // Every answer was last used at runCli's clock: a size of 1 byte leaves none.
    const pruned = await runCli(['cache', 'prune', '--max-size', '1'], env());
    expect(pruned.stdout).toMatch(new RegExp(`^pruned ${entries} answers \\(.+\\) from .+; kept 0 answers \\(0 B\\)\\n$`));
    const cleared = await runCli(['cache', 'clear'], env());
    expect(cleared.stdout).toBe(`removed 0 answers (0 B) from ${join(dir, 'cache')}\n`);
  });

  it('rejects a bad duration or size, a prune without either, and a cache that is off, with exit 2 and what to do', async () => {
    const duration = await runCli(['cache', 'prune', '--older-than', '30 days'], env());
    expect(duration.code).toBe(2);
    expect(duration.stderr).toContain('expected a number and a unit: s, m, h, d or w (e.g. 30d)');
    const size = await runCli(['cache', 'prune', '--max-size', 'lots'], env());
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('(e.g. 2GB)');
    const neither = await runCli(['cache', 'prune'], env());
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('cache prune needs --older-than DURATION (e.g. 30d) and/or --max-size SIZE (e.g. 2GB)');
    const off = await runCli(['cache', 'clear'], { COUNTERFAIR_CACHE_DIR: 'off' });
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('COUNTERFAIR_CACHE_DIR=off turns it off');
    for (const r of [duration, size, neither, off]) expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('prints model names the endpoints gave without their terminal escapes', async () => {
    const cacheDir = join(dir, 'hostile-cache');
    const cache = new ResponseCache(cacheDir, () => NOW);
    cache.shard('openai:http://x/v1:m').put({
      key: 'k',
      text: 'Answer: A',
      error: null,
      finishReason: 'stop',
      usage: null,
      servedModel: 'evil\u001b[2J\u001b]0;owned\u0007-model',
      latencyMs: 1,
      attempts: 1,
    });
    await cache.close();
    const text = await runCli(['cache', 'stats'], { COUNTERFAIR_CACHE_DIR: cacheDir });
    expect(text.stdout).toContain('evil [2J ]0;owned -model');
    expect(text.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
