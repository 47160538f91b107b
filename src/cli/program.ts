import { Command } from 'commander';
import { toolVersion } from '../pipeline/manifest.js';
import { analyzeCommand } from './analyze.js';
import { batchCommand } from './batch.js';
import { compareCommand } from './compare.js';
import { expandCommand } from './expand.js';
import { gateCommand } from './gate.js';
import { importCommand } from './import.js';
import { powerCommand } from './power.js';
import { reportCommand } from './report.js';
import { reviewCommand } from './review.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  clock: () => number;
}

export function buildProgram(io: CliIO): Command {
  const program = new Command()
    .name('counterfair')
    .description('Counterfactual demographic equity audits for medical large language models.')
    .version(toolVersion().version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program.addCommand(expandCommand(io));
  program.addCommand(runCommand(io));
  program.addCommand(validateCommand(io));
  program.addCommand(batchCommand(io));
  program.addCommand(powerCommand(io));
  program.addCommand(analyzeCommand(io));
  program.addCommand(compareCommand(io));
  program.addCommand(gateCommand(io));
  program.addCommand(importCommand(io));
  program.addCommand(reportCommand(io));
  program.addCommand(reviewCommand(io));
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return program;
}
