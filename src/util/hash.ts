import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal values always hash equally. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A 32-bit seed derived from a base seed and a list of ids. Sub-seeds come from ids, not from a shared
 * generator's position, so a result never depends on iteration order or concurrency.
 */
export function deriveSeed(seed: number, ...ids: readonly string[]): number {
  const digest = createHash('sha256')
    .update(`${seed}\u0000${ids.join('\u0000')}`)
    .digest();
  return digest.readUInt32BE(0);
}

/** A uniform number in [0, 1) fixed by the seed and ids (53 bits of the hash). */
export function hashUniform(seed: number, ...ids: readonly string[]): number {
  const digest = createHash('sha256')
    .update(`${seed}\u0000${ids.join('\u0000')}`)
    .digest();
  const high = digest.readUInt32BE(0) >>> 5; // 27 bits
  const low = digest.readUInt32BE(4) >>> 6; // 26 bits
  return (high * 67108864 + low) / 9007199254740992;
}
