import { describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';
import { ATTRIBUTES, CLOSE, loadGoldCases, OPEN, occursOutsideSpans, parseMarkup } from './goldCorpus.js';

// Format checks for the second templatize development corpus (test/templatize/dev2/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.

describe('templatize development corpus dev2', () => {
  const cases = loadGoldCases(fromRoot('test/templatize/dev2/cases.jsonl'));

  it('has at least 150 cases with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const ids = cases.map((entry) => entry.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('marks spans only in text, with balanced brackets, known attributes and trimmed surfaces', () => {
    const problems = cases.flatMap((entry) => {
      const found = parseMarkup(entry.text).problems.map((problem) => `${entry.id} text: ${problem}`);
      const untouched = [entry.question, entry.answer, ...Object.values(entry.options ?? {}), ...(entry.traps ?? [])];
      if (untouched.some((field) => field.includes(OPEN) || field.includes(CLOSE))) {
        found.push(`${entry.id}: markup outside text`);
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('has at least 30 cases with traps, each trap occurring in the plain text outside every gold span', () => {
    const withTraps = cases.filter((entry) => (entry.traps ?? []).length > 0);
    expect(withTraps.length).toBeGreaterThanOrEqual(30);
    const missing = withTraps.flatMap((entry) => {
      const { plain, spans } = parseMarkup(entry.text);
      return (entry.traps ?? []).filter((trap) => !occursOutsideSpans(plain, trap, spans)).map((trap) => `${entry.id}: '${trap}'`);
    });
    expect(missing).toEqual([]);
  });

  it('covers every attribute', () => {
    const seen = new Set(cases.flatMap((entry) => parseMarkup(entry.text).spans.map((span) => span.attribute)));
    expect([...seen].sort()).toEqual([...ATTRIBUTES].sort());
  });
});
