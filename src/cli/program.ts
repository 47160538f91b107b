import { Command } from 'commander';
import { toolVersion } from '../pipeline/manifest.js';
import { analyzeCommand } from './analyze.js';
import { batchCommand } from './batch.js';
import { cacheCommand } from './cache.js';
import { compareCommand } from './compare.js';
import { expandCommand } from './expand.js';
import { gateCommand } from './gate.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { powerCommand } from './power.js';
import { reportCommand } from './report.js';
import { reviewCommand } from './review.js';
import { runCommand } from './run.js';
import { templatizeCommand } from './templatize.js';
import { validateCommand } from './validate.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  clock: () => number;
}

export function buildProgram(given: CliIO): Command {
  // Commands read `io.env` when they run, so --env-file (parsed first) can add to what they see.
  const io: CliIO = { ...given };
  const program = new Command()
    .name('counterfair')
    .description('Counterfactual demographic equity audits for medical large language models.')
    .version(toolVersion().version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .option(
      '--env-file <file>',
      'read environment variables (API keys) from this file of KEY=VALUE lines; the environment wins over the file',
    )
    .hook('preAction', async () => {
      const file = program.opts<{ envFile?: string }>().envFile;
      if (file === undefined) return;
      const { readEnvFile } = await import('./envFile.js');
      io.env = { ...readEnvFile(file), ...definedOnly(given.env) };
    });
  program.addCommand(initCommand(io));
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
  program.addCommand(cacheCommand(io));
  program.addCommand(templatizeCommand(io));
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return program;
}

function definedOnly(env: CliIO['env']): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
