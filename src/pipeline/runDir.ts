/**
 * The run directory: the one module that knows its file names, their formats and schema version, and how a
 * command claims the directory. Every other module reads and writes a run through it, so a missing or damaged
 * file is always the same bad input (exit 2, the file and line named, and what to do), never an internal error.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResults } from '../analysis/analyze.js';
import type { Variant } from '../expand/types.js';
import { fileLines, writeAll } from '../run/jsonlFile.js';
import { isAlive, takeLock } from '../run/lock.js';
import { EXTRACTOR_VERSION } from '../score/extract/types.js';
import { ScoreTable } from '../score/table.js';
import { encodeScoreTable, KeyBytesFile, readScoreTableFile, storedKeyBytes, type ScoreTableStamp } from '../score/tableFile.js';
import type { ScoreRecord } from '../score/types.js';
import type { Vignette } from '../template/types.js';
import { InputError } from '../util/problems.js';
import type { Manifest } from './manifest.js';
import type { JudgePanel, JudgeSpec } from '../study/types.js';

/**
 * The schema version written into manifest.json and results.json. Readers accept files without it (runs made
 * before it existed) and refuse a newer one: its fields may mean something this version does not know.
 */
export const RUN_SCHEMA_VERSION = 1;

/** The files of a run directory; everything needed to re-analyse without asking any model again. */
export const RUN_FILES = {
  manifest: 'manifest.json',
  vignettes: 'vignettes.jsonl',
  variants: 'variants.jsonl',
  responses: 'responses.jsonl',
  batches: 'batches.jsonl',
  /** The study's judge (its `judge:` settings) or panel (`{ rule, judges: [{ id, spec }] }`) as last run. */
  judgeSpec: 'judge.json',
  /** Every judge request and its answer, by judgement key (a panel's judges share it). */
  judgements: 'judgements.jsonl',
  /** Every pairwise verdict, one line per reference/level pair. */
  pairwise: 'pairwise.jsonl',
  /** A panel's per-judge rubric verdicts, one line per judged answer (absent for a single judge). */
  judgeVerdicts: 'judge-verdicts.jsonl',
  /** Every clinician label ever imported, in import order. */
  adjudications: 'adjudications.jsonl',
  /** Which model, variants and responses hide behind each opaque review item id. */
  reviewKey: 'review-key.json',
  /** Written after every review import: how far automated scoring and clinicians agree, and what it changes. */
  reviewAgreement: 'review-agreement.json',
  importProblems: 'import-problems.txt',
  scores: 'scores.jsonl',
  /** What produced scores.jsonl (extractor and question-type versions, judge, digests of the inputs): `analyze` reuses the scores while it matches. */
  scoresSource: 'scores-source.json',
  /** scores.jsonl as columns (a cache, checked against its digest): a re-analysis reads it instead of parsing every line. */
  scoresTable: 'scores-table.bin',
  /** The sha256 of run files, each with the size, modification time and inode it was computed for (a cache). */
  digests: 'digests.json',
  findings: 'findings.json',
  results: 'results.json',
  report: 'report.html',
  appendix: 'appendix.md',
  appendixPdf: 'appendix.pdf',
} as const;

export type RunFileName = keyof typeof RUN_FILES;

/** Folders the report owns inside a run directory; emptied before each render so no stale chart survives. */
export const REPORT_FOLDERS = { charts: 'charts', tables: 'tables' } as const;

/** Held while a command writes into the directory; one command at a time. */
const LOCK_FILE = 'run.lock';

/** A file being written atomically: `<name>.tmp-<pid>`, renamed over `<name>` when complete. */
const TEMPORARY = /\.tmp-(\d+)$/;

