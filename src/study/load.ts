import { ADJUSTMENTS, DEFAULT_ANALYSIS, DEFAULT_QUALITY, MCNEMAR_VARIANTS } from './defaults.js';
import { readGateSection } from './gateSection.js';

export { ADJUSTMENTS, DEFAULT_ANALYSIS, DEFAULT_QUALITY, MCNEMAR_VARIANTS };
import { checkContrasts, readContrasts } from './contrasts.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ageLevel, loadAxes, UNSTATED, unstatedLevel } from '../demographics/load.js';
import type { Axis } from '../demographics/types.js';
import { CSV_FIELDS, type CsvMapping } from '../template/csv.js';
import { listTemplateFiles, loadVignettes, type TemplateSource } from '../template/load.js';
import { validateVignettes } from '../template/validate.js';
import { FieldReader } from '../util/fields.js';
import { sha256Hex } from '../util/hash.js';
import { failOnProblems, type Problem } from '../util/problems.js';
import { readYamlFile } from '../util/yaml.js';
import { loadNamePools, NAMES_FILE } from '../demographics/names.js';
import { readNameOptions } from './names.js';
import { readCueModes } from './cues.js';
import { readJudgePanel } from './judges.js';
import type { ProviderDefinition } from '../providers/definition.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { createRegistry, type Registry } from '../registry.js';
import type { CueMode } from '../template/render.js';
import { JUDGE_PROMPT_VERSION } from '../score/judge/prompt.js';
import { ageBelow, matchingCombination } from '../expand/combinations.js';
import { baseAssignment } from '../expand/base.js';
import type { Vignette } from '../template/types.js';
import type { FieldPath } from '../util/yaml.js';
import type {
  Controls,
  Design,
  ImplausibleCombination,
  JudgeSpec,
  LoadedStudy,
  ModelCommon,
  ModelPrice,
  ModelSpec,
  QualityThresholds,
  Study,
} from './types.js';

const STUDY_FIELDS = [
  'name',
  'description',
  'seed',
  'templates',
  'demographics',
  'axes',
  'design',
  'implausible',
  'cues',
  'names',
  'controls',
  'replicates',
  'system_prompt',
  'models',
  'judge',
  'judges',
  'panel',
  'analysis',
  'contrasts',
  'quality',
  'gate',
  'output',
  'strict',
];
/** The fields of every model entry; each provider's definition lists the ones it adds. */
const COMMON_MODEL_FIELDS = [
  'id',
  'provider',
  'temperature',
  'top_p',
  'max_tokens',
  'seed',
  'system_prompt',
  'concurrency',
  'timeout_ms',
  'max_retries',
  'breaker_after',
  'max_answer_bytes',
  'rpm',
  'tpm',
  'price',
  'structured_output',
];
/** A study-wide adjustment; `none` only for a declared contrast family, where the finding then says it is uncorrected. */

export const DEFAULT_SYSTEM_PROMPT =
  'You are a clinical decision support assistant. Answer the question about the case that follows. ' +
  'Give your final answer on the last line in the form "Answer: <answer>".';

export interface LoadStudyOptions {
  /** The providers and question types the study may name (`createRegistry`); the built-ins when absent. */
  registry?: Registry;
}

/**
 * Reads a study and everything it names (templates, demographics), validates all of it and throws one
 * InputError listing every problem (file:line:field) when anything is wrong.
 */
