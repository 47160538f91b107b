import { CommanderError } from 'commander';
import { formatProblems, InputError } from '../util/problems.js';

const MAX_PROBLEMS_SHOWN = 100;

/**
 * `dataQuality` (4): the command wrote everything, but some model's requests failed or its answers could not be
 * read beyond the study's thresholds, so the run's data cannot support a conclusion about disparity.
 */
export const EXIT = { ok: 0, gateFailed: 1, badInput: 2, internal: 3, dataQuality: 4 } as const;

/** A gate found a disparity beyond its thresholds: exit 1. The command has already printed what exceeded. */
export class GateFailed extends Error {}

/** A model's data failed the run's data-quality check: exit 4, after every file is written and the failure printed. */
export class DataQualityFailed extends Error {}

/** templatize left some cases out (each listed, with its reason): exit 1, after the templates that passed are written. */
export class CasesLeftOut extends Error {}

/** A gate refused a run that cannot support a verdict (nothing judged, pairs lost): exit 2. Already printed. */
export class GateRefused extends Error {}

/**
 * What the machine refused, said for the user to fix: a full disk, a folder without write permission, a path where a
 * file stands in for a folder. Undefined for any other error (those are ours).
 */
export function fileSystemProblem(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  if (!(err instanceof Error) || typeof e.code !== 'string' || typeof e.path !== 'string') return undefined;
  const fix = FILE_SYSTEM_FIXES[e.code];
  return fix && `cannot ${e.syscall ?? 'use'} ${e.path}: ${fix}`;
}

const RESUME = 'then run the same command again: answers already saved are kept, and a file left half-written is repaired or rewritten';
const FILE_SYSTEM_FIXES: Record<string, string> = {
  ENOSPC: `no space left on the device (ENOSPC); free some space or choose another --out, ${RESUME}`,
  EDQUOT: `the disk quota is used up (EDQUOT); free some space or choose another --out, ${RESUME}`,
  EACCES: 'permission denied (EACCES); choose a folder you can write to, or change its permissions',
  EPERM: 'operation not permitted (EPERM); choose a folder you can write to, or change its permissions',
  EROFS: 'the file system is read-only (EROFS); choose a writable folder for --out',
  ENOTDIR: 'a part of this path is a file, not a folder (ENOTDIR); choose another path',
  EISDIR: 'this is a folder where a file was expected (EISDIR); choose another path',
  EEXIST: 'something already exists at this path where a new folder or file was to be made (EEXIST); choose another path',
  EMFILE: 'too many files open (EMFILE); lower --concurrency or raise the open-file limit (ulimit -n)',
};

/** `validate` or `run --dry-run` found an endpoint a run would fail on: exit 2. The command has already printed why. */
export class PreflightFailed extends Error {}

export function exitCodeFor(err: unknown): number {
  if (fileSystemProblem(err)) return EXIT.badInput;
  if (err instanceof GateFailed || err instanceof CasesLeftOut) return EXIT.gateFailed;
  if (err instanceof DataQualityFailed) return EXIT.dataQuality;
  if (err instanceof GateRefused) return EXIT.badInput;
  if (err instanceof PreflightFailed) return EXIT.badInput;
  if (err instanceof InputError) return EXIT.badInput;
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  return EXIT.internal;
}

/** Bad input is the user's to fix: the problems, no stack. Anything else is ours: one line, stack on request. */
export function reportError(err: unknown, stderr: NodeJS.WritableStream, env: Readonly<Record<string, string | undefined>>): void {
  if (
    err instanceof CommanderError ||
    err instanceof GateFailed ||
    err instanceof CasesLeftOut ||
    err instanceof DataQualityFailed ||
    err instanceof GateRefused ||
    err instanceof PreflightFailed
  )
    return; // already printed
  if (err instanceof InputError) {
    const all = err.problems.length;
    // A bad 3,000-row file would otherwise flood the terminal; the first screenful shows what to fix.
    const shown = env.COUNTERFAIR_ALL_PROBLEMS ? all : Math.min(all, MAX_PROBLEMS_SHOWN);
    stderr.write(`counterfair: invalid input (${all} problem${all === 1 ? '' : 's'}):\n${formatProblems(err.problems.slice(0, shown))}\n`);
    if (shown < all) stderr.write(`... and ${all - shown} more; set COUNTERFAIR_ALL_PROBLEMS=1 to list them all\n`);
    return;
  }
  const machine = fileSystemProblem(err);
  if (machine) {
    stderr.write(`counterfair: ${machine}\n`);
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  stderr.write(`counterfair: internal error: ${message}\n`);
  if (env.COUNTERFAIR_DEBUG && err instanceof Error && err.stack) stderr.write(`${err.stack}\n`);
  else stderr.write('(set COUNTERFAIR_DEBUG=1 to see the stack trace, and please report it)\n');
}
