import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlRecords, readJsonl, writeJsonl } from '../../src/pipeline/runDir.js';
import { LineReader } from '../../src/run/jsonlFile.js';
import { readJudgements } from '../../src/pipeline/judgements.js';
import { InputError } from '../../src/util/problems.js';

const folder = () => mkdtempSync(join(tmpdir(), 'counterfair-jsonl-'));

describe('run-directory JSONL written and read as a stream', () => {
  it('writes records spanning many chunks exactly as one joined string would, and reads them back', () => {
    const path = join(folder(), 'many.jsonl');
    const records = Array.from({ length: 30_000 }, (_, i) => ({ i, text: `é ${'x'.repeat(i % 97)}\n"quoted"` }));
    writeJsonl(path, records);
    expect(readFileSync(path, 'utf8')).toBe(`${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    expect(readJsonl(path)).toEqual(records);
    expect([...jsonlRecords(path)].length).toBe(records.length);
  });

  it('writes an empty file for no records', () => {
    const path = join(folder(), 'empty.jsonl');
    writeJsonl(path, []);
    expect(readFileSync(path, 'utf8')).toBe('');
    expect(readJsonl(path)).toEqual([]);
  });

  it('keeps the previous file and leaves no temporary file when the records fail mid-write', () => {
    const dir = folder();
    const path = join(dir, 'kept.jsonl');
    writeFileSync(path, '{"old":true}\n');
    function* failing() {
      for (let i = 0; i < 50_000; i++) yield { i, pad: 'y'.repeat(40) };
      throw new Error('source failed');
    }
    expect(() => writeJsonl(path, failing())).toThrow('source failed');
    expect(readFileSync(path, 'utf8')).toBe('{"old":true}\n');
    expect(readdirSync(dir)).toEqual(['kept.jsonl']);
  });

  it('names the file and line of a damaged record, blank lines counted', () => {
    const path = join(folder(), 'bad.jsonl');
    writeFileSync(path, '{"a":1}\n\n[1]\n');
    const err = (() => {
      try {
        readJsonl(path, 'fix it');
      } catch (e) {
        return e;
      }
    })() as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err.problems).toEqual([{ file: path, line: 3, message: 'is not a JSON object; fix it' }]);
  });

  it('reads the judge journal line by line: a torn last line is ignored, a complete unterminated one used', () => {
    const dir = folder();
    const record = (key: string) => JSON.stringify({ key, text: `verdict ${key}`, error: null, messages: [] });
    writeFileSync(join(dir, 'judgements.jsonl'), `${record('a')}\n${record('b')}\n{"key":"c","te`);
    expect([...readJudgements(dir)]).toEqual([
      ['a', 'verdict a'],
      ['b', 'verdict b'],
    ]);
    writeFileSync(join(dir, 'judgements.jsonl'), `${record('a')}\n${record('b')}`);
    expect(readJudgements(dir).get('b')).toBe('verdict b');
    writeFileSync(join(dir, 'judgements.jsonl'), `${record('a')}\nnot json\n${record('b')}\n`);
    expect(() => readJudgements(dir)).toThrow(InputError);
    expect(existsSync(join(dir, 'judgements.jsonl'))).toBe(true);
  });
});

describe('LineReader', () => {
  it('reads lines by offset in any order, across windows, longer than a window, and an unterminated last line', () => {
    const path = join(folder(), 'lines.jsonl');
    const lines = [...Array.from({ length: 5000 }, (_, i) => `{"i":${i},"é":"${'z'.repeat(i % 300)}"}`), 'x'.repeat(3 << 20), 'last'];
    writeFileSync(path, lines.join('\n'));
    const offsets: number[] = [];
    let at = 0;
    for (const line of lines) {
      offsets.push(at);
      at += Buffer.byteLength(line) + 1;
    }
    const fd = openSync(path, 'r');
    try {
      const reader = new LineReader(fd);
      const order = [...lines.keys(), ...[...lines.keys()].reverse(), 17, 4999, 3, lines.length - 1, lines.length - 2];
      for (const i of order) expect(reader.at(offsets[i]!)).toBe(lines[i]);
    } finally {
      closeSync(fd);
    }
  });
});