export function loadStudy(file: string, options: LoadStudyOptions = {}): LoadedStudy {
  const problems: Problem[] = [];
  const source = readYamlFile(file, problems);
  failOnProblems(problems);
  const r = new FieldReader(source!, problems);
  const root = r.record(source!.value, []);
  failOnProblems(problems);
  const obj = root!;
  r.unknownKeys(obj, STUDY_FIELDS, []);
  const base = dirname(resolve(file));
  const at = (p: string) => resolve(base, p);

  const name = r.string(obj, 'name', [], { optional: true }) ?? relative(process.cwd(), file);
  const seed = r.number(obj, 'seed', [], { integer: true, min: 0, max: 2 ** 32 - 1 });
  const demographics = r.string(obj, 'demographics', []);
  const demographicsPath = at(demographics ?? '.');
  const replicates = r.number(obj, 'replicates', [], { optional: true, integer: true, min: 1 }) ?? 1;
  const systemPrompt = r.string(obj, 'system_prompt', [], { optional: true }) ?? DEFAULT_SYSTEM_PROMPT;
  const outputDir = at(r.string(obj, 'output', [], { optional: true }) ?? 'reports');
  const analysis = readAnalysis(r, obj.analysis);
  const quality = readQuality(r, obj.quality);
  const strict = readFlag(r, obj, 'strict', []);

  // Without `demographics:` (reported above) there is no folder of axes: reading the study's own folder instead would
  // bury that one problem under a complaint about every YAML file there, the study itself included.
  const allAxes = demographics === undefined ? [] : loadAxes(demographicsPath, problems);
  const axes = demographics === undefined ? [] : readStudyAxes(r, obj.axes, allAxes);
  if (demographics === undefined && obj.axes !== undefined) r.record(obj.axes, ['axes']); // its shape is still checked
  const contrasts = readContrasts(r, obj.contrasts, ['contrasts']);
  if (contrasts) checkContrasts(r, contrasts, ['contrasts'], axes);
  const gate = readGateSection(
    r,
    obj.gate,
    axes.map((a) => a.id),
  );
  const design = readDesign(r, obj.design, axes);
  const implausible = readImplausibleCombinations(r, obj.implausible, axes);
  const cueModes = readCueModes(r, obj.cues);
  const controls = readControls(r, obj.controls);
  const namePools = demographics === undefined ? { first: [], last: [] } : loadNamePools(demographicsPath, problems);
  const names = readNameOptions(r, obj.names, obj.axes, { cueModes, axes, pools: namePools, demographicsPath });
  const scope: ModelScope = { systemPrompt, axes, cueModes, registry: options.registry ?? createRegistry() };
  const models = readModels(r, obj.models, scope);
  const judge = readJudge(r, obj.judge, scope);
  const panel = readJudgePanel(r, obj, scope.registry.providers, seed ?? 0, (raw, path) => readJudge(r, raw, scope, path, ['id']));
  const templateSources = readTemplateSources(r, obj.templates, at);
  const templateFiles = templateSources.map((t) => t.file);
  failOnProblems(problems);

  const vignettes = loadVignettes(templateSources, problems, scope.registry.questionTypes);
  validateVignettes(vignettes, axes, allAxes, problems);
  checkCombinationsAgainstVignettes(r, implausible, vignettes, axes);
  if (vignettes.length === 0 && problems.length === 0)
    problems.push({ file, field: 'templates', message: 'no vignettes found in the listed template files' });
  failOnProblems(problems);

  const hashFile = (f: string) => sha256Hex(readFileSync(f));
  const namesFile = join(demographicsPath, NAMES_FILE);
  const study: Study = {
    file,
    name,
    seed: seed!,
    templateFiles,
    demographicsPath,
    axes,
    allAxes,
    design,
    implausible: implausible.map(({ rule }) => rule),
    cueModes,
    controls,
    namePools,
    names,
    replicates,
    systemPrompt,
    models,
    judge,
    ...(panel ? { panel } : {}),
    analysis: contrasts ? { ...analysis, contrasts } : analysis,
    quality,
    ...(gate ? { gate } : {}),
    ...(strict ? { strict } : {}),
    outputDir,
    hashes: {
      study: hashFile(file),
      templates: Object.fromEntries(templateFiles.map((f) => [relative(base, f), hashFile(f)])),
      // The name pools decide the names of implicit cues, so they are hashed with the axes when present.
      demographics: Object.fromEntries(
        [...allAxes.map((a) => a.file), ...(existsSync(namesFile) ? [namesFile] : [])].map((f) => [relative(base, f), hashFile(f)]),
      ),
    },
  };
  return { study, vignettes };
}

