import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import { fileLines } from '../run/jsonlFile.js';
import type { Problem } from '../util/problems.js';
import { UNCLOSED_QUOTE, UnclosedQuoteScanner } from '../util/csvQuotes.js';
import { reportUndecodableLines, strictDecoder } from '../util/utf8.js';

/** One data row: its first line in the file, and its cells as text ('' for an empty or null cell). */
export interface SourceRow {
  line: number;
  values: Record<string, string>;
}

/** What a pass over the rows learns of the table's shape, filled in as the rows are read. */
export interface TableShape {
  /** Column names: the CSV header, or every key any JSONL object has (in order of first appearance). */
  columns: string[];
  /** Line of the header (CSV), for problems about columns; JSONL has none. */
  headerLine: number | undefined;
}

/**
 * What a pass over the file yields, in file order: a row, a line that is not a row at all (a CSV record with the
 * wrong number of fields, invalid JSON: `problem`), or a file that cannot be parsed on (`fatal`, the last event).
 */
export type TableEvent = { row: SourceRow } | { problem: Problem; fatal?: true };

const CHUNK_BYTES = 1 << 20;

/**
 * The first pass over a file of outputs, on its bytes alone, one chunk in memory: its sha256, and every problem that
 * stops it from being read at all — missing or unreadable, not UTF-8 (naming the lines), a CSV quote never closed
 * (naming the line where it opens). Returns the sha256, or undefined with the problems pushed.
 */
export function checkTableBytes(file: string, problems: Problem[]): string | undefined {
  const hash = createHash('sha256');
  const decoder = strictDecoder();
  const quotes = isJsonl(file) ? undefined : new UnclosedQuoteScanner(delimiterOf(file));
  let utf8 = true;
  try {
    for (const chunk of fileChunks(file)) {
      hash.update(chunk);
      if (!utf8) continue;
      try {
        quotes?.feed(decoder.decode(chunk, { stream: true }));
      } catch {
        utf8 = false;
      }
    }
    if (utf8) quotes?.feed(decoder.decode());
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err;
    problems.push({ file, message: code === 'ENOENT' ? 'file not found; check the path' : `cannot be read (${code})` });
    return undefined;
  }
  if (!utf8) {
    reportUndecodableLines(file, fileChunks(file), problems);
    return undefined;
  }
  const unclosed = quotes?.end();
  if (unclosed !== undefined) {
    problems.push({ file, line: unclosed, message: UNCLOSED_QUOTE });
    return undefined;
  }
  return hash.digest('hex');
}

/**
 * The rows of CSV (with a header; `.tsv` is tab-separated) or JSONL (`.jsonl`, `.ndjson`: one object per line),
 * read record by record: memory holds one chunk of the file, never the file. `shape` is filled in as the rows come.
 * Rows that cannot be read are `problem` events with their line numbers — never dropped silently. Run
 * `checkTableBytes` first: this pass assumes UTF-8 and closed quotes.
 */
export function tableRows(file: string, shape: TableShape): AsyncGenerator<TableEvent> {
  return isJsonl(file) ? jsonlRows(file, shape) : csvRows(file, delimiterOf(file), shape);
}

function isJsonl(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === '.jsonl' || ext === '.ndjson';
}

function delimiterOf(file: string): string {
  return extname(file).toLowerCase() === '.tsv' ? '\t' : ',';
}

function* fileChunks(file: string): Generator<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) yield buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

async function* csvRows(file: string, delimiter: string, shape: TableShape): AsyncGenerator<TableEvent> {
  shape.headerLine = 1;
  const skipped: Problem[] = [];
  const parser = parse({
    columns: (header: string[]) => header.map((h) => h.trim()),
    delimiter,
    info: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      skipped.push({
        file,
        line: typeof err?.lines === 'number' ? err.lines : undefined,
        message: `not a readable CSV row: ${err?.message ?? 'unknown error'}`,
      });
    },
  });
  try {
    for await (const { record, info } of createReadStream(file).pipe(parser) as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      for (const problem of skipped.splice(0)) yield { problem };
      if (shape.columns.length === 0) shape.columns = Object.keys(record);
      // `info.lines` is the record's last line; a quoted field can span lines, so step back over its line breaks.
      let breaks = 0;
      for (const value of Object.values(record)) for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) breaks++;
      yield { row: { line: info.lines - breaks, values: record } };
    }
  } catch (err) {
    const e = err as { lines?: number; message: string };
    yield { problem: { file, line: e.lines, message: `CSV cannot be parsed: ${e.message}` }, fatal: true };
    return;
  }
  for (const problem of skipped) yield { problem };
}

async function* jsonlRows(file: string, shape: TableShape): AsyncGenerator<TableEvent> {
  const known = new Set<string>();
  let line = 0;
  for (const { line: raw } of fileLines(file, { final: 'include' })) {
    line++;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      yield { problem: { file, line, message: 'not valid JSON' } };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { problem: { file, line, message: 'expected a JSON object ({"column": value, ...})' } };
      continue;
    }
    const values: Record<string, string> = {};
    let nested = false;
    for (const [key, cell] of Object.entries(value)) {
      if (!known.has(key)) {
        known.add(key);
        shape.columns.push(key);
      }
      if (cell === null) values[key] = '';
      else if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') values[key] = String(cell);
      // A list of names (a differential diagnosis, synonyms) is kept as its JSON text, which those columns read.
      else if (Array.isArray(cell) && cell.every((item) => typeof item === 'string')) values[key] = JSON.stringify(cell);
      else {
        nested = true;
        yield {
          problem: {
            file,
            line,
            field: key,
            message: 'expected text, a number or a list of names, got a nested object or a list of other values',
          },
        };
      }
    }
    if (!nested) yield { row: { line, values } };
  }
}
