import { Command } from 'commander';
import { runFile } from '../pipeline/runDir.js';
import { analysisSettings, withAnalysisFlags, type AnalysisFlags } from './analysisFlags.js';
import { checkDataQuality, withQualityFlags, type QualityFlags } from './dataQuality.js';
import type { CliIO } from './program.js';

export function analyzeCommand(io: CliIO): Command {
  return withAnalysisFlags(withQualityFlags(new Command('analyze')), "the run's recorded seed")
    .description('re-score and re-analyse a run directory from its recorded responses (no model is called)')
    .argument('<run-dir>', 'run directory written by `counterfair run` or `counterfair import`')
    .option('--json', 'print the findings as JSON on stdout')
    .option('--rescore', 'score every answer again even when the recorded scores came from the same extractor, judge and inputs')
    .action(async (runDir: string, opts: QualityFlags & AnalysisFlags & { json?: boolean; rescore?: boolean }) => {
      // Loaded on use so `--help` stays fast.
      const [{ analyzeRunDirectory }, { printFindings }] = await Promise.all([
        import('../pipeline/analyzeRunDir.js'),
        import('./findingsSummary.js'),
      ]);
      const { findings, dataQuality } = await analyzeRunDirectory(runDir, {
        quality: { maxErrorRate: opts.maxErrorRate, maxUnparseableRate: opts.maxUnparseableRate },
        registry: io.registry,
        analysis: await analysisSettings(opts),
        rescore: opts.rescore === true,
        log: (line) => io.stderr.write(`${line}\n`),
      });
      printFindings(io.stdout, findings, opts.json, `Report: ${runFile(runDir, 'report')}`, dataQuality, { runDir });
      checkDataQuality(io.stderr, dataQuality);
    });
}