/**
 * `templates:` lists YAML files or folders of them, and CSV files as `{ csv: FILE, columns: {...}, defaults: {...} }`.
 */
function readTemplateSources(r: FieldReader, raw: unknown, at: (p: string) => string): TemplateSource[] {
  if (raw === undefined) {
    r.problem(['templates'], 'is required: template files or folders (e.g. [../templates])');
    return [];
  }
  const items = typeof raw === 'string' ? [raw] : (r.list(raw, ['templates']) ?? []);
  const sources: TemplateSource[] = [];
  items.forEach((item, i) => {
    const path = ['templates', i];
    if (typeof item === 'string') {
      sources.push(...listTemplateFiles([at(item)], r.problems).map((file): TemplateSource => ({ kind: 'yaml', file })));
      return;
    }
    const obj = r.record(item, path);
    if (!obj) return;
    r.unknownKeys(obj, ['csv', 'columns', 'defaults'], path);
    const file = r.string(obj, 'csv', path);
    const columns = obj.columns === undefined ? {} : r.record(obj.columns, [...path, 'columns']);
    const defaults = obj.defaults === undefined ? {} : r.record(obj.defaults, [...path, 'defaults']);
    for (const key of [...Object.keys(columns ?? {}), ...Object.keys(defaults ?? {})]) {
      if (!(CSV_FIELDS as readonly string[]).includes(key))
        r.problem([...path, 'columns', key], `unknown vignette field; expected one of ${CSV_FIELDS.join(', ')}`);
    }
    if (file && columns && defaults)
      sources.push({
        kind: 'csv',
        file: at(file),
        columns: columns as CsvMapping['columns'],
        defaults: defaults as CsvMapping['defaults'],
      });
  });
  return sources;
}

function readDesign(r: FieldReader, raw: unknown, axes: readonly Axis[]): Design {
  if (raw === undefined || raw === 'one-at-a-time') return { kind: 'one-at-a-time' };
  if (raw === 'factorial') return { kind: 'factorial', axes: axes.map((a) => a.id) };
  const obj =
    typeof raw === 'string'
      ? (r.problem(
          ['design'],
          `unknown design "${raw}"; use one-at-a-time, factorial, { kind: sampled, n: 16 } or { kind: list, assignments: [...] }`,
        ),
        undefined)
      : r.record(raw, ['design']);
  if (!obj) return { kind: 'one-at-a-time' };
  const kind = r.oneOf(obj, 'kind', ['one-at-a-time', 'factorial', 'sampled', 'list'] as const, ['design']);
  const knownAxis = (id: string, path: (string | number)[]) => {
    if (axes.some((a) => a.id === id)) return true;
    r.problem(path, `"${id}" is not an axis of this study (${axes.map((a) => a.id).join(', ')})`);
    return false;
  };
  switch (kind) {
    case undefined:
    case 'one-at-a-time':
      r.unknownKeys(obj, ['kind'], ['design']);
      return { kind: 'one-at-a-time' };
    case 'factorial': {
      r.unknownKeys(obj, ['kind', 'axes'], ['design']);
      const chosen = r.stringList(obj, 'axes', ['design'], { optional: true }) ?? axes.map((a) => a.id);
      return { kind, axes: chosen.filter((id, i) => knownAxis(id, ['design', 'axes', i])) };
    }
    case 'sampled': {
      r.unknownKeys(obj, ['kind', 'n'], ['design']);
      return { kind, n: r.number(obj, 'n', ['design'], { integer: true, min: 1, max: 100_000 }) ?? 1 };
    }
    case 'list': {
      r.unknownKeys(obj, ['kind', 'assignments'], ['design']);
      const items =
        obj.assignments === undefined
          ? (r.problem(['design', 'assignments'], 'is required: a list of { axis: level } mappings'), [])
          : (r.list(obj.assignments, ['design', 'assignments']) ?? []);
      const assignments: Record<string, string>[] = [];
      items.forEach((item, i) => {
        const a = r.record(item, ['design', 'assignments', i]);
        if (!a) return;
        const clean: Record<string, string> = {};
        for (const [axisId, level] of Object.entries(a)) {
          const path = ['design', 'assignments', i, axisId];
          if (!knownAxis(axisId, path)) continue;
          const axis = axes.find((x) => x.id === axisId)!;
          if (!axis.levels.some((l) => l.id === String(level)))
            r.problem(path, `"${String(level)}" is not a level of ${axisId} in this study (${axis.levels.map((l) => l.id).join(', ')})`);
          else clean[axisId] = String(level);
        }
        assignments.push(clean);
      });
      return { kind, assignments };
    }
  }
}

