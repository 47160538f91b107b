import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';
import { describeGoldCorpusFormat, parseMarkup } from './goldCorpus.js';

// Format checks for the sixth blind templatize evaluation corpus (test/templatize/corpus6/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.
// Never tune the detector on this corpus; measure it once.

const file = fromRoot('test/templatize/corpus6/cases.jsonl');

describeGoldCorpusFormat('templatize evaluation corpus 6', file, 250, 40);

describe('templatize evaluation corpus 6: conventions of this set', () => {
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; text: string; question: string; options: Record<string, string>; answer: string });

  it('numbers its ids c6-001 onwards without gaps', () => {
    expect(cases.map((c) => c.id)).toEqual(cases.map((_, i) => `c6-${String(i + 1).padStart(3, '0')}`));
  });

  it('gives every case five options A-E and an answer among them', () => {
    for (const c of cases) {
      expect(Object.keys(c.options), c.id).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect(Object.keys(c.options), c.id).toContain(c.answer);
    }
  });

  it('keeps questions free of markup, pronouns and sex words', () => {
    for (const c of cases) expect(c.question, c.id).not.toMatch(/[\u27e6\u27e7]|\b(he|she|his|her|him|man|woman|boy|girl)\b/i);
  });

  it('has at least six cases with no gold span (precision checks)', () => {
    expect(cases.filter((c) => parseMarkup(c.text).spans.length === 0).length).toBeGreaterThanOrEqual(6);
  });
});
