import { Command } from 'commander';
import { plural } from '../report/format.js';
import type { EndpointCheck, PlanEstimate } from '../run/preflight.js';
import type { RunOverrides } from '../study/overrides.js';
import { describeSubset, type StudySubset, type SubsetOptions } from '../study/subset.js';
import type { LoadedStudy } from '../study/types.js';
import { PreflightFailed } from './errors.js';
import type { CliIO } from './program.js';
import { subsetOptions, wholeNumber, withSubsetFlags } from './subset.js';
import { checkTemplateLint, withStrictFlag, type LintFlags } from './templateLint.js';

export type ValidateFlags = RunOverrides & SubsetOptions & LintFlags & { json?: boolean; check?: boolean };

export function validateCommand(io: CliIO): Command {
  return withSubsetFlags(withStrictFlag(new Command('validate')))
    .description(
      'check a study without running it: request count, estimated tokens and cost, and one test request per endpoint (exit 2 when an endpoint fails)',
    )
    .argument('<study>', 'study YAML file')
    .option('--base-url <url>', 'check this OpenAI-compatible endpoint instead (as `run --base-url`)')
    .option('--model <name>', 'check only this model at --base-url (as `run --model`)')
    .option('--api-key-env <var>', 'environment variable holding the key (default OPENAI_API_KEY)')
    .option('--replicates <n>', 'answers per variant and model', wholeNumber)
    .option('--no-check', 'count and estimate only: send no test request')
    .option('--json', 'print the check as JSON on stdout (schema counterfair.validate/1)')
    .action(async (studyFile: string, opts: ValidateFlags) => {
      const { loadStudy } = await import('../study/load.js');
      await preflight(io, loadStudy(studyFile, { registry: io.registry }), opts, 'validate');
    });
}

/** JSON of `validate --json` and `run --dry-run --json`: fields are added, never renamed. */
export interface PreflightReport {
  schema: 'counterfair.validate/1';
  study: { name: string; file: string };
  subset: StudySubset | null;
  plan: PlanEstimate & { requests: number; cost: number | null };
  /** Empty with --no-check. */
  endpoints: EndpointCheck[];
  /** False when an endpoint failed its test request (the command exits 2). */
  ok: boolean;
}

/**
 * What `validate` and `run --dry-run` do: load, lint, subset and override the study as `run` would, count and
 * estimate the requests, send one test request per endpoint, print it all, and fail (exit 2) when an endpoint would
 * make the run fail. Nothing is written.
 */
export async function preflight(io: CliIO, loaded: LoadedStudy, opts: ValidateFlags, command: string): Promise<void> {
  const [{ applyRunOverrides }, { applySubset }, { expandStudy }, { estimatePlan, checkEndpoints, endpointFailed }] = await Promise.all([
    import('../study/overrides.js'),
    import('../study/subset.js'),
    import('../expand/expand.js'),
    import('../run/preflight.js'),
  ]);
  await checkTemplateLint(io.stderr, loaded, opts);
  const { study, vignettes } = applyRunOverrides(applySubset(loaded, subsetOptions(opts)), opts);
  const plan = estimatePlan(study, expandStudy(study, vignettes, study.systemPrompt, io.registry?.questionTypes));
  const first = expandStudy(study, vignettes, study.systemPrompt, io.registry?.questionTypes).next();
  const endpoints =
    opts.check === false || first.done
      ? []
      : await checkEndpoints(study, first.value, vignettes.find((v) => v.id === first.value.vignetteId)!.question, {
          env: io.env,
          clock: io.clock,
        });
  const costs = plan.models.map((m) => m.cost);
  const report: PreflightReport = {
    schema: 'counterfair.validate/1',
    study: { name: study.name, file: study.file },
    subset: study.subset ?? null,
    plan: {
      ...plan,
      requests: plan.models.reduce((sum, m) => sum + m.requests, 0),
      cost: costs.includes(null) ? null : costs.reduce<number>((a, b) => a + b!, 0),
    },
    endpoints,
    ok: !endpoints.some(endpointFailed),
  };
  io.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatPreflight(report, vignettes.length, command));
  if (!report.ok) {
    // The JSON goes to a file in CI; the log must still say why the job stopped.
    const failed = endpoints.filter(endpointFailed);
    if (opts.json) for (const e of failed) io.stderr.write(`counterfair: ${e.modelId}: ${e.cause}\n`);
    throw new PreflightFailed(failed.map((e) => e.modelId).join(', '));
  }
}

function formatPreflight(r: PreflightReport, vignettes: number, command: string): string {
  const tokens = (n: number) => n.toLocaleString('en-US');
  const money = (n: number) => `$${n < 0.01 && n > 0 ? n.toPrecision(2) : n.toFixed(2)}`;
  const lines = [
    `counterfair ${command}: ${r.study.name} (${r.study.file})`,
    ...(r.subset ? [`Subset: ${describeSubset(r.subset)} — a smoke test, not an audit of the study.`] : []),
    `${plural(vignettes, 'vignette')} -> ${plural(r.plan.variants, 'variant')} x ${r.plan.replicates} replicate(s) x ${r.plan.models.length} model(s) = ${tokens(r.plan.requests)} requests`,
  ];
  const priced = r.plan.models.filter((m) => m.kind !== 'simulated');
  for (const m of r.plan.models) {
    if (m.kind === 'simulated') lines.push(`  ${m.modelId}: ${tokens(m.requests)} requests to the simulated model (no tokens, no cost)`);
    else
      lines.push(
        `  ${m.modelId}: ${tokens(m.requests)} requests, about ${tokens(m.promptTokens)} prompt + ${tokens(m.completionTokens)} answer tokens, ${m.cost === null ? 'cost unknown (no price: in the study)' : `about ${money(m.cost)}`}`,
      );
  }
  if (priced.length) {
    lines.push(
      r.plan.cost === null
        ? 'Estimated cost: unknown — give each model a price: { input, output } (US dollars per million tokens) in the study to see it. Token figures assume about 4 characters a token and answers of max_tokens (or 256) tokens.'
        : `Estimated cost: about ${money(r.plan.cost)} (about 4 characters a token, answers of max_tokens or 256 tokens; recorded answers and the response cache are not counted as savings).`,
    );
  }
  if (r.endpoints.length) {
    lines.push('Endpoint check (one test request per model):');
    for (const e of r.endpoints) lines.push(`  ${e.modelId}: ${endpointLine(e)}`);
  }
  lines.push(
    r.ok
      ? r.endpoints.length
        ? 'Ready: every endpoint answered.'
        : 'No endpoint was checked (--no-check).'
      : 'NOT READY: fix the endpoints marked FAILED before running (exit 2).',
  );
  return `${lines.join('\n')}\n`;
}

function endpointLine(e: EndpointCheck): string {
  switch (e.status) {
    case 'simulated':
      return 'simulated model, nothing to check';
    case 'not-checked':
      return `not checked — ${e.target}: only OpenAI-compatible endpoints are checked here; a run reaches this provider`;
    case 'ok':
      return `ok — ${e.target} answered in ${e.latencyMs} ms${e.servedModel ? ` (served by ${e.servedModel})` : ''}`;
    case 'limited':
      return `reachable but rate-limited — ${e.target}: ${e.cause}`;
    case 'no-key':
    case 'unreachable':
    case 'rejected':
      return `FAILED — ${e.target}${e.httpStatus !== undefined ? ` (HTTP ${e.httpStatus})` : ''}: ${e.cause}`;
  }
}
