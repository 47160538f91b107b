import { isOpenAISpec } from '../providers/openai.js';
import { InputError } from '../util/problems.js';
import { apiKeyEnvProblem, baseUrlProblem } from './endpointFields.js';
import type { LoadedStudy, ModelSpec } from './types.js';

/** What `counterfair run` may change from the command line, for a quick audit of one endpoint. */
export interface RunOverrides {
  baseUrl?: string;
  model?: string;
  apiKeyEnv?: string;
  concurrency?: number;
  replicates?: number;
}

/**
 * Applies command-line overrides to a loaded study. `--model` (with `--base-url` and `--api-key-env`) replaces the
 * study's models with that one OpenAI-compatible model, keeping the study's system prompt and the first model's
 * parameters and limits; `--base-url` or `--api-key-env` alone re-point the study's only OpenAI-compatible model.
 * `--concurrency` applies to every model; `--replicates` to the study. Pure: returns a new study.
 */
export function applyRunOverrides(loaded: LoadedStudy, o: RunOverrides): LoadedStudy {
  const { study } = loaded;
  const flagProblems = [
    ...(o.apiKeyEnv === undefined ? [] : [['--api-key-env', apiKeyEnvProblem(o.apiKeyEnv)] as const]),
    ...(o.baseUrl === undefined ? [] : [['--base-url', baseUrlProblem(o.baseUrl)] as const]),
  ].flatMap(([field, message]) => (message ? [{ file: 'command line', field, message }] : []));
  if (flagProblems.length > 0) throw new InputError(flagProblems);
  let models: ModelSpec[] = study.models;
  if (o.model !== undefined) {
    const first = study.models[0];
    const common = first
      ? {
          params: first.params,
          timeoutMs: first.timeoutMs,
          maxRetries: first.maxRetries,
          rpm: first.rpm,
          tpm: first.tpm,
          price: first.price,
          concurrency: first.concurrency,
        }
      : { params: {}, timeoutMs: 60_000, maxRetries: 4, concurrency: 4 };
    models = [
      {
        ...common,
        kind: 'openai',
        id: o.model,
        model: o.model,
        baseUrl: o.baseUrl,
        apiKeyEnv: o.apiKeyEnv ?? 'OPENAI_API_KEY',
        batch: false,
        systemPrompt: study.systemPrompt,
      },
    ];
  } else if (o.baseUrl !== undefined || o.apiKeyEnv !== undefined) {
    const remote = models.filter(isOpenAISpec);
    if (remote.length !== 1) {
      throw new InputError([
        {
          file: study.file,
          field: 'models',
          message: `--base-url and --api-key-env re-point the study's one OpenAI-compatible model, but it has ${remote.length}; add --model NAME to run a single model instead`,
        },
      ]);
    }
    models = models.map((m) => (isOpenAISpec(m) ? { ...m, baseUrl: o.baseUrl ?? m.baseUrl, apiKeyEnv: o.apiKeyEnv ?? m.apiKeyEnv } : m));
  }
  if (o.concurrency !== undefined) models = models.map((m) => ({ ...m, concurrency: o.concurrency! }));
  return { ...loaded, study: { ...study, models, replicates: o.replicates ?? study.replicates } };
}
