import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { FieldReader } from '../util/fields.js';
import type { Problem } from '../util/problems.js';
import type { FieldPath, YamlSource } from '../util/yaml.js';
import { UNCLOSED_QUOTE, unclosedQuoteLine } from '../util/csvQuotes.js';
import { decodeUtf8 } from '../util/utf8.js';

/**
 * How a CSV file's columns map onto vignette fields. `columns` names the column for each field; `defaults`
 * gives constant values for fields the file lacks (e.g. `perspective: clinician`, `type: choice`).
 * Choice options come from several columns (`options: [option_a, option_b, ...]`, lettered A, B, ... in order).
 */
export interface CsvMapping {
  columns: Partial<Record<CsvField, string | string[]>>;
  defaults: Partial<Record<CsvField, string | number>>;
}

export const CSV_FIELDS = [
  'id',
  'domain',
  'perspective',
  'text',
  'type',
  'stem',
  'options',
  'answer',
  'rationale',
  'source',
  'unit',
  'tolerance',
  'intensity',
  'rubric',
  'tags',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export interface CsvRow {
  /** The row in the shape of a YAML vignette, so the same validation applies to both. */
  value: Record<string, unknown>;
  /** Reports problems at this row's line, naming the CSV column where one maps to the field. */
  reader: FieldReader;
}

/** Reads a CSV of vignettes; unreadable files and malformed rows become problems naming file and line. */
export function readCsvRows(source: { file: string } & CsvMapping, problems: Problem[]): CsvRow[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(source.file);
  } catch {
    problems.push({ file: source.file, message: 'CSV file not found; check `templates:` in the study' });
    return [];
  }
  const text = decodeUtf8(source.file, bytes, problems);
  if (text === undefined) return [];
  const unclosed = unclosedQuoteLine(text, ',');
  if (unclosed !== undefined) {
    problems.push({ file: source.file, line: unclosed, message: UNCLOSED_QUOTE });
    return [];
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    problems.push({ file: source.file, line: e.lines, message: `CSV cannot be parsed: ${e.message}` });
    return [];
  }
  const header = Object.keys(records[0]?.record ?? {});
  for (const [field, column] of Object.entries(source.columns)) {
    for (const c of [column].flat()) {
      if (c !== undefined && records.length > 0 && !header.includes(c))
        problems.push({
          file: source.file,
          line: 1,
          field: `columns.${field}`,
          message: `column "${c}" is not in the header (${header.join(', ')})`,
        });
    }
  }
  let previousEnd = 1;
  return records.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const lineSource: YamlSource = { file: source.file, value: record, lineOf: () => line };
    const reader = new CsvFieldReader(lineSource, problems, source.columns);
    return { value: rowToVignette(record, source), reader };
  });
}

function rowToVignette(record: Record<string, string>, mapping: CsvMapping): Record<string, unknown> {
  const get = (field: CsvField): string | number | undefined => {
    const column = mapping.columns[field];
    const value = typeof column === 'string' ? record[column] : undefined;
    return value !== undefined && value !== '' ? value : mapping.defaults[field];
  };
  const type = String(get('type') ?? 'choice');
  const question: Record<string, unknown> = { type, stem: get('stem') };
  const optionColumns = [mapping.columns.options ?? []].flat();
  const options = Object.fromEntries(
    optionColumns.map((c, i) => [String.fromCharCode(65 + i), record[c]]).filter(([, v]) => v !== undefined && v !== ''),
  );
  const answer = get('answer');
  if (type === 'choice') {
    question.options = options;
    // The answer column may hold the letter or the option text.
    const byText = Object.entries(options).find(([, text]) => String(text).toLowerCase() === String(answer ?? '').toLowerCase())?.[0];
    question.answer = byText ?? answer;
  } else if (type === 'numeric')
    Object.assign(question, {
      answer: toNumber(answer),
      unit: get('unit'),
      tolerance: toNumber(get('tolerance')),
      intensity: get('intensity'),
    });
  else if (type === 'free') question.rubric = get('rubric');
  else question.answer = typeof answer === 'string' ? answer.toLowerCase() : answer;
  const tags = get('tags');
  return {
    id: get('id'),
    domain: get('domain'),
    perspective: get('perspective'),
    text: get('text'),
    question,
    rationale: get('rationale'),
    source: get('source'),
    ...(tags !== undefined
      ? {
          tags: String(tags)
            .split(/[;|]/)
            .map((t) => t.trim())
            .filter(Boolean),
        }
      : {}),
  };
}

function toNumber(value: string | number | undefined): number | string | undefined {
  if (value === undefined || typeof value === 'number') return value;
  const n = Number(value.replace(/,/g, ''));
  return Number.isFinite(n) ? n : value;
}

/** Names the CSV column behind a vignette field in every problem, so a user knows which cell to fix. */
class CsvFieldReader extends FieldReader {
  constructor(
    source: YamlSource,
    problems: Problem[],
    private readonly columns: CsvMapping['columns'],
  ) {
    super(source, problems);
  }

  override problem(path: FieldPath, message: string): void {
    const field = String(path[path.length - 1] === 'answer' || path[path.length - 1] === 'stem' ? path[path.length - 1] : (path[0] ?? ''));
    const column = this.columns[field as CsvField];
    super.problem(path, column ? `${message} (column "${[column].flat().join('", "')}")` : message);
  }
}
