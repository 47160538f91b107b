import { rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { DataQuality } from '../analysis/dataQuality.js';
import type { Finding } from '../analysis/types.js';
import { analyzeRun } from '../pipeline/analyzeRun.js';
import { JsonlWriter } from '../pipeline/runDir.js';
import {
  claimRunDirectory,
  jsonlRecords,
  runFile,
  writeFileAtomic,
  writeJsonl,
  writeManifest,
  writeVignettes,
} from '../pipeline/runDir.js';
import type { ResponseRecord } from '../run/types.js';
import { DEFAULT_QUALITY } from '../study/load.js';
import type { QualityThresholds } from '../study/types.js';
import { FieldReader } from '../util/fields.js';
import { deriveSeed } from '../util/hash.js';
import { failOnProblems, formatProblem, InputError, type Problem } from '../util/problems.js';
import { readYamlFile, type YamlSource } from '../util/yaml.js';
import { AcrossRowChecks, importedResponse, RunBuilder, type ImportedRun } from './build.js';
import { COLUMNS_FLAG, parseColumnsFlag } from './columnsFlag.js';
import { IMPORT_ANALYSIS, importedStudyName, importManifest, type ImportRecord } from './manifest.js';
import { checkContrasts } from '../study/contrasts.js';
import { NO_SETTINGS, settledAnalysis, type AnalysisSettings } from '../study/analysisSettings.js';
import { readImportMapping, type ImportFormat, type ImportMapping } from './mapping.js';
import { rowObservations, type Observation } from './observations.js';
import { checkTableBytes, tableRows, type TableShape } from './table.js';

export interface ImportRequest {
  file: string;
  /** A mapping file (YAML), or the text of --columns. */
  mapping: { file: string } | { columns: string };
  format?: ImportFormat;
  outDir: string;
  /** Leave out rows that cannot be used (listed in import-problems.txt and the manifest) instead of failing. */
  skipBadRows: boolean;
  /** Bootstrap seed; default: derived from the file's sha256, so re-importing the same file gives the same results. */
  seed?: number;
  /** Analysis settings (an analysis file, flags) over the defaults; contrasts here or in the mapping, not both. */
  analysis?: AnalysisSettings;
  /** Data-quality thresholds (--max-error-rate, --max-unparseable-rate) over the defaults; recorded in the manifest. */
  quality?: Partial<QualityThresholds>;
  clock: () => number;
  /** Replace a run of something else in `outDir` (its recorded files are deleted first); without it that is refused. */
  force?: boolean;
  /**
   * false: write the run directory (manifest, vignettes, variants, responses) and stop before scoring, for
   * `counterfair analyze` to score and analyse later (default: true).
   */
  analyse?: boolean;
}

export interface ImportOutcome {
  runDir: string;
  record: ImportRecord;
  /** Whether the run was scored and analysed (`analyse` was not false); without, findings is empty. */
  analysed: boolean;
  findings: Finding[];
  /** Empty answer cells and unreadable answers against the default data-quality thresholds. */
  dataQuality?: DataQuality;
}

/**
 * Outputs produced elsewhere (CSV or JSONL, long or wide) -> a run directory, then scored and analysed like a run.
 * Problems with the mapping or the file always fail. Problems with rows are collected over the whole file and
 * fail together (exit 2, file:line:column messages) unless `skipBadRows`, which leaves those rows out and lists
 * every one of them; no row is ever dropped without a line saying so.
 */
export async function importOutputs(request: ImportRequest): Promise<ImportOutcome> {
  const { file, outDir } = request;
  const problems: Problem[] = [];
  const source: YamlSource | undefined =
    'file' in request.mapping
      ? readYamlFile(request.mapping.file, problems)
      : { file: COLUMNS_FLAG, value: parseColumnsFlag(request.mapping.columns, problems), lineOf: () => undefined };
  failOnProblems(problems);
  const mappingReader = new FieldReader(source!, problems);
  const readMapping = readImportMapping(mappingReader, source!.value, request.format);
  const sha256 = checkTableBytes(file, problems);
  failOnProblems(problems);
  const mapping = readMapping!;

  const scan = await scanRows(file, mapping, request.skipBadRows);
  checkColumns(file, scan, mapping, problems);
  failOnProblems(problems);
  const rowProblems = scan.problems;
  if (rowProblems.length && !request.skipBadRows) throw new InputError(rowProblems);
  const builder = rowProblems.length ? await cleanBuild(file, mapping, scan.checks) : scan.builder;
  if (builder.answerCount === 0) throw new InputError([...rowProblems, { file, message: 'no usable row: nothing to import' }]);
  const run = builder.build();

  const declared = mapping.contrasts;
  if (declared) checkContrasts(mappingReader, declared, ['contrasts'], run.axes);
  failOnProblems(problems);
  const analysis = settledAnalysis(
    declared ? { ...IMPORT_ANALYSIS, contrasts: declared } : IMPORT_ANALYSIS,
    request.analysis ?? NO_SETTINGS,
    run.axes,
    declared ? { contrasts: declared, where: `the mapping (contrasts:)` } : undefined,
  );
  const record: ImportRecord = {
    file,
    sha256: sha256!,
    format: mapping.format,
    mapping,
    rows: scan.lines,
    skippedRows: scan.lines - run.lines,
    problems: rowProblems.map(formatProblem),
    warnings: run.warnings,
  };
  const seed = request.seed ?? request.analysis?.seed ?? deriveSeed(0, 'import', sha256!);
  const quality: QualityThresholds = {
    maxErrorRate: request.quality?.maxErrorRate ?? DEFAULT_QUALITY.maxErrorRate,
    maxUnparseableRate: request.quality?.maxUnparseableRate ?? DEFAULT_QUALITY.maxUnparseableRate,
  };
  const startedAt = new Date(request.clock()).toISOString();

  // An output folder is reused only if empty or holding an earlier import of this file, unless --force.
  const claim = claimRunDirectory(outDir, { writes: { kind: 'import', name: importedStudyName(file) }, force: request.force });
  try {
    const manifest = importManifest({
      record,
      seed,
      design: run.design,
      axes: run.axes,
      models: run.models,
      replicates: run.replicates,
      startedAt,
      quality,
      analysis,
    });
    writeManifest(outDir, manifest);
    writeVignettes(outDir, run.vignettes);
    writeJsonl(runFile(outDir, 'variants'), run.variants);
    await writeResponses(file, mapping, scan.checks, sha256!, run, outDir);
    const problemsFile = runFile(outDir, 'importProblems');
    if (record.problems.length) writeFileAtomic(problemsFile, `${record.problems.join('\n')}\n`);
    else rmSync(problemsFile, { force: true });
    if (request.analyse === false) return { runDir: outDir, record, analysed: false, findings: [] };
    const study = {
      name: manifest.study.name,
      seed,
      design: run.design,
      axes: run.axes,
      analysis,
      quality,
      modelIds: run.models,
    };
    // The responses are read back from the file, one at a time: the run's answers are never all in memory.
    const responses: Iterable<ResponseRecord> = { [Symbol.iterator]: () => jsonlRecords<ResponseRecord>(runFile(outDir, 'responses')) };
    const { findings, dataQuality } = await analyzeRun(outDir, study, run.vignettes, run.variants, responses);
    return { runDir: outDir, record, analysed: true, findings, dataQuality };
  } finally {
    claim.release();
  }
}

/** Row problems kept when the import is to fail on them: enough to fix the file by, never a second copy of it. */
const ROW_PROBLEMS_KEPT = 10_000;

interface RowScan {
  shape: TableShape;
  /** Data rows found (good or bad), and distinct lines of the file that are rows or not readable as rows. */
  rows: number;
  lines: number;
  /** Every row problem (or the first ROW_PROBLEMS_KEPT and a count, when the import is to fail), by line. */
  problems: Problem[];
  checks: AcrossRowChecks;
  /** Built from every observation read: the run itself when no row has a problem. */
  builder: RunBuilder;
}

/**
 * The second pass (the first read the bytes): every row, record by record, through the row checks and the
 * checks across rows, each observation handed to a builder as it comes. Problems are sorted by line; on one line,
 * unreadable rows come first, then cells, then conflicts with other rows, then the vignette's question.
 */
async function scanRows(file: string, mapping: ImportMapping, keepAll: boolean): Promise<RowScan> {
  const shape: TableShape = { columns: [], headerLine: undefined };
  const found: { problem: Problem; order: number }[] = [];
  let unlisted = 0;
  const collect = (step: number) => (problem: Problem) => {
    if (keepAll || found.length < ROW_PROBLEMS_KEPT) found.push({ problem, order: step });
    else unlisted++;
  };
  const [unreadable, cells, across, questions] = [0, 1, 2, 3].map(collect);
  let finished = false;
  const checks = new AcrossRowChecks(file, mapping, (problem) => (finished ? questions : across)!(problem));
  const builder = new RunBuilder(file, mapping);
  const problemLines = new Set<number | undefined>();
  let rows = 0;
  for await (const event of tableRows(file, shape)) {
    if ('problem' in event) {
      if (event.fatal) throw new InputError([event.problem]);
      unreadable!(event.problem);
      problemLines.add(event.problem.line);
      continue;
    }
    rows++;
    // A CSV header without a mapped column makes every row a problem: stop at the first row, the header says it all.
    if (rows === 1 && shape.headerLine !== undefined && missingColumns(mapping, shape).length) break;
    const cellProblems: Problem[] = [];
    const observations = rowObservations(file, event.row, mapping, cellProblems);
    cellProblems.forEach(cells!);
    for (const o of observations) {
      checks.add(o);
      builder.add(o);
    }
  }
  finished = true;
  checks.finish();
  const problems = found.sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.order - b.order).map((f) => f.problem);
  if (unlisted)
    problems.push({ file, message: `${unlisted} more problems in rows are not listed here (the first ${ROW_PROBLEMS_KEPT} found are)` });
  return { shape, rows, lines: rows + problemLines.size, problems, checks, builder };
}

