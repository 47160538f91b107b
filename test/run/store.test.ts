import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirFromEnv, ResponseCache } from '../../src/run/cache.js';
import { ResponseJournal } from '../../src/run/store.js';
import type { ResponseRecord } from '../../src/run/types.js';
import { InputError } from '../../src/util/problems.js';
import { scratchDir } from './fixture.js';

function record(key: string, text: string | null): ResponseRecord {
  const error = text === null ? { kind: 'server' as const, message: 'HTTP 500' } : null;
  return {
    key,
    modelId: 'm',
    vignetteId: 'v',
    variantId: 'v~ref',
    replicate: 0,
    text,
    error,
    finishReason: text && 'stop',
    usage: null,
    servedModel: null,
    latencyMs: 5,
    attempts: 1,
  };
}

describe('response journal', () => {
  it('keeps a success over failures before and after it, across reopening', async () => {
    const path = join(scratchDir('journal'), 'responses.jsonl');
    const journal = ResponseJournal.open(path);
    journal.append(record('a', null));
    journal.append(record('a', 'Answer: A'));
    journal.append(record('a', null));
    journal.append(record('b', null));
    await journal.close();
    const reopened = ResponseJournal.open(path);
    expect([reopened.isAnswered('a'), reopened.isAnswered('b'), reopened.answeredCount]).toEqual([true, false, 1]);
    expect(reopened.read('a')!.text).toBe('Answer: A');
    expect(reopened.read('b')!.error!.kind).toBe('server');
    expect(reopened.read('c')).toBeUndefined();
    await reopened.close();
  });

  it('holds nothing once closed (its index is let go), closes twice harmlessly, and leaves the file whole', async () => {
    const path = join(scratchDir('journal-closed'), 'responses.jsonl');
    const journal = ResponseJournal.open(path);
    journal.append(record('a', 'Answer: A'));
    journal.append(record('b', null));
    await journal.close();
    expect([journal.answeredCount, journal.has('a'), journal.has('b')]).toEqual([0, false, false]);
    await journal.close();
    const reopened = ResponseJournal.open(path);
    expect([reopened.isAnswered('a'), reopened.has('b'), reopened.answeredCount]).toEqual([true, true, 1]);
    await reopened.close();
  });

  it('cuts off a line torn by a crash and appends cleanly after it', async () => {
    const path = join(scratchDir('journal-torn'), 'responses.jsonl');
    writeFileSync(path, `${JSON.stringify(record('a', 'Answer: A'))}\n{"key":"b","text":"Ans`);
    const journal = ResponseJournal.open(path);
    expect([journal.isAnswered('a'), journal.isAnswered('b')]).toEqual([true, false]);
    journal.append(record('b', 'Answer: B'));
    await journal.close();
    expect(
      readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as ResponseRecord).key),
    ).toEqual(['a', 'b']);
  });

  it('refuses a journal damaged anywhere but at its end, naming file and line', () => {
    const path = join(scratchDir('journal-damaged'), 'responses.jsonl');
    writeFileSync(path, `${JSON.stringify(record('a', 'A'))}\nnot json\n${JSON.stringify(record('b', 'B'))}\n`);
    expect(() => ResponseJournal.open(path)).toThrow(InputError);
    expect(() => ResponseJournal.open(path)).toThrow(`${path}:2: is not a response record`);
  });

  it('refuses a second run on the same directory, and takes over the lock of a killed one', async () => {
    const path = join(scratchDir('journal-lock'), 'responses.jsonl');
    const first = ResponseJournal.open(path);
    expect(() => ResponseJournal.open(path)).toThrow(/is in use by another counterfair run/);
    await first.close();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(`${path}.lock`, dead);
    const second = ResponseJournal.open(path);
    await second.close();
  });
});

describe('shared response cache', () => {
  it('keeps successes only, per provider identity, for any later run', async () => {
    const dir = scratchDir('cache');
    const cache = new ResponseCache(dir);
    cache.shard('openai:x:m').put({ ...record('a', 'Answer: A') });
    cache.shard('openai:x:m').put({ ...record('b', null) });
    await cache.close();
    const later = new ResponseCache(dir);
    expect(later.shard('openai:x:m').get('a')?.text).toBe('Answer: A');
    expect(later.shard('openai:x:m').get('b')).toBeUndefined();
    expect(later.shard('openai:y:m').get('a')).toBeUndefined();
    await later.close();
  });

  it('survives a torn line left by another writer', async () => {
    const dir = scratchDir('cache-torn');
    const cache = new ResponseCache(dir);
    cache.shard('id').put(record('a', 'A'));
    await cache.close();
    const [shardFile] = readdirSync(join(dir, 'responses'));
    appendFileSync(join(dir, 'responses', shardFile!), '{"key":"torn","te');
    const next = new ResponseCache(dir);
    next.shard('id').put(record('b', 'B'));
    await next.close();
    const last = new ResponseCache(dir);
    expect([last.shard('id').get('a')?.text, last.shard('id').get('b')?.text, last.shard('id').get('torn')]).toEqual(['A', 'B', undefined]);
    await last.close();
  });

  it('records the answers it gave as use lines of at most 10,000 keys each', async () => {
    const dir = scratchDir('cache-uses');
    const keys = Array.from({ length: 12_345 }, (_, i) => `key-${i}`);
    const filled = new ResponseCache(dir);
    for (const key of keys) filled.shard('id').put(record(key, `Answer ${key}`));
    await filled.close();
    const used = new ResponseCache(dir, () => 42);
    for (const key of keys) expect(used.shard('id').get(key)?.text).toBe(`Answer ${key}`);
    await used.close();
    const [shardFile] = readdirSync(join(dir, 'responses'));
    const uses = readFileSync(join(dir, 'responses', shardFile!), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((line) => 'hits' in line);
    expect(uses.map((u) => [u.hits.length, u.usedAt])).toEqual([
      [10_000, 42],
      [2_345, 42],
    ]);
    expect(uses.flatMap((u) => u.hits)).toEqual(keys);
  });

  it('lives where the environment says, never in a home the tests did not set', () => {
    expect(cacheDirFromEnv({ COUNTERFAIR_CACHE_DIR: '/c', HOME: '/h' })).toBe('/c');
    expect(cacheDirFromEnv({ COUNTERFAIR_CACHE_DIR: 'off', HOME: '/h' })).toBeUndefined();
    expect(cacheDirFromEnv({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/counterfair');
    expect(cacheDirFromEnv({ HOME: '/h' })).toBe('/h/.cache/counterfair');
    expect(cacheDirFromEnv({})).toBeUndefined();
  });
});