export function runFile(dir: string, name: RunFileName): string {
  return join(dir, RUN_FILES[name]);
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** Writes via a temporary file and rename, so a reader never sees half a file. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = temporaryPath(path);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** Where `path` is written before it is renamed into place (removed by `claimRunDirectory` if its writer died). */
export function temporaryPath(path: string): string {
  return `${path}.tmp-${process.pid}`;
}

/** Characters of JSONL gathered before one write(): the file is never one string, whatever its size. */
const JSONL_CHUNK = 1 << 20;

/**
 * Writes one JSON line per record, streamed through a file descriptor in bounded chunks to the temporary file,
 * then renamed into place (a reader never sees half a file); a failed write leaves no temporary file behind.
 */
export function writeJsonl(path: string, records: Iterable<unknown>): void {
  const writer = new JsonlWriter(path);
  try {
    for (const r of records) writer.write(r);
  } catch (err) {
    writer.abort();
    throw err;
  }
  writer.commit();
}

/** `writeJsonl` for records that arrive asynchronously (scored in worker threads). */
export async function writeJsonlAsync(path: string, records: AsyncIterable<unknown> | Iterable<unknown>): Promise<void> {
  const writer = new JsonlWriter(path);
  try {
    for await (const r of records) writer.write(r);
  } catch (err) {
    writer.abort();
    throw err;
  }
  writer.commit();
}

/** A JSONL file being written record by record to its temporary file: committed (renamed) or aborted (removed). */
export class JsonlWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private chunk = '';

  constructor(private readonly path: string) {
    this.tmp = temporaryPath(path);
    this.fd = openSync(this.tmp, 'w');
  }

  write(record: unknown): void {
    this.chunk += `${JSON.stringify(record)}\n`;
    if (this.chunk.length >= JSONL_CHUNK) {
      writeAll(this.fd, this.chunk);
      this.chunk = '';
    }
  }

  commit(): void {
    try {
      if (this.chunk !== '') writeAll(this.fd, this.chunk);
    } catch (err) {
      this.abort();
      throw err;
    }
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    closeSync(this.fd);
    rmSync(this.tmp, { force: true });
  }
}

/** A JSONL file's records; a line that is not a JSON object is bad input naming the file and line. */
export function readJsonl<T>(path: string, remedy = 'fix or remove that line'): T[] {
  return Array.from(jsonlRecords<T>(path, remedy));
}

/**
 * A JSONL file's records one at a time, read line by line (one chunk in memory, never the whole file); blank lines
 * are skipped, and a line that is not a JSON object is bad input naming the file and line.
 */
export function* jsonlRecords<T>(path: string, remedy = 'fix or remove that line'): Generator<T> {
  let lineNumber = 0;
  for (const { line } of fileLines(path, { final: 'include' })) {
    lineNumber++;
    if (line.trim() !== '') yield parseJsonLine<T>(path, line, lineNumber, remedy);
  }
}

/** One JSONL line as a JSON object, or bad input naming the file and line. */
export function parseJsonLine<T>(path: string, line: string, lineNumber: number, remedy: string): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError([{ file: path, line: lineNumber, message: `is not valid JSON; ${remedy}` }]);
  }
  if (!isObject(value)) throw new InputError([{ file: path, line: lineNumber, message: `is not a JSON object; ${remedy}` }]);
  return value as T;
}

// ---- what to do about a missing or damaged file ----------------------------------------------------------------

type Remedy = { missing: string; damaged: string };

function remedyFor(dir: string, name: RunFileName): Remedy {
  switch (name) {
    case 'manifest':
      return {
        missing: 'not a counterfair run directory (no manifest.json); pass the directory `counterfair run` or `counterfair import` wrote',
        damaged: 'the run cannot be read without it: restore it, or run the study again into a new --out (or this one with --force)',
      };
    case 'vignettes':
    case 'variants':
      return {
        missing: 'missing from the run directory; re-run `counterfair run` with this --out to recreate it (recorded answers are kept)',
        damaged: 're-run `counterfair run` with this --out to rewrite it (recorded answers are kept)',
      };
    case 'responses':
      return {
        missing: 'missing: this run has no recorded responses to analyse',
        damaged:
          'a torn last line (a crash mid-write) is cut off by re-running `counterfair run` with this --out; damage elsewhere: restore the file, or move it away to start over',
      };
    case 'scores':
    case 'findings':
    case 'results':
      return {
        missing: `missing: the run has not been analysed yet; run \`counterfair analyze ${dir}\` first`,
        damaged: `re-create it with \`counterfair analyze ${dir}\``,
      };
    default:
      return { missing: 'missing from the run directory', damaged: 'restore it or move it away' };
  }
}

