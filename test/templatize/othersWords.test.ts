import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/demographics/load.js';
import { templatizeCase } from '../../src/templatize/template.js';

const axes = loadAxes('demographics', []);
/** The surfaces given a slot in a case's text, in order. */
const slotted = (text: string) =>
  templatizeCase({ id: 'o1', text, question: 'Next step?', answer: 'A', file: 'others.jsonl', line: 1 }, axes)
    .mentions.filter((m) => m.slot !== undefined)
    .map((m) => `${m.attribute}:${m.surface}`);

describe("another person's words get no slot", () => {
  it("leaves English spoken by a relative beside another language's need, or by a patient who interprets for a relative", () => {
    expect(
      slotted('Clinic visit: 9-year-old boy with eczema. His mother speaks only Arabic; his uncle speaks English and signs the forms.'),
    ).toEqual(['age:9-year-old', 'sex:boy', 'pronoun:His', 'language:Arabic', 'pronoun:his']);
    expect(
      slotted("I'm 38, male. Nobody else at home speaks English, so I interpret for my parents at the pharmacy. I can't sleep."),
    ).toEqual(['age:38', 'sex:male']);
    // Near misses: the patient's own languages.
    expect(slotted('A 52-year-old woman who speaks only Spanish presents with dysuria.')).toContain('language:Spanish');
    expect(slotted('A 47-year-old man who speaks English presents with back pain.')).toContain('language:English');
  });

  it("leaves a title in apposition after a relative noun to the relative, even with another relative's title of the same surname", () => {
    const text = 'Jonah, 6 years old, has croup. Grandmother, Mrs. Okoro, brought him; grandfather (Mr. Okoro) will pick him up.';
    expect(slotted(text).filter((s) => s.startsWith('title:'))).toEqual([]);
    // Near miss: the patient's own title.
    expect(slotted('Mrs. Lee, 70, presents with a cough. She smokes.')).toContain('title:Mrs.');
  });

  it("leaves a donor's self-identified race to the donor, and slots the patient's own", () => {
    expect(slotted('A 31-year-old Hispanic man with aplastic anemia. The donor identifies as White.')).toEqual([
      'age:31-year-old',
      'race:Hispanic',
      'sex:man',
    ]);
    expect(slotted('A 31-year-old man with aplastic anemia who self-identified as Hispanic.')).toContain('race:Hispanic');
  });

  it('leaves an interpreter of a language other than the one spoken to review, and slots the interpreter the patient needs', () => {
    const stopgap =
      'ED: 5 yo F brought by her father, who speaks only Arabic; Arabic interpreter delayed, so a Vietnamese interpreter helped briefly.';
    expect(slotted(stopgap).filter((s) => s.startsWith('language:'))).toEqual(['language:Arabic', 'language:Arabic']);
    expect(slotted('A 63-year-old man who speaks Tagalog; a Tagalog interpreter was used.')).toEqual([
      'age:63-year-old',
      'sex:man',
      'language:Tagalog',
      'language:Tagalog',
    ]);
    for (const text of [
      'A 44-year-old woman needs a Spanish interpreter.',
      'A 44-year-old woman with limited English; Spanish interpreter used.',
    ])
      expect(slotted(text), text).toContain('language:Spanish');
  });

  it('leaves a sex word, age and race in a relative clause or copula about another person to them', () => {
    expect(slotted('A 66-year-old woman fell at home. Her neighbour, who is female, found her at noon.')).toEqual([
      'age:66-year-old',
      'sex:woman',
      'pronoun:Her',
      'pronoun:her',
    ]);
    expect(slotted('A 52-year-old Asian man had a liver transplant. The donor was a 19-year-old White woman.')).toEqual([
      'age:52-year-old',
      'race:Asian',
      'sex:man',
    ]);
    // Near misses: a possessive in such a clause is the patient's, and a caller or resident may be the patient.
    expect(slotted('A 4-year-old girl is here with her aunt, who is her guardian.')).toEqual([
      'age:4-year-old',
      'sex:girl',
      'pronoun:her',
      'pronoun:her',
    ]);
    expect(slotted('The caller is a 71-year-old man with chest pain.')).toEqual(['age:71-year-old', 'sex:man']);
    expect(slotted('A 45-year-old porter, who is male, has a cough.')).toContain('sex:male');
    expect(slotted('Care home call. Resident is a 90 yo F with a fever.')).toContain('sex:F');
  });

  it('slots nothing inside a fixed phrase or a quoted transcription', () => {
    expect(slotted('A 27-year-old man was stung by a man-of-war while surfing. His arm is welted.')).toEqual([
      'age:27-year-old',
      'sex:man',
      'pronoun:His',
    ]);
    expect(slotted('Dictated note. A 48-year-old woman, transcribed as "a 48 your old woman", has a cough. She smokes.')).toEqual([
      'age:48-year-old',
      'sex:woman',
      'pronoun:She',
    ]);
  });

  it('reads a line under a one-letter handover label as its own line, not the end of the line before', () => {
    expect(slotted('A – 63, female\nT – 09:10\nM – fall from a ladder\nShe is alert.')).toEqual(['age:63', 'sex:female', 'pronoun:She']);
  });
});