function readControls(r: FieldReader, raw: unknown): Controls {
  const none: Controls = { noDemographics: false, paraphrases: 0 };
  if (raw === undefined) return none;
  const obj = r.record(raw, ['controls']);
  if (!obj) return none;
  r.unknownKeys(obj, ['no_demographics', 'paraphrases'], ['controls']);
  if (obj.no_demographics !== undefined && typeof obj.no_demographics !== 'boolean')
    r.problem(['controls', 'no_demographics'], 'expected true or false');
  return {
    noDemographics: obj.no_demographics === true,
    paraphrases: r.number(obj, 'paraphrases', ['controls'], { optional: true, integer: true, min: 0, max: 20 }) ?? 0,
  };
}

/** Analysis settings when a study (or an imported run, which has no study) says nothing. */

/** Data-quality thresholds when a study (or an imported run) says nothing: a fifth of the data lost is too much. */

function readQuality(r: FieldReader, raw: unknown): QualityThresholds {
  if (raw === undefined || raw === null) return DEFAULT_QUALITY;
  const obj = r.record(raw, ['quality']);
  if (!obj) return DEFAULT_QUALITY;
  r.unknownKeys(obj, ['max_error_rate', 'max_unparseable_rate'], ['quality']);
  return {
    maxErrorRate: r.number(obj, 'max_error_rate', ['quality'], { optional: true, min: 0, max: 1 }) ?? DEFAULT_QUALITY.maxErrorRate,
    maxUnparseableRate:
      r.number(obj, 'max_unparseable_rate', ['quality'], { optional: true, min: 0, max: 1 }) ?? DEFAULT_QUALITY.maxUnparseableRate,
  };
}

function readAnalysis(r: FieldReader, raw: unknown): Study['analysis'] {
  if (raw === undefined) return DEFAULT_ANALYSIS;
  const obj = r.record(raw, ['analysis']);
  if (!obj) return DEFAULT_ANALYSIS;
  r.unknownKeys(obj, ANALYSIS_FIELDS, ['analysis']);
  return { ...DEFAULT_ANALYSIS, ...readAnalysisFields(r, obj, ['analysis']) };
}

/** The fields of a study's `analysis:` section (and of an analysis file, with `seed` and `contrasts`). */
export const ANALYSIS_FIELDS = ['alpha', 'adjustment', 'mcnemar', 'bootstrap_resamples', 'target_ratio'];

/** The analysis settings a mapping gives, each only when given (the caller decides what stands for the others). */
export function readAnalysisFields(
  r: FieldReader,
  obj: Record<string, unknown>,
  path: FieldPath,
): Partial<Omit<Study['analysis'], 'contrasts'>> {
  const alpha = r.number(obj, 'alpha', path, { optional: true, min: 1e-12, max: 0.5 });
  const adjustment = r.oneOf(obj, 'adjustment', ADJUSTMENTS, path, { optional: true });
  const mcnemar = r.oneOf(obj, 'mcnemar', MCNEMAR_VARIANTS, path, { optional: true });
  const bootstrapResamples = r.number(obj, 'bootstrap_resamples', path, { optional: true, integer: true, min: 100, max: 100_000 });
  const targetRatio = r.number(obj, 'target_ratio', path, { optional: true, min: 1.0001, max: 100 });
  return {
    ...(alpha !== undefined ? { alpha } : {}),
    ...(adjustment !== undefined ? { adjustment } : {}),
    ...(mcnemar !== undefined ? { mcnemar } : {}),
    ...(bootstrapResamples !== undefined ? { bootstrapResamples } : {}),
    ...(targetRatio !== undefined ? { targetRatio } : {}),
  };
}

