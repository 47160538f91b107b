import type { Axis } from '../demographics/types.js';
import type { ModelCommon, ModelSpec } from '../study/types.js';
import type { QuestionTypeRegistry } from '../template/questions/registry.js';
import type { CueMode } from '../template/render.js';
import type { FieldReader } from '../util/fields.js';
import type { FieldPath } from '../util/yaml.js';
import type { Provider } from './types.js';

/** Everything a provider may need from outside the study: secrets come from here, never from files. */
export interface ProviderContext {
  studySeed: number;
  /** Looks up an environment variable (the CLI passes process.env). */
  env: Readonly<Record<string, string | undefined>>;
  /** The question types of the study (for answer schemas, and the simulated model's answers); the built-ins when absent. */
  questionTypes?: QuestionTypeRegistry;
}

/** What `readSpec` is given besides the raw entry: where it is, what the loader already read, what the study holds. */
export interface ModelEntryContext {
  /** Records problems (file, line, field) instead of throwing; read fields through it. */
  reader: FieldReader;
  /** The entry's path in the study (`['models', 0]` or `['judge', 'model']`), for problems. */
  path: FieldPath;
  /** The fields every model has (id, params, limits, system prompt), already read and checked. */
  common: ModelCommon;
  /** `judge` when the entry is the study's `judge.model`: asked directly, one request at a time. */
  role: 'model' | 'judge';
  axes: readonly Axis[];
  cueModes: readonly CueMode[];
  /** The question types the study may use (its registry's ids). */
  questionTypes: readonly string[];
}

/** An environment variable a model needs before anything is sent, and the study field that names it. */
export interface RequiredVariable {
  name: string;
  /** The entry's field naming the variable (`api_key_env`), for the message. */
  field: string;
}

/**
 * One kind of model (`provider:` in a study): how its entry is read, how it is created, and what identifies it.
 * Adding a provider is one definition plus one registration (`createRegistry({ providers: [definition] })`).
 */
export interface ProviderDefinition<S extends ModelSpec = ModelSpec> {
  /** The `provider:` value that selects this definition; also the spec's `kind`. */
  readonly kind: string;
  /** The entry fields this provider reads beyond the common ones; any other field is reported as unknown. */
  readonly fields: readonly string[];
  /** The spec of one entry, or undefined when unusable (its problems recorded through `entry.reader`). */
  readSpec(raw: Readonly<Record<string, unknown>>, entry: ModelEntryContext): S | undefined;
  /** The provider that answers requests for `spec`. Its `identity` must equal `identity(spec, ctx)`. */
  create(spec: S, ctx: ProviderContext): Provider;
  /**
   * Stable description of what answers, folded into every request key and cache shard: the settings that change
   * answers, never a secret nor an operational setting (concurrency, timeouts, prices).
   */
  identity(spec: S, ctx: Pick<ProviderContext, 'studySeed'>): string;
  /** Environment variables that must be set before a run starts (an API key), checked once for every model. */
  requiredEnv?(spec: S): RequiredVariable[];
  /**
   * When this provider grades free-text answers (`judge.model`): what decides its verdicts (the judgement cache key,
   * read without creating a client), and the provider that answers judge prompts when it is not `create`'s.
   * Absent: the fingerprint is the kind, identity and parameters, and the judge is `create`'s provider.
   */
  judge?: {
    fingerprint(spec: S, studySeed: number): Record<string, unknown>;
    create?(spec: S, ctx: ProviderContext): Provider;
  };
}
