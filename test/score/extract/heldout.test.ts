import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusFileError, corpusDirectories, extractRow, loadCorpusFile, scoreCorpus, type CorpusRow } from './corpus.js';

/** Per-type accuracy the development corpus must keep (issue 14: ≥ 97 % per type, zero wrong values on it). */
const DEV_ACCURACY_FLOOR = 0.97;

const directories = corpusDirectories();

describe('extraction corpora', () => {
  it('include the development corpus with all four question types', () => {
    expect(directories.find((directory) => directory.name === 'corpus')?.types).toEqual(['choice', 'yesno', 'ordinal', 'numeric']);
  });

  // The blind held-out corpus (heldout/) is measured by `npm run bench:extraction`, never gated here: a test that
  // had to pass on it would invite tuning the extractors to its lines. Here it must only parse.
  for (const directory of directories.filter((d) => d.name !== 'corpus')) {
    for (const type of directory.types) {
      it(`${directory.name}/${type}: every line is a well-formed corpus row`, () => {
        expect(loadCorpusFile(join(directory.path, `${type}.jsonl`), type).length).toBeGreaterThan(0);
      });
    }
  }

  for (const directory of directories.filter((d) => d.name === 'corpus')) {
    for (const type of directory.types) {
      const rows = loadCorpusFile(join(directory.path, `${type}.jsonl`), type);
      const score = scoreCorpus(rows, (row) => extractRow(type, row));

      it(`${directory.name}/${type}: no wrong values (${score.correct}/${score.lines} correct)`, () => {
        expect(score.wrongValues).toEqual([]);
      });

      {
        it(`corpus/${type}: accuracy at least ${DEV_ACCURACY_FLOOR * 100} %`, () => {
          if (score.correct / score.lines < DEV_ACCURACY_FLOOR) console.log([...score.confusions, ...score.missed].join('\n'));
          expect(score.correct / score.lines).toBeGreaterThanOrEqual(DEV_ACCURACY_FLOOR);
        });
      }
    }
  }
});

describe('scoreCorpus', () => {
  const row = (expected: CorpusRow['expected'], text = 'No.'): CorpusRow => ({ line: 1, text, expected });

  it('counts a different value, and an answer where none was expected, as wrong values', () => {
    const score = scoreCorpus([row({ kind: 'answer', value: 'yes' }), row({ kind: 'unparseable' }), row({ kind: 'refusal' })], (r) => extractRow('yesno', r));
    expect(score).toMatchObject({ lines: 3, correct: 0 });
    expect(score.wrongValues).toHaveLength(3);
  });

  it('separates refusal/unparseable confusions from missed answers', () => {
    const refusal = "I'm sorry, but I can't help with that.";
    const score = scoreCorpus(
      [row({ kind: 'unparseable' }, refusal), row({ kind: 'answer', value: 'no' }, refusal), row({ kind: 'refusal' }, refusal)],
      (r) => extractRow('yesno', r),
    );
    expect(score).toMatchObject({ lines: 3, correct: 1, wrongValues: [] });
    expect(score.confusions).toHaveLength(1);
    expect(score.missed).toHaveLength(1);
  });
});

describe('corpus files', () => {
  const root = mkdtempSync(join(tmpdir(), 'counterfair-corpus-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists only directories holding a corpus file, and none when the root is missing', () => {
    mkdirSync(join(root, 'blind'));
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'blind', 'yesno.jsonl'), '{"text":"No.","expected":{"kind":"answer","value":"no"}}\n');
    expect(corpusDirectories(root).map(({ name, types }) => ({ name, types }))).toEqual([{ name: 'blind', types: ['yesno'] }]);
    expect(corpusDirectories(join(root, 'absent'))).toEqual([]);
  });

  it('names file, line and field of every bad line at once', () => {
    const file = join(root, 'numeric.jsonl');
    writeFileSync(file, '{"text":"75 mg","unit":"mg","expected":{"kind":"answer","value":75}}\n{"text":"75 mg","expected":{"kind":"answer","value":75}}\nnot json\n');
    expect(() => loadCorpusFile(file, 'numeric')).toThrow(CorpusFileError);
    expect(() => loadCorpusFile(file, 'numeric')).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: field "unit"[^\\n]*\\n[^\\n]*:3: not valid JSON`));
  });
});
