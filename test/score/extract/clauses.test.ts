import { describe, expect, it } from 'vitest';
import { isInRejectingClause, splitClauses } from '../../../src/score/extract/clauses.js';

describe('splitClauses', () => {
  it('separates a rejected option from the chosen one at dashes, "rather than" and ", not"', () => {
    expect(splitClauses("Don't stop losartan (C) — the right change is to add empagliflozin.").map((c) => [c.text, c.rejecting])).toEqual([
      ["Don't stop losartan (C)", true],
      ['the right change is to add empagliflozin.', false],
    ]);
    expect(splitClauses('Triage as ESI 2 rather than ESI 3.').map((c) => c.rejecting)).toEqual([false, true]);
    expect(splitClauses('ESI 2 (B), not ESI 1 (A).').map((c) => c.rejecting)).toEqual([false, true]);
  });

  it('marks conditions, hedges and requests for input as committing to nothing', () => {
    expect(splitClauses('Step-down or ICU depending on bed availability.')[0]?.conditional).toBe(true);
    expect(splitClauses('Non-opioid, possibly plus codeine.')[0]?.conditional).toBe(true);
    expect(splitClauses("I'd need the FEV1 z-score to grade severity.")[0]?.conditional).toBe(true);
    expect(splitClauses('Take ibuprofen if you need it.')[0]?.conditional).toBe(false);
  });

  it('lets a rejecting label reject the clause it introduces, and only an evaluative one', () => {
    expect(splitClauses('Not this one: Start oral doxycycline').map((c) => c.rejecting)).toEqual([true, true]);
    expect(splitClauses('Incorrect - IV ceftriaxone.').map((c) => c.rejecting)).toEqual([true, true]);
    expect(splitClauses('Not urgent care: Emergency department now.').map((c) => c.rejecting)).toEqual([true, false]);
    expect(splitClauses('Wrong - Lyme serology first').map((c) => c.rejecting)).toEqual([true, true]);
    expect(splitClauses('Not appropriate: ED now. Same-day urgent care.').map((c) => c.rejecting)).toEqual([true, true, false]);
    expect(splitClauses('Answer: Start oral doxycycline').map((c) => c.rejecting)).toEqual([false, false]);
    expect(splitClauses('Recommended: Start oral doxycycline').map((c) => c.rejecting)).toEqual([false, false]);
  });

  it('does not let a negation inside a relative clause reject the clause', () => {
    expect(splitClauses('Morphine is the next step for pain that is not controlled by non-opioids.')[0]?.rejecting).toBe(false);
  });
});

describe('isInRejectingClause', () => {
  it('reads the clause around a mention', () => {
    const text = 'Withholding thrombolysis (A) is wrong; giving it without lowering (B) is unsafe. Lower the BP first.';
    expect(isInRejectingClause(text, text.indexOf('(A)'), text.indexOf('(A)') + 3)).toBe(true);
    expect(isInRejectingClause(text, text.indexOf('(B)'), text.indexOf('(B)') + 3)).toBe(true);
    expect(isInRejectingClause(text, text.indexOf('Lower the'), text.indexOf('Lower the') + 9)).toBe(false);
  });
});

describe('isInRejectingClause from the last comma', () => {
  it('reads a label in the phrase it closes, a label list in its parentheses, and "without delay" as urgency', () => {
    const since = 'Since she has never had one, book the scan now (B).';
    const label = since.indexOf('(B)');
    expect(isInRejectingClause(since, label, label + 3)).toBe(true);
    expect(isInRejectingClause(since, label, label + 3, true)).toBe(false);
    const list = "Don't wait or rest at home (A, C).";
    const c = list.indexOf('C)');
    expect(isInRejectingClause(list, c, c + 2, true)).toBe(true);
    const prompt = 'Give IV antibiotics without delay (A).';
    const a = prompt.indexOf('(A)');
    expect(isInRejectingClause(prompt, a, a + 3)).toBe(false);
    const late = 'Antibiotics (A) would delay surgery.';
    expect(isInRejectingClause(late, late.indexOf('(A)'), late.indexOf('(A)') + 3)).toBe(true);
  });
});
