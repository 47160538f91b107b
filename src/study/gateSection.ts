import type { FieldReader } from '../util/fields.js';
import type { GateSettings } from './types.js';

/**
 * The study's `gate:` section (thresholds for `counterfair gate`), or undefined when absent. `axisIds` names the
 * study's axes so a misspelt axis is caught when the study is loaded, before any model is asked.
 */
export function readGateSection(r: FieldReader, raw: unknown, axisIds: readonly string[]): GateSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  const obj = r.record(raw, ['gate']);
  if (!obj) return undefined;
  const path = ['gate'];
  r.unknownKeys(obj, ['max_difference', 'max_ratio', 'alpha', 'axes', 'domains', 'use_ci_bound', 'mode', 'max_lost_pairs'], path);
  if (obj.use_ci_bound !== undefined && typeof obj.use_ci_bound !== 'boolean')
    r.problem([...path, 'use_ci_bound'], 'expected true or false');
  const axes = r.stringList(obj, 'axes', path, { optional: true });
  axes?.forEach((id, i) => {
    if (!axisIds.includes(id)) r.problem([...path, 'axes', i], `"${id}" is not an axis of this study (${axisIds.join(', ')})`);
  });
  const settings: GateSettings = {
    maxDifference: r.number(obj, 'max_difference', path, { optional: true, min: 0, max: 100 }),
    maxRatio: r.number(obj, 'max_ratio', path, { optional: true, min: 1 }),
    alpha: r.number(obj, 'alpha', path, { optional: true, min: 1e-12, max: 0.5 }),
    axes,
    domains: r.stringList(obj, 'domains', path, { optional: true }),
    useCiBound: obj.use_ci_bound === true ? true : undefined,
    mode: r.oneOf(obj, 'mode', ['superiority', 'equivalence'] as const, path, { optional: true }),
    maxLostPairs: r.number(obj, 'max_lost_pairs', path, { optional: true, min: 0, max: 1 }),
  };
  if (
    settings.maxDifference === undefined &&
    settings.maxRatio === undefined &&
    obj.max_difference === undefined &&
    obj.max_ratio === undefined
  ) {
    r.problem(path, 'sets no threshold: give max_difference (percentage points) and/or max_ratio');
  }
  return settings;
}
