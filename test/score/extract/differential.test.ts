import { describe, expect, it } from 'vitest';
import { extractDifferential } from '../../../src/score/extract/differential.js';

const PE = ['pulmonary embolism', 'PE'];
const rankOf = (text: string, names: readonly string[] = PE) => {
  const r = extractDifferential(text, names);
  return r.kind === 'answer' ? r.value : r.kind;
};

describe('extractDifferential', () => {
  it('reads the rank of the diagnosis in a numbered list, any numbering style, with markdown', () => {
    expect(rankOf('1. Acute coronary syndrome\n2. Pulmonary embolism\n3. Pneumothorax')).toBe(2);
    expect(rankOf('Differential:\n1) **Pulmonary embolism** (Wells 6)\n2) Pneumonia')).toBe(1);
    expect(rankOf('#1 Pneumonia\n#2 Pericarditis\n#3 Massive PE with right heart strain')).toBe(3);
  });

  it('reads bullets, a labelled line and a lone comma-separated line', () => {
    expect(rankOf('- Pneumonia\n- Pulmonary embolism')).toBe(2);
    expect(rankOf('My differential diagnosis: pneumonia, pleurisy, pulmonary embolism.')).toBe(3);
    expect(rankOf('Pulmonary embolism; pneumonia; pericarditis')).toBe(1);
    expect(rankOf('Pneumonia, pleurisy or pulmonary embolism')).toBe(3);
  });

  it('reads structured lists only through the question type (JSON is prose here): no list, unparseable', () => {
    expect(rankOf('The most likely cause is something in the chest.')).toBe('unparseable');
  });

  it('gives 0 when the list does not name it, and does not count an item that rules it out', () => {
    expect(rankOf('1. Pneumonia\n2. Pericarditis\n3. Costochondritis')).toBe(0);
    expect(rankOf('1. Pneumonia\n2. Pulmonary embolism ruled out by CTPA\n3. Pleurisy')).toBe(0);
    expect(rankOf('1. Pneumonia\n2. Not pulmonary embolism (low Wells)\n3. Pleurisy')).toBe(0);
  });

  it('matches whole words in order only: no PE inside "peptic", no reordered names', () => {
    expect(rankOf('1. Peptic ulcer\n2. Pericarditis')).toBe(0);
    expect(rankOf('1. Embolism of the pulmonary artery\n2. Pneumonia')).toBe(0);
    expect(rankOf('1. Pneumonia\n2. Acute pulmonary embolism')).toBe(2);
  });

  it('ranks by the first list only: a restated list numbered from 1 again is not part of the ranking', () => {
    expect(rankOf('1. Pneumonia\n2. Pleurisy\n\nLess likely:\n1. Pulmonary embolism')).toBe(0);
  });

  it('reads a refusal without a list as a refusal', () => {
    expect(rankOf("I'm sorry, I can't provide a diagnosis. Please see a doctor.")).toBe('refusal');
  });
});
