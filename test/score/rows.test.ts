import { describe, expect, it } from 'vitest';
import { scoresWhere } from '../../src/score/rows.js';
import { scoreIdentity, ScoreTable } from '../../src/score/table.js';
import { score } from '../analysis/helpers.js';

/** Two models' answers to three vignettes, interleaved so that a subset's rows are not contiguous. */
const RECORDS = ['m1', 'm2'].flatMap((modelId) =>
  ['v1', 'v2', 'v3'].map((vignetteId, i) => score({ modelId, vignetteId, outcome: i === 1 ? 'incorrect' : 'correct' })),
);
RECORDS.sort((a, b) => a.vignetteId.localeCompare(b.vignetteId) || a.modelId.localeCompare(b.modelId));

describe('ScoreRows', () => {
  it("chooses rows by their facts, keeping the table's row numbers", () => {
    const rows = ScoreTable.of(RECORDS).rows();
    const m2 = rows.where((s) => s.modelId === 'm2');
    expect(m2.length).toBe(3);
    expect([...m2.keys()]).toEqual([1, 3, 5]);
    expect(m2.at(3)?.key).toBe(RECORDS[3]!.key);
    expect(m2.at(2)).toBeUndefined();
    expect(m2.at(RECORDS.length)).toBeUndefined();
    const m2v2 = m2.where((s) => s.vignetteId === 'v2');
    expect([...m2v2].map((s) => s.key)).toEqual([RECORDS[3]!.key]);
    expect(m2v2.length).toBe(1);
  });

  it('chooses the same scores from a table as from the plain records', () => {
    const test = (s: { vignetteId: string }) => s.vignetteId !== 'v2';
    const fromTable = [...scoresWhere(ScoreTable.of(RECORDS).rows(), test)].map((s) => s.key);
    const fromRecords = [...scoresWhere(RECORDS, test)].map((s) => s.key);
    expect(fromTable).toEqual(fromRecords);
    expect(fromTable).toHaveLength(4);
  });

  it('tells rows apart by identity, not by view, and a plain record by itself', () => {
    const rows = ScoreTable.of(RECORDS).rows();
    expect(rows.at(2)).not.toBe(rows.at(2));
    expect(scoreIdentity(rows.at(2)!)).toBe(scoreIdentity(rows.at(2)!));
    expect(scoreIdentity(rows.at(2)!)).not.toBe(scoreIdentity(rows.at(4)!));
    expect(scoreIdentity(RECORDS[0]!)).toBe(RECORDS[0]);
  });
});
