import type { ModelSpec } from '../study/types.js';
import { buildRegistry, unknownIdMessage, type Registry } from '../util/registry.js';
import type { ProviderContext, ProviderDefinition, RequiredVariable } from './definition.js';
import { openaiProviderDefinition } from './openaiDefinition.js';
import { simulatedProviderDefinition } from './simulatedDefinition.js';
import type { Provider } from './types.js';

export type { ProviderContext } from './definition.js';

/** The providers a study may name, keyed by `kind`. */
export type ProviderRegistry = Registry<ProviderDefinition>;

/** The built-in providers (simulated, openai), then `extra` ones; an id used twice throws. */
export function createProviderRegistry(extra: readonly ProviderDefinition[] = []): ProviderRegistry {
  // Method parameters are bivariant, so a definition of a narrower spec registers as one of any spec.
  const builtins: ProviderDefinition[] = [simulatedProviderDefinition, openaiProviderDefinition];
  return buildRegistry('provider', [...builtins, ...extra], (d) => d.kind);
}

/** The definition of `spec`'s kind; a spec no registry defines is a programming error (studies are checked at load). */
export function providerDefinition(providers: ProviderRegistry, spec: Pick<ModelSpec, 'kind'>): ProviderDefinition {
  const definition = providers.get(spec.kind);
  if (!definition) throw new Error(unknownIdMessage('provider', spec.kind, providers));
  return definition;
}

/**
 * The provider answering for `spec`. Its identity must be its definition's `identity`: request keys, cache shards and
 * judgement keys are all built from it, so a definition whose two disagree is refused before anything is sent.
 */
export function createProvider(spec: ModelSpec, ctx: ProviderContext, providers: ProviderRegistry = createProviderRegistry()): Provider {
  const definition = providerDefinition(providers, spec);
  const provider = definition.create(spec, ctx);
  const identity = definition.identity(spec, ctx);
  if (provider.identity !== identity)
    throw new Error(
      `provider "${spec.kind}" (model ${spec.id}): create() gave identity "${provider.identity}" but identity() gives "${identity}"; they must agree`,
    );
  return provider;
}

/** The environment variables `spec` needs (its API key), to check before anything is sent. */
export function requiredVariables(spec: ModelSpec, providers: ProviderRegistry): RequiredVariable[] {
  return providerDefinition(providers, spec).requiredEnv?.(spec) ?? [];
}

/** The provider that answers judge prompts for `spec` (the simulated judge for a simulated model). */
export function createJudgeProvider(spec: ModelSpec, ctx: ProviderContext, providers: ProviderRegistry): Provider {
  const definition = providerDefinition(providers, spec);
  return definition.judge?.create ? definition.judge.create(spec, ctx) : definition.create(spec, ctx);
}

/**
 * What decides a judge's answers, read from the study alone, so judgements can be looked up when a run is
 * re-analysed without the judge's API key at hand. The model's label and operational settings are left out:
 * changing them never re-pays for a finished judgement.
 */
export function judgeFingerprint(spec: ModelSpec, studySeed: number, providers: ProviderRegistry): Record<string, unknown> {
  const definition = providerDefinition(providers, spec);
  return (
    definition.judge?.fingerprint(spec, studySeed) ?? {
      kind: spec.kind,
      identity: definition.identity(spec, { studySeed }),
      params: spec.params,
    }
  );
}
