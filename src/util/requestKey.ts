/**
 * How counterfair's request keys are held compactly: a key that starts with a request hash (64 lowercase hex
 * digits) keeps those as their 32 bytes, and the rest, when Latin-1, one byte per character. The score table stores
 * keys this way.
 */
export const REQUEST_HASH_PREFIX = /^[0-9a-f]{64}/;

/** True when every character fits in one Latin-1 byte (read back exactly with `toString('latin1')`). */
export function isLatin1(text: string): boolean {
  return LATIN1.test(text);
}

const LATIN1 = /^[\x00-\xff]*$/;
