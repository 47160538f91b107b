import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractChoice } from '../../../src/score/extract/choice.js';
import { extractNumeric } from '../../../src/score/extract/numeric.js';
import { extractOrdinal } from '../../../src/score/extract/ordinal.js';
import type { Extraction } from '../../../src/score/extract/types.js';
import { extractYesNo } from '../../../src/score/extract/yesno.js';

/** One corpus line: a model answer, the question's parameters, and the extraction a careful reader would make. */
export interface CorpusRow {
  readonly line: number;
  readonly text: string;
  readonly options?: Record<string, string>;
  readonly scale?: { value: number; label: string }[];
  readonly unit?: string;
  /** The question as asked, when the reading depends on it ("What daily dose ...?" lets "350 mg/day" answer "mg"). */
  readonly stem?: string;
  readonly expected: { kind: 'answer'; value: string | number } | { kind: 'refusal' } | { kind: 'unparseable' };
  /** Why a line is expected to be unparseable or otherwise notable (out of scope, adversarial, ...). */
  readonly note?: string;
  readonly reason?: string;
  /** How the answer is written: terse, verbose, markdown, json, chain-of-thought, hedged, refusal, units, ... */
  readonly style?: string;
  /**
   * The expected value can only be read with the vignette (a per-kg dose answering a total-dose question). Such lines
   * are reported apart from the rest, since the answer text and question parameters alone cannot give the value.
   */
  readonly needs_vignette?: boolean;
  /** The patient's weight stated in the vignette, passed to the numeric extractor as question context. */
  readonly weight_kg?: number;
}

export const CORPUS_TYPES = ['choice', 'yesno', 'ordinal', 'numeric'] as const;
export type CorpusType = (typeof CORPUS_TYPES)[number];

/** The folder holding the corpus directories (`corpus/`, `tuning-heldout/`, `blind/`, ...). */
export const CORPUS_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** A corpus file that cannot be read: names the file, line and field, and what to do. */
export class CorpusFileError extends Error {}

export function loadCorpus(name: CorpusType, directory = join(CORPUS_ROOT, 'corpus')): CorpusRow[] {
  return loadCorpusFile(join(directory, `${name}.jsonl`), name);
}

/**
 * Reads one `<type>.jsonl` file. Every problem (bad JSON, a missing `text`, an `expected` of the wrong shape, a
 * question parameter the type needs) is collected and thrown once, each naming the file, line and field.
 */
