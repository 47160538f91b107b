/**
 * Reference-fixture runner: loads every `*.json` fixture in a directory,
 * dispatches on the file's `test` field to an adapter, and compares each
 * expected field with the implementation.
 *
 * Comparison rules
 * - numbers: |got − exp| ≤ 1e-9·|exp|, or ≤ 1e-12 absolutely (near zero);
 * - p-value fields (key contains "pvalue"/"p_value"): relative 1e-9 only, and
 *   values both below 1e-300 compare on the log scale (0 and subnormals count
 *   as underflow and agree with each other);
 * - "NaN"/"Infinity"/"-Infinity" strings must match exactly; booleans and
 *   strings exactly; arrays element-wise; nested objects recursively;
 * - `expected.error`: the implementation must throw.
 *
 * R cross-checks: a case's optional `r` block holds R's values, one entry per R call (e.g.
 * `mcnemar.test(correct=TRUE)`). Each is recomputed under R's conventions by the adapter's `runR` and compared
 * by the same rules; an entry whose `error` is set means R raised, and the R-convention call must throw too.
 *
 * Nothing is skipped silently; each of these is a failure line: a file whose `test` has no adapter, a case
 * with an option key the adapter does not read, an unknown method name (the adapter throws), an empty
 * `expected`, an R call the adapter does not know. Fixture files in subdirectories are run too.
 *
 * A case passes when all its fields (and its R values) agree. Every disagreement is one line:
 * `<file> <case id> <field>: expected X, got Y`.
 *
 * @example
 * const { passed, failed, failures } = runReferenceDir('../shared/reference/stats');
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ADAPTERS } from './adapters/index.js';
import type { Json, ReferenceCase } from './types.js';

export interface ReferenceRunResult {
  passed: number;
  failed: number;
  failures: string[];
  /** R values compared (entries of `r` blocks), within the passed and failed cases. */
  rChecked: number;
}

const REL_TOL = 1e-9;
const ABS_TOL = 1e-12;
const LOG_SCALE_BELOW = 1e-300;
const DBL_MIN = 2.2250738585072014e-308;

function fmt(v: unknown): string {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    return String(v);
  }
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
  } catch {
    return String(v);
  }
}

function isPValueKey(key: string): boolean {
  return /p_?value/i.test(key);
}

function decodeExpectedNumber(v: Json): number | undefined {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return undefined;
}

function numbersAgree(exp: number, got: number, pvalue: boolean): boolean {
  if (Number.isNaN(exp)) return Number.isNaN(got);
  if (Number.isNaN(got)) return false;
  if (!Number.isFinite(exp) || !Number.isFinite(got)) return exp === got;
  if (exp === got) return true;
  const diff = Math.abs(got - exp);
  if (pvalue) {
    if (Math.abs(exp) < LOG_SCALE_BELOW && Math.abs(got) < LOG_SCALE_BELOW) {
      // both underflow (0, or subnormal: no relative precision left below DBL_MIN)
      if (exp <= 0 || got <= 0 || (exp < DBL_MIN && got < DBL_MIN)) return true;
      const le = Math.log(exp);
      return Math.abs(Math.log(got) - le) <= REL_TOL * Math.abs(le);
    }
    return diff <= REL_TOL * Math.abs(exp);
  }
  return diff <= REL_TOL * Math.abs(exp) || diff <= ABS_TOL;
}

/** Compare one expected value with the actual one; push `field: expected X, got Y` messages on mismatch. */
function compareValue(field: string, key: string, exp: Json, got: unknown, out: string[]): void {
  const expNum = decodeExpectedNumber(exp);
  if (expNum !== undefined) {
    if (typeof got !== 'number' || !numbersAgree(expNum, got, isPValueKey(key))) {
      out.push(`${field}: expected ${fmt(exp)}, got ${fmt(got)}`);
    }
    return;
  }
  if (typeof exp === 'boolean' || typeof exp === 'string' || exp === null) {
    if (got !== exp) out.push(`${field}: expected ${fmt(exp)}, got ${fmt(got)}`);
    return;
  }
  if (Array.isArray(exp)) {
    if (!Array.isArray(got) || got.length !== exp.length) {
      out.push(`${field}: expected ${fmt(exp)}, got ${fmt(got)}`);
      return;
    }
    // element-wise check, reported as one line for the whole array
    const gotArr: unknown[] = got;
    const bad = exp.some((e, i) => {
      const sub: string[] = [];
      compareValue(`${field}[${i}]`, key, e, gotArr[i], sub);
      return sub.length > 0;
    });
    if (bad) out.push(`${field}: expected ${fmt(exp)}, got ${fmt(got)}`);
    return;
  }
  // nested object
  if (typeof got !== 'object' || got === null || Array.isArray(got)) {
    out.push(`${field}: expected ${fmt(exp)}, got ${fmt(got)}`);
    return;
  }
  const gotObj = got as Record<string, unknown>;
  for (const [k, e] of Object.entries(exp)) compareValue(`${field}.${k}`, k, e, gotObj[k], out);
}

