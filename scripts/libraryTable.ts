/**
 * Regenerates the counts table in templates/README.md from the templates themselves, so it cannot drift.
 * `npm run library:table` rewrites the block between the markers; `--check` exits 1 if it is out of date
 * (the test suite runs the check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { libraryTable, replaceTableBlock } from '../src/template/libraryTable.js';
import { listTemplateFiles, loadVignettes } from '../src/template/load.js';
import { formatProblems, type Problem } from '../src/util/problems.js';

const templatesDir = fileURLToPath(new URL('../templates', import.meta.url));
const readme = `${templatesDir}/README.md`;
const problems: Problem[] = [];
const vignettes = loadVignettes(listTemplateFiles([templatesDir], problems).map((file) => ({ kind: 'yaml' as const, file })), problems);
if (problems.length) {
  process.stderr.write(`${formatProblems(problems)}\n`);
  process.exit(2);
}
const current = readFileSync(readme, 'utf8');
const updated = replaceTableBlock(current, libraryTable(vignettes));
if (process.argv.includes('--check')) {
  if (updated !== current) {
    process.stderr.write('templates/README.md is out of date: run `npm run library:table`\n');
    process.exit(1);
  }
} else writeFileSync(readme, updated);
