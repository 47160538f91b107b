import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FieldReader } from '../util/fields.js';
import type { Problem } from '../util/problems.js';
import { readYamlFile } from '../util/yaml.js';
import { readCsvRows, type CsvMapping } from './csv.js';
import { createQuestionTypeRegistry, type QuestionTypeRegistry } from './questions/registry.js';
import { PERSPECTIVES, type Exclusion, type ImplausibleLevels, type Probe, type Question, type Vignette } from './types.js';
import type { FieldPath } from '../util/yaml.js';

const FILE_FIELDS = ['domain', 'vignettes', 'description'];
const VIGNETTE_FIELDS = [
  'id',
  'domain',
  'perspective',
  'text',
  'question',
  'rationale',
  'source',
  'excluded',
  'implausible',
  'varies',
  'tags',
  'paraphrases',
  'lint',
  'probe',
  'case',
];
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Template files named by the study: YAML files, or directories searched (not recursively) for them. */
export function listTemplateFiles(paths: readonly string[], problems: Problem[]): string[] {
  const files: string[] = [];

  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) {
        files.push(
          ...readdirSync(path)
            .filter((f) => /\.ya?ml$/.test(f))
            .sort()
            .map((f) => join(path, f)),
        );
      } else files.push(path);
    } catch {
      problems.push({ file: path, message: 'template file or directory not found; check `templates:` in the study' });
    }
  }
  return files;
}

/** Where vignettes come from: a YAML template file, or a CSV file read through a column mapping. */
export type TemplateSource = { kind: 'yaml'; file: string } | ({ kind: 'csv'; file: string } & CsvMapping);

/**
 * Parses and structurally validates vignette sources. Ids must be unique across all of them. A question's `type` is
 * one of `questionTypes` (the built-in ones by default).
 */
export function loadVignettes(
  sources: readonly TemplateSource[],
  problems: Problem[],
  questionTypes: QuestionTypeRegistry = createQuestionTypeRegistry(),
): Vignette[] {
  const vignettes: Vignette[] = [];
  const seen = new Map<string, string>();
  const accept = (r: FieldReader, v: Vignette | undefined, path: (string | number)[]) => {
    if (!v) return;
    const where = seen.get(v.id);
    if (where) r.problem([...path, 'id'], `duplicate id "${v.id}" (first defined at ${where}); ids must be unique across the library`);
    else {
      seen.set(v.id, `${v.file}:${v.line ?? '?'}`);
      vignettes.push(v);
    }
  };
  for (const source of sources) {
    if (source.kind === 'csv') {
      for (const row of readCsvRows(source, problems))
        accept(row.reader, readVignette(row.reader, row.value, [], undefined, questionTypes), []);
      continue;
    }
    const file = source.file;
    const yamlSource = readYamlFile(file, problems);
    if (!yamlSource) continue;
    const r = new FieldReader(yamlSource, problems);
    const root = r.record(yamlSource.value, []);
    if (!root) continue;
    r.unknownKeys(root, FILE_FIELDS, []);
    const fileDomain = r.string(root, 'domain', [], { optional: true });
    const list =
      root.vignettes === undefined
        ? (r.problem(['vignettes'], 'is required: a list of vignettes'), undefined)
        : r.list(root.vignettes, ['vignettes']);
    list?.forEach((raw, i) => accept(r, readVignette(r, raw, ['vignettes', i], fileDomain, questionTypes), ['vignettes', i]));
  }
  return vignettes;
}

