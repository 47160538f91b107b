import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync, type Stats } from 'node:fs';
import { ScoreTable, type KeyBytesSink, type ScoreTableParts, type StoredKeyBytes, type StoredScoreColumns } from './table.js';

/** Bumped whenever the layout below changes: a file of another version is stale and rebuilt from scores.jsonl. */
export const SCORE_TABLE_FILE_VERSION = 1;

const MAGIC = Buffer.from('CFSCORES', 'latin1');
/** Bytes of the body hashed at a time when checking its digest: a file's columns are never all read for it. */
const DIGEST_CHUNK = 1 << 24;

/** What a table file was made from: it is used only while these still hold. */
export interface ScoreTableStamp {
  /** sha256 of the scores.jsonl the table holds. */
  scoresDigest: string;
  extractorVersion: number;
}

/** The columns in file order, with their element types: a row count read from the header sizes each. */
const COLUMNS = [
  ['factIds', Int32Array],
  ['replicates', Float64Array],
  ['codes', Uint8Array],
  ['extracted', Int32Array],
  ['extractorIds', Int32Array],
  ['deviations', Float64Array],
  ['cares', Float64Array],
  ['keyEnds', Float64Array],
] as const;

interface Header extends ScoreTableStamp, Omit<ScoreTableParts, 'columns'> {
  version: number;
  rows: number;
  keyBytes: number;
  /** sha256 of everything after the header: a damaged column is detected, never read as scores. */
  bodyDigest: string;
}

/**
 * A score table as bytes: `CFSCORES`, the header's length (uint32 LE), the header (JSON: version, stamp, row count,
 * the shared records and a digest of the body), then each column's raw little-endian values, each starting on a
 * multiple of 8 so that reading maps them without copying. Scores are written once as JSON lines (the public,
 * readable record) and once like this, so a re-analysis of millions of answers reads arrays instead of parsing lines.
 * Key bytes not in memory (a `KeyBytesFile`) are read twice in chunks, for the digest and to be written, never whole.
 */
export function* encodeScoreTable(table: ScoreTable, stamp: ScoreTableStamp): Generator<Buffer> {
  const parts = table.parts();
  const { keyBytes } = parts.columns;
  function* body(): Generator<Buffer> {
    for (const column of COLUMNS.map(([name]) => parts.columns[name])) {
      yield Buffer.from(column.buffer, column.byteOffset, column.byteLength);
      yield Buffer.alloc(padded(column.byteLength) - column.byteLength);
    }
    if (keyBytes instanceof Uint8Array) yield Buffer.from(keyBytes.buffer, keyBytes.byteOffset, keyBytes.byteLength);
    else for (let at = 0; at < keyBytes.length; at += DIGEST_CHUNK) yield keyBytes.read(at, Math.min(keyBytes.length, at + DIGEST_CHUNK));
    yield Buffer.alloc(padded(keyBytes.length) - keyBytes.length);
  }
  const bodyDigest = createHash('sha256');
  for (const chunk of body()) bodyDigest.update(chunk);
  const { columns: _, ...shared } = parts;
  const header: Header = {
    version: SCORE_TABLE_FILE_VERSION,
    ...stamp,
    rows: table.length,
    keyBytes: keyBytes.length,
    ...shared,
    bodyDigest: bodyDigest.digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  // Pad the header so the body starts on a multiple of 8 (12 = magic + length field).
  const headerLength = json.length + ((8 - ((12 + json.length) % 8)) % 8);
  const prefix = Buffer.alloc(12 + headerLength, 0x20);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerLength, 8);
  json.copy(prefix, 12);
  yield prefix;
  yield* body();
}

/**
 * A table's key bytes appended to a file while it is built (`new ScoreTable(rows, keys)`), through a 1 MB buffer,
 * and read back from it in ranges: what `encodeScoreTable` copies into the table's own file. `dispose` removes it.
 */
export class KeyBytesFile implements KeyBytesSink {
  private readonly fd: number;
  private buffer = Buffer.alloc(1 << 20);
  private buffered = 0;
  private flushed = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w+');
  }

  get length(): number {
    return this.flushed + this.buffered;
  }

  room(bytes: number): { buffer: Buffer; at: number } {
    if (this.buffered + bytes > this.buffer.length) {
      this.flush();
      if (bytes > this.buffer.length) this.buffer = Buffer.alloc(bytes);
    }
    return { buffer: this.buffer, at: this.buffered };
  }

  wrote(bytes: number): void {
    this.buffered += bytes;
  }

  read(start: number, end: number): Buffer {
    this.flush();
    return readAt(this.fd, start, end - start);
  }

  dispose(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    for (let written = 0; written < this.buffered; )
      written += writeSync(this.fd, this.buffer, written, this.buffered - written, this.flushed + written);
    this.flushed += this.buffered;
    this.buffered = 0;
  }
}

/**
 * The table a file holds when it was made from exactly `expected` (same scores digest and extractor version, this
 * file version); undefined when it is stale, damaged, truncated or of another layout — the caller then reads
 * scores.jsonl and writes the file again. Never throws on bad bytes.
 */
export function decodeScoreTable(file: Buffer, expected: ScoreTableStamp): ScoreTable | undefined {
  const aligned = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
  return decode({ size: aligned.length, read: (offset, length) => aligned.subarray(offset, offset + length) }, expected, false);
}