/** The observations of the rows the checks left in, read record by record (a row with a problem gives none). */
async function* cleanObservations(file: string, mapping: ImportMapping, checks: AcrossRowChecks): AsyncGenerator<Observation> {
  for await (const event of tableRows(file, { columns: [], headerLine: undefined })) {
    if ('problem' in event) continue;
    for (const o of rowObservations(file, event.row, mapping, [])) if (!checks.rejected(o)) yield o;
  }
}

/** With --skip-bad-rows and rows left out: the run built again from the rows kept. */
async function cleanBuild(file: string, mapping: ImportMapping, checks: AcrossRowChecks): Promise<RunBuilder> {
  const builder = new RunBuilder(file, mapping);
  for await (const o of cleanObservations(file, mapping, checks)) builder.add(o);
  return builder;
}

/** responses.jsonl, written as the file is read once more, one answer at a time. */
async function writeResponses(
  file: string,
  mapping: ImportMapping,
  checks: AcrossRowChecks,
  sha256: string,
  run: ImportedRun,
  outDir: string,
): Promise<void> {
  const writer = new JsonlWriter(runFile(outDir, 'responses'));
  try {
    for await (const o of cleanObservations(file, mapping, checks)) writer.write(importedResponse(o, sha256, run.axes, mapping));
  } catch (err) {
    writer.abort();
    throw err;
  }
  writer.commit();
}