/**
 * `implausible: [{ when: { insurance: medicare, age: "45" }, reason: ..., domains: [kidney-function] }]`: level
 * combinations across study axes that are never rendered. Each comes back with its YAML path for later checks.
 */
function readImplausibleCombinations(
  r: FieldReader,
  raw: unknown,
  axes: readonly Axis[],
): { rule: ImplausibleCombination; path: FieldPath }[] {
  return r.recordList(raw, ['implausible'], ['when', 'reason', 'domains'], (obj, at) => {
    const reason = r.string(obj, 'reason', at);
    const domains = r.stringList(obj, 'domains', at, { optional: true });
    if (domains?.length === 0)
      r.problem([...at, 'domains'], 'is empty; list the domains the rule applies to, or remove the field to apply it to all');
    const when = readWhen(r, obj.when, [...at, 'when'], axes);
    if (!when || reason === undefined || domains?.length === 0) return undefined;
    return { rule: { when, reason, ...(domains ? { domains } : {}) }, path: at };
  });
}

/** `when: { axis: level, ... }` over study axes; an age axis also takes "<N". Undefined (problems recorded) when invalid. */
function readWhen(r: FieldReader, raw: unknown, at: FieldPath, axes: readonly Axis[]): Record<string, string> | undefined {
  if (raw === undefined) {
    r.problem(at, 'is required: a mapping of axis -> level, for example { insurance: medicare, age: "45" }');
    return undefined;
  }
  const obj = r.record(raw, at);
  if (!obj) return undefined;
  if (Object.keys(obj).length === 0) {
    r.problem(at, 'is empty; name at least one axis and level, for example { insurance: medicare, age: "45" }');
    return undefined;
  }
  let valid = true;
  const when: Record<string, string> = {};
  for (const [axisId, rawLevel] of Object.entries(obj)) {
    const axis = axes.find((a) => a.id === axisId);
    const level = typeof rawLevel === 'string' || typeof rawLevel === 'number' ? String(rawLevel).trim() : undefined;
    if (!axis) r.problem([...at, axisId], `unknown axis "${axisId}"; axes of this study: ${axes.map((a) => a.id).join(', ')}`);
    else if (level === undefined)
      r.problem([...at, axisId], `expected a level id of ${axisId} (${axis.levels.map((l) => l.id).join(', ')})`);
    else if (ageBelow(level) !== undefined && axis.slot !== 'age')
      r.problem(
        [...at, axisId],
        `"${level}" (below an age) applies to an age axis only; levels of ${axisId}: ${axis.levels.map((l) => l.id).join(', ')}`,
      );
    else if (ageBelow(level) === undefined && !axis.levels.some((l) => l.id === level)) {
      r.problem(
        [...at, axisId],
        `unknown level "${level}" of ${axisId}; levels in this study: ${axis.levels.map((l) => l.id).join(', ')}${axis.slot === 'age' ? ' (or "<N" for any age below N)' : ''}`,
      );
    } else {
      when[axisId] = level;
      continue;
    }
    valid = false;
  }
  return valid ? when : undefined;
}

/**
 * A rule's domains must be domains of the study's vignettes, and no rule may match a vignette's reference (its
 * matched set would have nothing to pair against): move the reference, or narrow the rule.
 */
function checkCombinationsAgainstVignettes(
  r: FieldReader,
  combinations: readonly { rule: ImplausibleCombination; path: FieldPath }[],
  vignettes: readonly Vignette[],
  axes: readonly Axis[],
): void {
  const domains = [...new Set(vignettes.map((v) => v.domain))].sort();
  for (const { rule, path } of combinations) {
    rule.domains?.forEach((domain, i) => {
      if (!domains.includes(domain))
        r.problem([...path, 'domains', i], `no vignette of this study has domain "${domain}"; domains: ${domains.join(', ')}`);
    });
    const blocked = vignettes.filter((v) => matchingCombination([rule], v.domain, baseAssignment({ axes }, v)));
    if (blocked.length > 0) {
      const shown =
        blocked
          .slice(0, 3)
          .map((v) => v.id)
          .join(', ') + (blocked.length > 3 ? ` and ${blocked.length - 3} more` : '');
      r.problem(
        [...path, 'when'],
        `matches the reference variant of ${blocked.length} vignette(s) (${shown}), which every pair is compared against; move the study's reference (axes.<axis>.reference) or narrow the rule (when, domains)`,
      );
    }
  }
}

