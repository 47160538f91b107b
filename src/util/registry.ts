/**
 * Definitions keyed by id: the built-in ones and any a library user adds. Built once (by a function, per caller) and
 * passed along as a value; never a module-level table that code or tests mutate.
 */
export interface Registry<D> {
  /** Every valid id, built-ins first, in registration order: what an unknown-id message lists. */
  readonly ids: readonly string[];
  get(id: string): D | undefined;
}

/**
 * A registry of `definitions` named by `idOf`. Two definitions with one id are a programming error (an extension
 * that would silently replace a built-in, or one registered twice), so they throw, naming the id.
 */
export function buildRegistry<D>(what: string, definitions: readonly D[], idOf: (definition: D) => string): Registry<D> {
  const byId = new Map<string, D>();
  for (const definition of definitions) {
    const id = idOf(definition);
    if (typeof id !== 'string' || id.trim() === '') throw new Error(`a ${what} definition needs a non-empty id`);
    if (byId.has(id))
      throw new Error(`two ${what} definitions have the id "${id}"; ids must be unique (${[...byId.keys()].join(', ')} are taken)`);
    byId.set(id, definition);
  }
  const ids = [...byId.keys()];
  return { ids, get: (id) => byId.get(id) };
}

/** `"x" is not a provider (valid: simulated, openai)`: an unknown id, with the valid ones to choose from. */
export function unknownIdMessage(what: string, id: string, registry: Registry<unknown>): string {
  return `"${id}" is not a ${what}; valid: ${registry.ids.join(', ')}`;
}
