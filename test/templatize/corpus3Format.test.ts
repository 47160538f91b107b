import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';
import { describeGoldCorpusFormat, occursOutsideSpans, parseMarkup } from './goldCorpus.js';

// Format checks for the blind evaluation corpus test/templatize/corpus3/ (see its README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.
// Never tune the detector on this corpus: measure it once.

const CORPUS = fromRoot('test/templatize/corpus3/cases.jsonl');

describeGoldCorpusFormat('templatize blind corpus3', CORPUS, 240, 100);

interface Case {
  id: string;
  text: string;
  question: string;
  options?: Record<string, string>;
  answer: string;
  note?: string;
  traps?: string[];
}

const cases: Case[] = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Case);

describe('corpus3 specifics', () => {
  it('numbers its ids c3-001 upwards without gaps or repeats', () => {
    expect(cases.map((c) => c.id)).toEqual(cases.map((_, i) => `c3-${String(i + 1).padStart(3, '0')}`));
  });

  it('has well-formed markup, required fields and five options in every case', () => {
    for (const c of cases) {
      expect(parseMarkup(c.text).problems, c.id).toEqual([]);
      expect(typeof c.question, c.id).toBe('string');
      expect(c.question.length, c.id).toBeGreaterThan(0);
      expect(Object.keys(c.options ?? {}), c.id).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect(['A', 'B', 'C', 'D', 'E'], c.id).toContain(c.answer);
    }
  });

  it('keeps patient pronouns and sex words out of the questions', () => {
    const sexed = /\b(he|him|his|himself|she|her|hers|herself|man|woman|boy|girl|male|female|gentleman|lady)\b/i;
    for (const c of cases) expect(sexed.test(c.question), `${c.id}: ${c.question}`).toBe(false);
  });

  it('places every trap in the plain text outside every gold span', () => {
    for (const c of cases) {
      const { plain, spans } = parseMarkup(c.text);
      for (const trap of c.traps ?? []) expect(occursOutsideSpans(plain, trap, spans), `${c.id}: ${trap}`).toBe(true);
    }
  });

  it('keeps at least 5 cases with no gold span and traps in at least 30 % of cases', () => {
    expect(cases.filter((c) => parseMarkup(c.text).spans.length === 0).length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => (c.traps ?? []).length > 0).length).toBeGreaterThanOrEqual(Math.ceil(cases.length * 0.3));
  });
});
