import { describe, expect, it } from 'vitest';
import { blocksToHtml } from '../../src/report/document/html.js';
import { escapeMarkdown } from '../../src/report/document/markdown.js';
import { truncateText } from '../../src/report/document/truncate.js';
import { jsonForScript } from '../../src/report/escape.js';
import { percent, points, pValue, ratio } from '../../src/report/format.js';
import { stableIds } from '../../src/report/render/svg.js';
import { csvField, recordsToCsv } from '../../src/report/tables/csv.js';

describe('CSV', () => {
  it('prefixes text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvField)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField('safe = text')).toBe('safe = text');
  });

  it('quotes commas, quotes and line breaks, splits intervals and writes null as empty', () => {
    expect(recordsToCsv([{ a: 'x,"y"\nz', ci: [0.1, null], n: null }])).toBe('a,ciLow,ciHigh,n\r\n"x,""y""\nz",0.1,,\r\n');
    expect(recordsToCsv([])).toBe('');
  });

  it('writes a record of counts as one column per count, and any other object as JSON', () => {
    const counts = { levelOnly: { incorrect: 1, unparseable: 2 }, referenceOnly: { incorrect: 0, unparseable: 3 } };
    expect(recordsToCsv([{ d: counts, tags: { a: 'x' } }])).toBe(
      'dLevelOnlyIncorrect,dLevelOnlyUnparseable,dReferenceOnlyIncorrect,dReferenceOnlyUnparseable,tags\r\n1,2,0,3,"{""a"":""x""}"\r\n',
    );
  });
});

describe('escaping', () => {
  it('keeps JSON inside a script element from ending it or opening a comment', () => {
    const json = jsonForScript({ s: '</script><!--\u2028' });
    expect(json).not.toMatch(/<|\u2028/);
    expect(JSON.parse(json)).toEqual({ s: '</script><!--\u2028' });
  });

  it('makes untrusted Markdown literal on one line', () => {
    expect(escapeMarkdown('<b>*x*</b> | [a](b)\n# h')).toBe('\\<b\\>\\*x\\*\\</b\\> \\| \\[a\\](b) # h');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('# h')).toBe('\\# h');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('---')).toBe('\\---');
  });

  it('leaves what is not a block marker as written: figures a reader sees must not carry backslashes', () => {
    for (const text of ['21.8% of answers', '-3.2 points', '+20.9 points', '#1 cause', '2)x']) expect(escapeMarkdown(text)).toBe(text);
  });

  it('escapes every table cell and truncates long answers in HTML', () => {
    const html = blocksToHtml(
      [
        {
          kind: 'table',
          empty: '',
          table: { headers: ['<h>'], rows: [{ cells: [{ long: `<img src=x onerror=alert(1)>${'word '.repeat(400)}` }] }] },
        },
      ],
      () => '',
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toMatch(/… \[\d+ more characters\]/);
  });

  it('cuts long text at a word boundary and says how much was left out', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('the quick brown fox jumps over', 22)).toBe('the quick brown fox … [11 more characters]');
    expect(truncateText('abcdefghij', 4)).toBe('abcd … [6 more characters]');
  });
});

describe('formatting', () => {
  it('shows missing values as a dash and a null ratio (reference never errs) as infinity', () => {
    expect([percent(0.218), points(0.209), points(-0.01), pValue(0.00002), pValue(null), ratio(null), ratio(1.96)]).toEqual([
      '21.8%',
      '+20.9',
      '-1.0',
      '2.0e-5',
      '—',
      '∞',
      '1.96',
    ]);
  });
});

describe('SVG ids', () => {
  it('renumbers gradient and clip ids by first appearance', () => {
    expect(
      stableIds('<g fill="url(#gradient_7)"/><linearGradient id="gradient_7"/><clipPath id="clip12"/><g clip-path="url(#clip12)"/>'),
    ).toBe('<g fill="url(#gradient_0)"/><linearGradient id="gradient_0"/><clipPath id="clip0"/><g clip-path="url(#clip0)"/>');
  });
});
