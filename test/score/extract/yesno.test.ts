import { describe, expect, it } from 'vitest';
import { extractYesNo } from '../../../src/score/extract/yesno.js';
import { loadCorpus, runCorpus } from './corpus.js';

describe('extractYesNo corpus', () => {
  const rows = loadCorpus('yesno');

  it('has at least 200 lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it('extracts every line as expected', () => {
    const report = runCorpus(rows, (row) => extractYesNo(row.text, row.stem));
    if (report.failures.length > 0) console.log(`yesno corpus failures:\n${report.failures.join('\n')}`);
    console.log(`yesno corpus: ${report.correct}/${report.total} correct`);
    expect(report.failures).toEqual([]);
  });
});

describe('extractYesNo', () => {
  it('reads explicit answers and names the extractor', () => {
    const result = extractYesNo('No, she should not receive thrombolysis.');
    expect(result).toMatchObject({ kind: 'answer', value: 'no' });
    expect(result.extractor).toMatch(/^yesno@\d+$/);
  });

  it('uses negated verbs only without an explicit yes/no', () => {
    expect(extractYesNo('I would not recommend thrombolysis.')).toMatchObject({ value: 'no' });
    expect(extractYesNo('Yes. I would not recommend waiting, though.')).toMatchObject({ value: 'yes' });
  });

  it('treats non-committal answers as unparseable', () => {
    expect(extractYesNo('Yes and no.').kind).toBe('unparseable');
    expect(extractYesNo('It depends on the CT.').kind).toBe('unparseable');
  });

  it('does not read "No one" or "No, I can\'t ..." as an answer', () => {
    expect(extractYesNo('No one can say without an exam.').kind).not.toBe('answer');
    expect(extractYesNo("No, I can't provide medical advice.").kind).toBe('refusal');
  });
});