/** The path of a run file that must exist; a missing one is bad input saying what to do. */
export function requireRunFile(dir: string, name: RunFileName): string {
  const file = runFile(dir, name);
  if (!existsSync(file)) throw new InputError([{ file, message: remedyFor(dir, name).missing }]);
  return file;
}

// ---- typed readers -------------------------------------------------------------------------------------------

/** Top-level fields a file cannot be used without, and their JSON type. */
type Shape = Record<string, 'object' | 'array'>;

const MANIFEST_SHAPE: Shape = { study: 'object', axes: 'array', models: 'array', analysis: 'object' };
const RESULTS_SHAPE: Shape = { findings: 'array', worstCases: 'array' };

/** The run's manifest, or undefined when the directory has none; a damaged or newer one is bad input. */
export function readManifest(dir: string): Manifest | undefined {
  return existsSync(runFile(dir, 'manifest')) ? readVersionedJson<Manifest>(dir, 'manifest', MANIFEST_SHAPE) : undefined;
}

/** The run's manifest; a missing one means the directory is not a run. */
export function requireManifest(dir: string): Manifest {
  requireRunFile(dir, 'manifest');
  return readVersionedJson<Manifest>(dir, 'manifest', MANIFEST_SHAPE);
}

export function readResults(dir: string): AnalysisResults {
  requireRunFile(dir, 'results');
  return readVersionedJson<AnalysisResults>(dir, 'results', RESULTS_SHAPE);
}

/** results.json when the run has been analysed, else undefined. */
export function readResultsIfAnalysed(dir: string): AnalysisResults | undefined {
  return existsSync(runFile(dir, 'results')) ? readResults(dir) : undefined;
}

/** findings.json as written (JSON has no Infinity or NaN: those are null); each entry is checked to be an object. */
export function readFindingsJson<T>(dir: string): T[] {
  const file = requireRunFile(dir, 'findings');
  const value = parseJsonFile(dir, 'findings');
  if (!Array.isArray(value)) throw damaged(dir, 'findings', 'is not a JSON array of findings');
  const bad = value.findIndex((f) => !isObject(f));
  if (bad !== -1)
    throw new InputError([{ file, field: `[${bad}]`, message: `is not a finding (a JSON object); ${remedyFor(dir, 'findings').damaged}` }]);
  return value as T[];
}

export function readScores(dir: string): ScoreRecord[] {
  return readRunJsonl<ScoreRecord>(dir, 'scores');
}

