import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { failOnProblems, type Problem } from '../util/problems.js';
import { parseYamlText } from '../util/yaml.js';
import { PAIR_LABELS, RESPONSE_LABELS, type PairLabel, type ResponseLabel } from './adjudications.js';
import { LABEL_COLUMNS, type LabelColumn } from './csv.js';
import type { ReviewKey, ReviewKeyItem } from './key.js';

/** One reviewed item as imported, validated against the review key. */
export interface LabelRow {
  line: number;
  item: ReviewKeyItem;
  labelA: ResponseLabel | null;
  labelB: ResponseLabel | null;
  labelPair: PairLabel | null;
  reviewer: string;
  reviewedAt: string | null;
}

export interface LabelFile {
  rows: LabelRow[];
  /** Lines of rows with no label at all (items not reviewed yet): reported, never an error. */
  unlabelled: number[];
}

/** A row before validation: its fields as text, and where each sits in the file. */
interface RawRow {
  fields: Partial<Record<LabelColumn, string>>;
  lineOf: (column: LabelColumn) => number;
}

/**
 * Reads a reviewer's labels (the CSV of the queue, or the JSON that review.html downloads) and validates every row
 * against the review key: known item ids, each at most once, labels from the allowed sets, no second answer or pair
 * label on a single-answer item, a reviewer (from the row or `defaultReviewer`) and a readable date. Every problem is
 * collected and reported with its line and column, then the import fails as a whole: nothing is merged from a file
 * with any bad row.
 */
export function readLabelFile(file: string, key: ReviewKey, defaultReviewer?: string): LabelFile {
  const problems: Problem[] = [];
  const text = readText(file, problems);
  const raw = text === undefined ? undefined : /^\s*[[{]/.test(text) ? jsonRows(file, text, problems) : csvRows(file, text, problems);
  if (raw === undefined) failOnProblems(problems); // the file as a whole is unusable; row problems are collected below
  const items = new Map(key.items.map((i) => [i.id, i]));
  const seen = new Map<string, number>();
  const result: LabelFile = { rows: [], unlabelled: [] };
  for (const row of raw ?? []) {
    const problem = (column: LabelColumn, message: string) => problems.push({ file, line: row.lineOf(column), field: column, message });
    const value = (column: LabelColumn) => row.fields[column]?.trim() ?? '';
    const id = value('item_id');
    const item = items.get(id);
    if (!id) problem('item_id', 'is empty; every row needs the item id from the review queue');
    else if (!item)
      problem('item_id', `"${id}" is not an item of this run's review queue (review-key.json); was the queue exported from another run?`);
    else if (seen.has(id)) problem('item_id', `"${id}" is labelled twice (first on line ${seen.get(id)})`);
    if (id) seen.set(id, seen.get(id) ?? row.lineOf('item_id'));
    const label = <T extends string>(column: LabelColumn, allowed: readonly T[], applies: boolean): T | null => {
      const v = value(column).toLowerCase().replace(/\s+/g, '-'); // "partly correct" is partly-correct
      if (v === '') return null;
      if (!applies) problem(column, `must be empty: item ${id} shows a single answer`);
      else if (!(allowed as readonly string[]).includes(v))
        problem(column, `"${value(column)}" is not a label; use one of ${allowed.join(', ')}`);
      else return v as T;
      return null;
    };
    const pair = item?.type !== 'single';
    const labels = {
      labelA: label('label_a', RESPONSE_LABELS, true),
      labelB: label('label_b', RESPONSE_LABELS, pair),
      labelPair: label('label_pair', PAIR_LABELS, pair),
    };
    const reviewedAt = value('reviewed_at') || null;
    if (reviewedAt !== null && Number.isNaN(Date.parse(reviewedAt)))
      problem('reviewed_at', `"${reviewedAt}" is not a date; use ISO 8601 (2026-11-23 or 2026-11-23T14:05:00Z) or leave it empty`);
    const labelled = ['label_a', 'label_b', 'label_pair'].some((c) => value(c as LabelColumn) !== '');
    const reviewer = value('reviewer') || defaultReviewer || '';
    if (labelled && !reviewer) problem('reviewer', 'is empty; fill it in, or name the reviewer with --by');
    if (!item) continue;
    if (!labelled) result.unlabelled.push(row.lineOf('item_id'));
    else result.rows.push({ line: row.lineOf('item_id'), item, ...labels, reviewer, reviewedAt });
  }
  failOnProblems(problems);
  return result;
}

function readText(file: string, problems: Problem[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({
      file,
      message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}); pass the labels file review.html downloaded or the filled-in review.csv`,
    });
    return undefined;
  }
}

/** The rows of a CSV, or undefined (with the problem recorded) when it cannot be parsed or lacks the label columns. */
function csvRows(file: string, text: string, problems: Problem[]): RawRow[] | undefined {
  let records: { record: Record<string, string>; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { columns: true, info: true, raw: true, skip_empty_lines: true, bom: true, relax_column_count: false });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    problems.push({ file, line: e.lines, message: `CSV cannot be parsed: ${e.message}` });
    return undefined;
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = LABEL_COLUMNS.filter((c) => !header.includes(c) && c !== 'reviewed_at' && c !== 'notes');
  if (records.length > 0 && missing.length > 0) {
    problems.push({ file, line: 1, message: `the header lacks ${missing.join(', ')}; keep the columns of review.csv` });
    return undefined;
  }
  return records.map(({ record, info, raw }) => {
    // info.lines is the record's last line; a quoted cell may span several.
    const line =
      info.lines -
      (raw
        .replace(/^[\r\n]+/, '')
        .replace(/\r?\n$/, '')
        .match(/\n/g)?.length ?? 0);
    return { fields: record, lineOf: () => line };
  });
}

/** The label rows of a JSON file, or undefined (with the problem recorded) when it is not JSON of the expected shape. */
function jsonRows(file: string, text: string, problems: Problem[]): RawRow[] | undefined {
  const source = parseYamlText(file, text, problems); // YAML is a superset of JSON and knows every value's line
  if (!source) return undefined;
  const value = source.value as { format?: unknown; labels?: unknown } | unknown[];
  const inLabels = !Array.isArray(value);
  const list = Array.isArray(value) ? value : value?.labels;
  if (!Array.isArray(list)) {
    problems.push({
      file,
      line: 1,
      field: 'labels',
      message: 'expected {"labels": [...]} as review.html downloads it, or a list of label rows',
    });
    return undefined;
  }
  return list.flatMap((entry, i) => {
    const at = (column?: LabelColumn) =>
      source.lineOf(inLabels ? ['labels', i, ...(column ? [column] : [])] : [i, ...(column ? [column] : [])]) ?? 1;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({
        file,
        line: at(),
        field: inLabels ? `labels[${i}]` : `[${i}]`,
        message: 'expected an object with item_id and labels',
      });
      return [];
    }
    const fields = Object.fromEntries(
      Object.entries(entry as Record<string, unknown>).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]),
    );
    return [{ fields, lineOf: at }];
  });
}
