import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Registry, RegistryDefinitions } from '../registry.js';
import { InputError, type Problem } from '../util/problems.js';

/**
 * The registry the CLI loads, runs and analyses with: the built-ins plus the definitions of every `--extension`
 * module, or undefined (the built-ins) when none is given. An extension module exports `providers` and/or
 * `questionTypes` (arrays of definitions, as `createRegistry` takes them), by name or in its default export. It is
 * code the user chose to run, loaded only when named on the command line, never from a study file.
 */
export async function loadExtensions(modules: readonly string[]): Promise<Registry | undefined> {
  if (modules.length === 0) return undefined;
  const problems: Problem[] = [];
  const definitions: Required<RegistryDefinitions> = { providers: [], questionTypes: [] };
  for (const given of modules) {
    const file = resolve(given);
    if (!existsSync(file)) {
      problems.push({
        file: given,
        field: '--extension',
        message: 'not found; pass the path of a JavaScript module (.js, .mjs) that exports providers and/or questionTypes',
      });
      continue;
    }
    let loaded: Record<string, unknown>;
    try {
      loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (err) {
      problems.push({
        file: given,
        field: '--extension',
        message: `could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
      });
      continue;
    }
    const source = (isObject(loaded.default) ? loaded.default : loaded) as Record<string, unknown>;
    const before = problems.length;
    for (const key of ['providers', 'questionTypes'] as const) {
      const list = source[key];
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.every(isObject))
        problems.push({
          file: given,
          field: key,
          message: `must be an array of definitions (${key === 'providers' ? 'ProviderDefinition' : 'QuestionTypeDefinition'})`,
        });
      else (definitions[key] as unknown[]).push(...list);
    }
    if (problems.length === before && source.providers === undefined && source.questionTypes === undefined)
      problems.push({
        file: given,
        field: '--extension',
        message:
          'exports neither providers nor questionTypes; export an array of definitions under one of those names (see docs/extending.md)',
      });
  }
  if (problems.length > 0) throw new InputError(problems);
  const { createRegistry } = await import('../registry.js');
  try {
    return createRegistry(definitions);
  } catch (err) {
    // A definition reusing an id (its own or a built-in's): name the modules that were loaded.
    throw new InputError([{ file: modules.join(', '), field: '--extension', message: err instanceof Error ? err.message : String(err) }]);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
