import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/demographics/load.js';
import { detectMentions } from '../../src/templatize/detect.js';
import { residualCues } from '../../src/templatize/residualCues.js';
import { templatizeCase } from '../../src/templatize/template.js';
import type { Attribute } from '../../src/templatize/types.js';

const axes = loadAxes('demographics', []);
const outcome = (text: string) =>
  templatizeCase({ id: 's1', text, question: 'Next step?', answer: 'A', file: 'cases.jsonl', line: 3 }, axes);
const listed = (text: string) => outcome(text).review.map((r) => r.surface);
const detected = (attribute: Attribute, text: string) =>
  detectMentions(text)
    .filter((m) => m.attribute === attribute)
    .map((m) => m.surface);

describe('templatize lists for review every demographic word it could not place', () => {
  it('lists a race or origin term, a coverage clause, a language, a title and an age that no detector read', () => {
    const text =
      'A 52-year-old Tokelauan man has gout. He is of Tiv extraction. His coverage is Pacific Care Plus. He speaks mostly Tokelauan. Fr. Luis Ortega visits him.';
    const review = listed(text);
    expect(review).toEqual(['Tokelauan', 'of Tiv extraction', 'coverage is Pacific Care Plus', 'speaks mostly Tokelauan', 'Fr.']);
    const o = outcome(text);
    // Listed, never slotted: the template keeps every one of them as written.
    expect(o.kind === 'template' && ['Tokelauan', 'Tiv', 'Pacific Care Plus', 'Fr.'].every((w) => o.template.text.includes(w))).toBe(true);
  });

  it('lists nothing the detector read, for the patient or for someone else, nor a word inside a clinical term (near misses)', () => {
    const text = 'A 40-year-old Black woman on Medicaid has Asian flu. Her husband, who is 45, has white blood cells in his urine.';
    const read = [
      { start: 0, end: 28 },
      { start: 29, end: 40 },
      { start: 41, end: 50 },
    ];
    expect(residualCues(text, read).map((m) => m.surface)).toEqual([]);
    expect(listed('A 63-year-old man has pneumonia. He is on Medicare. His treatment plan is reviewed.')).toEqual([]);
  });

  it('reads a line break written as the two characters \\n, so an ID line after it is read', () => {
    expect(detected('age', 'ED triage note\\n78 y/o male BIBA from NH.')).toEqual(['78 y/o']);
    expect(detected('age', 'Bed 8\\nlooks well')).toEqual([]);
  });
});

describe("templatize gives another person's relative clause its race, insurance and language", () => {
  it('keeps a spouse, child or grandchild clause out of the patient', () => {
    expect(
      detected('language', 'A 70-year-old man comes with his wife. His wife, who is 61 and speaks only Russian, asks about aspirin.'),
    ).toEqual([]);
    expect(detected('race', 'She has a son who is of mixed White and Black African heritage.')).toEqual([]);
    expect(detected('insurance', 'The grandson, who is on Medicaid, says she fell.')).toEqual([]);
  });

  it("keeps a parent's clause (R8, R10), a clause of the patient's own inside it, and the patient's role (near misses)", () => {
    expect(detected('language', 'A 4-year-old boy is brought by his mother, who speaks only Somali.')).toEqual(['Somali']);
    expect(detected('language', 'She comes with her son, who translates because she speaks only Cantonese.')).toEqual(['Cantonese']);
    expect(detected('race', 'A 45-year-old nurse, who is Filipino, has a cough.')).toEqual(['Filipino']);
  });
});

describe('templatize reads ages after a full name and in the patient’s own words', () => {
  it('reads the age in apposition to a full name opening a line, after any short title', () => {
    expect(detected('age', 'Jordan Blake, 27, uses they/them pronouns.')).toEqual(['27']);
    expect(detected('age', 'Clinic letter:\nFr. Paolo Ricci, 72, a retired priest, has jaundice.')).toEqual(['72']);
    expect(detected('age', 'Frau Anna Weber, 66, is on holiday.')).toEqual(['66']);
    expect(detected('age', "I'm forty-four, male, and I can't sleep.")).toEqual(['forty-four']);
    expect(detected('age', "I'm fifty-two now and the cough is back.")).toEqual(['fifty-two']);
    expect(detected('age', "I'm sixty-one-ish, I think.")).toEqual([]);
  });

  it('reads no age after a one-word heading or a name inside a sentence (near misses)', () => {
    expect(detected('age', 'Room 12, 4 beds, all full.')).toEqual([]);
    expect(detected('age', 'Seen by Dr Ana Reyes, 3, 4 and 5 of May.')).toEqual([]);
  });
});

describe("templatize reads a delivered baby's sex word as the newborn's", () => {
  it('slots no sex word of the newborn, but still the mother’s', () => {
    expect(detected('sex', 'A 30-year-old woman at term. After delivery of a 3.9-kg baby boy, she bleeds.')).toEqual(['woman']);
    expect(detected('sex', 'A 25-year-old woman gave birth to a healthy girl yesterday.')).toEqual(['woman']);
  });

  it('keeps a newborn who is the patient (near miss)', () => {
    expect(detected('sex', 'A baby girl is delivered at 35 weeks and is grunting.')).toEqual(['girl']);
  });
});

describe('templatize reads an emphatic subject in a report as possibly the reporter', () => {
  const pronounsOf = (text: string) =>
    outcome(text)
      .mentions.filter((m) => m.attribute === 'pronoun' || m.attribute === 'ambiguous')
      .map((m) => [m.surface, m.attribute]);

  it('lists "he himself" inside a same-sex relative’s report for review, not as the patient', () => {
    expect(
      pronounsOf('A 9-year-old boy has a rash. His grandfather says that the boy was bitten, and that he himself has a rash too.'),
    ).toEqual([
      ['His', 'pronoun'],
      ['he', 'ambiguous'],
      ['himself', 'ambiguous'],
    ]);
  });

  it('keeps "he himself" after the report has ended as the patient (near miss)', () => {
    expect(pronounsOf('A 79-year-old man comes in. His son says he forgets. He himself thinks his memory is fine.')).toEqual([
      ['His', 'pronoun'],
      ['he', 'ambiguous'],
      ['He', 'pronoun'],
      ['himself', 'pronoun'],
      ['his', 'pronoun'],
    ]);
  });
});

describe("templatize gives a language that describes someone else's role to them", () => {
  it('reads a bilingual cleaner’s or a nurse’s language as theirs', () => {
    expect(detected('language', 'A 50-year-old man has pain. A bilingual (English/Tagalog) porter was asked to help.')).toEqual([]);
    expect(detected('language', 'A 70-year-old woman is seen with the Vietnamese-speaking receptionist.')).toEqual([]);
  });

  it("keeps an interpreter's language and the language of the patient's own role as the patient's (near misses)", () => {
    expect(detected('language', 'A 50-year-old man needs a Tagalog interpreter.')).toEqual(['Tagalog']);
    expect(detected('language', 'A 45-year-old housekeeper who speaks only Tagalog has chest pain.')).toEqual(['Tagalog']);
  });
});
