import type { ModelSpec, OpenAIModelSpec } from '../study/types.js';

/** An OpenAI-compatible model entry; kept apart from the provider so a command can tell one without loading it. */
export type OpenAISpec = OpenAIModelSpec;

export function isOpenAISpec(spec: ModelSpec): spec is OpenAISpec {
  return spec.kind === 'openai';
}
