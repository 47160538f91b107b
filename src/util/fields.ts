import type { Problem } from './problems.js';
import type { FieldPath, YamlSource } from './yaml.js';

/**
 * Field-by-field reading of an untrusted YAML value. Every accessor records a problem (file, line, field,
 * what to do) instead of throwing, so validation reports everything wrong in one pass.
 */
export class FieldReader {
  constructor(
    readonly source: YamlSource,
    readonly problems: Problem[],
  ) {}

  problem(path: FieldPath, message: string): void {
    this.problems.push({ file: this.source.file, line: this.source.lineOf(path), field: fieldName(path), message });
  }

  record(value: unknown, path: FieldPath): Record<string, unknown> | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problem(path, `expected a mapping (key: value), got ${describe(value)}`);
    return undefined;
  }

  list(value: unknown, path: FieldPath): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.problem(path, `expected a list, got ${describe(value)}`);
    return undefined;
  }

  string(obj: Record<string, unknown>, key: string, path: FieldPath, opts: { optional?: boolean } = {}): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (!opts.optional) this.problem([...path, key], 'is required');
      return undefined;
    }
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      this.problem([...path, key], `expected text, got ${describe(value)}`);
      return undefined;
    }
    if (value.trim() === '') {
      this.problem([...path, key], 'is empty; write the text or remove the field');
      return undefined;
    }
    return value;
  }

  number(
    obj: Record<string, unknown>,
    key: string,
    path: FieldPath,
    opts: { optional?: boolean; integer?: boolean; min?: number; max?: number } = {},
  ): number | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (!opts.optional) this.problem([...path, key], 'is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.problem([...path, key], `expected a number, got ${describe(value)}`);
      return undefined;
    }
    if (opts.integer && !Number.isInteger(value)) this.problem([...path, key], `expected a whole number, got ${value}`);
    else if (opts.min !== undefined && value < opts.min) this.problem([...path, key], `must be at least ${opts.min}, got ${value}`);
    else if (opts.max !== undefined && value > opts.max) this.problem([...path, key], `must be at most ${opts.max}, got ${value}`);
    else return value;
    return undefined;
  }

  oneOf<T extends string>(
    obj: Record<string, unknown>,
    key: string,
    allowed: readonly T[],
    path: FieldPath,
    opts: { optional?: boolean } = {},
  ): T | undefined {
    const value = this.string(obj, key, path, opts);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problem([...path, key], `must be one of ${allowed.join(', ')}; got "${value}"`);
    return undefined;
  }

  stringList(obj: Record<string, unknown>, key: string, path: FieldPath, opts: { optional?: boolean } = {}): string[] | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (!opts.optional) this.problem([...path, key], 'is required');
      return undefined;
    }
    const items = this.list(value, [...path, key]);
    if (!items) return undefined;
    const out: string[] = [];
    items.forEach((item, i) => {
      if (typeof item === 'string' || typeof item === 'number') out.push(String(item));
      else this.problem([...path, key, i], `expected text, got ${describe(item)}`);
    });
    return out;
  }

  /**
   * An optional list of mappings: each item must be a mapping (with only the `known` keys, when given) and is read
   * by `read`, which records its own problems and returns undefined for an unusable item. Absent means empty.
   */
  recordList<T>(
    raw: unknown,
    path: FieldPath,
    known: readonly string[] | undefined,
    read: (obj: Record<string, unknown>, path: FieldPath) => T | undefined,
  ): T[] {
    if (raw === undefined || raw === null) return [];
    const out: T[] = [];
    (this.list(raw, path) ?? []).forEach((item, i) => {
      const itemPath = [...path, i];
      const obj = this.record(item, itemPath);
      if (!obj) return;
      if (known) this.unknownKeys(obj, known, itemPath);
      const value = read(obj, itemPath);
      if (value !== undefined) out.push(value);
    });
    return out;
  }

  /** Reports keys the schema does not know, which are almost always typos. */
  unknownKeys(obj: Record<string, unknown>, known: readonly string[], path: FieldPath): void {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) this.problem([...path, key], `unknown field; expected one of ${known.join(', ')}`);
    }
  }
}

export function fieldName(path: FieldPath): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
