import { Command, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { InputError } from '../util/problems.js';
import type { CliIO } from './program.js';

export function compareCommand(io: CliIO): Command {
  return new Command('compare')
    .description(
      'disparity in run A, in run B and the change (B − A) per axis level, with paired tests; or two models of one run with --models',
    )
    .argument('<run-a>', 'run directory of the baseline (A)')
    .argument('[run-b]', 'run directory of the candidate (B); omit to compare two models of RUN_A with --models')
    .option('--models <a,b>', 'the model of A and the model of B to compare (default: every model id both runs have)')
    .option('--out <dir>', 'folder for compare.html, compare.md, compare.json and the dumbbell chart (default: <run-b or run-a>/compare)')
    .option(
      '--margin <points>',
      'equivalence margin (percentage points) for the mitigation evidence of two runs: is each disparity in B shown within ±margin?',
      marginPoints,
    )
    .option('--json', 'print compare.json on stdout')
    .action(async (runA: string, runB: string | undefined, opts: { models?: string; out?: string; json?: boolean; margin?: number }) => {
      const models = opts.models === undefined ? undefined : parseModels(opts.models);
      // Loaded on use so `--help` stays fast (the chart renderer pulls in Vega).
      const [{ compareRunDirectories }, { COMPARE_FILES }] = await Promise.all([
        import('../compare/compareRunDirectories.js'),
        import('../compare/write.js'),
      ]);
      const { results, outDir } = await compareRunDirectories(runA, runB, { models, outDir: opts.out, margin: opts.margin });
      if (opts.json) {
        io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        return;
      }
      for (const note of results.notes) io.stdout.write(`note: ${note}\n`);
      for (const c of results.comparisons) {
        io.stdout.write(`${c.summary}\n`);
        for (const ch of c.changes.filter((x) => x.significant)) io.stdout.write(`  ! ${ch.sentence}\n`);
      }
      if (results.mitigation) io.stdout.write(`Mitigation: ${results.mitigation.sentence}\n`);
      io.stdout.write(`Comparison report: ${join(outDir, COMPARE_FILES.html)}\n`);
    });
}

function marginPoints(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 100)
    throw new InvalidArgumentError('expected a number of percentage points above 0, at most 100');
  return n;
}

function parseModels(value: string): [string, string] {
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === ''))
    throw new InputError([
      {
        file: 'command line',
        field: '--models',
        message: `expected two model ids separated by a comma (e.g. --models gpt-4o,gpt-4.1), got "${value}"`,
      },
    ]);
  return [parts[0]!, parts[1]!];
}
