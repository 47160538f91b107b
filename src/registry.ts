import type { ProviderDefinition } from './providers/definition.js';
import { createProviderRegistry, type ProviderRegistry } from './providers/registry.js';
import type { QuestionTypeDefinition } from './template/questions/definition.js';
import { createQuestionTypeRegistry, type QuestionTypeRegistry } from './template/questions/registry.js';

/**
 * The extension points a study is loaded, run and analysed with: the providers a `models:` entry may name and the
 * question types a template may use. Built by
 * `createRegistry` (the built-ins plus any definitions given) and passed in the options of `loadStudy`, `runStudy`
 * and `analyzeRunDirectory`; without one, each uses the built-ins.
 */
export interface Registry {
  providers: ProviderRegistry;
  questionTypes: QuestionTypeRegistry;
}

export interface RegistryDefinitions {
  providers?: readonly ProviderDefinition[];
  questionTypes?: readonly QuestionTypeDefinition[];
}

/** The built-in definitions plus `extra` ones. An id given twice (or a built-in's id) throws, naming it. */
export function createRegistry(extra: RegistryDefinitions = {}): Registry {
  return { providers: createProviderRegistry(extra.providers), questionTypes: createQuestionTypeRegistry(extra.questionTypes) };
}