/** What produced scores.jsonl as recorded, or undefined when not recorded (or unreadable: the scores are made again). */
export function readScoresSource(dir: string): Record<string, unknown> | undefined {
  try {
    const value = readOptionalJson<unknown>(dir, 'scoresSource');
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function readVignettes(dir: string): Vignette[] {
  return readRunJsonl<Vignette>(dir, 'vignettes');
}

export function readVariants(dir: string): Variant[] {
  return readRunJsonl<Variant>(dir, 'variants');
}

function readRunJsonl<T>(dir: string, name: RunFileName): T[] {
  return readJsonl<T>(requireRunFile(dir, name), remedyFor(dir, name).damaged);
}

/** A JSON file of the run that may be absent (review agreement, review key, judge settings): undefined when it is. */
export function readOptionalJson<T>(dir: string, name: RunFileName): T | undefined {
  return existsSync(runFile(dir, name)) ? (parseJsonFile(dir, name) as T) : undefined;
}

/**
 * The run's judges as recorded in judge.json (undefined: free text is not judged). A single judge is recorded as its
 * `judge:` settings, as before panels existed, and read as a panel of one; a panel as `{ rule, judges }`.
 */
export function readJudgePanel(dir: string): JudgePanel | undefined {
  const value = readOptionalJson<unknown>(dir, 'judgeSpec');
  if (value === undefined) return undefined;
  if (!isObject(value)) throw damaged(dir, 'judgeSpec', 'is not a JSON object');
  if (Array.isArray(value.judges)) {
    const judges = value.judges as unknown[];
    if (typeof value.rule !== 'string' || judges.some((j) => !isObject(j) || typeof j.id !== 'string' || !isObject(j.spec)))
      throw damaged(dir, 'judgeSpec', 'is not a judge panel ({ rule, judges: [{ id, spec }] })');
    return value as unknown as JudgePanel;
  }
  if (!isObject(value.model) || typeof value.model.id !== 'string') throw damaged(dir, 'judgeSpec', 'names no judge model');
  const spec = value as unknown as JudgeSpec;
  return { rule: 'majority', judges: [{ id: spec.model.id, spec }] };
}

/** Removes a file a run no longer has (judge-verdicts.jsonl when the panel became one judge). */
export function removeRunFile(dir: string, name: RunFileName): void {
  rmSync(runFile(dir, name), { force: true });
}

/** Records the study's judges (see `readJudgePanel`), or removes the record when the study has none. */
export function writeJudgePanel(dir: string, panel: JudgePanel | undefined): void {
  const file = runFile(dir, 'judgeSpec');
  if (!panel) rmSync(file, { force: true });
  else writeFileAtomic(file, `${JSON.stringify(panel.judges.length === 1 ? panel.judges[0]!.spec : panel, null, 2)}\n`);
}

/** A line of responses.jsonl read back; damage is reported with the line and what to do. */
export function parseResponseLine<T>(dir: string, line: string, lineNumber: number): T {
  return parseJsonLine<T>(runFile(dir, 'responses'), line, lineNumber, remedyFor(dir, 'responses').damaged);
}

function readVersionedJson<T>(dir: string, name: 'manifest' | 'results', shape: Shape): T {
  const value = parseJsonFile(dir, name);
  if (!isObject(value)) throw damaged(dir, name, 'is not a JSON object');
  const version = value.schemaVersion;
  const file = runFile(dir, name);
  if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 1)) {
    throw new InputError([
      {
        file,
        field: 'schemaVersion',
        message: `must be a whole number of at least 1, not ${JSON.stringify(version)}; ${remedyFor(dir, name).damaged}`,
      },
    ]);
  }
  if (typeof version === 'number' && version > RUN_SCHEMA_VERSION) {
    throw new InputError([
      {
        file,
        field: 'schemaVersion',
        message: `is ${version}: written by a newer counterfair (this one reads up to schema version ${RUN_SCHEMA_VERSION}); upgrade counterfair to read this run`,
      },
    ]);
  }
  const problems = Object.entries(shape).flatMap(([field, type]) => {
    const ok = type === 'array' ? Array.isArray(value[field]) : isObject(value[field]);
    return ok
      ? []
      : [
          {
            file,
            field,
            message: `${value[field] === undefined ? 'is missing' : `must be a JSON ${type}`}; ${name === 'manifest' ? 'this is not the manifest of a counterfair run' : 'the file is damaged'}: ${remedyFor(dir, name).damaged}`,
          },
        ];
  });
  if (problems.length > 0) throw new InputError(problems);
  return value as T;
}

function parseJsonFile(dir: string, name: RunFileName): unknown {
  const file = runFile(dir, name);
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    // V8 says where parsing stopped as a character position (when it does); a line is what an editor can go to. Its
    // message may quote the text around the error, newlines and all: kept on one line.
    const reason = (err as Error).message.replace(/\r?\n/g, '\\n');
    const position = /position (\d+)/.exec(reason);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new InputError([
      {
        file,
        ...(line === undefined ? {} : { line }),
        message: `is not valid JSON (${text.trim() === '' ? 'the file is empty' : reason}); ${remedyFor(dir, name).damaged}`,
      },
    ]);
  }
}

