import { createHash } from 'node:crypto';
import { ScoreTable, type ScoreColumns, type ScoreTableParts } from './table.js';

/** Bumped whenever the layout below changes: a file of another version is stale and rebuilt from scores.jsonl. */
export const SCORE_TABLE_FILE_VERSION = 1;

const MAGIC = Buffer.from('CFSCORES', 'latin1');

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
 */
export function encodeScoreTable(table: ScoreTable, stamp: ScoreTableStamp): Buffer[] {
  const parts = table.parts();
  const body: Buffer[] = [];
  for (const column of [...COLUMNS.map(([name]) => parts.columns[name]), parts.columns.keyBytes]) {
    const bytes = Buffer.from(column.buffer, column.byteOffset, column.byteLength);
    const padding = Buffer.alloc((8 - (bytes.length % 8)) % 8);
    body.push(bytes, padding);
  }
  const bodyDigest = createHash('sha256');
  for (const chunk of body) bodyDigest.update(chunk);
  const { columns: _, ...shared } = parts;
  const header: Header = {
    version: SCORE_TABLE_FILE_VERSION,
    ...stamp,
    rows: table.length,
    keyBytes: parts.columns.keyBytes.length,
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
  return [prefix, ...body];
}

/**
 * The table a file holds when it was made from exactly `expected` (same scores digest and extractor version, this
 * file version); undefined when it is stale, damaged, truncated or of another layout — the caller then reads
 * scores.jsonl and writes the file again. Never throws on bad bytes.
 */
export function decodeScoreTable(file: Buffer, expected: ScoreTableStamp): ScoreTable | undefined {
  try {
    if (file.length < 12 || !file.subarray(0, 8).equals(MAGIC)) return undefined;
    const headerLength = file.readUInt32LE(8);
    if (12 + headerLength > file.length) return undefined;
    const header = JSON.parse(file.toString('utf8', 12, 12 + headerLength)) as Header;
    if (
      header.version !== SCORE_TABLE_FILE_VERSION ||
      header.scoresDigest !== expected.scoresDigest ||
      header.extractorVersion !== expected.extractorVersion ||
      !Number.isInteger(header.rows) ||
      !Number.isInteger(header.keyBytes)
    )
      return undefined;
    let offset = 12 + headerLength;
    const body = file.subarray(offset);
    if (createHash('sha256').update(body).digest('hex') !== header.bodyDigest) return undefined;
    const aligned = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
    const take = <T>(make: (buffer: ArrayBuffer, byteOffset: number, length: number) => T, bytes: number, length: number): T => {
      if (offset + bytes > aligned.length) throw new RangeError('truncated');
      const column = make(aligned.buffer as ArrayBuffer, aligned.byteOffset + offset, length);
      offset += bytes + ((8 - (bytes % 8)) % 8);
      return column;
    };
    const columns = {} as Record<string, unknown>;
    for (const [name, type] of COLUMNS)
      columns[name] = take((b, o, n) => new type(b, o, n), header.rows * type.BYTES_PER_ELEMENT, header.rows);
    columns.keyBytes = take((b, o, n) => new Uint8Array(b, o, n), header.keyBytes, header.keyBytes);
    if (offset !== aligned.length) return undefined;
    return ScoreTable.fromParts({
      facts: header.facts,
      values: header.values,
      extractors: header.extractors,
      notes: header.notes,
      wideKeys: header.wideKeys,
      columns: columns as unknown as ScoreColumns,
    });
  } catch {
    return undefined;
  }
}