function asRecord(v: unknown): Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, Json>) : {};
}

function runFile(file: string, fullPath: string, result: ReferenceRunResult): void {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(fullPath, 'utf8'));
  } catch (e) {
    result.failed += 1;
    result.failures.push(`${file} - parse: expected valid JSON, got ${(e as Error).message}`);
    return;
  }
  const d = asRecord(doc);
  const test = d['test'];
  const adapter = typeof test === 'string' ? ADAPTERS[test] : undefined;
  if (!adapter) {
    result.failed += 1;
    result.failures.push(`${file} - test: expected a known test name, got ${fmt(test)}`);
    return;
  }
  const cases = d['cases'];
  if (!Array.isArray(cases)) {
    result.failed += 1;
    result.failures.push(`${file} - cases: expected an array of cases, got ${fmt(cases)}`);
    return;
  }
  for (const raw of cases) {
    const rc = asRecord(raw);
    const c: ReferenceCase = {
      id: typeof rc['id'] === 'string' ? rc['id'] : '(no id)',
      input: asRecord(rc['input']),
      options: asRecord(rc['options']),
      expected: asRecord(rc['expected']),
    };
    const lines: string[] = [];
    const unknownOptions = Object.keys(c.options).filter((k) => !adapter.optionKeys.includes(k));
    if (unknownOptions.length > 0)
      lines.push(`options: expected keys among ${fmt(adapter.optionKeys)}, got unknown ${fmt(unknownOptions)}`);
    else if (Object.keys(c.expected).length === 0) lines.push('expected: expected at least one field to compare, got none');
    else compareCase(c.expected, () => adapter.run(c.input, c.options), '', lines);
    if (unknownOptions.length === 0 && rc['r'] !== undefined && rc['r'] !== null) {
      for (const [call, value] of Object.entries(asRecord(rc['r']))) {
        result.rChecked += 1;
        if (!adapter.runR) {
          lines.push(`r.${call}: expected an R cross-check for ${fmt(test)}, got none`);
          continue;
        }
        compareCase(value, () => adapter.runR!(call, c.input, c.options), `r.${call}`, lines);
      }
    }
    if (lines.length === 0) result.passed += 1;
    else {
      result.failed += 1;
      for (const l of lines) result.failures.push(`${file} ${c.id} ${l}`);
    }
  }
}

/**
 * Compare one expected value (an `expected` object, or one R entry: a number, an array or an object whose
 * `error` is a message when R raised) with what `compute` returns; push failure lines prefixed by `field`.
 */
function compareCase(expected: Json, compute: () => unknown, field: string, lines: string[]): void {
  const record = typeof expected === 'object' && expected !== null && !Array.isArray(expected) ? expected : undefined;
  const raised = record && typeof record['error'] === 'string' ? record['error'] : undefined;
  let got: unknown;
  try {
    got = compute();
  } catch (e) {
    if (raised === undefined) lines.push(`${field || '(all fields)'}: expected ${fmt(expected)}, got error: ${(e as Error).message}`);
    return;
  }
  const label = field || 'error';
  if (raised !== undefined) {
    lines.push(`${label}: expected an error (${fmt(raised)}), got ${fmt(got)}`);
    return;
  }
  if (got === undefined) {
    lines.push(`${label}: expected a known reference call, got none for ${field}`);
    return;
  }
  if (!record) {
    compareValue(field, field, expected, got, lines);
    return;
  }
  const gotObj = typeof got === 'object' && got !== null ? (got as Record<string, unknown>) : {};
  for (const [k, e] of Object.entries(record)) {
    if (k === 'error' && e === null) continue; // R's "no error" marker
    compareValue(field ? `${field}.${k}` : k, k, e, gotObj[k], lines);
  }
}

/** Every `*.json` file under `dir` (subdirectories included), as paths relative to `dir`, sorted. */
function fixtureFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) =>
      e.isDirectory() ? fixtureFiles(dir, path.join(prefix, e.name)) : e.name.endsWith('.json') ? [path.join(prefix, e.name)] : [],
    );
}

/**
 * Run every `*.json` fixture file in `dir`. Throws if `dir` cannot be read.
 */
export function runReferenceDir(dir: string): ReferenceRunResult {
  const st = statSync(dir); // throws ENOENT etc.
  if (!st.isDirectory()) throw new Error(`runReferenceDir: ${dir} is not a directory`);
  const files = fixtureFiles(dir);
  const result: ReferenceRunResult = { passed: 0, failed: 0, failures: [], rChecked: 0 };
  for (const f of files) runFile(f, path.join(dir, f), result);
  return result;
}
