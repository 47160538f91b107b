#!/usr/bin/env node
import { buildProgram } from './program.js';
import { exitCodeFor, reportError } from './errors.js';

// A reader that stops early (`counterfair expand study.yaml | head -1`) closes the pipe: that is a normal end of
// output, not a failure, so leave quietly with 0 instead of a stack trace and exit 1 ("gate failed").
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

const program = buildProgram({ stdout: process.stdout, stderr: process.stderr, env: process.env, clock: Date.now });
program.parseAsync(process.argv).catch((err: unknown) => {
  reportError(err, process.stderr, process.env);
  process.exitCode = exitCodeFor(err);
});
