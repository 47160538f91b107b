import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/demographics/load.js';
import { detectAll } from '../../src/templatize/detect.js';
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
      'Mr. Okafor, 70, has ankle swelling; his son, Mr. Okafor Jr., drove him in.',
      'A 70-year-old man has ankle swelling. The 70-year-old man takes amlodipine.',
    ])
      expect(outcome(text).kind, text).toBe('template');
    // The son's "My dad" names the patient in a word no slot renders: left out for that, not for a second person.
    const son = outcome("This is Mr. Okafor's son calling. My dad, Mr. Idris Okafor, is 70 and he has ankle swelling.");
    expect(son.kind === 'rejected' && son.reason).toMatch(/^"dad" states the patient's sex in a form no slot renders/);
  });

  it("sets another bed's sentence apart, slotting none of its words, and leaves the case out naming them", () => {
    const o = outcome('Bay 2: 67-year-old woman, pneumonia; she is on ceftriaxone. Bay 3: 72M, stable; he goes home today.');
    expect(o.kind).toBe('rejected');
    if (o.kind === 'rejected') expect(o.reason).toMatch(/"72" in "Bay 3: 72" is another patient's/);
    expect(o.mentions.filter((m) => m.slot !== undefined).map((m) => m.surface)).toEqual(['67-year-old', 'woman', 'she']);
    const apart = detectAll('Bay 2: Mrs. Novak, 67, pneumonia. Bay 3: Mr. Osei, 72, stable; he goes home today.').otherPatients;
    expect(apart.map((m) => m.surface)).toEqual(['Mr.', '72', 'he']);
  });

  it('sets apart a titled name placed in another bed and a roommate on a ward described in passing', () => {
    expect(
      detectAll('Ms. Dube, 58, bed 5, has a new DVT. Mrs. Kemp in bed 6 had the same surgery.').otherPatients.map((m) => m.surface),
    ).toEqual(['Mrs.']);
    const ward = detectAll(
      'Two patients in room 8: 66-year-old man with cellulitis and his roommate from rehab, a 71-year-old man with a UTI; he is febrile.',
    );
    expect(ward.otherPatients.map((m) => m.surface)).toEqual(['71-year-old', 'man']);
    expect(ward.mentions.filter((m) => m.attribute === 'pronoun').map((m) => m.surface)).toEqual(['his', 'he']);
  });

  it("keeps a roommate at home, a move between beds and a later sentence about the same bed the patient's (near misses)", () => {
    const home = detectAll('A 24-year-old woman fell at home; her roommate found her on the floor. She is confused.');
    expect(home.otherPatients).toEqual([]);
    expect(home.mentions.filter((m) => m.attribute === 'pronoun').map((m) => m.surface)).toEqual(['her', 'her', 'She']);
    expect(detectAll('Mr. Abebe, 70, moved from bed 3 to bed 7 overnight; he is calmer.').otherPatients).toEqual([]);
    expect(detectAll('Bed 12: Mr. Abebe, 70, delirium. Bed 12 needs a sitter; he pulled his IV.').otherPatients).toEqual([]);
  });

  it('leaves out a note that says of itself it is about another patient, and keeps one whose part was misfiled (near miss)', () => {
    for (const text of [
      'CORRECTION\nThis entry pertains to a different patient (the 52-year-old woman in bay 7, Mrs. Halvorsen) and was charted in error. Her Medicaid card and her Spanish interpreter request go to her own record.',
      'Late note: documentation entered on the wrong chart. 33-year-old man, Mr. Pike; he needs a Somali interpreter.',
    ]) {
      const o = outcome(text);
      expect(o.kind === 'rejected' && o.reason, text).toMatch(/about a patient other than the chart's/);
      // Nothing in it is this chart's patient's: not one slot, not even in the left-out case.
      expect(o.mentions, text).toEqual([]);
    }
    for (const text of [
      'A 61-year-old man with gout. His uric acid was filed under the wrong chart last week; he is on allopurinol.',
      'A 29-year-old woman asks whether the positive screen in her portal refers to another patient; she is worried.',
    ])
      expect(outcome(text).kind, text).toBe('template');
  });
});
