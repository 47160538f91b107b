import { Command } from 'commander';
import { runFile } from '../pipeline/runDir.js';
import type { ProgressSink } from '../run/progressDisplay.js';
import type { RunOverrides } from '../study/overrides.js';
import { applyQualityFlags, checkDataQuality, withQualityFlags, type QualityFlags } from './dataQuality.js';
import type { CliIO } from './program.js';
import { checkTemplateLint, withStrictFlag, type LintFlags } from './templateLint.js';
import { subsetOptions, wholeNumber as positiveInteger, withSubsetFlags } from './subset.js';
import type { SubsetOptions } from '../study/subset.js';
import { preflight } from './validate.js';

/** What --force does, for every command that writes a run directory. */
export const FORCE_HELP =
  'replace a run of a different study in the run directory: its recorded files (manifest, variants, responses, scores, results, report) are deleted first; without it such a directory is refused';

export function runCommand(io: CliIO): Command {
  return withSubsetFlags(withStrictFlag(withQualityFlags(new Command('run'))))
    .description('expand the study, ask every model, score, analyse and write the report')
    .argument('<study>', 'study YAML file')
    .option('--out <dir>', 'run directory (default: <output>/<study name>); re-running with the same directory resumes')
    .option('--base-url <url>', 'OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (with --model: run only that model)')
    .option('--model <name>', "run only this model at --base-url instead of the study's models")
    .option('--api-key-env <var>', 'environment variable holding the key (default OPENAI_API_KEY)')
    .option('-j, --concurrency <n>', 'requests in flight per model', positiveInteger)
    .option('--replicates <n>', 'answers per variant and model', positiveInteger)
    .option('--json', 'print the findings as JSON on stdout')
    .option(
      '--no-cache',
      'neither read nor write the response cache shared by all runs (send every request this run directory has not answered)',
    )
    .option('--force', FORCE_HELP)
    .option('--verbose', 'print each failed request (model, variant, cause) as it happens')
    .option(
      '--dry-run',
      'ask nothing: print the request count, estimated tokens and cost, and send one test request per endpoint (as `counterfair validate`)',
    )
    .action(
      async (
        studyFile: string,
        opts: RunOverrides &
          QualityFlags &
          LintFlags &
          SubsetOptions & { out?: string; json?: boolean; cache: boolean; force?: boolean; dryRun?: boolean; verbose?: boolean },
      ) => {
        // Loaded on use so `--help` stays fast.
        const [{ loadStudy }, { applyRunOverrides }, { printFindings }] = await Promise.all([
          import('../study/load.js'),
          import('../study/overrides.js'),
          import('./findingsSummary.js'),
        ]);
        const study = loadStudy(studyFile, { registry: io.registry });
        if (opts.dryRun) return preflight(io, study, opts, 'run --dry-run');
        await checkTemplateLint(io.stderr, study, opts);
        const { applySubset, describeSubset } = await import('../study/subset.js');
        const overridden = applyRunOverrides(applySubset(study, subsetOptions(opts)), opts);
        if (overridden.study.subset)
          io.stderr.write(`counterfair: smoke test on a subset: ${describeSubset(overridden.study.subset)}; the report and gate say so\n`);
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
            progress: opts.verbose ? verboseProgress(io.stderr) : io.stderr,
            cache: opts.cache,
            force: opts.force,
            registry: io.registry,
          });
          const report = `Report: ${runFile(result.runDir, 'report')}`;
          if (result.complete || opts.json) printFindings(io.stdout, result.findings, opts.json, report, result.dataQuality, result);
          if (result.complete && opts.json) io.stderr.write(`counterfair: ${report}\n`);
          if (result.complete && !opts.json && loaded.study.models.every((m) => m.kind === 'simulated'))
            io.stdout.write(NEXT_STEP(studyFile));
          if (!result.complete) process.exitCode = 130;
          else checkDataQuality(io.stderr, result.dataQuality);
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      },
    );
}

/** The terminal as a progress sink that also prints each failed request. */
function verboseProgress(stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }): ProgressSink {
  return { write: (text) => stderr.write(text), isTTY: stderr.isTTY, columns: stderr.columns, verbose: true };
}

/** After a run on the simulated model only (`npm start`): how to audit a real one. */
const NEXT_STEP = (studyFile: string) =>
  [
    '',
    'Next: audit your own model. Point this study at any OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp, OpenAI...):',
    `  export OPENAI_API_KEY=...          (or put it in a file and add --env-file FILE)`,
    `  counterfair validate ${studyFile} --base-url http://127.0.0.1:8000/v1 --model NAME --limit 3`,
    `  counterfair run ${studyFile} --base-url http://127.0.0.1:8000/v1 --model NAME`,
    'or replace the study\'s models: section with { id, provider: openai, model, base_url, api_key_env } (see README, "A real model").',
    '',
  ].join('\n');