export function loadCorpusFile(path: string, type: CorpusType): CorpusRow[] {
  const rows: CorpusRow[] = [];
  const problems: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      if (raw.trim().length === 0) return;
      const where = `${path}:${index + 1}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        problems.push(`${where}: not valid JSON (${(error as Error).message}); write one JSON object per line`);
        return;
      }
      const problem = rowProblem(parsed, type);
      if (problem) problems.push(`${where}: ${problem}`);
      else rows.push({ ...(parsed as Omit<CorpusRow, 'line'>), line: index + 1 });
    });
  if (problems.length > 0) throw new CorpusFileError(problems.join('\n'));
  return rows;
}

function rowProblem(row: unknown, type: CorpusType): string | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'a line must be a JSON object';
  const record = row as Record<string, unknown>;
  if (typeof record.text !== 'string') return 'field "text" must be a string (the model answer)';
  const expected = record.expected as Record<string, unknown> | undefined;
  if (typeof expected !== 'object' || expected === null)
    return 'field "expected" must be {"kind": "answer", "value": ...}, {"kind": "refusal"} or {"kind": "unparseable"}';
  if (expected.kind === 'answer') {
    const valueType = type === 'choice' || type === 'yesno' ? 'string' : 'number';
    if (typeof expected.value !== valueType) return `field "expected.value" must be a ${valueType} for ${type} questions`;
    if (type === 'yesno' && expected.value !== 'yes' && expected.value !== 'no') return 'field "expected.value" must be "yes" or "no"';
  } else if (expected.kind !== 'refusal' && expected.kind !== 'unparseable') {
    return 'field "expected.kind" must be "answer", "refusal" or "unparseable"';
  }
  if (type === 'choice' && (typeof record.options !== 'object' || record.options === null))
    return 'field "options" (letter -> option text) is required for choice questions';
  if (type === 'ordinal' && !Array.isArray(record.scale)) return 'field "scale" ([{value, label}]) is required for ordinal questions';
  if (type === 'numeric' && typeof record.unit !== 'string')
    return 'field "unit" (a string such as "mg") is required for numeric questions';
  if (record.stem !== undefined && typeof record.stem !== 'string') return 'field "stem" must be a string (the question as asked)';
  if (record.needs_vignette !== undefined && typeof record.needs_vignette !== 'boolean')
    return 'field "needs_vignette" must be true or false (whether the value can only be read with the vignette)';
  if (
    record.weight_kg !== undefined &&
    !(typeof record.weight_kg === 'number' && Number.isFinite(record.weight_kg) && record.weight_kg > 0)
  ) {
    return 'field "weight_kg" must be a positive number (the patient weight the vignette states, in kg)';
  }
  return undefined;
}

/** Runs the extractor for `type` on one corpus row. */
export function extractRow(type: CorpusType, row: CorpusRow): Extraction<string | number> {
  switch (type) {
    case 'choice':
      return extractChoice(row.text, row.options ?? {});
    case 'yesno':
      return extractYesNo(row.text, row.stem);
    case 'ordinal':
      return extractOrdinal(row.text, row.scale ?? []);
    case 'numeric':
      return extractNumeric(row.text, row.unit ?? '', row.stem, row.weight_kg === undefined ? undefined : { weightKg: row.weight_kg });
  }
}

/**
 * Subdirectories of the corpus root holding at least one `<type>.jsonl` file, with the types each one holds, sorted by
 * name. A directory that is absent (such as a held-out set not written yet) is simply not listed.
 */
export function corpusDirectories(root = CORPUS_ROOT): Array<{ name: string; path: string; types: CorpusType[] }> {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => ({ name, path: join(root, name) }))
    .filter(({ path }) => statSync(path).isDirectory())
    .map(({ name, path }) => ({ name, path, types: CORPUS_TYPES.filter((type) => existsSync(join(path, `${type}.jsonl`))) }))
    .filter(({ types }) => types.length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface CorpusScore {
  readonly lines: number;
  readonly correct: number;
  /** A different value than expected, or an answer where a refusal or unparseable was expected. */
  readonly wrongValues: string[];
  /** A refusal read as unparseable or the reverse. */
  readonly confusions: string[];
  /** An expected answer read as a refusal or unparseable. */
  readonly missed: string[];
}

/** Scores every row and sorts each mismatch into exactly one class; `correct + all mismatches = lines`. */
export function scoreCorpus<T extends string | number>(
  rows: readonly CorpusRow[],
  extract: (row: CorpusRow) => Extraction<T>,
): CorpusScore {
  const wrongValues: string[] = [];
  const confusions: string[] = [];
  const missed: string[] = [];
  for (const row of rows) {
    const actual = extract(row);
    const want = row.expected;
    const same = actual.kind === want.kind && (actual.kind !== 'answer' || (want.kind === 'answer' && actual.value === want.value));
    if (same) continue;
    const got = actual.kind === 'answer' ? `answer ${JSON.stringify(actual.value)}` : actual.kind;
    const wanted = want.kind === 'answer' ? `answer ${JSON.stringify(want.value)}` : want.kind;
    const shown = JSON.stringify(row.text.length > 300 ? `${row.text.slice(0, 300)}...` : row.text);
    const description = `line ${row.line}: expected ${wanted}, got ${got} (${actual.explanation})\n    text: ${shown}`;
    if (actual.kind === 'answer') wrongValues.push(description);
    else if (want.kind === 'answer') missed.push(description);
    else confusions.push(description);
  }
  const lines = rows.length;
  return { lines, correct: lines - wrongValues.length - confusions.length - missed.length, wrongValues, confusions, missed };
}

export interface CorpusReport {
  readonly total: number;
  readonly correct: number;
  readonly failures: string[];
}

/** Runs an extractor over a corpus and describes every line whose extraction differs from the expected one. */
export function runCorpus<T extends string | number>(rows: readonly CorpusRow[], extract: (row: CorpusRow) => Extraction<T>): CorpusReport {
  const score = scoreCorpus(rows, extract);
  return { total: score.lines, correct: score.correct, failures: [...score.wrongValues, ...score.confusions, ...score.missed] };
}
