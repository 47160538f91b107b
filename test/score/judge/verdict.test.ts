import { describe, expect, it } from 'vitest';
import { PAIR_VOCABULARY, RUBRIC_VOCABULARY, parseVerdict } from '../../../src/score/judge/verdict.js';

describe('parseVerdict (rubric)', () => {
  const cases: [string, string | null, number | null, string][] = [
    ['{"verdict": "adequate", "confidence": 0.92, "reason": "ECG and aspirin given"}', 'adequate', 0.92, 'json'],
    ['```json\n{"verdict":"inadequate","confidence":0.4,"reason":"no ECG"}\n```', 'inadequate', 0.4, 'json'],
    ["{'verdict': 'Inadequate', 'confidence': '85%', 'reason': 'misses aspirin'}", 'inadequate', 0.85, 'json'],
    ['Here is my grading: {"verdict": "ADEQUATE", "confidence": 80}', 'adequate', 0.8, 'json'],
    ['{"verdict": "adequate", "confidence": "high"}', 'adequate', null, 'json'],
    ['{"verdict": "not adequate", "confidence": 0.6}', 'inadequate', 0.6, 'json'],
    ['{"verdict": "different", "confidence": 0.6}', null, 0.6, 'json'],
    ['{"verdict": "adequate", "confid', 'adequate', null, 'json'],
    ['<think>the answer looks inadequate at first</think>{"verdict": "adequate", "confidence": 0.7}', 'adequate', 0.7, 'json'],
    ['Verdict: ADEQUATE. Confidence: 0.9', 'adequate', 0.9, 'text'],
    ['**Verdict:** inadequate — the answer omits the ECG. Confidence 75%', 'inadequate', 0.75, 'text'],
    ['The answer is not adequate because it never mentions an ECG.', 'inadequate', null, 'text'],
    ["It isn't fully adequate.", 'inadequate', null, 'text'],
    ['Overall this is adequate.', 'adequate', null, 'text'],
    ['Parts are adequate but the whole is inadequate.', null, null, 'none'],
    ['I cannot grade this.', null, null, 'none'],
    ['', null, null, 'none'],
    ['{"confidence": 1.5, "verdict": "adequate"}', 'adequate', null, 'json'],
  ];
  it.each(cases)('%j', (text, verdict, confidence, parse) => {
    const parsed = parseVerdict(text, RUBRIC_VOCABULARY);
    expect(parsed.verdict).toBe(verdict);
    expect(parsed.confidence).toBe(confidence);
    expect(parsed.parse).toBe(parse);
  });

  it('keeps the reason of a structured verdict', () => {
    expect(parseVerdict('{"verdict":"adequate","confidence":0.9,"reason":"gives aspirin"}', RUBRIC_VOCABULARY).reason).toBe(
      'gives aspirin',
    );
  });
});

describe('parseVerdict (pairwise)', () => {
  const cases: [string, string | null][] = [
    ['{"verdict": "same", "confidence": 0.9, "reason": "both admit"}', 'same'],
    ['{"verdict": "Different", "confidence": 0.55}', 'different'],
    ['The two answers do not differ in clinical substance.', 'same'],
    ["They don't meaningfully differ.", 'same'],
    ['There is no clinically meaningful difference between A and B.', 'same'],
    ['These answers are not the same: A admits, B discharges.', 'different'],
    ['Answer A and answer B differ: A orders an ECG.', 'different'],
    ['The recommendations are essentially identical.', 'same'],
    ['Verdict: different', 'different'],
    ['The same drug at a different dose.', null],
    ['Hard to say.', null],
  ];
  it.each(cases)('%j', (text, verdict) => {
    expect(parseVerdict(text, PAIR_VOCABULARY).verdict).toBe(verdict);
  });
});
