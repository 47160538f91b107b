import { plural } from '../report/format.js';
import { createRng, randomInt } from '../stats/rng.js';
import { deriveSeed } from '../util/hash.js';
import { InputError, type Problem } from '../util/problems.js';
import type { LoadedStudy } from './types.js';

/**
 * A smoke-test selection of a study: whole vignettes (every variant of a chosen vignette is kept, so its matched
 * set stays paired) and some of its models. Filters apply in this order: `vignettes` patterns and `domains`, then
 * `sample` (a seeded draw) or `limit` (the first N in template order), then `models`.
 */
export interface SubsetOptions {
  /** Vignette id patterns; `*` matches any run of characters ("chest-*"). A vignette matching any is kept. */
  vignettes?: string[];
  domains?: string[];
  /** The first N vignettes left by the filters above. */
  limit?: number;
  /** N vignettes drawn from those left, fixed by `seed` (the study's seed when absent). */
  sample?: number;
  seed?: number;
  /** Model ids of the study to keep. */
  models?: string[];
}

/** What a run records of its subset (manifest `subset`), so its report and gate say the run is one. */
export interface StudySubset {
  /** Vignettes kept and in the whole study. */
  vignettes: number;
  ofVignettes: number;
  models: number;
  ofModels: number;
  /** The filters as given (with the seed a sample used). */
  filters: SubsetOptions;
  /** The ids of the vignettes kept, in template order. */
  vignetteIds: string[];
}

export function isSubsetRequested(o: SubsetOptions): boolean {
  return o.vignettes !== undefined || o.domains !== undefined || o.limit !== undefined || o.sample !== undefined || o.models !== undefined;
}

/**
 * Restricts a loaded study to a subset; the study then carries `subset` for the manifest. Every problem (an unknown
 * domain or model, a pattern matching nothing, `limit` with `sample`) is collected and thrown at once. Pure.
 */
export function applySubset(loaded: LoadedStudy, o: SubsetOptions): LoadedStudy {
  if (!isSubsetRequested(o)) return loaded;
  const { study, vignettes } = loaded;
  const problems: Problem[] = [];
  const problem = (field: string, message: string) => problems.push({ file: study.file, field, message });
  if (o.limit !== undefined && o.sample !== undefined) problem('--limit', 'give --limit or --sample, not both');
  if (o.seed !== undefined && o.sample === undefined) problem('--seed', 'only applies to --sample N');

  let kept = vignettes;
  if (o.vignettes) {
    const patterns = o.vignettes.map((p) => ({ p, re: globRegExp(p) }));
    for (const { p, re } of patterns)
      if (!vignettes.some((v) => re.test(v.id)))
        problem(
          '--vignettes',
          `"${p}" matches no vignette id (ids look like ${vignettes
            .slice(0, 3)
            .map((v) => v.id)
            .join(', ')})`,
        );
    kept = kept.filter((v) => patterns.some(({ re }) => re.test(v.id)));
  }
  if (o.domains) {
    const known = [...new Set(vignettes.map((v) => v.domain))].sort();
    for (const d of o.domains)
      if (!known.includes(d)) problem('--domains', `unknown domain "${d}"; the study's domains: ${known.join(', ')}`);
    kept = kept.filter((v) => o.domains!.includes(v.domain));
  }
  if (o.sample !== undefined) kept = seededSample(kept, o.sample, o.seed ?? study.seed);
  else if (o.limit !== undefined) kept = kept.slice(0, o.limit);
  if (kept.length === 0 && problems.length === 0) problem('--vignettes', 'the filters leave no vignette: widen --vignettes or --domains');

  let models = study.models;
  if (o.models) {
    const known = study.models.map((m) => m.id);
    for (const id of o.models)
      if (!known.includes(id)) problem('--models', `unknown model id "${id}"; the study's models: ${known.join(', ')}`);
    models = study.models.filter((m) => o.models!.includes(m.id));
  }
  if (problems.length) throw new InputError(problems);

  const filters: SubsetOptions = { ...o, ...(o.sample !== undefined ? { seed: o.seed ?? study.seed } : {}) };
  const subset: StudySubset = {
    vignettes: kept.length,
    ofVignettes: vignettes.length,
    models: models.length,
    ofModels: study.models.length,
    filters,
    vignetteIds: kept.map((v) => v.id),
  };
  return { study: { ...study, models, subset }, vignettes: kept };
}

/** One line for a person: "3 of 12 vignettes (--domains sepsis --limit 3), 1 of 2 models". */
export function describeSubset(s: StudySubset): string {
  const f = s.filters;
  const flags = [
    ...(f.vignettes ? [`--vignettes ${f.vignettes.join(',')}`] : []),
    ...(f.domains ? [`--domains ${f.domains.join(',')}`] : []),
    ...(f.sample !== undefined ? [`--sample ${f.sample} --seed ${f.seed}`] : []),
    ...(f.limit !== undefined ? [`--limit ${f.limit}`] : []),
    ...(f.models ? [`--models ${f.models.join(',')}`] : []),
  ];
  return `${s.vignettes} of ${plural(s.ofVignettes, 'vignette')}, ${s.models} of ${plural(s.ofModels, 'model')} (${flags.join(' ')})`;
}

/** `n` items drawn without replacement (partial Fisher-Yates), returned in their original order. */
function seededSample<T>(items: readonly T[], n: number, seed: number): T[] {
  if (n >= items.length) return [...items];
  const rng = createRng(deriveSeed(seed, 'subset-sample'));
  const order = items.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(rng, order.length - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const chosen = new Set(order.slice(0, n));
  return items.filter((_, i) => chosen.has(i));
}

function globRegExp(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}
