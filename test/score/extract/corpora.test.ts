import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusFileError, corpusDirectories, extractRow, loadCorpusFile, scoreCorpus, type CorpusRow, type CorpusType } from './corpus.js';

/**
 * Directories gated here, with the per-type accuracy each must keep besides zero wrong values. `corpus/` is the
 * development set (issue 14: >= 97 % per type). `tuning-heldout/` was written blind and measured once, then tuned on
 * since 2026-12-04; its floors are the accuracy reached, so a change that loses lines there fails. `dev2/` is a
 * second development set (rejected options, self-corrections, distractor numbers, paraphrase), keyed before the
 * extractor changes it drove; its floors too are the accuracy reached. `dev3/` is a third development set written blind
 * of the extractors (measured once before any tuning on it: see its README), tuned on since. `dev4/` (templated
 * answers) and `dev5/` (hand-written answers) are further development sets written blind of the extractors, each
 * measured once before tuning on it (see their READMEs) and tuned on since. Every floor is the accuracy reached
 * (rounded down to a tenth of a point), so a change that loses a line anywhere fails; `corpus/` lines are the
 * extractors' specification and must all pass.
 */
const GATED: Readonly<Record<string, Readonly<Record<CorpusType, number>>>> = {
  corpus: { choice: 1, yesno: 1, ordinal: 1, numeric: 1 },
  'tuning-heldout': { choice: 0.978, yesno: 0.982, ordinal: 0.935, numeric: 0.985 },
  dev2: { choice: 0.934, yesno: 0.968, ordinal: 0.97, numeric: 0.97 },
  dev3: { choice: 0.944, yesno: 0.956, ordinal: 0.943, numeric: 0.949 },
  dev4: { choice: 1, yesno: 1, ordinal: 1, numeric: 0.99 },
  dev5: { choice: 0.972, yesno: 0.894, ordinal: 0.918, numeric: 0.818 },
};

const directories = corpusDirectories();

describe('extraction corpora', () => {
  it('include the development and tuning corpora with all four question types', () => {
    for (const name of Object.keys(GATED))
      expect(directories.find((directory) => directory.name === name)?.types).toEqual(['choice', 'yesno', 'ordinal', 'numeric']);
  });

  // A blind set (blind/) is measured by `npm run bench:extraction`, never gated here: a test that had to pass on it
  // would invite tuning the extractors to its lines. Here it must only parse.
  for (const directory of directories.filter((d) => GATED[d.name] === undefined)) {
    for (const type of directory.types) {
      it(`${directory.name}/${type}: every line is a well-formed corpus row`, () => {
        expect(loadCorpusFile(join(directory.path, `${type}.jsonl`), type).length).toBeGreaterThan(0);
      });
    }
  }

  for (const directory of directories) {
    const floors = GATED[directory.name];
    if (floors === undefined) continue;
    for (const type of directory.types) {
      const rows = loadCorpusFile(join(directory.path, `${type}.jsonl`), type);
      const score = scoreCorpus(rows, (row) => extractRow(type, row));

      it(`${directory.name}/${type}: no wrong values (${score.correct}/${score.lines} correct)`, () => {
        expect(score.wrongValues).toEqual([]);
      });

      it(`${directory.name}/${type}: accuracy at least ${(floors[type] * 100).toFixed(1)} %`, () => {
        if (score.correct / score.lines < floors[type]) console.log([...score.confusions, ...score.missed].join('\n'));
        expect(score.correct / score.lines).toBeGreaterThanOrEqual(floors[type]);
      });
    }
  }
});

describe('scoreCorpus', () => {
  const row = (expected: CorpusRow['expected'], text = 'No.'): CorpusRow => ({ line: 1, text, expected });

  it('counts a different value, and an answer where none was expected, as wrong values', () => {
    const score = scoreCorpus([row({ kind: 'answer', value: 'yes' }), row({ kind: 'unparseable' }), row({ kind: 'refusal' })], (r) =>
      extractRow('yesno', r),
    );
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
    writeFileSync(
      file,
      '{"text":"75 mg","unit":"mg","expected":{"kind":"answer","value":75}}\n{"text":"75 mg","expected":{"kind":"answer","value":75}}\nnot json\n',
    );
    expect(() => loadCorpusFile(file, 'numeric')).toThrow(CorpusFileError);
    expect(() => loadCorpusFile(file, 'numeric')).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: field "unit"[^\\n]*\\n[^\\n]*:3: not valid JSON`),
    );
  });

  it('accepts the optional stem, needs_vignette and weight_kg fields and names a bad one', () => {
    const file = join(root, 'numeric-vignette.jsonl');
    writeFileSync(
      file,
      '{"text":"1 mg/kg","unit":"mg","stem":"What dose?","needs_vignette":true,"weight_kg":82,"expected":{"kind":"answer","value":82}}\n',
    );
    expect(loadCorpusFile(file, 'numeric')[0]).toMatchObject({ needs_vignette: true, weight_kg: 82 });
    writeFileSync(
      file,
      '{"text":"1 mg/kg","unit":"mg","needs_vignette":"yes","expected":{"kind":"answer","value":82}}\n{"text":"1 mg/kg","unit":"mg","weight_kg":-3,"expected":{"kind":"answer","value":82}}\n',
    );
    expect(() => loadCorpusFile(file, 'numeric')).toThrow(/:1: field "needs_vignette"[^\n]*\n[^\n]*:2: field "weight_kg"/);
  });
});
