import { readFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { DataQuality } from '../analysis/dataQuality.js';
import type { Finding } from '../analysis/types.js';
import { analyzeRun } from '../pipeline/analyzeRun.js';
import { claimRunDirectory, runFile, writeFileAtomic, writeJsonl, writeManifest, writeVignettes } from '../pipeline/runDir.js';
import { DEFAULT_QUALITY } from '../study/load.js';
import type { QualityThresholds } from '../study/types.js';
import { FieldReader } from '../util/fields.js';
import { deriveSeed, sha256Hex } from '../util/hash.js';
import { failOnProblems, formatProblem, InputError, type Problem } from '../util/problems.js';
import { readYamlFile, type YamlSource } from '../util/yaml.js';
import { buildImportedRun, checkAcrossRows } from './build.js';
import { COLUMNS_FLAG, parseColumnsFlag } from './columnsFlag.js';
import { IMPORT_ANALYSIS, importManifest, type ImportRecord } from './manifest.js';
import { checkContrasts } from '../study/contrasts.js';
import { NO_SETTINGS, settledAnalysis, type AnalysisSettings } from '../study/analysisSettings.js';
import { readImportMapping, type ImportFormat, type ImportMapping } from './mapping.js';
import { readObservations } from './observations.js';
import { readTable, type SourceTable } from './table.js';

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
}

export interface ImportOutcome {
  runDir: string;
  record: ImportRecord;
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
  const mapping = readImportMapping(mappingReader, source!.value, request.format);
  const table = readTable(file, problems);
  failOnProblems(problems);
  checkColumns(file, table!, mapping!, problems);
  failOnProblems(problems);

  const read = readObservations(file, table!.rows, mapping!);
  const across = checkAcrossRows(file, read.observations, mapping!);
  const rowProblems = [...table!.rowProblems, ...read.problems, ...across.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (rowProblems.length && !request.skipBadRows) throw new InputError(rowProblems);
  const clean = read.observations.filter((o) => !across.rejected(o));
  if (clean.length === 0) throw new InputError([...rowProblems, { file, message: 'no usable row: nothing to import' }]);

  const sha256 = sha256Hex(readFileSync(file));
  const run = buildImportedRun(file, sha256, clean, mapping!);
  const declared = mapping!.contrasts;
  if (declared) checkContrasts(mappingReader, declared, ['contrasts'], run.axes);
  failOnProblems(problems);
  const analysis = settledAnalysis(
    declared ? { ...IMPORT_ANALYSIS, contrasts: declared } : IMPORT_ANALYSIS,
    request.analysis ?? NO_SETTINGS,
    run.axes,
    declared ? { contrasts: declared, where: `the mapping (contrasts:)` } : undefined,
  );
  const allLines = new Set([...table!.rows.map((r) => r.line), ...table!.rowProblems.map((p) => p.line)]);
  const record: ImportRecord = {
    file,
    sha256,
    format: mapping!.format,
    mapping: mapping!,
    rows: allLines.size,
    skippedRows: allLines.size - new Set(clean.map((o) => o.line)).size,
    problems: rowProblems.map(formatProblem),
    warnings: run.warnings,
  };
  const seed = request.seed ?? request.analysis?.seed ?? deriveSeed(0, 'import', sha256);
  const quality: QualityThresholds = {
    maxErrorRate: request.quality?.maxErrorRate ?? DEFAULT_QUALITY.maxErrorRate,
    maxUnparseableRate: request.quality?.maxUnparseableRate ?? DEFAULT_QUALITY.maxUnparseableRate,
  };
  const manifest = importManifest({
    record,
    seed,
    design: run.design,
    axes: run.axes,
    models: run.models,
    replicates: run.replicates,
    startedAt: new Date(request.clock()).toISOString(),
    quality,
    analysis,
  });

  // An output folder is reused only if empty or holding an earlier import of this file, unless --force.
  const claim = claimRunDirectory(outDir, { writes: { kind: 'import', name: manifest.study.name }, force: request.force });
  try {
    writeManifest(outDir, manifest);
    writeVignettes(outDir, run.vignettes);
    writeJsonl(runFile(outDir, 'variants'), run.variants);
    writeJsonl(runFile(outDir, 'responses'), run.responses);
    const problemsFile = runFile(outDir, 'importProblems');
    if (record.problems.length) writeFileAtomic(problemsFile, `${record.problems.join('\n')}\n`);
    else rmSync(problemsFile, { force: true });
    const study = {
      name: manifest.study.name,
      seed,
      design: run.design,
      axes: run.axes,
      analysis,
      quality,
      modelIds: run.models,
    };
    const { findings, dataQuality } = await analyzeRun(outDir, study, run.vignettes, run.variants, run.responses);
    return { runDir: outDir, record, findings, dataQuality };
  } finally {
    claim.release();
  }
}

/** Default run directory: reports/<file name without extension>. */
export function defaultImportDir(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return join('reports', name.slice(0, name.length - extname(name).length));
}

/** Every column the mapping names must be in the file. */
function checkColumns(file: string, table: SourceTable, mapping: ImportMapping, problems: Problem[]): void {
  const named: [string, string][] = [
    ...Object.entries(mapping.columns).flatMap(([field, c]): [string, string][] =>
      Array.isArray(c) ? c.map((one, i): [string, string] => [`columns.${field}[${i}]`, one]) : [[`columns.${field}`, c]],
    ),
    ...mapping.axes.map((a): [string, string] => [`axes.${a.id}.column`, a.column]),
    ...mapping.variants.map((v): [string, string] => [`variants.${v.column}`, v.column]),
  ];
  for (const [field, column] of named) {
    if (!table.columns.includes(column))
      problems.push({
        file,
        line: table.headerLine,
        field,
        message: `column "${column}" is not in the file (columns: ${table.columns.join(', ') || 'none'})`,
      });
  }
  if (table.rows.length === 0 && table.rowProblems.length === 0) problems.push({ file, message: 'has no data rows' });
}
