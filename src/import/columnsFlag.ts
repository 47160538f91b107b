import { COLUMN_FIELDS } from './mapping.js';
import type { Problem } from '../util/problems.js';

/** Where problems in the --columns flag are reported. */
export const COLUMNS_FLAG = '--columns';

/**
 * The --columns flag as the same object a mapping file holds, so one validator checks both. Entries are
 * `key=value` separated by commas. A column field (`vignette=case_id`, `gold=correct`, `answer=response`, ...) maps
 * a column; `options=a+b+c` names the option columns in order. Anything else is a dotted path into the mapping:
 * `axes.race.column=patient_race`, `axes.race.reference=white` (long), `variants.ans_black.race=black`,
 * `reference=ans_white` (wide), `defaults.model=gpt-4o`, `answers=extracted`, `format=wide`. In
 * `variants.<column>.<axis>` the column is everything between the first and the last dot. Column names with
 * commas or `=` need a mapping file.
 */
export function parseColumnsFlag(value: string, problems: Problem[]): Record<string, unknown> {
  const mapping: Record<string, unknown> = {};
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const at = entry.indexOf('=');
    if (at <= 0) {
      problems.push({ file: COLUMNS_FLAG, field: entry, message: 'expected key=value, e.g. vignette=case_id' });
      continue;
    }
    const key = entry.slice(0, at).trim();
    const text = entry.slice(at + 1).trim();
    if ((COLUMN_FIELDS as readonly string[]).includes(key)) {
      set(mapping, ['columns', key], key === 'options' ? text.split('+').map((c) => c.trim()) : text);
      continue;
    }
    const parts = key.split('.');
    const path = parts.length > 2 ? [parts[0]!, parts.slice(1, -1).join('.'), parts.at(-1)!] : parts;
    set(mapping, path, text);
  }
  return mapping;
}

function set(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((key) => {
    const next = node[key];
    node = (node[key] = next !== null && typeof next === 'object' ? next : {}) as Record<string, unknown>;
  });
  node[path.at(-1)!] = value;
}
