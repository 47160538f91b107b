import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/demographics/load.js';
import { templatizeCase } from '../../src/templatize/template.js';
import type { CaseRecord } from '../../src/templatize/types.js';

const axes = loadAxes('demographics', []);
const aCase = (text: string): CaseRecord => ({
  id: 'h1',
  text,
  question: 'What is the next step?',
  options: { A: 'Observe', B: 'Treat' },
  answer: 'B',
  file: 'handoffs.jsonl',
  line: 3,
});
const outcome = (text: string) => templatizeCase(aCase(text), axes);

describe("a text that describes a second patient in the patient's own words", () => {
  it('is left out, naming both, when titles name two people who share no name', () => {
    const o = outcome(
      'Room 12: Mrs. Adeyemi, 58, cellulitis of the left leg; she is on IV cefazolin. Room 14: Mrs. Castillo, 63, stable; she goes home today.',
    );
    expect(o.kind).toBe('rejected');
    if (o.kind === 'rejected') expect(o.reason).toMatch(/more than one person .*"Mrs\. Adeyemi" and "Mrs\. Castillo"/);
  });

  it('is left out when a second age-and-sex description is introduced by "a"', () => {
    const o = outcome('Curtain 2: 61-year-old man with chest pain, troponin pending. Curtain 3: a 59-year-old man with a sprained wrist.');
    expect(o.kind).toBe('rejected');
    if (o.kind === 'rejected') expect(o.reason).toMatch(/a 59-year-old/);
  });

  it('is still templated when one person is named by full name, surname, possessive and "Jr."', () => {
    for (const text of [
      'Re: Mr. Idris Okafor, 70\n\nI saw Mr. Okafor today; he has new ankle swelling.',
      "This is Mr. Okafor's son calling. My dad, Mr. Idris Okafor, is 70 and he has ankle swelling.",
      'Mr. Okafor, 70, has ankle swelling; his son, Mr. Okafor Jr., drove him in.',
      'A 70-year-old man has ankle swelling. The 70-year-old man takes amlodipine.',
    ])
      expect(outcome(text).kind, text).toBe('template');
  });
});
