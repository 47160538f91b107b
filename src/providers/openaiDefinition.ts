import { createBatchProvider } from './batch.js';
import type { ProviderDefinition } from './definition.js';
import { apiKeyEnvProblem, baseUrlProblem } from '../study/endpointFields.js';
import { createOpenAIProvider, openaiIdentity, type OpenAISpec } from './openai.js';

/**
 * `provider: openai`: any OpenAI-compatible chat endpoint, online or through its Batch API (`batch: true`). The key
 * is read from the environment variable the entry names, never from the study.
 */
export const openaiProviderDefinition: ProviderDefinition<OpenAISpec> = {
  kind: 'openai',
  fields: ['model', 'base_url', 'api_key_env', 'batch'],
  readSpec(obj, { reader: r, path, common, role }) {
    const model = r.string(obj, 'model', path);
    const apiKeyEnv = r.string(obj, 'api_key_env', path, { optional: true }) ?? 'OPENAI_API_KEY';
    const keyProblem = apiKeyEnvProblem(apiKeyEnv);
    if (keyProblem) r.problem([...path, 'api_key_env'], keyProblem);
    const baseUrl = r.string(obj, 'base_url', path, { optional: true });
    const urlProblem = baseUrl === undefined ? undefined : baseUrlProblem(baseUrl);
    if (urlProblem) r.problem([...path, 'base_url'], urlProblem);
    const batch = r.oneOf(obj, 'batch', ['true', 'false'], path, { optional: true }) === 'true';
    if (batch && role === 'judge') r.problem([...path, 'batch'], 'the judge is asked directly, not through the Batch API');
    return model ? { ...common, kind: 'openai', model, baseUrl, apiKeyEnv, batch } : undefined;
  },
  create(spec, { env, questionTypes }) {
    const key = env[spec.apiKeyEnv];
    if (!key) throw new Error(`model ${spec.id}: environment variable ${spec.apiKeyEnv} is not set`);
    return spec.batch ? createBatchProvider(spec, key, { questionTypes }) : createOpenAIProvider(spec, key, questionTypes);
  },
  identity: (spec) => openaiIdentity(spec),
  requiredEnv: (spec) => [{ name: spec.apiKeyEnv, field: 'api_key_env' }],
  judge: {
    fingerprint: (spec) => ({ kind: spec.kind, baseUrl: spec.baseUrl ?? null, model: spec.model, params: spec.params }),
  },
};
