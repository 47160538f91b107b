import { Command, InvalidArgumentError } from 'commander';
import type { GateSettings } from '../study/types.js';
import { GateFailed, GateRefused } from './errors.js';
import type { CliIO } from './program.js';

const number = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new InvalidArgumentError(`expected a number from ${min} to ${max}`);
  return n;
};
const idList = (value: string) => {
  const ids = value.split(',').map((s) => s.trim());
  if (ids.some((id) => id === '')) throw new InvalidArgumentError('expected ids separated by commas, e.g. race,insurance');
  return ids;
};

interface GateOptions extends GateSettings {
  study?: string;
  json?: boolean;
  junit?: string;
  summary?: string | false;
}

export function gateCommand(io: CliIO): Command {
  return new Command('gate')
    .description(
      "exit 1 when a disparity exceeds the thresholds (flags, or the study's gate: section), 2 when the run cannot support a verdict; for CI pipelines",
    )
    .argument('<run-dir>', 'run directory (from `counterfair run` or `counterfair import`)')
    .option(
      '--max-difference <points>',
      'largest acceptable error-rate difference, in percentage points (either direction)',
      number(0, 100),
    )
    .option('--max-ratio <r>', 'largest acceptable error-rate ratio, either way (max(ratio, 1/ratio))', number(1, Number.MAX_VALUE))
    .option(
      '--alpha <a>',
      "significance level for the adjusted p-values (default: the study's gate alpha, else the run's)",
      number(1e-12, 0.5),
    )
    .option('--axes <ids>', 'gate only these axes (comma-separated)', idList)
    .option('--domains <ids>', 'gate each of these clinical domains separately (comma-separated)', idList)
    .option(
      '--use-ci-bound',
      "hold the bound nearer no difference of each contrast's family interval (the one that agrees with its adjusted p), not the point estimate, against the thresholds",
    )
    .option('--no-use-ci-bound', "use the point estimates even if the study's gate: says use_ci_bound")
    .option(
      '--mode <mode>',
      'superiority (default): fail a significant disparity beyond the thresholds; equivalence: pass only a contrast whose 1 - 2*alpha interval is inside them (TOST)',
      (v) => {
        if (v !== 'superiority' && v !== 'equivalence') throw new InvalidArgumentError('superiority or equivalence');
        return v;
      },
    )
    .option(
      '--max-lost-pairs <share>',
      "refuse (exit 2) when a contrast lost more than this share of its pairs to missing answers (default: the study's gate: max_lost_pairs, else 0.2)",
      number(0, 1),
    )
    .option('--study <file>', 'study file whose gate: section to read (default: the one the run manifest names)')
    .option('--json', 'print the verdict as JSON on stdout (schema counterfair.gate/1)')
    .option('--junit <file>', 'also write the verdict as JUnit XML (one test case per contrast) for CI test reports')
    .option('--summary <file>', 'append the verdict as a Markdown job summary to this file (default: $GITHUB_STEP_SUMMARY when set)')
    .option('--no-summary', 'write no Markdown job summary, even when $GITHUB_STEP_SUMMARY is set')
    .action(async (runDir: string, opts: GateOptions) => {
      const { gateRun } = await import('../gate/gate.js');
      const { formatGateText } = await import('../gate/format.js');
      const flags: GateSettings = {
        maxDifference: opts.maxDifference,
        maxRatio: opts.maxRatio,
        alpha: opts.alpha,
        axes: opts.axes,
        domains: opts.domains,
        useCiBound: opts.useCiBound,
        mode: opts.mode,
        maxLostPairs: opts.maxLostPairs,
      };
      const result = gateRun(runDir, flags, opts.study);
      io.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatGateText(result));
      const summary = opts.summary === false ? undefined : (opts.summary ?? io.env.GITHUB_STEP_SUMMARY);
      if (opts.junit !== undefined || summary) {
        const { writeGateReports } = await import('../gate/ciReports.js');
        writeGateReports(result, { junit: opts.junit, summary });
      }
      if (result.refused) {
        // The JSON goes to a file in CI; the log must still say why the job stopped.
        if (opts.json) io.stderr.write(formatGateText(result));
        throw new GateRefused(result.refusals.join('; '));
      }
      if (!result.passed) throw new GateFailed(`${result.failed} contrasts exceed the thresholds`);
    });
}
