/**
 * Looking after the shared response cache (cache.ts): what it holds, pruning it by last use and size, emptying it.
 * The cache only ever appends; these are what keep it from growing forever.
 *
 * An answer's last use is the latest of its `usedAt` (when it was stored) and the `usedAt` of every use line
 * naming it. Answers stored before lines carried `usedAt` count as last used when their shard file was last
 * written. Pruning rewrites each shard it changes (a temporary file renamed over it): answers kept get their
 * last use as `usedAt`, use lines are folded in, repeated answers (two runs caching one request) kept once, torn
 * lines dropped. A run appending to a shard while it is rewritten loses those answers from the cache (never from
 * its run directory): prune when no run is using the cache.
 */
import { closeSync, openSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SHARD_FOLDER, SHARD_SUFFIX } from './cache.js';
import { scanLines, writeAll } from './jsonlFile.js';

export interface CacheShardStats {
  /** The shard's file name in `<cache>/responses/` (a hash of endpoint and model: it names no secret). */
  file: string;
  /** The models that answered, as the endpoint named them (`servedModel`), sorted; empty when none said. */
  models: string[];
  /** Distinct cached answers. */
  entries: number;
  /** Size of the file on disk. */
  bytes: number;
  /** Least and most recent last use of an answer (ms since the epoch); null when the shard holds none. */
  oldestUse: number | null;
  newestUse: number | null;
}

export interface CacheStats {
  dir: string;
  entries: number;
  bytes: number;
  oldestUse: number | null;
  newestUse: number | null;
  shards: CacheShardStats[];
}

export interface PruneOptions {
  /** Drop answers last used longer ago than this (ms). */
  olderThanMs?: number;
  /** Then drop the least recently used answers until the shards take at most this many bytes. */
  maxBytes?: number;
  /** Now, in ms since the epoch. */
  now: number;
}

export interface CacheRemoval {
  dir: string;
  removedEntries: number;
  /** Bytes the cache's files took before, less what they take after. */
  removedBytes: number;
  keptEntries: number;
  keptBytes: number;
}

/** One distinct answer of a shard: where its last copy starts, its last use, its size once rewritten with usedAt 0. */
interface Entry {
  offset: number;
  lastUse: number;
  baseBytes: number;
  servedModel: string | null;
}

interface ShardScan {
  path: string;
  file: string;
  bytes: number;
  entries: Map<string, Entry>;
  /** True when rewriting would change the file even if every answer is kept (use lines, repeats, old or torn lines). */
  untidy: boolean;
}

/** What the cache holds, per shard and in all. A missing cache directory is an empty cache. */
export function cacheStats(dir: string): CacheStats {
  const shards = scanShards(dir).map((scan): CacheShardStats => {
    const uses = [...scan.entries.values()].map((e) => e.lastUse);
    const models = new Set([...scan.entries.values()].flatMap((e) => (e.servedModel === null ? [] : [e.servedModel])));
    return {
      file: scan.file,
      models: [...models].sort(),
      entries: scan.entries.size,
      bytes: scan.bytes,
      oldestUse: minOrNull(uses),
      newestUse: maxOrNull(uses),
    };
  });
  return {
    dir,
    entries: sum(shards.map((s) => s.entries)),
    bytes: sum(shards.map((s) => s.bytes)),
    oldestUse: minOrNull(shards.flatMap((s) => (s.oldestUse === null ? [] : [s.oldestUse]))),
    newestUse: maxOrNull(shards.flatMap((s) => (s.newestUse === null ? [] : [s.newestUse]))),
    shards,
  };
}

/**
 * Drops answers last used before `now - olderThanMs`, then, if the cache is still larger than `maxBytes`, the least
 * recently used until it is not (answers last used at the same moment go together).
 */
export function pruneCache(dir: string, options: PruneOptions): CacheRemoval {
  const scans = scanShards(dir);
  const cutoff = options.olderThanMs === undefined ? -Infinity : options.now - options.olderThanMs;
  const kept = (entry: Entry) => entry.lastUse >= cutoff;
  let keepFrom = cutoff;
  if (options.maxBytes !== undefined)
    keepFrom = Math.max(
      cutoff,
      sizeCutoff(
        scans.flatMap((s) => [...s.entries.values()].filter(kept)),
        options.maxBytes,
      ),
    );
  const before = sum(scans.map((s) => s.bytes));
  let keptEntries = 0;
  let removedEntries = 0;
  for (const scan of scans) {
    const keep = new Map([...scan.entries].filter(([, entry]) => entry.lastUse >= keepFrom));
    keptEntries += keep.size;
    removedEntries += scan.entries.size - keep.size;
    if (keep.size === scan.entries.size && !scan.untidy) continue;
    rewriteShard(scan, keep);
  }
  const keptBytes = sum(scanShards(dir).map((s) => s.bytes));
  return { dir, removedEntries, removedBytes: before - keptBytes, keptEntries, keptBytes };
}

