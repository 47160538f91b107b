import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/run/cache.js';
import { cacheStats, clearCache, parseDuration, parseSize, pruneCache } from '../../src/run/cacheMaintenance.js';
import type { StoredResponse } from '../../src/run/types.js';
import { scratchDir } from './fixture.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1);

function answer(key: string, servedModel: string | null = 'model-a'): StoredResponse {
  return { key, text: `Answer for ${key}`, error: null, finishReason: 'stop', usage: null, servedModel, latencyMs: 5, attempts: 1 };
}

/** Stores `keys` in the shard of `identity` as if at `at`. */
async function store(dir: string, identity: string, keys: string[], at: number, servedModel?: string | null): Promise<void> {
  const cache = new ResponseCache(dir, () => at);
  for (const key of keys) cache.shard(identity).put(answer(key, servedModel));
  await cache.close();
}

/** Answers `keys` from the cache as a run at `at` would; returns which were found. */
async function use(dir: string, identity: string, keys: string[], at: number): Promise<string[]> {
  const cache = new ResponseCache(dir, () => at);
  const found = keys.filter((key) => cache.shard(identity).get(key) !== undefined);
  await cache.close();
  return found;
}

const shardFiles = (dir: string) => (existsSync(join(dir, 'responses')) ? readdirSync(join(dir, 'responses')) : []);
const shardLines = (dir: string) =>
  shardFiles(dir).flatMap((f) =>
    readFileSync(join(dir, 'responses', f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  );

describe('cache stats', () => {
  it('counts distinct answers, bytes on disk and last use per shard, with the models the endpoints named', async () => {
    const dir = scratchDir('cache-stats');
    await store(dir, 'openai:http://a/v1:model-a', ['a1', 'a2', 'a3'], T0);
    await store(dir, 'openai:http://b/v1:model-b', ['b1', 'b2'], T0 + DAY, 'model-b');
    expect(await use(dir, 'openai:http://a/v1:model-a', ['a2', 'missing'], T0 + 5 * DAY)).toEqual(['a2']);
    const stats = cacheStats(dir);
    const bytes = shardFiles(dir).map((f) => statSync(join(dir, 'responses', f)).size);
    expect({ entries: stats.entries, bytes: stats.bytes, oldest: stats.oldestUse, newest: stats.newestUse }).toEqual({
      entries: 5,
      bytes: bytes[0]! + bytes[1]!,
      oldest: T0,
      newest: T0 + 5 * DAY,
    });
    const byModel = Object.fromEntries(
      stats.shards.map((s) => [s.models.join(), { entries: s.entries, oldest: s.oldestUse, newest: s.newestUse }]),
    );
    expect(byModel).toEqual({
      'model-a': { entries: 3, oldest: T0, newest: T0 + 5 * DAY },
      'model-b': { entries: 2, oldest: T0 + DAY, newest: T0 + DAY },
    });
  });

  it('reads a missing cache directory as an empty cache', () => {
    expect(cacheStats(join(scratchDir('cache-none'), 'never-made'))).toMatchObject({
      entries: 0,
      bytes: 0,
      oldestUse: null,
      newestUse: null,
      shards: [],
    });
  });
});

describe('cache prune', () => {
  it('drops answers last used before the cutoff, keeps those a later run used, and the cache still answers them', async () => {
    const dir = scratchDir('cache-prune-age');
    const a = 'openai:http://a/v1:model-a';
    await store(dir, a, ['old', 'used-again'], T0);
    await store(dir, 'openai:http://b/v1:model-b', ['other'], T0);
    await use(dir, a, ['used-again'], T0 + 40 * DAY);
    await store(dir, a, ['recent'], T0 + 35 * DAY);

    const removal = pruneCache(dir, { olderThanMs: 30 * DAY, now: T0 + 50 * DAY });
    expect({ removed: removal.removedEntries, kept: removal.keptEntries }).toEqual({ removed: 2, kept: 2 });
    expect(shardFiles(dir)).toHaveLength(1); // the other endpoint's shard held nothing recent: gone
    expect(removal.keptBytes).toBe(statSync(join(dir, 'responses', shardFiles(dir)[0]!)).size);
    // Use lines are folded into the answers: one line per kept answer, dated by its last use.
    expect(shardLines(dir).map((l) => [l.key, l.usedAt])).toEqual([
      ['used-again', T0 + 40 * DAY],
      ['recent', T0 + 35 * DAY],
    ]);
    expect(await use(dir, a, ['old', 'used-again', 'recent'], T0 + 50 * DAY)).toEqual(['used-again', 'recent']);
  });

  it('then removes the least recently used answers until the cache fits the size', async () => {
    const dir = scratchDir('cache-prune-size');
    for (const [i, key] of ['k0', 'k1', 'k2', 'k3'].entries()) await store(dir, 'openai:http://a/v1:m', [key], T0 + i * DAY);
    const lineBytes = statSync(join(dir, 'responses', shardFiles(dir)[0]!)).size / 4; // equal-length lines
    const removal = pruneCache(dir, { maxBytes: 2 * lineBytes + 1, now: T0 + 10 * DAY });
    expect(shardLines(dir).map((l) => l.key)).toEqual(['k2', 'k3']);
    expect(removal.keptBytes).toBeLessThanOrEqual(2 * lineBytes + 1);
    expect(removal.removedEntries).toBe(2);
  });

  it('dates answers stored before lines carried usedAt by the shard file, and tidies repeats and torn lines', async () => {
    const dir = scratchDir('cache-prune-legacy');
    await store(dir, 'openai:http://a/v1:m', ['placeholder'], T0);
    const file = join(dir, 'responses', shardFiles(dir)[0]!);
    const legacy = (key: string) => `${JSON.stringify(answer(key))}\n`;
    writeFileSync(file, legacy('x') + legacy('y') + legacy('x'));
    appendFileSync(file, '{"key":"torn","te');
    utimesSync(file, new Date(T0 + 20 * DAY), new Date(T0 + 20 * DAY));

    expect(pruneCache(dir, { olderThanMs: 30 * DAY, now: T0 + 40 * DAY })).toMatchObject({ removedEntries: 0, keptEntries: 2 });
    expect(shardLines(dir).map((l) => [l.key, l.usedAt])).toEqual([
      ['y', T0 + 20 * DAY],
      ['x', T0 + 20 * DAY],
    ]);
    expect(pruneCache(dir, { olderThanMs: 30 * DAY, now: T0 + 60 * DAY })).toMatchObject({
      removedEntries: 2,
      keptEntries: 0,
      keptBytes: 0,
    });
    expect(shardFiles(dir)).toEqual([]);
  });

  it('leaves a tidy cache untouched when nothing is due', async () => {
    const dir = scratchDir('cache-prune-none');
    await store(dir, 'openai:http://a/v1:m', ['a', 'b'], T0);
    const file = join(dir, 'responses', shardFiles(dir)[0]!);
    const before = readFileSync(file, 'utf8');
    expect(pruneCache(dir, { olderThanMs: 30 * DAY, now: T0 + DAY })).toMatchObject({ removedEntries: 0, removedBytes: 0, keptEntries: 2 });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('cache clear', () => {
  it('removes every shard and says what it removed, leaving files that are not the cache', async () => {
    const dir = scratchDir('cache-clear');
    await store(dir, 'openai:http://a/v1:m', ['a', 'b'], T0);
    await store(dir, 'openai:http://b/v1:m', ['c'], T0);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const bytes = cacheStats(dir).bytes;
    expect(clearCache(dir)).toMatchObject({ removedEntries: 3, removedBytes: bytes, keptEntries: 0 });
    expect(existsSync(join(dir, 'responses'))).toBe(false);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('durations and sizes', () => {
  it('reads a number and a unit, and nothing else', () => {
    expect([
      parseDuration('30d'),
      parseDuration('12h'),
      parseDuration('90m'),
      parseDuration('45s'),
      parseDuration('2w'),
      parseDuration('1.5d'),
    ]).toEqual([30 * DAY, DAY / 2, 5_400_000, 45_000, 14 * DAY, 1.5 * DAY]);
    expect([parseDuration('30'), parseDuration('d'), parseDuration('-1d'), parseDuration('30 days'), parseDuration('')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([parseSize('2GB'), parseSize('500mb'), parseSize('1.5GiB'), parseSize('1000'), parseSize('10 KiB')]).toEqual([
      2e9,
      5e8,
      1.5 * 2 ** 30,
      1000,
      10_240,
    ]);
    expect([parseSize('2 gigs'), parseSize('GB'), parseSize('-1GB'), parseSize('')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
