import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScoreTable } from '../../src/score/table.js';
import { decodeScoreTable, encodeScoreTable, KeyBytesFile, readScoreTableFile, storedKeyBytes } from '../../src/score/tableFile.js';
import { score } from '../analysis/helpers.js';

const STAMP = { scoresDigest: 'a'.repeat(64), extractorVersion: 5 };
const records = Array.from({ length: 300 }, (_, i) =>
  score({ vignetteId: `v${i % 7}`, outcome: i % 4 === 0 ? 'incorrect' : 'correct', replicate: i % 3, key: `key-${i}`, extracted: i % 5 }),
);
const file = Buffer.concat([...encodeScoreTable(ScoreTable.of(records), STAMP)]);

/** scores-table.bin is a cache: whenever it may not hold exactly the current scores, it is not read (and is rebuilt). */
describe('scores-table.bin', () => {
  it('reads back the table it was written from', () => {
    const table = decodeScoreTable(file, STAMP)!;
    expect(table.length).toBe(300);
    expect([...table.rows()].map((r) => [r.key, r.outcome, r.extracted, r.replicate])).toEqual(
      records.map((r) => [r.key, r.outcome, r.extracted, r.replicate]),
    );
  });

  it('reads a file that does not start on a multiple of 8 in memory', () => {
    const shifted = Buffer.alloc(file.length + 3);
    file.copy(shifted, 3);
    expect(decodeScoreTable(shifted.subarray(3), STAMP)?.rows().at(299)?.key).toBe('key-299');
  });

  it('is stale once the scores or the extractor changed', () => {
    expect(decodeScoreTable(file, { ...STAMP, scoresDigest: 'b'.repeat(64) })).toBeUndefined();
    expect(decodeScoreTable(file, { ...STAMP, extractorVersion: 6 })).toBeUndefined();
  });

  it('is never read when damaged, truncated, lengthened or not a table at all', () => {
    const flipped = Buffer.from(file);
    flipped[flipped.length - 40]! ^= 1;
    expect(decodeScoreTable(flipped, STAMP)).toBeUndefined();
    expect(decodeScoreTable(file.subarray(0, file.length - 8), STAMP)).toBeUndefined();
    expect(decodeScoreTable(Buffer.concat([file, Buffer.alloc(8)]), STAMP)).toBeUndefined();
    expect(decodeScoreTable(Buffer.from('{"key":"x"}\n'), STAMP)).toBeUndefined();
    expect(decodeScoreTable(Buffer.alloc(0), STAMP)).toBeUndefined();
    const header = Buffer.from(file);
    header[14] = 0x7b;
    expect(decodeScoreTable(header, STAMP)).toBeUndefined();
  });

  it('holds an empty table', () => {
    const empty = Buffer.concat([...encodeScoreTable(new ScoreTable(), STAMP)]);
    const table = decodeScoreTable(empty, STAMP)!;
    expect(table.length).toBe(0);
    table.add(records[0]!);
    expect(table.rows().at(0)!.key).toBe('key-0');
  });

  it('is the same file whether its keys were kept in memory or in a key file while it was built (over 1 MB of keys)', () => {
    // Request hashes with a replicate suffix, as a run's keys are, beside a plain and a non-Latin-1 key.
    const keys = Array.from({ length: 40_000 }, (_, i) => `${createHash('sha256').update(String(i)).digest('hex')}.${i % 3}`);
    keys[7] = 'plain-key';
    keys[8] = 'clé-λ';
    const many = keys.map((key, i) =>
      score({ vignetteId: `v${i % 7}`, outcome: i % 4 === 0 ? 'incorrect' : 'correct', replicate: i % 3, key, extracted: i % 5 }),
    );
    const path = join(mkdtempSync(join(tmpdir(), 'counterfair-keys-')), 'keys');
    const spilled = new KeyBytesFile(path);
    const table = new ScoreTable(many.length, spilled);
    for (const r of many) table.add(r);
    expect(spilled.length).toBeGreaterThan(1 << 20);
    const bytes = Buffer.concat([...encodeScoreTable(table, STAMP)]);
    expect(bytes.equals(Buffer.concat([...encodeScoreTable(ScoreTable.of(many), STAMP)]))).toBe(true);
    expect(table.rows().at(39_999)!.key).toBe(keys[39_999]);
    spilled.dispose();
    expect(existsSync(path)).toBe(false);
    expect([...decodeScoreTable(bytes, STAMP)!.rows()].map((r) => r.key)).toEqual(keys);
  });

  describe('read from its path, its keys left in the file', () => {
    const written = (bytes: Buffer) => {
      const path = join(mkdtempSync(join(tmpdir(), 'counterfair-table-')), 'scores-table.bin');
      writeFileSync(path, bytes);
      return path;
    };

    it('reads every key, one at a time and, once many were asked for, all at once', () => {
      const table = readScoreTableFile(written(file), STAMP)!;
      const keys = records.map((r) => r.key);
      // 40 reads of 300 keys: past the keys read one at a time from the file.
      for (let pass = 0; pass < 40; pass++) expect([...table.rows()].map((r) => r.key)).toEqual(keys);
      expect([...table.rows()].map((r) => [r.outcome, r.extracted, r.replicate])).toEqual(
        records.map((r) => [r.outcome, r.extracted, r.replicate]),
      );
    });

    it('is stale or damaged exactly when its bytes in memory would be', () => {
      expect(readScoreTableFile(written(file), { ...STAMP, extractorVersion: 6 })).toBeUndefined();
      const flipped = Buffer.from(file);
      flipped[flipped.length - 40]! ^= 1;
      expect(readScoreTableFile(written(flipped), STAMP)).toBeUndefined();
      expect(readScoreTableFile(written(file.subarray(0, file.length - 8)), STAMP)).toBeUndefined();
      expect(readScoreTableFile(written(Buffer.concat([file, Buffer.alloc(8)])), STAMP)).toBeUndefined();
    });

    it('lets a table just written read its keys from its file instead of holding them', () => {
      const table = ScoreTable.of(records);
      const path = written(Buffer.concat([...encodeScoreTable(table, STAMP)]));
      table.leaveKeysIn(storedKeyBytes(path));
      expect([...table.rows()].map((r) => r.key)).toEqual(records.map((r) => r.key));
      const other = ScoreTable.of(records.slice(1));
      expect(() => other.leaveKeysIn(storedKeyBytes(path))).toThrow(/not the key bytes/);
    });

    it('refuses to read a key once its file was replaced', () => {
      const path = written(file);
      const table = readScoreTableFile(path, STAMP)!;
      expect(table.rows().at(5)!.key).toBe('key-5');
      renameSync(written(Buffer.concat([...encodeScoreTable(ScoreTable.of(records.slice(1)), STAMP)])), path);
      expect(() => table.rows().at(5)!.key).toThrow(/changed/);
    });
  });
});
