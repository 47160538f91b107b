import { Writable } from 'node:stream';
import { buildProgram } from '../../src/cli/program.js';
import { exitCodeFor, reportError } from '../../src/cli/errors.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI in-process, the way `counterfair ...` would, and returns what it printed and its exit code. */
export async function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const program = buildProgram({ stdout, stderr, env, clock: () => Date.UTC(2026, 10, 23) });
  let code = 0;
  try {
    await program.parseAsync(['node', 'counterfair', ...args]);
  } catch (err) {
    reportError(err, stderr, env);
    code = exitCodeFor(err);
  }
  return { code, stdout: stdout.text, stderr: stderr.text };
}
