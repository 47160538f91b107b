/**
 * Shared types and JSON-decoding helpers for the reference-fixture adapters.
 *
 * Fixture values arrive as untyped JSON; non-finite numbers are encoded as the
 * strings "NaN", "Infinity" and "-Infinity". The helpers below decode and
 * validate them so adapters never handle `any`.
 *
 * @example
 * decodeNumber('Infinity', 'statistic'); // Infinity
 * numberMatrix({ table: [[1, 2], [3, 4]] }, 'table'); // [[1, 2], [3, 4]]
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ReferenceCase {
  id: string;
  input: Record<string, Json>;
  options: Record<string, Json>;
  expected: Record<string, Json>;
}

/** Maps one fixture case to the fields to compare with `expected`. Throws where the function throws. */
export interface ReferenceAdapter {
  test: string;
  /** Every option key the adapter reads; a case with any other key fails (an option is never silently ignored). */
  optionKeys: readonly string[];
  run(input: Record<string, Json>, options: Record<string, Json>): Record<string, unknown>;
  /**
   * R's value for one entry of a case's `r` block, computed under R's conventions (e.g. `mcnemar.test`'s
   * continuity correction); undefined for an R call the adapter does not know (reported as a failure).
   * Throws where R raised an error.
   */
  runR?(call: string, input: Record<string, Json>, options: Record<string, Json>): unknown;
}

/** One of `allowed`, or a thrown error naming the fixture field (an unknown method is a failure, never a skip). */
export function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`reference fixture: unknown ${what} ${JSON.stringify(value)} (known: ${allowed.join(', ')})`);
  return value as T;
}

export function decodeNumber(v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  throw new Error(`reference fixture: ${what} must be a number (got ${JSON.stringify(v)})`);
}

export function numberField(obj: Record<string, Json>, key: string): number {
  return decodeNumber(obj[key], key);
}

export function optionalNumber(obj: Record<string, Json>, key: string): number | undefined {
  return obj[key] === undefined || obj[key] === null ? undefined : decodeNumber(obj[key], key);
}

export function numberArray(obj: Record<string, Json>, key: string): number[] {
  const v = obj[key];
  if (!Array.isArray(v)) throw new Error(`reference fixture: ${key} must be an array`);
  return v.map((x, i) => decodeNumber(x, `${key}[${i}]`));
}

export function numberMatrix(obj: Record<string, Json>, key: string): number[][] {
  const v = obj[key];
  if (!Array.isArray(v)) throw new Error(`reference fixture: ${key} must be an array of arrays`);
  return v.map((row, i) => {
    if (!Array.isArray(row)) throw new Error(`reference fixture: ${key}[${i}] must be an array`);
    return row.map((x, j) => decodeNumber(x, `${key}[${i}][${j}]`));
  });
}

export function numberCube(obj: Record<string, Json>, key: string): number[][][] {
  const v = obj[key];
  if (!Array.isArray(v)) throw new Error(`reference fixture: ${key} must be an array of matrices`);
  return v.map((_, i) => numberMatrix({ m: v[i] ?? null }, 'm'));
}

export function stringField(obj: Record<string, Json>, key: string, fallback?: string): string {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (fallback !== undefined) return fallback;
    throw new Error(`reference fixture: ${key} is required`);
  }
  if (typeof v !== 'string') throw new Error(`reference fixture: ${key} must be a string`);
  return v;
}

export function booleanField(obj: Record<string, Json>, key: string, fallback: boolean): boolean {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw new Error(`reference fixture: ${key} must be a boolean`);
  return v;
}
