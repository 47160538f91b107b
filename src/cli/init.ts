import { basename, resolve } from 'node:path';
import { Command } from 'commander';
import type { CliIO } from './program.js';

export function initCommand(io: CliIO): Command {
  return new Command('init')
    .description('scaffold a study in a folder: study.yaml (simulated model), an example template and a README')
    .argument('[dir]', 'folder to create the study in (default: the current folder)', '.')
    .option('--name <name>', 'the study name (default: the folder name)')
    .action(async (dir: string, opts: { name?: string }) => {
      const { writeScaffold } = await import('../study/scaffold.js');
      const written = writeScaffold(dir, opts.name ?? basename(resolve(dir)));
      io.stdout.write(`Created ${written.join(', ')}\nNext: counterfair validate ${written[0]}  (then: counterfair run ${written[0]})\n`);
    });
}
