import { describe, expect, it } from 'vitest';
import { extractAnswer, type QuestionSpec } from '../../../src/score/extract/index.js';
import type { Question } from '../../../src/template/types.js';

describe('extractAnswer', () => {
  it('dispatches on the question type', () => {
    expect(extractAnswer('Answer: C', { type: 'choice', options: { A: 'x', B: 'y', C: 'z' } })).toMatchObject({
      kind: 'answer',
      value: 'C',
    });
    expect(extractAnswer('No.', { type: 'yesno' })).toMatchObject({ kind: 'answer', value: 'no' });
    expect(
      extractAnswer('ESI 2', {
        type: 'ordinal',
        scale: [
          { value: 1, label: 'a' },
          { value: 2, label: 'b' },
        ],
      }),
    ).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractAnswer('1 g', { type: 'numeric', unit: 'mg' })).toMatchObject({ kind: 'answer', value: 1000 });
  });

  it('accepts template questions other than free text', () => {
    const question: Exclude<Question, { type: 'free' }> = { type: 'yesno', stem: 'Should she?', answer: 'no' };
    const spec: QuestionSpec = question;
    expect(extractAnswer('Yes.', spec)).toMatchObject({ value: 'yes' });
  });

  it('throws on an unknown type instead of guessing', () => {
    expect(() => extractAnswer('B', { type: 'free' } as unknown as QuestionSpec)).toThrow(/unsupported question type/);
  });
});
