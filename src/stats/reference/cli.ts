/**
 * CLI: `npm run check:reference -- DIR`
 *
 * Prints one line per failing field, then `N passed, N failed` (cases; a case passes when its expected
 * fields and the R values of its `r` block all agree) and how many R values were compared.
 * Exit code 0 when everything agrees, 1 on any failure, 2 when DIR is missing
 * or unreadable (clear message, no stack trace).
 *
 * @example
 * npm run check:reference -- ../shared/reference/stats   # → "169 passed, 0 failed" and "R values compared: 113"
 */
import { runReferenceDir, type ReferenceRunResult } from './run.js';

function main(argv: readonly string[]): number {
  const dir = argv.find((a) => a !== '--');
  if (!dir) {
    process.stderr.write('check:reference: missing fixture directory argument (usage: npm run check:reference -- DIR)\n');
    return 2;
  }
  let result: ReferenceRunResult;
  try {
    result = runReferenceDir(dir);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? 'no such directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    process.stderr.write(`check:reference: cannot read fixture directory ${dir}: ${reason}\n`);
    return 2;
  }
  for (const line of result.failures) process.stdout.write(`${line}\n`);
  process.stdout.write(`${result.passed} passed, ${result.failed} failed\n`);
  process.stdout.write(`R values compared: ${result.rChecked}\n`);
  return result.failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
