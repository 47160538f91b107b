import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Gold-markup checker shared by the format tests of the hand-written templatize corpora
// (test/templatize/corpus/, test/templatize/dev2/). It checks the markup only, never the detector.

export const ATTRIBUTES = ['age', 'sex', 'pronoun', 'title', 'race', 'insurance', 'language', 'ambiguous'] as const;
export const OPEN = '\u27e6';
export const CLOSE = '\u27e7';

export interface GoldSpan {
  attribute: string;
  surface: string;
  start: number;
  end: number;
}

export interface ParsedText {
  plain: string;
  spans: GoldSpan[];
  problems: string[];
}

/** Strips ⟦attribute|surface⟧ markup, recording each span's offsets in the plain text and every malformation. */
export function parseMarkup(text: string): ParsedText {
  const problems: string[] = [];
  const spans: GoldSpan[] = [];
  let plain = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf(OPEN, at);
    const strayClose = text.indexOf(CLOSE, at);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      problems.push(`unbalanced ${CLOSE} at offset ${strayClose}`);
    }
    if (open === -1) {
      plain += text.slice(at).replaceAll(CLOSE, '');
      break;
    }
    plain += text.slice(at, open).replaceAll(CLOSE, '');
    const close = text.indexOf(CLOSE, open + 1);
    if (close === -1) {
      problems.push(`unclosed ${OPEN} at offset ${open}`);
      plain += text.slice(open + 1);
      break;
    }
    const inner = text.slice(open + 1, close);
    if (inner.includes(OPEN)) problems.push(`nested ${OPEN} at offset ${open}`);
    const bar = inner.indexOf('|');
    const attribute = bar === -1 ? '' : inner.slice(0, bar);
    const surface = bar === -1 ? inner : inner.slice(bar + 1);
    if (!(ATTRIBUTES as readonly string[]).includes(attribute)) {
      problems.push(`unknown attribute '${attribute}' at offset ${open}`);
    }
    if (surface.trim() === '' || surface !== surface.trim() || surface.includes('|')) {
      problems.push(`bad surface '${surface}' at offset ${open}`);
    }
    spans.push({ attribute, surface, start: plain.length, end: plain.length + surface.length });
    plain += surface;
    at = close + 1;
  }
  return { plain, spans, problems };
}

/** True when some occurrence of `surface` in `plain` lies entirely outside every gold span. */
export function occursOutsideSpans(plain: string, surface: string, spans: GoldSpan[]): boolean {
  for (let from = plain.indexOf(surface); from !== -1; from = plain.indexOf(surface, from + 1)) {
    const to = from + surface.length;
    if (spans.every((span) => to <= span.start || from >= span.end)) return true;
  }
  return false;
}

export interface CorpusCase {
  id: string;
  text: string;
  question: string;
  options?: Record<string, string>;
  answer: string;
  note?: string;
  traps?: string[];
}

function shapeProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not a JSON object'];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of ['id', 'text', 'question', 'answer']) {
    if (typeof record[field] !== 'string' || record[field] === '') problems.push(`${field} must be a non-empty string`);
  }
  if (record.note !== undefined && typeof record.note !== 'string') problems.push('note must be a string');
  if (record.traps !== undefined) {
    const traps = record.traps;
    if (!Array.isArray(traps) || traps.some((trap) => typeof trap !== 'string' || trap === '')) {
      problems.push('traps must be a list of non-empty strings');
    }
  }
  if (record.options !== undefined) {
    const options = record.options;
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      problems.push('options must be an object');
    } else {
      const entries = Object.entries(options);
      if (entries.length < 2) problems.push('options needs at least two choices');
      for (const [letter, choice] of entries) {
        if (!/^[A-Z]$/.test(letter) || typeof choice !== 'string' || choice === '') {
          problems.push(`option ${letter} must be a capital letter naming a non-empty string`);
        }
      }
      if (typeof record.answer === 'string' && !(record.answer in options)) {
        problems.push(`answer ${record.answer} is not one of the options`);
      }
    }
  }
  const known = new Set(['id', 'text', 'question', 'options', 'answer', 'note', 'traps']);
  for (const field of Object.keys(record)) if (!known.has(field)) problems.push(`unknown field ${field}`);
  return problems;
}

/** Reads a gold corpus (one JSON object a line), asserting every line parses and has the documented shape. */
export function loadGoldCases(path: string): CorpusCase[] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const problems: string[] = [];
  const cases: CorpusCase[] = [];
  lines.forEach((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(`line ${index + 1}: ${(error as Error).message}`);
      return;
    }
    const shape = shapeProblems(value);
    if (shape.length > 0) problems.push(...shape.map((problem) => `line ${index + 1}: ${problem}`));
    else cases.push(value as CorpusCase);
  });
  expect(problems).toEqual([]);
  return cases;
}

/** The format checks every gold corpus must pass; the minimums are each corpus's own brief. */
export function describeGoldCorpusFormat(title: string, path: string, minCases: number, minTrapCases: number): void {
  describe(title, () => {
    const cases = loadGoldCases(path);

    it(`has at least ${minCases} cases with unique ids`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(minCases);
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

    it(`has at least ${minTrapCases} cases with traps, each trap occurring in the plain text outside every gold span`, () => {
      const withTraps = cases.filter((entry) => (entry.traps ?? []).length > 0);
      expect(withTraps.length).toBeGreaterThanOrEqual(minTrapCases);
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
}

/**
 * The conventions the blind corpora written since corpus4 share: ids `<prefix>-001` onwards without gaps, options A-E
 * with the answer among them, questions free of markup, pronouns and sex words, and some cases with no span at all.
 */
export function describeBlindCorpusConventions(title: string, path: string, idPrefix: string, minWithoutSpan: number): void {
  describe(`${title}: conventions of this set`, () => {
    const cases = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; text: string; question: string; options: Record<string, string>; answer: string });

    it(`numbers its ids ${idPrefix}-001 onwards without gaps`, () => {
      expect(cases.map((c) => c.id)).toEqual(cases.map((_, i) => `${idPrefix}-${String(i + 1).padStart(3, '0')}`));
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

    it(`has at least ${minWithoutSpan} cases with no gold span (precision checks)`, () => {
      expect(cases.filter((c) => parseMarkup(c.text).spans.length === 0).length).toBeGreaterThanOrEqual(minWithoutSpan);
    });
  });
}
