import { describe, expect, it } from 'vitest';
import { normalizeAnswerText } from '../../../src/score/extract/normalize.js';

describe('normalizeAnswerText', () => {
  it('drops reasoning blocks, paired or not', () => {
    expect(normalizeAnswerText('<think>A?</think>\nB')).toBe('B');
    expect(normalizeAnswerText('reasoning about A</think> B')).toBe('B');
    expect(normalizeAnswerText('B <think> still thinking about A')).toBe('B');
    expect(normalizeAnswerText('<thinking>x</thinking>y<reasoning>z</reasoning>')).toBe('y');
  });

  it('normalises unicode: full-width, non-breaking spaces, dashes, quotes, superscripts, zero-width', () => {
    expect(normalizeAnswerText('Ａｎｓｗｅｒ：\u00a0（Ｂ）')).toBe('Answer: (B)');
    expect(normalizeAnswerText('60\u201380 mg \u2212 \u201cok\u201d')).toBe('60-80 mg - "ok"');
    expect(normalizeAnswerText('62 mL/min/1.73 m\u00b2')).toBe('62 mL/min/1.73 m2');
    expect(normalizeAnswerText('B\u200b')).toBe('B');
  });

  it('unwraps code fences, answer tags and LaTeX', () => {
    expect(normalizeAnswerText('```json\n{"answer": "B"}\n```')).toBe('{"answer": "B"}');
    expect(normalizeAnswerText('<answer>C</answer>')).toBe('Answer: C');
    expect(normalizeAnswerText('$\\boxed{\\text{Yes}}$')).toBe('Final answer: Yes');
  });

  it('keeps the head and tail of huge inputs', () => {
    const text = `HEAD ${'x '.repeat(200_000)} TAIL`;
    const normalized = normalizeAnswerText(text);
    expect(normalized.length).toBeLessThan(21_000);
    expect(normalized.startsWith('HEAD')).toBe(true);
    expect(normalized.endsWith('TAIL')).toBe(true);
  });

  it('accepts non-string input from untrusted JSON', () => {
    expect(normalizeAnswerText(undefined)).toBe('');
    expect(normalizeAnswerText(42)).toBe('42');
  });
});

describe('digits of other scripts', () => {
  it('reads Persian, Bengali, Devanagari and Thai digits as ASCII digits', () => {
    expect(normalizeAnswerText('سطح ۴، ৫০০ মিগ্রা, ७२ घंटे, ๑๒')).toBe('سطح 4, 500 মিগ্রা, 72 घंटे, 12');
  });
});
