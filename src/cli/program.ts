import { Command } from 'commander';
import type { Registry } from '../registry.js';
import { toolVersion } from '../util/toolVersion.js';
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
  /** The providers and question types of the `--extension` modules, with the built-ins; undefined: the built-ins. */
  registry?: Registry;
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
    .option(
      '--extension <module>',
      'load providers and/or question types from a JavaScript module (exports `providers`, `questionTypes`); repeatable',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .hook('preAction', async () => {
      const { envFile, extension } = program.opts<{ envFile?: string; extension?: string[] }>();
      if (envFile !== undefined) {
        const { readEnvFile } = await import('./envFile.js');
        io.env = { ...readEnvFile(envFile), ...definedOnly(given.env) };
      }
      if (extension !== undefined) {
        const { loadExtensions } = await import('./extensions.js');
        io.registry = await loadExtensions(extension);
      }
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
