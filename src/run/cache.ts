/**
 * The response cache shared by every run on the machine: append-only JSONL shards, one per provider
 * identity (endpoint and model), each with an in-memory index of key -> offset built when a run first
 * needs that model.
 *
 * Why shards of appended lines (measured on this machine, ext4):
 * - Recording an answer is one append, about 10 µs of CPU. A file per answer (git-object style, no
 *   start-up cost) cost 90-300 µs of kernel time per file, more than the runner's whole per-request
 *   budget; SQLite (better-sqlite3 12, WAL) cost 60-90 µs per insert even with batched commits, plus a
 *   native build of about 70 s on every clean CI run.
 * - A shard is replayed only when a study asks that model (about 3 µs and 16 bytes of index per cached
 *   answer: a hash and an offset, `KeyIndex`), so a cache filled by many studies of many models costs each run only
 *   its own models' part.
 * - Concurrent runs share a shard safely: each answer is one write() in append mode, which the kernel
 *   never interleaves; a run indexes only what was there when it opened the shard (its own answers are in
 *   its journal), and every read checks the key it finds, so a stray line can cost a request, never
 *   return a wrong answer. Lines that do not parse (a torn write after a power cut) are skipped.
 *
 * Errors are never cached: a failure says something about that moment, not about the request.
 *
 * Last use, so that `counterfair cache prune` can drop the least recently used answers first: every answer line
 * carries `usedAt` (when it was stored), and a shard closed after answering requests from the cache appends one
 * use line per USE_LINE_KEYS keys answered, `{"hits": [keys], "usedAt": ms}`, which replay skips (it has no `key`). Pruning folds the use lines
 * into the answers' `usedAt` when it rewrites a shard (see cacheMaintenance.ts).
 */
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../util/hash.js';
import { AppendLog } from './appendLog.js';
import { LineReader, scanLines } from './jsonlFile.js';
import { KeyIndex } from './keyIndex.js';
import { keyOfLine, parseRecord } from './store.js';
import type { StoredResponse } from './types.js';

const DISABLED = 'off';

/**
 * Where the cache lives: $COUNTERFAIR_CACHE_DIR (`off` disables it), else $XDG_CACHE_HOME/counterfair,
 * else $HOME/.cache/counterfair; undefined (no cache) when none is set.
 */
export function cacheDirFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const explicit = env.COUNTERFAIR_CACHE_DIR;
  if (explicit) return explicit === DISABLED ? undefined : explicit;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'counterfair');
  if (env.HOME) return join(env.HOME, '.cache', 'counterfair');
  return undefined;
}

/** The folder of a cache directory holding the shards, and a shard's file name suffix. */
export const SHARD_FOLDER = 'responses';
export const SHARD_SUFFIX = '.jsonl';

/** What a line of a shard says when it records that cached answers were used (it has no `key`, so replay skips it). */
export interface CacheUseLine {
  hits: string[];
  usedAt: number;
}

/** The cache directory: hands out one shard per provider identity, opened on first use. */
export class ResponseCache {
  private readonly shards = new Map<string, CacheShard>();

  /** `clock` (ms since the epoch, `Date.now` by default) dates each answer's last use, for `cache prune`. */
  constructor(
    private readonly dir: string,
    private readonly clock: () => number = Date.now,
  ) {}

  shard(identity: string): CacheShard {
    let shard = this.shards.get(identity);
    if (!shard) {
      mkdirSync(join(this.dir, SHARD_FOLDER), { recursive: true });
      shard = CacheShard.open(join(this.dir, SHARD_FOLDER, `${sha256Hex(identity).slice(0, 32)}${SHARD_SUFFIX}`), this.clock);
      this.shards.set(identity, shard);
    }
    return shard;
  }

  async close(): Promise<void> {
    for (const shard of this.shards.values()) await shard.close();
    this.shards.clear();
  }
}

/** Keys per use line: a run answered wholly from the cache would otherwise write one line of millions of keys. */
const USE_LINE_KEYS = 10_000;

/** The cached answers of one provider identity. */
export class CacheShard {
  /** Offsets of the answers given from this shard since it was opened (8 bytes each), recorded as use lines on close. */
  private hits: number[] = [];

  private constructor(
    private readonly log: AppendLog,
    private readonly reader: number,
    private readonly lines: LineReader,
    private readonly index: KeyIndex,
    private readonly clock: () => number,
  ) {}

  static open(path: string, clock: () => number = Date.now): CacheShard {
    const log = new AppendLog(path, { durable: false }); // durability is the run journal's job
    const reader = openSync(path, 'r');
    const lines = new LineReader(reader);
    const index = new KeyIndex((offset) => keyOfLine(lines.at(offset)));
    const complete = scanLines(path, (line, offset) => {
      const record = parseRecord(line);
      if (record?.error === null) index.set(record.key, offset);
    });
    // A torn last line (or one another run is writing right now) must not swallow our first line; at worst
    // this leaves a blank line, which replay skips.
    if (complete < statSync(path).size) log.append('\n');
    return new CacheShard(log, reader, lines, index, clock);
  }

  /** The cached answer to a request, or undefined. */
  get(key: string): StoredResponse | undefined {
    const offset = this.index.get(key);
    if (offset === undefined) return undefined;
    const record = parseRecord(this.lines.at(offset));
    if (record?.key !== key || record.error !== null) return undefined;
    this.hits.push(offset);
    return record;
  }

  /** Stores a successful answer (failures are ignored: they are never cached). */
  put(response: StoredResponse): void {
    if (response.error === null) this.log.append(`${JSON.stringify({ ...response, usedAt: this.clock() })}\n`);
  }

  async close(): Promise<void> {
    try {
      const usedAt = this.clock();
      for (let from = 0; from < this.hits.length; from += USE_LINE_KEYS) {
        const hits = this.hits.slice(from, from + USE_LINE_KEYS).map((offset) => keyOfLine(this.lines.at(offset)));
        this.log.append(`${JSON.stringify({ hits, usedAt } satisfies CacheUseLine)}\n`);
      }
      this.hits = [];
      await this.log.close();
    } finally {
      closeSync(this.reader);
    }
  }
}
