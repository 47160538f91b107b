import { describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';
import { describeGoldCorpusFormat, occursOutsideSpans, parseMarkup } from './goldCorpus.js';

// Format checks for the hand-written templatize evaluation corpus (test/templatize/corpus/README.md).
// They check the gold markup only; they say nothing about how well templatize detects the spans.

describe('parseMarkup (the corpus checker itself)', () => {
  it('recovers plain text and offsets, and reports every malformation', () => {
    const good = parseMarkup('A \u27e6age|45-year-old\u27e7 \u27e6sex|man\u27e7; \u27e6pronoun|his\u27e7 BP');
    expect(good.problems).toEqual([]);
    expect(good.plain).toBe('A 45-year-old man; his BP');
    expect(good.spans.map((span) => good.plain.slice(span.start, span.end))).toEqual(['45-year-old', 'man', 'his']);
    expect(parseMarkup('x \u27e6age|45').problems).toEqual(['unclosed \u27e6 at offset 2']);
    expect(parseMarkup('x age|45\u27e7').problems).toEqual(['unbalanced \u27e7 at offset 8']);
    expect(parseMarkup('\u27e6gender|man\u27e7').problems).toEqual(["unknown attribute 'gender' at offset 0"]);
    expect(parseMarkup('\u27e6sex| man\u27e7').problems).toEqual(["bad surface ' man' at offset 0"]);
    expect(parseMarkup('\u27e6sex|\u27e6age|4\u27e7\u27e7').problems).toContain('nested \u27e6 at offset 0');
  });

  it('counts a trap only where it falls outside every gold span', () => {
    const { plain, spans } = parseMarkup('\u27e6insurance|lost her insurance\u27e7 and her2');
    expect(occursOutsideSpans(plain, 'her insurance', spans)).toBe(false);
    expect(occursOutsideSpans(plain, 'her2', spans)).toBe(true);
  });
});

describeGoldCorpusFormat('templatize evaluation corpus', fromRoot('test/templatize/corpus/cases.jsonl'), 220, 40);
