import { Command, InvalidArgumentError } from 'commander';
import { runFile } from '../pipeline/runDir.js';
import { InputError } from '../util/problems.js';
import { analysisSettings, withAnalysisFlags, type AnalysisFlags } from './analysisFlags.js';
import { checkDataQuality, withQualityFlags, type QualityFlags } from './dataQuality.js';
import type { CliIO } from './program.js';

/** How many skipped-row problems are printed before pointing at the file that lists them all. */
const SHOWN_PROBLEMS = 10;

interface ImportOptions extends QualityFlags, AnalysisFlags {
  format?: 'long' | 'wide';
  columns?: string;
  mapping?: string;
  out?: string;
  skipBadRows?: boolean;
  json?: boolean;
  force?: boolean;
  analyze: boolean;
}

export function importCommand(io: CliIO): Command {
  return withAnalysisFlags(withQualityFlags(new Command('import')), 'derived from the file contents')
    .description('turn model outputs produced elsewhere (CSV or JSONL, long or wide) into a run directory, then score and analyse it')
    .argument('<file>', 'CSV (.csv, .tsv) or JSONL (.jsonl) file of outputs')
    .option(
      '--format <format>',
      'long: one row per vignette x variant x replicate; wide: one row per vignette, one answer column per variant',
      (v) => {
        if (v !== 'long' && v !== 'wide') throw new InvalidArgumentError('long or wide');
        return v;
      },
    )
    .option(
      '--columns <map>',
      'column mapping as key=value pairs, e.g. vignette=case,gold=correct,answer=response,axes.race.column=race,axes.race.reference=white',
    )
    .option('--mapping <file>', 'column mapping as a YAML file (see README: Importing outputs produced elsewhere)')
    .option('--out <dir>', 'run directory to write (default: reports/<file name>)')
    .option(
      '--skip-bad-rows',
      'leave out rows that cannot be used, listing each in import-problems.txt and the manifest, instead of failing',
    )
    .option('--json', 'print the findings as JSON on stdout')
    .option(
      '--force',
      'replace a run of something else in --out (a `counterfair run`, or an import of another file): its recorded files (manifest, variants, responses, scores, results, report) are deleted first; without it such a folder is refused',
    )
    .option(
      '--no-analyze',
      'write the run directory (manifest, vignettes, variants, responses) and stop before scoring; `counterfair analyze RUN_DIR` scores and analyses it later',
    )
    .action(async (file: string, opts: ImportOptions) => {
      if ((opts.columns === undefined) === (opts.mapping === undefined)) {
        throw new InputError([
          {
            file: 'command line',
            field: '--columns/--mapping',
            message: 'give the column mapping with exactly one of --columns MAP or --mapping FILE.yaml',
          },
        ]);
      }
      // Loaded on use so `--help` stays fast.
      const { defaultImportDir, importOutputs } = await import('../import/importOutputs.js');
      const outDir = opts.out ?? defaultImportDir(file);
      const { record, analysed, findings, dataQuality } = await importOutputs({
        file,
        mapping: opts.mapping !== undefined ? { file: opts.mapping } : { columns: opts.columns! },
        format: opts.format,
        outDir,
        skipBadRows: opts.skipBadRows === true,
        seed: opts.seed,
        analysis: await analysisSettings(opts),
        quality: { maxErrorRate: opts.maxErrorRate, maxUnparseableRate: opts.maxUnparseableRate },
        clock: io.clock,
        force: opts.force,
        analyse: opts.analyze,
      });
      io.stderr.write(
        `counterfair: imported ${record.rows - record.skippedRows} of ${record.rows} rows from ${file} (${record.format} format)\n`,
      );
      for (const warning of record.warnings) io.stderr.write(`  warning: ${warning}\n`);
      if (record.skippedRows) {
        io.stderr.write(
          `  ${record.skippedRows} rows skipped (--skip-bad-rows), every one listed in ${runFile(outDir, 'importProblems')}:\n`,
        );
        for (const problem of record.problems.slice(0, SHOWN_PROBLEMS)) io.stderr.write(`    ${problem}\n`);
        if (record.problems.length > SHOWN_PROBLEMS) io.stderr.write(`    ... and ${record.problems.length - SHOWN_PROBLEMS} more\n`);
      }
      if (!analysed) {
        io.stderr.write(`Run directory: ${outDir} (not analysed: run \`counterfair analyze ${outDir}\` to score and analyse it)\n`);
        return;
      }
      const { printFindings } = await import('./findingsSummary.js');
      printFindings(io.stdout, findings, opts.json, `Run directory: ${outDir} (report: ${runFile(outDir, 'report')})`, dataQuality, {
        runDir: outDir,
      });
      checkDataQuality(io.stderr, dataQuality);
    });
}
