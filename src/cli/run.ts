import { runFile } from '../pipeline/runDir.js';
import { Command, InvalidArgumentError } from 'commander';
import type { RunOverrides } from '../study/overrides.js';
import { applyQualityFlags, checkDataQuality, withQualityFlags, type QualityFlags } from './dataQuality.js';
import type { CliIO } from './program.js';
import { checkTemplateLint, withStrictFlag, type LintFlags } from './templateLint.js';

/** What --force does, for every command that writes a run directory. */
export const FORCE_HELP = 'replace a run of a different study in the run directory: its recorded files (manifest, variants, responses, scores, results, report) are deleted first; without it such a directory is refused';

export function runCommand(io: CliIO): Command {
  return withStrictFlag(withQualityFlags(new Command('run')))
    .description('expand the study, ask every model, score, analyse and write the report')
    .argument('<study>', 'study YAML file')
    .option('--out <dir>', 'run directory (default: <output>/<study name>); re-running with the same directory resumes')
    .option('--base-url <url>', 'OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (with --model: run only that model)')
    .option('--model <name>', 'run only this model at --base-url instead of the study\'s models')
    .option('--api-key-env <var>', 'environment variable holding the key (default OPENAI_API_KEY)')
    .option('--concurrency <n>', 'requests in flight per model', positiveInteger)
    .option('--replicates <n>', 'answers per variant and model', positiveInteger)
    .option('--json', 'print the findings as JSON on stdout')
    .option('--no-cache', 'neither read nor write the response cache shared by all runs (send every request this run directory has not answered)')
    .option('--force', FORCE_HELP)
    .action(async (studyFile: string, opts: RunOverrides & QualityFlags & LintFlags & { out?: string; json?: boolean; cache: boolean; force?: boolean }) => {
      // Loaded on use so `--help` stays fast.
      const [{ loadStudy }, { applyRunOverrides }, { printFindings }] = await Promise.all([import('../study/load.js'), import('../study/overrides.js'), import('./findingsSummary.js')]);
      const study = loadStudy(studyFile);
      checkTemplateLint(io.stderr, study, opts);
      const overridden = applyRunOverrides(study, opts);
      const loaded = { ...overridden, study: { ...overridden.study, quality: applyQualityFlags(overridden.study.quality, opts) } };
      // Loaded on use so `--help` and `expand` stay fast.
      const { runStudy } = await import('../pipeline/runStudy.js');
      const controller = new AbortController();
      const onSignal = () => {
        io.stderr.write('counterfair: stopping after the requests in flight...\n');
        controller.abort();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const result = await runStudy(loaded, {
          outDir: opts.out,
          env: io.env,
          clock: io.clock,
          log: (line) => io.stderr.write(`${line}\n`),
          signal: controller.signal,
          progress: io.stderr,
          cache: opts.cache,
          force: opts.force,
        });
        if (result.complete || opts.json) printFindings(io.stdout, result.findings, opts.json, `Report: ${runFile(result.runDir, 'report')}`, result.dataQuality);
        if (!result.complete) process.exitCode = 130;
        else checkDataQuality(io.stderr, result.dataQuality);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}
