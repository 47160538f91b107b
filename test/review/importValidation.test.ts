import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewKey } from '../../src/review/key.js';
import { runCli } from '../helpers/cli.js';
import { SIMULATED_MODEL, runStudyCli } from './studyRun.js';

const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
const HEADER = csvLine(['item_id', 'label_a', 'label_b', 'label_pair', 'reviewer', 'reviewed_at', 'notes']);

describe('review import validation', () => {
  let runDir: string;
  let key: ReviewKey;
  let scoresBefore: string;
  const write = (name: string, text: string) => {
    const file = join(runDir, name);
    writeFileSync(file, text);
    return file;
  };
  const expectNothingMerged = () => {
    expect(existsSync(join(runDir, 'adjudications.jsonl'))).toBe(false);
    expect(readFileSync(join(runDir, 'scores.jsonl'), 'utf8')).toBe(scoresBefore);
  };
  beforeAll(async () => {
    runDir = await runStudyCli([SIMULATED_MODEL], { id: 'judge', provider: 'simulated', accuracy: 0.8, unparseable_rate: 0.2 });
    expect((await runCli(['review', 'import', runDir, join(runDir, 'none.csv')])).stderr).toMatch(
      /review-key\.json: missing: export a review queue first/,
    );
    expect((await runCli(['review', 'export', runDir])).code).toBe(0);
    key = JSON.parse(readFileSync(join(runDir, 'review-key.json'), 'utf8')) as ReviewKey;
    scoresBefore = readFileSync(join(runDir, 'scores.jsonl'), 'utf8');
  });

  it('reports every bad CSV row with its line and column, exits 2 and merges nothing', async () => {
    const singles = key.items.filter((i) => i.type === 'single');
    const pairs = key.items.filter((i) => i.type === 'pair');
    expect(singles.length).toBeGreaterThanOrEqual(1);
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    const file = write(
      'bad.csv',
      [
        HEADER,
        csvLine([singles[0]!.id, 'correct', '', '', 'Dr A', '', '']), // 2: fine
        csvLine([pairs[0]!.id, 'correct', 'maybe', 'same', 'Dr A', '', '']), // 3: bad label_b
        csvLine(['0000deadbeef', 'correct', '', '', 'Dr A', '', '']), // 4: unknown item
        csvLine([singles[0]!.id, 'incorrect', 'correct', '', 'Dr A', '', '']), // 5: twice, and a second answer on a single item
        csvLine([pairs[1]!.id, 'incorrect', 'correct', 'similar', '', 'yesterday', 'a note\nover two lines']), // 6-7
        csvLine([pairs[2]!.id, 'Wrong', '', '', 'Dr A', '', '']), // 8: bad label_a
      ].join('\n'),
    );
    const r = await runCli(['review', 'import', runDir, file]);
    expect(r.code).toBe(2);
    for (const expected of [
      `${file}:3: label_b: "maybe" is not a label`,
      `${file}:4: item_id: "0000deadbeef" is not an item`,
      `${file}:5: item_id: "${singles[0]!.id}" is labelled twice (first on line 2)`,
      `${file}:5: label_b: must be empty`,
      `${file}:6: label_pair: "similar" is not a label; use one of same, different`,
      `${file}:6: reviewed_at: "yesterday" is not a date`,
      `${file}:6: reviewer: is empty`,
      `${file}:8: label_a: "Wrong" is not a label`,
    ])
      expect(r.stderr).toContain(expected);
    expect(r.stderr).toMatch(/invalid input \(8 problems\)/);
    expectNothingMerged();
  });

  it('reports bad JSON rows with the lines they sit on', async () => {
    const [first, second] = key.items;
    const file = write(
      'bad.json',
      [
        '{',
        '  "labels": [',
        `    { "item_id": "${first!.id}", "label_a": "correct" },`,
        `    { "item_id": "${second!.id}", "label_a": "bogus", "reviewer": "Dr B" },`,
        '    "not a row"',
        '  ]',
        '}',
      ].join('\n'),
    );
    const r = await runCli(['review', 'import', runDir, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3: reviewer: is empty; fill it in, or name the reviewer with --by`);
    expect(r.stderr).toContain(`${file}:4: label_a: "bogus" is not a label`);
    expect(r.stderr).toContain(`${file}:5: labels[2]: expected an object`);
    expectNothingMerged();
  });

  it('refuses two different labels for one answer shown in two items, and a header without the label columns', async () => {
    const shared = key.items.filter((i) => i.type === 'pair').flatMap((i) => [i.a, i.b!].map((side) => ({ item: i, side })));
    const twice = shared.find((x, n) => shared.findIndex((y) => y.side.responseKey === x.side.responseKey) !== n)!;
    expect(twice).toBeDefined(); // a reference answer flagged against two of its levels
    const firstItem = shared.find((x) => x.side.responseKey === twice.side.responseKey)!;
    const column = (x: typeof twice) => (x.item.a.responseKey === x.side.responseKey ? 'label_a' : 'label_b');
    const row = (x: typeof twice, label: string) =>
      csvLine([x.item.id, column(x) === 'label_a' ? label : '', column(x) === 'label_b' ? label : '', '', 'Dr A', '', '']);
    const conflict = write('conflict.csv', [HEADER, row(firstItem, 'correct'), row(twice, 'incorrect')].join('\n'));
    const c = await runCli(['review', 'import', runDir, conflict]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(
      `${conflict}:3: ${column(twice)}: "incorrect" for the same answer that line 2 (${column(firstItem)}) labels "correct"`,
    );
    const file = write('header.csv', ['"item_id","label"', `"${key.items[0]!.id}","correct"`].join('\n'));
    const r = await runCli(['review', 'import', runDir, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1: the header lacks label_a, label_b, label_pair, reviewer`);
    expect((await runCli(['review', 'import', runDir, join(mkdtempSync(join(tmpdir(), 'cf-')), 'missing.csv')])).code).toBe(2);
    expectNothingMerged();
  });
});
