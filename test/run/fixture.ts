import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandStudy } from '../../src/expand/expand.js';
import type { Variant } from '../../src/expand/types.js';
import type { OpenAISpec } from '../../src/providers/openai.js';
import { DEFAULT_SYSTEM_PROMPT, loadStudy } from '../../src/study/load.js';
import type { Question } from '../../src/template/types.js';
import { fixture } from '../helpers/paths.js';

/** The test study's variants and questions: real prompts, few of them. */
export function fixturePlan(): { variants: Variant[]; questions: Map<string, Question> } {
  const { study, vignettes } = loadStudy(fixture('study/study.yaml'));
  return { variants: [...expandStudy(study, vignettes, study.systemPrompt)], questions: new Map(vignettes.map((v) => [v.id, v.question])) };
}

export function openaiSpec(baseUrl: string, overrides: Partial<OpenAISpec> = {}): OpenAISpec {
  return {
    kind: 'openai',
    id: 'local',
    model: 'test-model',
    baseUrl,
    apiKeyEnv: 'COUNTERFAIR_TEST_KEY',
    batch: false,
    params: { temperature: 0 },
    systemPrompt: DEFAULT_SYSTEM_PROMPT,
    concurrency: 4,
    timeoutMs: 30_000,
    maxRetries: 3,
    ...overrides,
  };
}

export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `counterfair-${name}-`));
}