/**
 * The table the file at `path` holds, as `decodeScoreTable`, with its key bytes left in the file: a run's keys are
 * about 40 % of its columns, and an analysis reads few of them (a report's worst cases, the failed requests). A key
 * is read from the file when asked for; should the file be replaced meanwhile, reading one throws.
 */
export function readScoreTableFile(path: string, expected: ScoreTableStamp): ScoreTable | undefined {
  const fd = openSync(path, 'r');
  try {
    const opened = fstatSync(fd);
    const source = { size: opened.size, read: (offset: number, length: number) => readAt(fd, offset, length) };
    return decode(source, expected, unchangedReader(path, opened));
  } finally {
    closeSync(fd);
  }
}

/**
 * The key bytes of the table file at `path`, just written from a table that holds them in memory: read from the
 * file from now on (`ScoreTable.leaveKeysIn`), so that an analysis that scored its answers holds no more than one
 * that read them back.
 */
export function storedKeyBytes(path: string): StoredKeyBytes {
  const fd = openSync(path, 'r');
  try {
    const read = unchangedReader(path, fstatSync(fd));
    const headerLength = readAt(fd, 8, 4).readUInt32LE(0);
    const header = JSON.parse(readAt(fd, 12, headerLength).toString('utf8')) as Header;
    let keysAt = 12 + headerLength;
    for (const [, type] of COLUMNS) keysAt += padded(header.rows * type.BYTES_PER_ELEMENT);
    return { length: header.keyBytes, read: (start, end) => read(keysAt + start, end - start) };
  } finally {
    closeSync(fd);
  }
}

/** A reader of the file at `path` that refuses to read once it is no longer the file `opened` describes. */
function unchangedReader(path: string, opened: Stats): (offset: number, length: number) => Buffer {
  return (offset, length) => {
    const fd = openSync(path, 'r');
    try {
      const now = fstatSync(fd);
      if (now.ino !== opened.ino || now.size !== opened.size || now.mtimeMs !== opened.mtimeMs)
        throw new Error(`${path} changed while the scores read from it were in use; analyse again`);
      return readAt(fd, offset, length);
    } finally {
      closeSync(fd);
    }
  };
}

/** Bytes of a table file: in memory, or read from it. */
interface ByteSource {
  readonly size: number;
  /** `length` bytes from `offset`, in a buffer starting on a multiple of 8. */
  read(offset: number, length: number): Buffer;
}

/** The table `source` holds (see `decodeScoreTable`); its key bytes read from it, or read later through `storedKeys`. */
function decode(
  source: ByteSource,
  expected: ScoreTableStamp,
  storedKeys: false | ((offset: number, length: number) => Buffer),
): ScoreTable | undefined {
  try {
    if (source.size < 12 || !source.read(0, 8).equals(MAGIC)) return undefined;
    const headerLength = source.read(8, 4).readUInt32LE(0);
    if (12 + headerLength > source.size) return undefined;
    const header = JSON.parse(source.read(12, headerLength).toString('utf8')) as Header;
    if (
      header.version !== SCORE_TABLE_FILE_VERSION ||
      header.scoresDigest !== expected.scoresDigest ||
      header.extractorVersion !== expected.extractorVersion ||
      !Number.isInteger(header.rows) ||
      !Number.isInteger(header.keyBytes)
    )
      return undefined;
    let offset = 12 + headerLength;
    const bodyDigest = createHash('sha256');
    for (let at = offset; at < source.size; at += DIGEST_CHUNK)
      bodyDigest.update(source.read(at, Math.min(DIGEST_CHUNK, source.size - at)));
    if (bodyDigest.digest('hex') !== header.bodyDigest) return undefined;
    const take = <T>(make: (bytes: Buffer) => T, bytes: number): T => {
      if (offset + bytes > source.size) throw new RangeError('truncated');
      const column = make(source.read(offset, bytes));
      offset += padded(bytes);
      return column;
    };
    const columns = {} as Record<string, unknown>;
    for (const [name, type] of COLUMNS)
      columns[name] = take((b) => new type(b.buffer as ArrayBuffer, b.byteOffset, header.rows), header.rows * type.BYTES_PER_ELEMENT);
    const keysAt = offset;
    const stored: StoredKeyBytes | undefined = storedKeys
      ? { length: header.keyBytes, read: (start, end) => storedKeys(keysAt + start, end - start) }
      : undefined;
    // Left in the file, the key bytes are only counted in (the digest covered them).
    columns.keyBytes = stored ?? take((b) => b, header.keyBytes);
    if (stored) offset += padded(header.keyBytes);
    if (offset !== source.size) return undefined;
    return ScoreTable.fromParts({
      facts: header.facts,
      values: header.values,
      extractors: header.extractors,
      notes: header.notes,
      wideKeys: header.wideKeys,
      columns: columns as unknown as StoredScoreColumns,
    });
  } catch {
    return undefined;
  }
}

/** `bytes` and the padding that makes the next column start on a multiple of 8. */
function padded(bytes: number): number {
  return bytes + ((8 - (bytes % 8)) % 8);
}

/** `length` bytes of the file `fd` from `offset` (a buffer of its own, so starting on a multiple of 8). */
function readAt(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let read = 0; read < length; ) {
    const n = readSync(fd, bytes, read, length - read, offset + read);
    if (n === 0) throw new RangeError('truncated');
    read += n;
  }
  return bytes;
}
