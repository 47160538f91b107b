import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';
import { repoRoot } from './paths.js';

export interface CliProcess {
  child: ChildProcess;
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/**
 * Starts `counterfair ARGS` as a separate process the way a user runs the installed package: node on the shipped
 * bin/counterfair.js, over the dist/ compiled for this test run (see buildPackage.ts), with exactly `env` (plus
 * PATH) so nothing leaks in from the test's environment. `stdout: 'pipe'` hands the output to the test (on
 * `child.stdout`); by default it is dropped.
 */
export function spawnCli(args: string[], env: Record<string, string>, options: { stdout?: 'pipe' | 'ignore' } = {}): CliProcess {
  const child = spawn(process.execPath, [inject('cliBin'), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', options.stdout ?? 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}