function readVignette(
  r: FieldReader,
  raw: unknown,
  path: (string | number)[],
  fileDomain: string | undefined,
  questionTypes: QuestionTypeRegistry,
): Vignette | undefined {
  const obj = r.record(raw, path);
  if (!obj) return undefined;
  const before = r.problems.length;
  r.unknownKeys(obj, VIGNETTE_FIELDS, path);
  const id = r.string(obj, 'id', path);
  if (id !== undefined && !ID_PATTERN.test(id)) r.problem([...path, 'id'], `"${id}" must use lowercase letters, digits and hyphens`);
  const domain = r.string(obj, 'domain', path, { optional: fileDomain !== undefined }) ?? fileDomain;
  const perspective = r.oneOf(obj, 'perspective', PERSPECTIVES, path);
  const text = r.string(obj, 'text', path);
  const rationale = r.string(obj, 'rationale', path);
  const source = r.string(obj, 'source', path);
  const question =
    obj.question === undefined
      ? (r.problem([...path, 'question'], 'is required'), undefined)
      : readQuestion(r, obj.question, [...path, 'question'], questionTypes);
  const excluded = readExclusions(r, obj.excluded, [...path, 'excluded']);
  const implausible = readImplausible(r, obj.implausible, [...path, 'implausible']);
  const probe = readProbe(r, obj.probe, [...path, 'probe']);
  const listedVaries = r.stringList(obj, 'varies', path, { optional: true });
  if (probe && listedVaries && (listedVaries.length !== 1 || listedVaries[0] !== probe.axis))
    r.problem([...path, 'varies'], `a probe varies its probe axis and only it: write \`varies: [${probe.axis}]\` or leave \`varies\` out`);
  const varies = probe ? [probe.axis] : listedVaries;
  const tags = r.stringList(obj, 'tags', path, { optional: true }) ?? [];
  const paraphrases = r.stringList(obj, 'paraphrases', path, { optional: true }) ?? [];
  const lintAllow = readLint(r, obj.lint, [...path, 'lint']);
  const caseId = r.string(obj, 'case', path, { optional: true });
  if (caseId !== undefined && !ID_PATTERN.test(caseId))
    r.problem([...path, 'case'], `"${caseId}" must use lowercase letters, digits and hyphens`);
  if (r.problems.length > before || !id || !domain || !perspective || !text || !rationale || !source || !question) return undefined;
  return {
    id,
    domain,
    perspective,
    text,
    question,
    rationale,
    source,
    excluded,
    implausible,
    ...(probe && { probe }),
    ...(caseId !== undefined && { case: caseId }),
    varies,
    tags,
    paraphrases,
    lintAllow,
    file: r.source.file,
    line: r.source.lineOf(path),
    textLine: r.source.lineOf([...path, 'text']),
    stemLine: r.source.lineOf([...path, 'question', 'stem']),
    paraphraseLines: paraphrases.map((_, i) => r.source.lineOf([...path, 'paraphrases', i])),
  };
}

/** A question: `type` and `stem` here, the rest by its type's definition. */
function readQuestion(r: FieldReader, raw: unknown, path: FieldPath, questionTypes: QuestionTypeRegistry): Question | undefined {
  const obj = r.record(raw, path);
  if (!obj) return undefined;
  const type = r.oneOf(obj, 'type', questionTypes.ids, path);
  if (!type) return undefined;
  const definition = questionTypes.get(type)!;
  r.unknownKeys(obj, ['type', 'stem', ...definition.fields], path);
  const stem = r.string(obj, 'stem', path);
  if (!stem) return undefined;
  const question = definition.validate(obj, { reader: r, path, stem });
  // Every later lookup (prompt, extraction, grading, description) goes by the question's type.
  if (question && question.type !== definition.type)
    throw new Error(
      `question type "${definition.type}": validate() returned a question of type "${question.type}"; it must be "${definition.type}"`,
    );
  return question;
}

function readExclusions(r: FieldReader, raw: unknown, path: (string | number)[]): Exclusion[] {
  return r.recordList(raw, path, ['axis', 'value', 'reason'], (obj, at) => {
    const axis = r.string(obj, 'axis', at);
    const value = r.string(obj, 'value', at);
    const reason = r.string(obj, 'reason', at);
    return axis && value && reason ? { axis, value, reason } : undefined;
  });
}

function readImplausible(r: FieldReader, raw: unknown, path: (string | number)[]): ImplausibleLevels[] {
  return r.recordList(raw, path, ['axis', 'levels', 'reason'], (obj, at) => {
    const axis = r.string(obj, 'axis', at);
    const levels = r.stringList(obj, 'levels', at);
    const reason = r.string(obj, 'reason', at);
    return axis && levels && reason ? { axis, levels, reason } : undefined;
  });
}

/** `probe: { axis, levels: [...], myth }`: the vignette states a myth about these levels (checked against the axes in validate). */
function readProbe(r: FieldReader, raw: unknown, path: (string | number)[]): Probe | undefined {
  if (raw === undefined) return undefined;
  const obj = r.record(raw, path);
  if (!obj) return undefined;
  r.unknownKeys(obj, ['axis', 'levels', 'myth'], path);
  const axis = r.string(obj, 'axis', path);
  const levels = r.stringList(obj, 'levels', path);
  const myth = r.string(obj, 'myth', path);
  if (levels && levels.length === 0) r.problem([...path, 'levels'], 'needs at least one level the myth is about');
  if (levels && new Set(levels).size !== levels.length) r.problem([...path, 'levels'], 'lists a level twice');
  return axis && levels && levels.length > 0 && myth ? { axis, levels, myth, line: r.source.lineOf(path) } : undefined;
}

/** `lint: { allow: [mother, ...] }`: words the demographic-word lint accepts in this vignette. */
function readLint(r: FieldReader, raw: unknown, path: (string | number)[]): string[] {
  if (raw === undefined) return [];
  const obj = r.record(raw, path);
  if (!obj) return [];
  r.unknownKeys(obj, ['allow'], path);
  return r.stringList(obj, 'allow', path, { optional: true }) ?? [];
}
