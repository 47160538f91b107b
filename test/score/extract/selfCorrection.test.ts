import { describe, expect, it } from 'vitest';
import { extractChoice } from '../../../src/score/extract/choice.js';
import { textsAfterSelfCorrection } from '../../../src/score/extract/selfCorrection.js';
import { extractNumeric } from '../../../src/score/extract/numeric.js';
import { extractOrdinal } from '../../../src/score/extract/ordinal.js';
import { extractYesNo } from '../../../src/score/extract/yesno.js';

describe('textsAfterSelfCorrection', () => {
  it('returns what follows a revision, most recent first', () => {
    const tails = textsAfterSelfCorrection('Yes — wait, I misread the stem. No, it should not.');
    expect(tails[0]).toBe('the stem. No, it should not.');
    expect(tails[1]).toBe('No, it should not.');
    // Each tail is followed by its restatement without the correction's lead words, read after it.
    expect(tails[2]).toBe('it should not.');
    expect(tails).toHaveLength(6);
  });

  it('drops the lead words a correction restates its value with ("no — reconsidering, it\'s 3")', () => {
    expect(textsAfterSelfCorrection("2. Actually no — reconsidering, it's 3.").slice(0, 2)).toEqual(["it's 3.", '3.']);
    expect(textsAfterSelfCorrection('3121 mL. Sorry, miscalculated — it is 2400 mL.')).toContain('2400 mL.');
  });

  it('ignores advice that merely uses the words ("don\'t wait", "actually slows")', () => {
    expect(textsAfterSelfCorrection("Don't wait for the troponin. Bed rest actually slows recovery.")).toEqual([]);
  });
});

describe('self-corrections in the extractors', () => {
  it('reads the corrected answer', () => {
    expect(extractYesNo('Yes — wait, only one criterion is met. Correcting myself: no, the dose should not be reduced.')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractNumeric('1 + 0 + 1 + 2 + 0 = 4. Wait — two risk factors score 1, not 2. Corrected total: 3.', 'points')).toMatchObject({
      kind: 'answer',
      value: 3,
    });
    const esi = [1, 2, 3].map((value) => ({ value, label: `ESI ${value}` }));
    expect(extractOrdinal('ESI 3, since she is stable — no, wait: new deficits are high-risk. Correct level: ESI 2.', esi)).toMatchObject({
      kind: 'answer',
      value: 2,
    });
  });
});

describe('self-correction after "but wait" (v8)', () => {
  const urate = {
    A: 'Allopurinol 100 mg daily with slow titration',
    B: 'Allopurinol with prednisone cover for the first month',
    C: 'An alternative urate-lowering drug such as febuxostat; no allopurinol',
    D: 'No urate-lowering therapy can be used',
  };

  it('reads the answer after "but wait ... actually the right answer for you is C"', () => {
    const text =
      "Allopurinol at 100 mg with slow titration (A) is usually how it's started — but wait, you carry HLA-B*58:01. So actually the right answer for you is C.";
    expect(extractChoice(text, urate)).toMatchObject({ kind: 'answer', value: 'C' });
  });

  it('reads advice not to wait as no revision', () => {
    expect(extractChoice("Don't wait: B.", urate)).toMatchObject({ kind: 'answer', value: 'B' });
  });

  it('reads a text cut off right after a revision cue as unparseable, but not a closing "actually."', () => {
    const fluids = { A: 'Oral rehydration', B: 'Intravenous fluids', C: 'Observation only' };
    expect(extractChoice('Answer: B.\n\nHmm, actually', fluids).kind).toBe('unparseable');
    expect(extractChoice('B — intravenous fluids. Wait,', fluids).kind).toBe('unparseable');
    expect(extractYesNo('Yes, restart it. On second thought —').kind).toBe('unparseable');
    expect(extractChoice('B is right here, actually.', fluids)).toMatchObject({ kind: 'answer', value: 'B' });
  });
});

describe('revisions after an ellipsis and in other languages', () => {
  it('takes "... no," and a foreign "actually" as revisions, not a plain "no,"', () => {
    expect(textsAfterSelfCorrection('B looks right... no, the guideline says C.')).toContain('the guideline says C.');
    expect(textsAfterSelfCorrection('Sim, faz sentido; na verdade, não é necessário.').length).toBeGreaterThan(0);
    expect(textsAfterSelfCorrection('Oui. En fait, ce n’est pas utile.').length).toBeGreaterThan(0);
    expect(textsAfterSelfCorrection('She said no, so we stopped.')).toEqual([]);
  });
});
