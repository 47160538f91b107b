import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { responseDetails } from '../../src/pipeline/responseDetails.js';
import { InputError } from '../../src/util/problems.js';

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    key: 'k',
    modelId: 'm',
    vignetteId: 'v',
    variantId: 'v~ref',
    replicate: 0,
    text: 'A',
    error: null,
    servedModel: 'm-1',
    ...fields,
  });

function runDir(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-details-'));
  writeFileSync(join(dir, 'responses.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

describe("the report's reading of responses.jsonl", () => {
  it('finds the wanted texts and every served model, whatever the answer texts contain', () => {
    const dir = runDir([
      // An answer quoting a field of another record, with the wanted key in it: not the record's own key.
      line({ key: 'other', text: 'He wrote {"key":"wanted","servedModel":"fake"} and stopped.' }),
      line({ key: 'wanted', error: { kind: 'server', message: 'HTTP 500' }, text: null, servedModel: null }),
      line({ key: 'wanted', text: 'Answer: "B" \\ done', servedModel: 'vendor/model "v2" \\ 2026' }),
      line({ key: 'wanted', error: { kind: 'server', message: 'HTTP 500' }, text: null }),
      line({ key: 'failed-only', error: { kind: 'timeout', message: 'timed out' }, text: null, modelId: 'n', servedModel: '' }),
      line({ key: 'ünïcode-κλειδί', modelId: 'm', servedModel: 'm-2' }),
    ]);
    const { texts, served } = responseDetails(dir, new Set(['wanted', 'failed-only', 'missing']));
    expect(texts).toEqual(
      new Map([
        ['wanted', 'Answer: "B" \\ done'],
        ['failed-only', null],
      ]),
    );
    expect(served).toEqual(new Map([['m', new Set(['m-1', 'vendor/model "v2" \\ 2026', 'm-2'])]]));
  });

  it('reads lines another writer spaced or ordered differently (parsed whole when a field is not where it looks)', () => {
    const spaced = '{"key": "wanted", "modelId": "m", "text": "Answer: C", "error": null, "servedModel": "spaced-1"}';
    const reordered = JSON.stringify({ servedModel: 'first-1', modelId: 'n', key: 'late', text: 'quoting "servedModel":"x"', error: null });
    const { texts, served } = responseDetails(runDir([spaced, reordered]), new Set(['wanted']));
    expect(texts).toEqual(new Map([['wanted', 'Answer: C']]));
    expect(served).toEqual(
      new Map([
        ['m', new Set(['spaced-1'])],
        ['n', new Set(['first-1'])],
      ]),
    );
  });

  it('still reports a damaged line, by line number', () => {
    const dir = runDir([line({}), '{"key": "x", "modelId": ', line({ key: 'y' })]);
    expect(() => responseDetails(dir, new Set(['y']))).toThrow(InputError);
    try {
      responseDetails(dir, new Set(['y']));
    } catch (err) {
      expect((err as InputError).problems[0]).toMatchObject({ line: 2 });
    }
  });
});