/** Default run directory: reports/<file name without extension>. */
export function defaultImportDir(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return join('reports', name.slice(0, name.length - extname(name).length));
}

/** Every column the mapping names must be in the file. */
function checkColumns(file: string, scan: RowScan, mapping: ImportMapping, problems: Problem[]): void {
  const { columns, headerLine } = scan.shape;
  for (const [field, column] of missingColumns(mapping, scan.shape))
    problems.push({
      file,
      line: headerLine,
      field,
      message: `column "${column}" is not in the file (columns: ${columns.join(', ') || 'none'})`,
    });
  if (scan.lines === 0) problems.push({ file, message: 'has no data rows' });
}

/** The mapping fields naming a column the file does not have, with the column. */
function missingColumns(mapping: ImportMapping, shape: TableShape): [string, string][] {
  const named: [string, string][] = [
    ...Object.entries(mapping.columns).flatMap(([field, c]): [string, string][] =>
      Array.isArray(c) ? c.map((one, i): [string, string] => [`columns.${field}[${i}]`, one]) : [[`columns.${field}`, c]],
    ),
    ...mapping.axes.map((a): [string, string] => [`axes.${a.id}.column`, a.column]),
    ...mapping.variants.map((v): [string, string] => [`variants.${v.column}`, v.column]),
  ];
  return named.filter(([, column]) => !shape.columns.includes(column));
}
