/**
 * Answer-extraction accuracy on every corpus directory under test/score/extract/: `corpus/` (the development set),
 * `tuning-heldout/` (written blind, measured once, tuned on since 2026-12-04), `dev2/` to `dev5/` (further development
 * sets) and `blind/` (a fresh blind set, when present). Prints per directory x question type: lines, correct, accuracy, wrong values (a different value than
 * expected, or an answer where a refusal or unparseable was expected), refusal/unparseable confusions, missed answers,
 * and the accuracy without the lines marked `needs_vignette` (a per-kg dose answering a total-dose question, readable
 * only with the vignette's weight) beside the count of those lines; then lists every line not read as expected and
 * every wrong value. Exits 1 on any wrong value in any directory, 2 if a corpus file cannot be read or `--only` names
 * a directory that does not exist.
 * Run: npm run bench:extraction [-- --only dev2,dev3,corpus,tuning-heldout] [--summary]
 * `--only` measures the named directories alone (every directory by default), so an extractor author can measure the
 * development sets without printing the lines of a blind set they must not see; `--summary` prints the table alone,
 * so a blind set is measured without any of its lines being shown.
 */
import { join } from 'node:path';
import {
  CorpusFileError,
  corpusDirectories,
  extractRow,
  loadCorpusFile,
  scoreCorpus,
  type CorpusScore,
} from '../test/score/extract/corpus.js';

const EXPECTED_DIRECTORIES = ['corpus', 'tuning-heldout', 'dev2', 'dev3', 'dev4', 'dev5', 'blind'];

/** The directory names after `--only` (comma-separated), or undefined when the flag is absent. */
function onlyDirectories(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf('--only');
  if (at === -1) return undefined;
  return (argv[at + 1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

const only = onlyDirectories(process.argv.slice(2));
const summaryOnly = process.argv.includes('--summary');
const present = corpusDirectories();
const unknown = (only ?? []).filter((name) => !present.some((directory) => directory.name === name));
if (only !== undefined && (only.length === 0 || unknown.length > 0)) {
  process.stderr.write(
    `bench:extraction: --only needs comma-separated corpus directories among ${present.map((d) => d.name).join(', ')}${unknown.length > 0 ? `; not found: ${unknown.join(', ')}` : ''}\n`,
  );
  process.exit(2);
}
const directories = only === undefined ? present : present.filter((directory) => only.includes(directory.name));
const rows: Array<{ directory: string; type: string; score: CorpusScore; withoutVignette: CorpusScore; vignetteLines: number }> = [];
try {
  for (const directory of directories) {
    for (const type of directory.types) {
      const corpus = loadCorpusFile(join(directory.path, `${type}.jsonl`), type);
      const extract = (row: (typeof corpus)[number]) => extractRow(type, row);
      const vignetteLines = corpus.filter((row) => row.needs_vignette === true).length;
      const withoutVignette = scoreCorpus(
        corpus.filter((row) => row.needs_vignette !== true),
        extract,
      );
      rows.push({ directory: directory.name, type, score: scoreCorpus(corpus, extract), withoutVignette, vignetteLines });
    }
  }
} catch (error) {
  if (!(error instanceof CorpusFileError)) throw error;
  process.stderr.write(`bench:extraction: a corpus file cannot be read; fix these lines:\n${error.message}\n`);
  process.exit(2);
}

const percent = (correct: number, lines: number): string => (lines === 0 ? 'n/a' : `${((100 * correct) / lines).toFixed(1)} %`);
const table = [
  [
    'directory',
    'type',
    'lines',
    'correct',
    'accuracy',
    'wrong values',
    'refusal/unparseable confusions',
    'missed answers',
    'accuracy w/o needs_vignette',
    'needs_vignette lines',
  ],
  ...rows.map(({ directory, type, score, withoutVignette, vignetteLines }) => [
    directory,
    type,
    String(score.lines),
    String(score.correct),
    percent(score.correct, score.lines),
    String(score.wrongValues.length),
    String(score.confusions.length),
    String(score.missed.length),
    percent(withoutVignette.correct, withoutVignette.lines),
    String(vignetteLines),
  ]),
];
const widths = table[0]!.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
for (const cells of table)
  console.log(cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));

const absent = EXPECTED_DIRECTORIES.filter((name) => only === undefined && !directories.some((directory) => directory.name === name));
if (absent.length > 0) console.log(`\nnot present (skipped): ${absent.map((name) => `${name}/`).join(', ')}`);

const wrong = rows.flatMap(({ directory, type, score }) => score.wrongValues.map((line) => `${directory}/${type}.jsonl ${line}`));
// --summary: the table alone, so a blind set can be measured without its lines reaching the person measuring it.
if (!summaryOnly)
  for (const { directory, type, score } of rows) {
    for (const line of [...score.confusions, ...score.missed]) console.log(`\nnot read as expected: ${directory}/${type}.jsonl ${line}`);
  }
if (wrong.length > 0) {
  console.log(
    summaryOnly
      ? `\nWRONG VALUES: ${wrong.length} (lines not shown: --summary)`
      : `\nWRONG VALUES (${wrong.length}): an extractor gave an answer the reader would not record:\n${wrong.join('\n')}`,
  );
  process.exit(1);
}
console.log(`\nno wrong values in ${rows.reduce((sum, row) => sum + row.score.lines, 0)} lines`);
