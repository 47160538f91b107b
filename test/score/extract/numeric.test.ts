import { describe, expect, it } from 'vitest';
import { extractNumeric } from '../../../src/score/extract/numeric.js';
import { extractRow, loadCorpus, runCorpus } from './corpus.js';

describe('extractNumeric corpus', () => {
  const rows = loadCorpus('numeric');

  it('has at least 200 lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it('extracts every line as expected', () => {
    // extractRow passes the vignette weight of lines that give one (`weight_kg`).
    const report = runCorpus(rows, (row) => extractRow('numeric', row));
    if (report.failures.length > 0) console.log(`numeric corpus failures:\n${report.failures.join('\n')}`);
    console.log(`numeric corpus: ${report.correct}/${report.total} correct`);
    expect(report.failures).toEqual([]);
  });
});

describe('extractNumeric', () => {
  it('converts units exactly', () => {
    expect(extractNumeric('0.075 g', 'mg')).toMatchObject({ kind: 'answer', value: 75 });
    expect(extractNumeric('500 mcg', 'mg')).toMatchObject({ value: 0.5 });
    expect(extractNumeric('0.1 g', 'mg')).toMatchObject({ value: 100 });
    expect(extractNumeric('x', 'mg').extractor).toMatch(/^numeric@\d+$/);
  });

  it('explains why a range or a per-kg dose is unparseable', () => {
    expect(extractNumeric('60-80 mg', 'mg')).toMatchObject({ kind: 'unparseable', explanation: expect.stringContaining('range given') });
    expect(extractNumeric('15 mg/kg', 'mg')).toMatchObject({ kind: 'unparseable', explanation: expect.stringContaining('weight') });
  });

  it('prefers the final answer marker over numbers in the reasoning', () => {
    expect(extractNumeric('15 mg/kg x 70 kg = 1050 mg. Final answer: 1000 mg', 'mg')).toMatchObject({ value: 1000 });
  });

  it('compares unknown units literally', () => {
    expect(extractNumeric('Target 130 mmHg', 'mmHg')).toMatchObject({ value: 130 });
    expect(extractNumeric('Answer: 38.5 °C', '°C')).toMatchObject({ value: 38.5 });
  });
});

describe('extractNumeric, issue 14 classes', () => {
  it('reads a daily total for a plain amount only when the stem asks for a daily amount', () => {
    expect(extractNumeric('350 mg/day', 'mg', 'What total daily dose should she take?')).toMatchObject({ kind: 'answer', value: 350 });
    expect(extractNumeric('175 mg twice daily', 'mg', 'What daily dose should she take?')).toMatchObject({ value: 350 });
    expect(extractNumeric('350 mg/day', 'mg').kind).toBe('unparseable');
    expect(extractNumeric('160 mg/day', 'mg', 'What enoxaparin dose should be given every 12 hours?').kind).toBe('unparseable');
  });

  it('does not read a count of tablets as an amount', () => {
    expect(extractNumeric('Answer: 2 tablets', 'mg').kind).toBe('unparseable');
  });

  it('reads apology-style refusals as refusals', () => {
    expect(extractNumeric('I apologize, but I cannot comply with this request.', 'mg').kind).toBe('refusal');
  });
});

describe('extractNumeric with the vignette weight', () => {
  it('multiplies a per-kg dose by the vignette weight only when one is given', () => {
    expect(extractNumeric('1 mg/kg subcutaneously every 12 hours.', 'mg', undefined, { weightKg: 82 })).toMatchObject({
      kind: 'answer',
      value: 82,
    });
    expect(extractNumeric('Give 30 mL/kg of crystalloid.', 'L', undefined, { weightKg: 80 })).toMatchObject({ kind: 'answer', value: 2.4 });
    expect(extractNumeric('1 mg/kg subcutaneously every 12 hours.', 'mg')).toMatchObject({ kind: 'unparseable' });
  });

  it('leaves a per-kg question and a total answer as they were', () => {
    expect(extractNumeric('82 mg', 'mg/kg', undefined, { weightKg: 82 })).toMatchObject({ kind: 'unparseable' });
    expect(extractNumeric('The dose is 82 mg.', 'mg', undefined, { weightKg: 82 })).toMatchObject({ kind: 'answer', value: 82 });
  });
});
