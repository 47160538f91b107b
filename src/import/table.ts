import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Problem } from '../util/problems.js';
import { UNCLOSED_QUOTE, unclosedQuoteLine } from '../util/csvQuotes.js';
import { decodeUtf8 } from '../util/utf8.js';

/** One data row: its first line in the file, and its cells as text ('' for an empty or null cell). */
export interface SourceRow {
  line: number;
  values: Record<string, string>;
}

export interface SourceTable {
  /** Column names: the CSV header, or every key any JSONL object has (in order of first appearance). */
  columns: string[];
  /** Line of the header (CSV), for problems about columns; JSONL has none. */
  headerLine: number | undefined;
  rows: SourceRow[];
  /** Lines that are not a row at all (a CSV record with the wrong number of fields, invalid JSON). */
  rowProblems: Problem[];
}

/**
 * Reads CSV (with a header; `.tsv` is tab-separated) or JSONL (`.jsonl`, `.ndjson`: one object per line).
 * Unreadable files throw no error: they become `problems`. Rows that cannot be read become `rowProblems` with
 * their line numbers — never dropped silently.
 */
export function readTable(file: string, problems: Problem[]): SourceTable | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push({ file, message: code === 'ENOENT' ? 'file not found; check the path' : `cannot be read (${code ?? String(err)})` });
    return undefined;
  }
  const text = decodeUtf8(file, bytes, problems);
  if (text === undefined) return undefined;
  const ext = extname(file).toLowerCase();
  return ext === '.jsonl' || ext === '.ndjson' ? readJsonl(file, text) : readCsv(file, text, ext === '.tsv' ? '\t' : ',', problems);
}

function readCsv(file: string, text: string, delimiter: string, problems: Problem[]): SourceTable | undefined {
  const unclosed = unclosedQuoteLine(text, delimiter);
  if (unclosed !== undefined) {
    problems.push({ file, line: unclosed, message: UNCLOSED_QUOTE });
    return undefined;
  }
  const rowProblems: Problem[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      delimiter,
      info: true,
      bom: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        rowProblems.push({
          file,
          line: typeof err?.lines === 'number' ? err.lines : undefined,
          message: `not a readable CSV row: ${err?.message ?? 'unknown error'}`,
        });
      },
    });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    problems.push({ file, line: e.lines, message: `CSV cannot be parsed: ${e.message}` });
    return undefined;
  }
  const columns = text.trim() === '' ? [] : Object.keys(records[0]?.record ?? {});
  // `info.lines` is the record's last line; a quoted field can span lines, so step back over its line breaks.
  const rows = records.map(({ record, info }) => ({
    line: info.lines - Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0),
    values: record,
  }));
  return { columns, headerLine: 1, rows, rowProblems };
}

function readJsonl(file: string, text: string): SourceTable {
  const columns: string[] = [];
  const rows: SourceRow[] = [];
  const rowProblems: Problem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      rowProblems.push({ file, line, message: 'not valid JSON' });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      rowProblems.push({ file, line, message: 'expected a JSON object ({"column": value, ...})' });
      return;
    }
    const values: Record<string, string> = {};
    for (const [key, cell] of Object.entries(value)) {
      if (!columns.includes(key)) columns.push(key);
      if (cell === null) values[key] = '';
      else if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') values[key] = String(cell);
      else rowProblems.push({ file, line, field: key, message: 'expected text or a number, got a nested object or list' });
    }
    rows.push({ line, values });
  });
  const badLines = new Set(rowProblems.map((p) => p.line));
  return { columns, headerLine: undefined, rows: rows.filter((r) => !badLines.has(r.line)), rowProblems };
}
