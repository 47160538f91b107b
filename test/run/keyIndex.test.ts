import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../src/run/keyIndex.js';
import { keyOfLine } from '../../src/run/store.js';

/** Values are positions in `keys`, as journal offsets are positions in the journal. */
function indexOver(keys: string[]): KeyIndex {
  return new KeyIndex((value) => keys[value]!, 4);
}

const hexKey = (i: number) => createHash('sha256').update(String(i)).digest('hex');

describe('KeyIndex', () => {
  it('agrees with a Map over 50,000 request keys added, updated and looked up, through many doublings', () => {
    const keys: string[] = [];
    const index = indexOver(keys);
    const reference = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const key = i % 7 === 3 ? `plain key ${i}` : hexKey(i);
      keys.push(key);
      index.set(key, keys.length - 1);
      reference.set(key, keys.length - 1);
      if (i % 5 === 0) {
        // A key recorded again (a failure then its success) points at its newer line.
        const again = i % 7 === 3 ? `plain key ${i}` : hexKey(i);
        keys.push(again);
        index.set(again, keys.length - 1);
        reference.set(again, keys.length - 1);
      }
    }
    expect(index.size).toBe(reference.size);
    for (const [key, value] of reference) expect(index.get(key)).toBe(value);
    for (let i = 50_000; i < 55_000; i++) {
      expect(index.has(hexKey(i))).toBe(false);
      expect(index.get(`plain key ${i}`)).toBeUndefined();
    }
  });

  it('never returns the value of another key: a matching hash is confirmed by reading the stored key back', () => {
    const keys = ['a', 'b'];
    const index = indexOver(keys);
    index.set('a', 0);
    index.set('b', 1);
    keys[0] = 'x'; // the line at value 0 now holds another key, as after a colliding hash
    expect(index.get('a')).toBeUndefined();
    expect(index.get('b')).toBe(1);
  });

  it('clear empties the index, which then fills again like a new one', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => hexKey(i));
    const index = indexOver(keys);
    keys.forEach((key, i) => index.set(key, i));
    index.clear();
    expect(index.size).toBe(0);
    expect(keys.some((key) => index.has(key))).toBe(false);
    index.set(keys[42]!, 42);
    expect([index.size, index.get(keys[42]!), index.has(keys[41]!)]).toEqual([1, 42, false]);
  });

  it('refuses NaN, which marks an empty slot', () => {
    expect(() => indexOver([]).set('a', Number.NaN)).toThrow(/NaN/);
  });
});

describe('keyOfLine', () => {
  it('reads the key a journal line starts with, and parses a line that escapes it', () => {
    expect(keyOfLine(`{"key":"${hexKey(1)}","modelId":"m","error":null}`)).toBe(hexKey(1));
    expect(keyOfLine(JSON.stringify({ key: 'a "quoted" key', error: null }))).toBe('a "quoted" key');
    expect(keyOfLine(JSON.stringify({ error: null, key: 'late' }))).toBe('late');
  });
});
