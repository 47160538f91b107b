import { Command, InvalidArgumentError } from 'commander';
import { sanitizeMessage } from '../run/breaker.js';
import { cacheDirFromEnv } from '../run/cache.js';
import {
  cacheStats,
  clearCache,
  parseDuration,
  parseSize,
  pruneCache,
  type CacheRemoval,
  type CacheStats,
} from '../run/cacheMaintenance.js';
import { InputError } from '../util/problems.js';
import type { CliIO } from './program.js';

/** `counterfair cache stats|prune|clear`: the shared response cache, looked after (the logic is run/cacheMaintenance.ts). */
export function cacheCommand(io: CliIO): Command {
  const cache = new Command('cache').description(
    'the response cache shared by all runs ($COUNTERFAIR_CACHE_DIR): what it holds, pruning, emptying',
  );
  cache
    .command('stats')
    .description('answers, size and last use of the cache, per shard (one endpoint and model) and in all')
    .option('--json', 'print the figures as JSON on stdout (schema counterfair.cache-stats/1)')
    .action((opts: { json?: boolean }) => {
      const stats = cacheStats(cacheDir(io));
      io.stdout.write(opts.json ? `${JSON.stringify(statsJson(stats), null, 2)}\n` : statsText(stats));
    });
  cache
    .command('prune')
    .description('remove answers not used for a while, then the least recently used until the cache fits a size')
    .option('--older-than <duration>', 'remove answers last used longer ago than this: 30d, 12h, 90m, 45s, 2w', durationArgument)
    .option(
      '--max-size <size>',
      'then remove the least recently used answers until the cache takes at most this: 2GB, 500MB, 1.5GiB',
      sizeArgument,
    )
    .option('--json', 'print what was removed as JSON on stdout (schema counterfair.cache-removal/1)')
    .action((opts: { olderThan?: number; maxSize?: number; json?: boolean }) => {
      if (opts.olderThan === undefined && opts.maxSize === undefined) {
        throw new InputError([
          {
            file: 'command line',
            field: '--older-than, --max-size',
            message: 'cache prune needs --older-than DURATION (e.g. 30d) and/or --max-size SIZE (e.g. 2GB)',
          },
        ]);
      }
      const removal = pruneCache(cacheDir(io), { olderThanMs: opts.olderThan, maxBytes: opts.maxSize, now: io.clock() });
      io.stdout.write(
        opts.json
          ? removalJson(removal)
          : `pruned ${answers(removal.removedEntries)} (${formatBytes(removal.removedBytes)}) from ${removal.dir}; kept ${answers(removal.keptEntries)} (${formatBytes(removal.keptBytes)})\n`,
      );
    });
  cache
    .command('clear')
    .description('remove every cached answer (the next runs ask the models again)')
    .option('--json', 'print what was removed as JSON on stdout (schema counterfair.cache-removal/1)')
    .action((opts: { json?: boolean }) => {
      const removal = clearCache(cacheDir(io));
      io.stdout.write(
        opts.json
          ? removalJson(removal)
          : `removed ${answers(removal.removedEntries)} (${formatBytes(removal.removedBytes)}) from ${removal.dir}\n`,
      );
    });
  for (const command of cache.commands)
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return cache;
}

/** The cache directory; looking after a cache that is off, or has nowhere to be, is bad input (exit 2). */
function cacheDir(io: CliIO): string {
  const dir = cacheDirFromEnv(io.env);
  if (dir === undefined) {
    const why =
      io.env.COUNTERFAIR_CACHE_DIR === 'off'
        ? 'COUNTERFAIR_CACHE_DIR=off turns it off'
        : 'none of COUNTERFAIR_CACHE_DIR, XDG_CACHE_HOME, HOME is set';
    throw new InputError([
      {
        file: 'environment',
        field: 'COUNTERFAIR_CACHE_DIR',
        message: `there is no response cache to look after (${why}); set COUNTERFAIR_CACHE_DIR to the cache directory`,
      },
    ]);
  }
  return dir;
}

function durationArgument(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new InvalidArgumentError('expected a number and a unit: s, m, h, d or w (e.g. 30d)');
  return ms;
}

function sizeArgument(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined)
    throw new InvalidArgumentError(
      'expected a number of bytes with an optional unit: KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (e.g. 2GB)',
    );
  return bytes;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const answers = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;

function statsJson(stats: CacheStats) {
  return {
    schema: 'counterfair.cache-stats/1',
    dir: stats.dir,
    entries: stats.entries,
    bytes: stats.bytes,
    oldestUse: iso(stats.oldestUse),
    newestUse: iso(stats.newestUse),
    shards: stats.shards.map((s) => ({
      file: s.file,
      models: s.models,
      entries: s.entries,
      bytes: s.bytes,
      oldestUse: iso(s.oldestUse),
      newestUse: iso(s.newestUse),
    })),
  };
}

function removalJson(removal: CacheRemoval): string {
  return `${JSON.stringify({ schema: 'counterfair.cache-removal/1', ...removal }, null, 2)}\n`;
}

/** The figures as a table; model names come from the endpoints, so terminal escapes in them are replaced. */
function statsText(stats: CacheStats): string {
  const lines = [
    `response cache ${stats.dir}: ${answers(stats.entries)}, ${formatBytes(stats.bytes)} in ${stats.shards.length} shard${stats.shards.length === 1 ? '' : 's'}`,
  ];
  if (stats.oldestUse !== null) lines.push(`last used from ${iso(stats.oldestUse)} to ${iso(stats.newestUse)}`);
  if (stats.shards.length > 0) {
    const rows = [
      ['shard', 'models', 'answers', 'size', 'oldest use', 'newest use'],
      ...stats.shards.map((s) => [
        s.file,
        s.models.map((m) => sanitizeMessage(m, 80)).join(', ') || '(not named)',
        String(s.entries),
        formatBytes(s.bytes),
        iso(s.oldestUse) ?? '-',
        iso(s.newestUse) ?? '-',
      ]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows)
      lines.push(
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      );
  }
  return `${lines.join('\n')}\n`;
}

/** Bytes in the units `--max-size` takes (powers of 1000). */
function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
