import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runFile } from '../pipeline/runDir.js';
import { InputError } from '../util/problems.js';
import { DEFAULT_QUALITY } from '../study/load.js';
import { applyQualityFlags, checkDataQuality, withQualityFlags, type QualityFlags } from './dataQuality.js';
import { printFindings } from './findingsSummary.js';
import type { CliIO } from './program.js';

export function analyzeCommand(io: CliIO): Command {
  return withQualityFlags(new Command('analyze'))
    .description('re-score and re-analyse a run directory from its recorded responses (no model is called)')
    .argument('<run-dir>', 'run directory written by `counterfair run` or `counterfair import`')
    .option('--json', 'print the findings as JSON on stdout')
    .action(async (runDir: string, opts: QualityFlags & { json?: boolean }) => {
      // Loaded on use so `--help` stays fast.
      const [{ loadRun, readFinalResponses }, { analyzeRun }] = await Promise.all([import('../pipeline/loadRun.js'), import('../pipeline/analyzeRun.js')]);
      const run = loadRun(runDir);
      const responses = runFile(runDir, 'responses');
      if (!existsSync(responses)) throw new InputError([{ file: responses, message: 'missing: this run has no recorded responses to analyse' }]);
      const study = { ...run.study, quality: applyQualityFlags(run.study.quality ?? DEFAULT_QUALITY, opts) };
      const { findings, dataQuality } = await analyzeRun(runDir, study, run.vignettes, run.variants, readFinalResponses(runDir));
      printFindings(io.stdout, findings, opts.json, `Report: ${join(runDir, 'report.html')}`, dataQuality);
      checkDataQuality(io.stderr, dataQuality);
    });
}