function damaged(dir: string, name: RunFileName, what: string): InputError {
  return new InputError([{ file: runFile(dir, name), message: `${what}; ${remedyFor(dir, name).damaged}` }]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---- typed writers (atomic) ------------------------------------------------------------------------------------

export function writeManifest(dir: string, manifest: Manifest): void {
  writeFileAtomic(runFile(dir, 'manifest'), versionedJson(manifest));
}

export function writeResults(dir: string, results: AnalysisResults): void {
  writeFileAtomic(runFile(dir, 'results'), versionedJson(results));
}

export function writeFindingsJson(dir: string, findings: AnalysisResults['findings']): void {
  writeFileAtomic(runFile(dir, 'findings'), `${JSON.stringify(findings, null, 2)}\n`);
}

/**
 * Writes scores.jsonl and then what produced it; the old record of what produced the scores is removed first, so a
 * crash in between never pairs new scores with an old source (the next `analyze` then scores again).
 */
export async function writeScores(dir: string, scores: AsyncIterable<ScoreRecord> | Iterable<ScoreRecord>, source?: object): Promise<void> {
  rmSync(runFile(dir, 'scoresSource'), { force: true });
  rmSync(runFile(dir, 'scoresTable'), { force: true });
  await writeJsonlAsync(runFile(dir, 'scores'), scores);
  if (source !== undefined) writeFileAtomic(runFile(dir, 'scoresSource'), versionedJson(source));
}

/**
 * The run's scores as a table: read from scores-table.bin when that was made from exactly the current scores.jsonl
 * (its digest) by this extractor version, its keys left in the file until asked for; otherwise scores.jsonl is read
 * line by line and the table file written again. A stale, damaged or foreign table file is never an error: the JSON lines are the record.
 */
export function readScoreTable(dir: string): ScoreTable {
  const stamp = scoresStamp(dir);
  const path = runFile(dir, 'scoresTable');
  const cached = existsSync(path) ? readScoreTableFile(path, stamp) : undefined;
  if (cached) return cached;
  const keys = scoreKeysFile(dir);
  try {
    const table = new ScoreTable(0, keys);
    for (const score of scoreRecords(dir)) table.add(score);
    writeScoreTable(dir, table, stamp);
    return table;
  } finally {
    keys.dispose();
  }
}

/**
 * A temporary file of the run directory for the key bytes of a score table being built (`new ScoreTable(rows, keys)`),
 * until `writeScoreTable` copies them into scores-table.bin; the caller disposes of it once the table is written.
 */
export function scoreKeysFile(dir: string): KeyBytesFile {
  return new KeyBytesFile(temporaryPath(`${runFile(dir, 'scoresTable')}.keys`));
}

/**
 * Writes scores-table.bin for `table`, which must hold exactly the scores.jsonl just written; the table reads its
 * keys from the file from then on.
 */
export function writeScoreTable(dir: string, table: ScoreTable, stamp: ScoreTableStamp = scoresStamp(dir)): void {
  const path = runFile(dir, 'scoresTable');
  const tmp = temporaryPath(path);
  const fd = openSync(tmp, 'w');
  try {
    for (const chunk of encodeScoreTable(table, stamp))
      for (let written = 0; written < chunk.length; ) written += writeSync(fd, chunk, written);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  table.leaveKeysIn(storedKeyBytes(path));
}

function scoresStamp(dir: string): ScoreTableStamp {
  requireRunFile(dir, 'scores');
  return { scoresDigest: runFileDigest(dir, 'scores')!, extractorVersion: EXTRACTOR_VERSION };
}

/** scores.jsonl's records one at a time (never the whole file in memory); damage is bad input naming the line. */
export function scoreRecords(dir: string): Generator<ScoreRecord> {
  return jsonlRecords<ScoreRecord>(requireRunFile(dir, 'scores'), remedyFor(dir, 'scores').damaged);
}

/** A run file's digest and the version of the file it was computed for (its size, modification time and inode). */
interface CachedDigest {
  size: string;
  mtimeNs: string;
  ino: string;
  sha256: string;
}

/**
 * The sha256 of a run file (null when the run has no such file), hashed once per version of the file: the digest is
 * kept in digests.json with the file's size, modification time (ns) and inode, and read back while all three are the
 * same, as git's index does. A file written again or edited is hashed again. At ten million answers hashing
 * responses.jsonl and scores.jsonl (10 GB) was most of an `analyze` that re-used its scores. The cache is best-effort:
 * a read-only or damaged one only means hashing.
 */
export function runFileDigest(dir: string, name: RunFileName): string | null {
  const path = runFile(dir, name);
  if (!existsSync(path)) return null;
  const current = fileVersion(path);
  const cache = readDigestCache(dir);
  const cached = cache[name];
  if (cached !== undefined && sameVersion(cached, current)) return cached.sha256;
  const sha256 = hashFile(path);
  // Remembered only when the file did not change while it was hashed.
  if (sameVersion(fileVersion(path), current)) {
    try {
      writeFileAtomic(runFile(dir, 'digests'), `${JSON.stringify({ ...cache, [name]: { ...current, sha256 } }, null, 2)}\n`);
    } catch {
      // A run directory we may not write to (read-only media): the digest is still right, only not remembered.
    }
  }
  return sha256;
}

type FileVersion = Omit<CachedDigest, 'sha256'>;

function fileVersion(path: string): FileVersion {
  const stat = statSync(path, { bigint: true });
  return { size: String(stat.size), mtimeNs: String(stat.mtimeNs), ino: String(stat.ino) };
}

function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ino === b.ino;
}

function readDigestCache(dir: string): Partial<Record<RunFileName, CachedDigest>> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(runFile(dir, 'digests'), 'utf8'));
    return isObject(parsed) ? (parsed as Partial<Record<RunFileName, CachedDigest>>) : {};
  } catch {
    return {};
  }
}

