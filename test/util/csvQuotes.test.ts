import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTableBytes } from '../../src/import/table.js';
import type { Problem } from '../../src/util/problems.js';
import { UnclosedQuoteScanner, unclosedQuoteLine } from '../../src/util/csvQuotes.js';

describe('unclosedQuoteLine', () => {
  it('is undefined when every quoted field closes, escaped quotes and line breaks inside included', () => {
    expect(unclosedQuoteLine('a,b\n"x, ""y""",2\n"multi\nline",3\n', ',')).toBeUndefined();
    expect(unclosedQuoteLine('a,b\r\n"x",1\r\n', ',')).toBeUndefined();
  });

  it('names the line where the stray quote opens, not the end of the file', () => {
    expect(unclosedQuoteLine('a,b\nok,1\n"broken,2\nc,3\nd,4\n', ',')).toBe(3);
    expect(unclosedQuoteLine('a\tb\nx\t"y\n', '\t')).toBe(2);
  });

  it('a quote inside an unquoted field is text, not an opening quote', () => {
    expect(unclosedQuoteLine('a,b\n5" tall,1\n', ',')).toBeUndefined();
  });
});

describe('UnclosedQuoteScanner: a file read in pieces', () => {
  // Every way of cutting each text in two must give what the whole text gives: an escaped quote ("") or a CRLF cut
  // in half is held back until the next piece shows what it is.
  const texts = [
    'a,b\n"x, ""y""",2\n"multi\nline",3\n',
    'a,b\r\n"x",1\r\n"",2\r\n',
    'a,b\nok,1\n"broken,""2\nc,3\n',
    'a,b\n5" tall,"1"""\n',
  ];
  it.each(texts)('gives the same line as the whole text, wherever the text is cut: %j', (text) => {
    const whole = unclosedQuoteLine(text, ',');
    for (let cut = 0; cut <= text.length; cut++) {
      const scanner = new UnclosedQuoteScanner(',');
      scanner.feed(text.slice(0, cut));
      scanner.feed(text.slice(cut));
      expect(scanner.end()).toBe(whole);
    }
  });
});

describe('an import file with an unclosed quote', () => {
  it('is one problem at the line of the quote, not a file of no columns', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'counterfair-quote-')), 'answers.csv');
    writeFileSync(file, 'case,model,gold,answer\nc1,m,A,"A\nc2,m,A,B\nc3,m,A,B\n');
    const problems: Problem[] = [];
    expect(checkTableBytes(file, problems)).toBeUndefined();
    expect(problems).toEqual([{ file, line: 2, message: expect.stringMatching(/^a quoted field opens on this line and is never closed/) }]);
  });
});
