import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UNCLOSED_QUOTE, unclosedQuoteLine } from '../util/csvQuotes.js';
import type { Problem } from '../util/problems.js';
import { decodeUtf8 } from '../util/utf8.js';
import { caseSlug } from './template.js';
import type { CaseRecord } from './types.js';

const FIX = 'each case needs id, text, question and answer, and options ({"A": "...", "B": "..."}) for a choice question';

/**
 * Reads a case bank: JSONL (one object a line) or CSV (a header row; options as a JSON object in an `options`
 * column, or one column per option named `option_a`, `option_b`, ...). Every problem names file, line and field;
 * all are collected before anything is templatized. Fields other than these are ignored (a corpus's `note`, `traps`).
 */
export function readCases(file: string, problems: Problem[]): CaseRecord[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    problems.push({ file, message: 'case file not found or unreadable; give a CSV or JSONL file of cases' });
    return [];
  }
  const text = decodeUtf8(file, bytes, problems);
  if (text === undefined) return [];
  const raw = extname(file).toLowerCase() === '.csv' ? csvRows(file, text, problems) : jsonlRows(file, text, problems);
  const cases = raw.flatMap(({ value, line }) => {
    const c = readCase(file, line, value, problems);
    return c ? [c] : [];
  });
  const seen = new Map<string, number>();
  for (const c of cases) {
    const slug = caseSlug(c);
    const first = seen.get(slug);
    if (first !== undefined)
      problems.push({
        file,
        line: c.line,
        field: 'id',
        message: `"${c.id}" gives the template id "${slug}", as the case at line ${first} does; ids must stay unique`,
      });
    else seen.set(slug, c.line);
  }
  if (cases.length === 0 && problems.length === 0) problems.push({ file, message: `no cases in the file; ${FIX}` });
  return cases;
}

function jsonlRows(file: string, text: string, problems: Problem[]): { value: unknown; line: number }[] {
  const rows: { value: unknown; line: number }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      try {
        rows.push({ value: JSON.parse(raw), line: i + 1 });
      } catch (err) {
        problems.push({ file, line: i + 1, message: `not a JSON object (${(err as Error).message}); JSONL has one case object a line` });
      }
    });
  return rows;
}

function csvRows(file: string, text: string, problems: Problem[]): { value: unknown; line: number }[] {
  const unclosed = unclosedQuoteLine(text, ',');
  if (unclosed !== undefined) {
    problems.push({ file, line: unclosed, message: UNCLOSED_QUOTE });
    return [];
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, bom: true });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    problems.push({ file, line: e.lines, message: `CSV cannot be parsed: ${e.message}` });
    return [];
  }
  let previousEnd = 1;
  return records.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const optionColumns = Object.keys(record).filter((k) => /^option_[a-z]$/i.test(k));
    const value: Record<string, unknown> = { ...record };
    if (optionColumns.length > 0)
      value.options = Object.fromEntries(optionColumns.filter((k) => record[k] !== '').map((k) => [k.slice(-1).toUpperCase(), record[k]]));
    else if (typeof record.options === 'string' && record.options.trim() !== '') {
      try {
        value.options = JSON.parse(record.options);
      } catch {
        value.options = record.options; // reported by readCase as not an object
      }
    } else delete value.options;
    return { value, line };
  });
}

function readCase(file: string, line: number, value: unknown, problems: Problem[]): CaseRecord | undefined {
  const at = (field: string, message: string) => problems.push({ file, line, field, message });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    at('', `expected a case object; ${FIX}`);
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  const before = problems.length;
  const text = (field: string): string | undefined => {
    const v = obj[field];
    if (typeof v === 'number' && field === 'id') return String(v);
    if (typeof v !== 'string' || v.trim() === '') {
      at(field, v === undefined ? `is missing; ${FIX}` : 'expected a non-empty string');
      return undefined;
    }
    return v;
  };
  const id = text('id');
  const caseText = text('text');
  const question = text('question');
  const answer = text('answer');
  let options: Record<string, string> | undefined;
  if (obj.options !== undefined && obj.options !== null) {
    const o = obj.options;
    if (typeof o !== 'object' || Array.isArray(o) || Object.keys(o).length < 2)
      at('options', 'expected an object of at least two options, letter to text: {"A": "...", "B": "..."}');
    else {
      options = {};
      for (const [letter, option] of Object.entries(o)) {
        if (!/^[A-Z]$/.test(letter)) at(`options.${letter}`, 'option keys are capital letters A, B, C, ...');
        else if (typeof option !== 'string' || option.trim() === '') at(`options.${letter}`, 'expected the option text');
        else options[letter] = option;
      }
    }
  }
  if (answer !== undefined) {
    if (options && !(answer in options))
      at('answer', `"${answer}" is not one of the options (${Object.keys(options).join(', ')}); give the letter`);
    if (!options && obj.options === undefined && !/^(yes|no)$/i.test(answer))
      at('answer', `"${answer}" needs options: without options a question is yes/no and its answer "yes" or "no"`);
  }
  if (problems.length > before || !id || !caseText || !question || !answer) return undefined;
  return { id, text: caseText, question, ...(options ? { options } : {}), answer, file, line };
}