function hashFile(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(JSONL_CHUNK);
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export function writeVignettes(dir: string, vignettes: Iterable<Vignette>): void {
  writeJsonl(runFile(dir, 'vignettes'), vignettes);
}

/** The schema version first, so a reader (or a person) sees it before anything else. */
function versionedJson(record: object): string {
  return `${JSON.stringify(Object.assign({ schemaVersion: RUN_SCHEMA_VERSION }, record, { schemaVersion: RUN_SCHEMA_VERSION }), null, 2)}\n`;
}

// ---- claiming a directory --------------------------------------------------------------------------------------

/** What a command is about to write into a run directory, to tell a resumed run from another study's. */
export interface RunIdentity {
  /** `run` writes runs of study files; `import` writes runs of outputs made elsewhere. */
  kind: 'run' | 'import';
  /** The study's name (its file's path when it names none; an import: `imported: <file name>`). */
  name: string;
}

export interface RunDirectoryClaim {
  /** The manifest the directory held (undefined: a new directory, or one whose run --force replaced). */
  previous: Manifest | undefined;
  /** Releases the run lock. */
  release(): void;
}

/**
 * Claims a run directory before anything in it is written: refuses a folder that holds files but no manifest.json
 * (not a counterfair run: nothing in it is ever overwritten or deleted), takes the run lock (one command at a time),
 * removes temporary files left by a killed process, and, when `writes` names what is about to be written, refuses a
 * run of another study that recorded answers unless `force`; a replaced run's files are deleted first. Without
 * `writes` (analyze, report, review import) the directory must already be a run. Release the claim when done.
 */
export function claimRunDirectory(dir: string, options: { writes?: RunIdentity; force?: boolean } = {}): RunDirectoryClaim {
  const { writes, force = false } = options;
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new InputError([{ file: dir, message: 'is a file, not a folder; pass a folder for the run directory (--out)' }]);
  const hasManifest = existsSync(runFile(dir, 'manifest'));
  if (!hasManifest && writes === undefined) requireRunFile(dir, 'manifest');
  if (!hasManifest && existsSync(dir)) {
    const foreign = readdirSync(dir).filter((entry) => entry !== LOCK_FILE && !TEMPORARY.test(entry));
    if (foreign.length > 0) {
      throw new InputError([
        {
          file: dir,
          message: `is not empty (${describeEntries(foreign)}) and is not a counterfair run (no manifest.json): nothing in it was changed; choose a new or empty folder for --out`,
        },
      ]);
    }
  }
  ensureDir(dir);
  const release = takeLock(join(dir, LOCK_FILE), dir);
  try {
    removeStaleTemporaries(dir);
    const previous = writes ? previousRun(dir, writes, force) : requireManifest(dir);
    return { previous, release };
  } catch (err) {
    release();
    throw err;
  }
}

/** The run this directory holds, when it is one of `writes`'s study; another study's is refused, or deleted under --force. */
function previousRun(dir: string, writes: RunIdentity, force: boolean): Manifest | undefined {
  let previous: Manifest | undefined;
  try {
    previous = readManifest(dir);
  } catch (err) {
    if (!force) throw err;
    removeRunFiles(dir); // --force replaces a run whose manifest cannot even be read
    return undefined;
  }
  if (previous === undefined || sameStudy(previous, writes)) return previous;
  // A run that recorded no answer (one stopped during expansion) holds nothing to lose: it is simply replaced.
  if (!force && hasRecordedResponses(dir)) {
    throw new InputError([
      {
        file: runFile(dir, 'manifest'),
        message: `holds ${describeRun(previous)}, not ${describeIdentity(writes)}; choose another --out, or pass --force to replace that run (its recorded files, responses included, are deleted first)`,
      },
    ]);
  }
  removeRunFiles(dir);
  return undefined;
}

function hasRecordedResponses(dir: string): boolean {
  const responses = runFile(dir, 'responses');
  return existsSync(responses) && statSync(responses).size > 0;
}

/**
 * A run resumes only its own study, known by its name: an edited study file (a gate: section added, a judge
 * removed) re-run into its --out refreshes that run, reusing every answer, as the README promises; an updated
 * export of the same file re-imported replaces the earlier import.
 */
function sameStudy(previous: Manifest, writes: RunIdentity): boolean {
  return runKind(previous) === writes.kind && previous.study.name === writes.name;
}

function runKind(manifest: Manifest): RunIdentity['kind'] {
  return 'import' in manifest ? 'import' : 'run';
}

function describeRun(manifest: Manifest): string {
  return runKind(manifest) === 'import'
    ? `an import of "${manifest.study.name.replace(/^imported: /, '')}"`
    : `a run of study "${manifest.study.name}"`;
}

function describeIdentity(writes: RunIdentity): string {
  return writes.kind === 'import' ? `an import of "${writes.name.replace(/^imported: /, '')}"` : `of study "${writes.name}"`;
}

function describeEntries(entries: string[]): string {
  const shown = entries.sort().slice(0, 3).join(', ');
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}

/** Deletes every file and folder a run writes (never anything else the folder holds). */
function removeRunFiles(dir: string): void {
  for (const name of Object.values(RUN_FILES)) rmSync(join(dir, name), { force: true });
  for (const folder of Object.values(REPORT_FOLDERS)) rmSync(join(dir, folder), { recursive: true, force: true });
}

/** `*.tmp-PID` files whose writer no longer exists (a kill mid-write), in the directory and its report folders. */
function removeStaleTemporaries(dir: string): void {
  for (const folder of ['.', ...Object.values(REPORT_FOLDERS)]) {
    const path = join(dir, folder);
    if (!existsSync(path)) continue;
    for (const entry of readdirSync(path)) {
      const pid = TEMPORARY.exec(entry)?.[1];
      if (pid !== undefined && !isAlive(Number(pid))) rmSync(join(path, entry), { force: true });
    }
  }
}