/** Removes every shard (and nothing else the directory holds). */
export function clearCache(dir: string): CacheRemoval {
  const scans = scanShards(dir);
  for (const scan of scans) rmSync(scan.path, { force: true });
  for (const leftover of shardFolderFiles(dir).filter((f) => f.includes(PRUNE_TEMP)))
    rmSync(join(dir, SHARD_FOLDER, leftover), { force: true });
  try {
    rmdirSync(join(dir, SHARD_FOLDER));
  } catch {
    // not empty (something not ours is in it) or already gone: leave it
  }
  return {
    dir,
    removedEntries: sum(scans.map((s) => s.entries.size)),
    removedBytes: sum(scans.map((s) => s.bytes)),
    keptEntries: 0,
    keptBytes: 0,
  };
}

const PRUNE_TEMP = '.prune-';

/** The last use from which answers fit in `maxBytes` once rewritten (newest first); -Infinity when all fit. */
function sizeCutoff(entries: Entry[], maxBytes: number): number {
  let total = 0;
  for (const entry of entries.sort((a, b) => b.lastUse - a.lastUse)) {
    total += rewrittenBytes(entry);
    if (total > maxBytes) return entry.lastUse + 1;
  }
  return -Infinity;
}

/** A kept answer's line as pruning writes it: the record with its last use as usedAt (0 stands for its digits). */
function rewrittenBytes(entry: Entry): number {
  return entry.baseBytes - 1 + String(entry.lastUse).length;
}

function rewriteShard(scan: ShardScan, keep: Map<string, Entry>): void {
  if (keep.size === 0) {
    rmSync(scan.path, { force: true });
    return;
  }
  const temp = `${scan.path}${PRUNE_TEMP}${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    scanLines(scan.path, (line, offset) => {
      const record = parseLine(line);
      if (record?.kind !== 'answer') return;
      const entry = keep.get(record.key);
      if (entry?.offset === offset) writeAll(fd, `${JSON.stringify({ ...record.value, usedAt: entry.lastUse })}\n`);
    });
  } finally {
    closeSync(fd);
  }
  renameSync(temp, scan.path);
}

function shardFolderFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, SHARD_FOLDER));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function scanShards(dir: string): ShardScan[] {
  return shardFolderFiles(dir)
    .filter((file) => file.endsWith(SHARD_SUFFIX))
    .sort()
    .map((file) => scanShard(join(dir, SHARD_FOLDER), file));
}

function scanShard(folder: string, file: string): ShardScan {
  const path = join(folder, file);
  const { size, mtimeMs } = statSync(path);
  const entries = new Map<string, Entry>();
  const hits = new Map<string, number>();
  let untidy = false;
  const complete = scanLines(path, (line, offset) => {
    const parsed = parseLine(line);
    if (parsed === undefined) {
      untidy = true;
      return;
    }
    if (parsed.kind === 'use') {
      untidy = true;
      for (const key of parsed.hits) hits.set(key, Math.max(hits.get(key) ?? -Infinity, parsed.usedAt));
      return;
    }
    const { key, value } = parsed;
    const usedAt = typeof value.usedAt === 'number' ? value.usedAt : Math.floor(mtimeMs);
    if (typeof value.usedAt !== 'number' || entries.has(key)) untidy = true;
    const previous = entries.get(key)?.lastUse ?? -Infinity;
    const servedModel = typeof value.servedModel === 'string' ? value.servedModel : null;
    entries.set(key, {
      offset,
      lastUse: Math.max(previous, usedAt),
      baseBytes: Buffer.byteLength(JSON.stringify({ ...value, usedAt: 0 })) + 1,
      servedModel,
    });
  });
  if (complete < size) untidy = true;
  for (const [key, usedAt] of hits) {
    const entry = entries.get(key);
    if (entry) entry.lastUse = Math.max(entry.lastUse, usedAt);
  }
  return { path, file, bytes: size, entries, untidy: untidy || entries.size === 0 };
}

type ParsedLine = { kind: 'answer'; key: string; value: Record<string, unknown> } | { kind: 'use'; hits: string[]; usedAt: number };

/** A cached answer (a successful response with its key) or a use line; undefined for anything else. */
function parseLine(line: string): ParsedLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.key === 'string' && record.error === null) return { kind: 'answer', key: record.key, value: record };
  if (Array.isArray(record.hits) && typeof record.usedAt === 'number')
    return { kind: 'use', hits: record.hits.filter((k): k is string => typeof k === 'string'), usedAt: record.usedAt };
  return undefined;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const minOrNull = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => Math.min(a, b)));
const maxOrNull = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => Math.max(a, b)));

const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const SIZE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** `30d`, `12h`, `90m`, `45s`, `2w` -> milliseconds; undefined when it is not one of these. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/i.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * DURATION_UNITS[match[2]!.toLowerCase()]!;
}

/** `2GB`, `500MB`, `1.5GiB`, `1000000` (bytes) -> bytes (KB, MB, GB, TB are powers of 1000; KiB, MiB, GiB, TiB of 1024). */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)?\s*$/i.exec(text);
  if (!match) return undefined;
  return Math.floor(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]!);
}