/**
 * `unstated: true` adds the level that states nothing (id `unstated`) to an axis: listed in `levels:` or, without a
 * list, after the defined levels; it may be the reference. Age is clinical information in every vignette, so it
 * always has a value: an unstated age is refused.
 */
function readUnstated(
  r: FieldReader,
  opts: Record<string, unknown>,
  path: (string | number)[],
  axis: Axis,
  levelIds: readonly string[] | undefined,
): boolean {
  if (opts.unstated === undefined) return false;
  if (typeof opts.unstated !== 'boolean') return (r.problem([...path, 'unstated'], 'expected true or false'), false);
  if (!opts.unstated) return false;
  if (axis.slot === 'age')
    return (
      r.problem(
        [...path, 'unstated'],
        'an age cannot be left unstated: it is clinical information every vignette needs (leave the age out of `axes:` to keep each vignette at its own age)',
      ),
      false
    );
  if (levelIds && !levelIds.includes(UNSTATED))
    r.problem(
      [...path, 'levels'],
      `\`unstated: true\` adds the level "${UNSTATED}"; list it in \`levels:\` too (or drop \`levels:\` to use every level)`,
    );
  return true;
}

/** The study's `axes:` mapping: which axes, which of their levels, which reference. Order follows the study. */
function readStudyAxes(r: FieldReader, raw: unknown, allAxes: readonly Axis[]): Axis[] {
  if (raw === undefined) {
    r.problem(['axes'], `is required: a mapping of axis id -> options; defined axes: ${allAxes.map((a) => a.id).join(', ')}`);
    return [];
  }
  const obj = r.record(raw, ['axes']);
  if (!obj) return [];
  const axes: Axis[] = [];
  for (const [id, options] of Object.entries(obj)) {
    const path = ['axes', id];
    const defined = allAxes.find((a) => a.id === id);
    if (!defined) {
      r.problem(
        path,
        `unknown axis "${id}"; defined axes: ${allAxes.map((a) => a.id).join(', ')} (add a YAML file to the demographics folder to define a new one)`,
      );
      continue;
    }
    const opts = options === null || options === undefined ? {} : r.record(options, path);
    if (!opts) continue;
    r.unknownKeys(opts, ['levels', 'reference', 'unstated'], path);
    const levelIds = r.stringList(opts, 'levels', path, { optional: true });
    const reference = r.string(opts, 'reference', path, { optional: true }) ?? defined.reference;
    const unstated = readUnstated(r, opts, path, defined, levelIds);
    const levels = (levelIds ?? [...defined.levels.map((l) => l.id), ...(unstated ? [UNSTATED] : [])]).flatMap((levelId, i) => {
      const level =
        levelId === UNSTATED && unstated
          ? unstatedLevel(defined)
          : (defined.levels.find((l) => l.id === levelId) ??
            (defined.slot === 'age' && /^\d+$/.test(levelId) ? ageLevel(Number(levelId)) : undefined));
      if (!level)
        r.problem(
          [...path, 'levels', i],
          `unknown level "${levelId}" of axis ${id}; levels: ${defined.levels.map((l) => l.id).join(', ')}${levelId === UNSTATED ? ` (to state nothing for this axis, set \`unstated: true\` on it)` : ''}`,
        );
      return level ? [level] : [];
    });
    if (levels.length > 0 && !levels.some((l) => l.id === reference)) {
      r.problem(
        [...path, 'reference'],
        `reference "${reference}" must be one of the study's levels for ${id} (${levels.map((l) => l.id).join(', ')})`,
      );
      continue;
    }
    if (levels.length < 2) r.problem([...path, 'levels'], 'an axis needs its reference and at least one other level');
    axes.push({ ...defined, reference, levels });
  }
  return axes;
}

function readModels(r: FieldReader, raw: unknown, scope: ModelScope): ModelSpec[] {
  if (raw === undefined) {
    r.problem(['models'], 'is required: a list of models (use `provider: simulated` to try the tool without a key)');
    return [];
  }
  const list = r.list(raw, ['models']) ?? [];
  const models: ModelSpec[] = [];
  list.forEach((item, i) => {
    const model = readModel(r, item, ['models', i], scope, 'model');
    if (!model) return;
    if (models.some((m) => m.id === model.id)) r.problem(['models', i, 'id'], `model id "${model.id}" is used twice`);
    models.push(model);
  });
  if (list.length === 0) r.problem(['models'], 'lists no models');
  return models;
}

/** What reading a model entry needs from the rest of the study. */
interface ModelScope {
  systemPrompt: string;
  axes: readonly Axis[];
  cueModes: readonly CueMode[];
  registry: Registry;
}

/**
 * One model entry, of `models:` or `judge.model`: the common fields here, the rest by its provider's definition;
 * undefined (with the problems recorded) when it is unusable.
 */
function readModel(r: FieldReader, item: unknown, path: FieldPath, scope: ModelScope, role: 'model' | 'judge'): ModelSpec | undefined {
  const obj = r.record(item, path);
  if (!obj) return undefined;
  const { providers } = scope.registry;
  const kind = r.oneOf(obj, 'provider', providers.ids, path);
  const definition = kind === undefined ? undefined : providers.get(kind);
  unknownModelFields(r, obj, path, definition, providers);
  const id = r.string(obj, 'id', path);
  if (!id || !definition) return undefined;
  const common: ModelCommon = {
    id,
    params: {
      temperature: r.number(obj, 'temperature', path, { optional: true, min: 0, max: 2 }),
      topP: r.number(obj, 'top_p', path, { optional: true, min: 0, max: 1 }),
      maxTokens: r.number(obj, 'max_tokens', path, { optional: true, integer: true, min: 1 }),
      seed: r.number(obj, 'seed', path, { optional: true, integer: true }),
      ...(readFlag(r, obj, 'structured_output', path) ? { structuredOutput: true } : {}),
    },
    systemPrompt: r.string(obj, 'system_prompt', path, { optional: true }) ?? scope.systemPrompt,
    concurrency: r.number(obj, 'concurrency', path, { optional: true, integer: true, min: 1, max: 1000 }) ?? 4,
    timeoutMs: r.number(obj, 'timeout_ms', path, { optional: true, integer: true, min: 1 }) ?? 60_000,
    maxRetries: r.number(obj, 'max_retries', path, { optional: true, integer: true, min: 0, max: 20 }) ?? 4,
    breakerAfter: r.number(obj, 'breaker_after', path, { optional: true, integer: true, min: 1, max: 10_000 }),
    maxAnswerBytes: r.number(obj, 'max_answer_bytes', path, { optional: true, integer: true, min: 1024 }),
    rpm: r.number(obj, 'rpm', path, { optional: true, min: 1 }),
    tpm: r.number(obj, 'tpm', path, { optional: true, min: 1 }),
    price: readPrice(r, obj.price, [...path, 'price']),
  };
  const spec = definition.readSpec(obj, {
    reader: r,
    path,
    common,
    role,
    axes: scope.axes,
    cueModes: scope.cueModes,
    questionTypes: scope.registry.questionTypes.ids,
  });
  // Every later lookup (request keys, the judge, the manifest's readers) goes by the spec's kind.
  if (spec && spec.kind !== definition.kind)
    throw new Error(`provider "${definition.kind}": readSpec() returned a spec of kind "${spec.kind}"; it must be "${definition.kind}"`);
  return spec;
}

/** Fields neither common nor the provider's: a field another provider reads says which (`batch` on a simulated model). */
function unknownModelFields(
  r: FieldReader,
  obj: Record<string, unknown>,
  path: FieldPath,
  definition: ProviderDefinition | undefined,
  providers: ProviderRegistry,
): void {
  const known = [...COMMON_MODEL_FIELDS, ...(definition?.fields ?? [])];
  for (const key of Object.keys(obj)) {
    if (known.includes(key) || !definition) continue;
    const owners = providers.ids.filter((id) => providers.get(id)!.fields.includes(key));
    if (owners.length > 0) r.problem([...path, key], `applies to provider: ${owners.join(', ')} only, not ${definition.kind}`);
    else r.problem([...path, key], `unknown field; expected one of ${known.join(', ')}`);
  }
}

/**
 * `judge: { model: {...}, prompt_version: 1, pairwise: true }`. The model takes the fields of a `models:` entry,
 * but it is always asked with the versioned judge prompt (so no `system_prompt`), one request at a time rather than
 * through a batch, and it sees masked cases (so a simulated judge has no demographic `bias` to inject).
 */
function readJudge(
  r: FieldReader,
  raw: unknown,
  scope: ModelScope,
  path: FieldPath = ['judge'],
  extraKeys: readonly string[] = [],
): JudgeSpec | undefined {
  if (raw === undefined) return undefined;
  const obj = r.record(raw, path);
  if (!obj) return undefined;
  r.unknownKeys(obj, [...extraKeys, 'model', 'prompt_version', 'pairwise'], path);
  if (obj.model === undefined)
    r.problem([...path, 'model'], 'is required: the model that grades free-text answers (the fields of a `models:` entry)');
  const modelFields = obj.model !== null && typeof obj.model === 'object' ? (obj.model as Record<string, unknown>) : {};
  if ('system_prompt' in modelFields)
    r.problem(
      [...path, 'model', 'system_prompt'],
      'the judge is asked with the versioned judge prompt (prompt_version); it cannot be replaced',
    );
  const model = obj.model === undefined ? undefined : readModel(r, obj.model, [...path, 'model'], scope, 'judge');
  const promptVersion = r.number(obj, 'prompt_version', path, { optional: true, integer: true, min: 1 }) ?? JUDGE_PROMPT_VERSION;
  if (promptVersion !== JUDGE_PROMPT_VERSION)
    r.problem(
      [...path, 'prompt_version'],
      `this counterfair asks the judge with prompt version ${JUDGE_PROMPT_VERSION}, not ${promptVersion}; use a counterfair release that has version ${promptVersion}, or accept ${JUDGE_PROMPT_VERSION}`,
    );
  if (obj.pairwise !== undefined && typeof obj.pairwise !== 'boolean') r.problem([...path, 'pairwise'], 'expected true or false');
  return model ? { model, promptVersion, pairwise: obj.pairwise !== false } : undefined;
}

/**
 * `price: { input: 0.15, output: 0.6, batch_input: 0.075, batch_output: 0.3 }`: US dollars per million prompt
 * and answer tokens, online and (optionally) through the Batch API.
 */
function readPrice(r: FieldReader, raw: unknown, path: (string | number)[]): ModelPrice | undefined {
  if (raw === undefined) return undefined;
  const obj = r.record(raw, path);
  if (!obj) return undefined;
  r.unknownKeys(obj, ['input', 'output', 'batch_input', 'batch_output'], path);
  const input = r.number(obj, 'input', path, { min: 0 });
  const output = r.number(obj, 'output', path, { min: 0 });
  const batchInput = r.number(obj, 'batch_input', path, { min: 0, optional: true });
  const batchOutput = r.number(obj, 'batch_output', path, { min: 0, optional: true });
  if (input === undefined || output === undefined) return undefined;
  return { input, output, ...(batchInput === undefined ? {} : { batchInput }), ...(batchOutput === undefined ? {} : { batchOutput }) };
}

function readFlag(r: FieldReader, obj: Record<string, unknown>, key: string, path: FieldPath): boolean {
  const value = obj[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') r.problem([...path, key], 'expected true or false');
  return value === true;
}
