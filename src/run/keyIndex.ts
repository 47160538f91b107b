/**
 * A map from request keys to numbers (byte offsets, row numbers) that does not hold the keys: each entry is a 64-bit
 * hash of its key and its value, 16 bytes in typed arrays, where a `Map<string, number>` of 64-digit hex keys costs
 * about 110 bytes an entry (1.1 GB for a 10-million-request run). The keys stay where they already are, in the file
 * the values point into: `keyAt(value)` reads a stored entry's key back, and is asked only when a probed entry's hash
 * matches, so a hash collision can never return another key's value.
 *
 * Open addressing with linear probing, at most 3/4 full (doubling when it would be fuller); an empty slot holds the
 * value NaN, which no offset or row number is. No deletion of one entry: the journal and the response index only add or
 * update (and `clear` empties the whole index).
 */
export class KeyIndex {
  private homes: Uint32Array;
  private fingerprints: Uint32Array;
  private values: Float64Array;
  private count = 0;

  constructor(
    /** The key of the entry holding `value`, read from where the values point (the journal line at an offset). */
    private readonly keyAt: (value: number) => string,
    capacity = 1024,
  ) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, (4 * capacity) / 3)));
    this.homes = new Uint32Array(slots);
    this.fingerprints = new Uint32Array(slots);
    this.values = new Float64Array(slots).fill(Number.NaN);
  }

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const slot = this.find(key, keyHashes(key));
    return slot < 0 ? undefined : this.values[slot];
  }

  has(key: string): boolean {
    return this.find(key, keyHashes(key)) >= 0;
  }

  /** Adds the key, or points it at a new value. */
  set(key: string, value: number): void {
    if (Number.isNaN(value)) throw new Error('KeyIndex.set: a value cannot be NaN (it marks an empty slot)');
    const hashes = keyHashes(key);
    const found = this.find(key, hashes);
    if (found >= 0) {
      this.values[found] = value;
      return;
    }
    if (4 * (this.count + 1) > 3 * this.values.length) this.grow();
    this.place(hashes[0], hashes[1], value);
    this.count++;
  }

  /** The slot holding `key`, or -1. */
  private find(key: string, [home, fingerprint]: readonly [number, number]): number {
    const mask = this.values.length - 1;
    for (let slot = home & mask; !Number.isNaN(this.values[slot]); slot = (slot + 1) & mask) {
      if (this.homes[slot] === home && this.fingerprints[slot] === fingerprint && this.keyAt(this.values[slot]!) === key) return slot;
    }
    return -1;
  }

  /** Puts an entry known to be absent into the first free slot of its probe sequence. */
  private place(home: number, fingerprint: number, value: number): void {
    const mask = this.values.length - 1;
    let slot = home & mask;
    while (!Number.isNaN(this.values[slot])) slot = (slot + 1) & mask;
    this.homes[slot] = home;
    this.fingerprints[slot] = fingerprint;
    this.values[slot] = value;
  }

  /** Removes every entry and gives the slots' memory back (a journal closed before its run's analysis). */
  clear(): void {
    this.homes = new Uint32Array(16);
    this.fingerprints = new Uint32Array(16);
    this.values = new Float64Array(16).fill(Number.NaN);
    this.count = 0;
  }

  private grow(): void {
    const { homes, fingerprints, values } = this;
    const slots = values.length * 2;
    this.homes = new Uint32Array(slots);
    this.fingerprints = new Uint32Array(slots);
    this.values = new Float64Array(slots).fill(Number.NaN);
    for (let slot = 0; slot < values.length; slot++) {
      if (!Number.isNaN(values[slot])) this.place(homes[slot]!, fingerprints[slot]!, values[slot]!);
    }
  }
}

/**
 * Two independent 32-bit FNV-1a hashes of the key's UTF-16 code units (different offset bases, the second over the
 * units in reverse), each finished with MurmurHash3's avalanche so that the low bits that pick a slot depend on every
 * unit: the home slot and a fingerprint, 64 bits in all.
 */
function keyHashes(key: string): [number, number] {
  let home = 0x811c9dc5;
  let fingerprint = 0x01000193 ^ key.length;
  for (let i = 0, j = key.length - 1; i < key.length; i++, j--) {
    home = Math.imul(home ^ key.charCodeAt(i), 0x01000193);
    fingerprint = Math.imul(fingerprint ^ key.charCodeAt(j), 0x01000193);
  }
  return [avalanche(home), avalanche(fingerprint)];
}

/** MurmurHash3's 32-bit finaliser. */
function avalanche(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
