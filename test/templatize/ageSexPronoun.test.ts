import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/demographics/load.js';
import { detectAll } from '../../src/templatize/detect.js';
import { templatizeCase } from '../../src/templatize/template.js';
import type { Attribute } from '../../src/templatize/types.js';

const axes = loadAxes('demographics', []);

/** The surfaces of one attribute detected in a text, in order. */
const surfaces = (attribute: Attribute, text: string) =>
  detectAll(text)
    .mentions.filter((m) => m.attribute === attribute)
    .map((m) => m.surface);

describe('templatize reads British and Commonwealth age notations', () => {
  it('reads "aet.", an initial or a dash after a titled name, "N/12 old", a hyphenated fraction and "Pt (age, sex word)"', () => {
    expect(surfaces('age', 'Dear Dr Patel,\nRe: Mr Owen Pryce, aet. 71\nSeen in clinic.')).toEqual(['aet. 71']);
    expect(surfaces('age', 'Summary — Mrs Bronagh D., 63\n• COPD')).toEqual(['63']);
    expect(surfaces('age', 'HDU HANDOVER\nMr. Kowal — 48 — day 2 after a Whipple.')).toEqual(['48']);
    expect(surfaces('age', 'Triage: 9/12 old girl, wheeze x 2/7, feeding well.')).toEqual(['9/12 old']);
    expect(surfaces('age', 'A 3½-year-old has a barking cough.')).toEqual(['3½-year-old']);
    expect(surfaces('age', 'O: Pt (67, man) is short of breath.')).toEqual(['67']);
    // Near misses: a duration in the same notation, a ratio and a fraction of a dose.
    expect(surfaces('age', 'Cough x 3/7, fever x 2/52; FEV1/FVC 0.6; took 1½ tablets.')).toEqual([]);
  });
});

describe('templatize reads the age in more places', () => {
  it('reads the age after a titled full name, after a first name the text then names the patient by, and in a letter to the patient', () => {
    expect(surfaces('age', 'Re: Mrs. Aurelia Montoya-Díaz, 66\n\nShe has had a cough for a month.')).toEqual(['66']);
    expect(surfaces('age', 'Re: Mx Robin Ellery Hart, 41, pronouns they/them')).toEqual(['41']);
    expect(surfaces('age', 'Triage note: Pt (Dana, 33) has had a rash for 4 days.')).toEqual(['33']);
    expect(surfaces('age', 'Please see Noor, 9, a girl with recurrent nosebleeds.')).toEqual(['9']);
    expect(surfaces('age', 'Since you are 64 and smoke, we recommend a CT scan.')).toEqual(['64']);
    expect(surfaces('age', "Hi, I'm Salvadoran and 47. My knee hurts.")).toEqual(['47']);
  });

  it('reads "this gentleman is 80", "your patient Ines, 58." and a relative named in apposition before "who is 77"', () => {
    expect(surfaces('age', 'This lady is 80 and has a wrist fracture.')).toEqual(['80']);
    expect(surfaces('age', "Hello, I'm the husband of your patient Ines, 58. She has a cough.")).toEqual(['58']);
    expect(surfaces('age', "I'm writing about my mom, Rosa Lima, who is 77. Her hands shake.")).toEqual(['77']);
    // Near misses: a height and a lab value are no age.
    expect(surfaces('age', 'The man is 6 feet tall; the patient Tom, 5.6 mmol/L potassium.')).toEqual([]);
  });

  it("leaves the age after another person's titled full name theirs", () => {
    expect(surfaces('age', 'Caller: Mrs. Ana Lopez, 70, wife of pt. Pt is 72 and fell.')).toEqual(['72']);
    expect(surfaces('age', 'A 6-year-old boy has a rash. His teacher, Ms. Dana Reyes, 41, called.')).toEqual(['6-year-old']);
  });

  it('reads an age before a sex word after a label, a day of life and a fraction of a year, kept as written', () => {
    expect(surfaces('age', 'Patient: 58 female\nReason: syncope')).toEqual(['58']);
    const newborn = detectAll('Baby girl Osei, DOL 3, feeding well.').mentions.find((m) => m.attribute === 'age');
    expect(newborn).toMatchObject({ surface: 'DOL 3', years: 0 });
    expect(newborn?.slot).toBeUndefined();
    const toddler = detectAll('Patient: 3 1/2 years, female').mentions.find((m) => m.attribute === 'age');
    expect(toddler).toMatchObject({ surface: '3 1/2 years', years: 3 });
    expect(toddler?.slot).toBeUndefined();
  });

  it('leaves plain: a referral header is no name, a count of people, a dose', () => {
    // "Re" on the line after a role is a field label, not the role's name, so the age after it is the patient's.
    expect(surfaces('age', 'To: Neurology\nFrom: NP\nRe: 52-year-old man with tremor')).toEqual(['52-year-old']);
    expect(surfaces('age', 'Household: 4 male siblings')).toEqual([]);
    expect(surfaces('age', 'She takes 2 1/2 tablets daily.')).toEqual([]);
    expect(surfaces('age', "I'm on insulin and 20. Is that too much?")).toEqual([]);
  });

  it("reads an age opening obstetric shorthand after a label, and a patient field's first value", () => {
    expect(surfaces('age', 'L&D note: 33, G3P2 at 39 weeks, contractions')).toEqual(['33']);
    expect(surfaces('age', 'Postpartum check: 26, P1, day 3')).toEqual(['26']);
    expect(surfaces('age', 'Exam: Pelvic ultrasound\nPatient: 41, Somali, Medicaid')).toEqual(['41']);
    // Near misses: a predicate about the mother, a count of pregnancies, a dose.
    expect(surfaces('age', 'Newborn boy, 2 days old, jaundiced. Mother is 31, G2P2.')).toEqual(['2 days old']);
    expect(surfaces('age', 'Patient: Ms. Ruiz\nDose: 40, P2 receptor blocker')).toEqual([]);
  });
});

describe('templatize reads titles that state no sex and Spanish titles', () => {
  it('finds "Mx." without a sex and "Sra." as female, both kept as written', () => {
    const [mx] = detectAll('Mx. Okonkwo, 29, reports palpitations.').mentions.filter((m) => m.attribute === 'title');
    expect(mx).toMatchObject({ surface: 'Mx.' });
    expect(mx?.gender).toBeUndefined();
    expect(mx?.slot).toBeUndefined();
    const [sra] = detectAll('Home visit to Sra. Beltrán today.').mentions.filter((m) => m.attribute === 'title');
    expect(sra).toMatchObject({ surface: 'Sra.', gender: 'female' });
  });
});

describe('templatize reads a relative naming the patient in more forms', () => {
  it('reads another word for the same relative as a repeat, and the writer possessive before the tie', () => {
    const text = 'Subject: my mum\u2019s inhaler\n\nI am writing about my mother, who is 84. Mum coughs at night and she is tired.';
    expect(surfaces('sex', text)).toEqual(['mum', 'mother', 'Mum']);
    expect(surfaces('pronoun', text)).toEqual(['she']);
  });

  it('is not blocked by the caller titled as the patient’s relative, and reads "calling about 6 yo son"', () => {
    const caller = "From Mr. Haddad's wife: my husband is 70, he fell last night and he can't stand.";
    expect(surfaces('sex', caller)).toEqual(['husband']);
    expect(surfaces('age', caller)).toEqual(['70']);
    expect(surfaces('pronoun', caller)).toEqual(['he', 'he']);
    expect(surfaces('sex', 'Father calling about 6 yo son: his ear hurts.')).toEqual(['son']);
    expect(surfaces('age', 'Hi, this is the nurse. My mom, Mrs. Ada Kim, she is 77, has a fever.')).toEqual(['77']);
  });

  it('leaves a relative in a family history plain', () => {
    expect(surfaces('sex', 'My father had a stroke at 60. Dad smoked. I am 35 and have headaches.')).toEqual([]);
  });
});

describe("templatize leaves another person's words unslotted", () => {
  it('reads an apposition opened by an article after another person as theirs: age, sex word and race', () => {
    const text = 'A 61-year-old woman receives a liver from a deceased donor, a 30-year-old Black man hit by a truck. She does well.';
    expect(surfaces('sex', text)).toEqual(['woman']);
    expect(surfaces('age', text)).toEqual(['61-year-old']);
    expect(surfaces('race', text)).toEqual([]);
    const roommate = 'A 50-year-old man has a cough. His roommate, a 49-year-old man, is well.';
    expect(surfaces('sex', roommate)).toEqual(['man']);
    expect(surfaces('age', roommate)).toEqual(['50-year-old']);
  });

  it('keeps a parent’s ethnicity in apposition, and the writer’s acquaintance whom the message is about', () => {
    expect(surfaces('race', 'A 2-year-old boy has pallor. His mother, a Ghanaian woman, is worried.')).toEqual(['Ghanaian']);
    expect(surfaces('sex', 'My neighbor, a 70-year-old man, fell this morning and he cannot stand.')).toEqual(['man']);
  });

  it('leaves a titled clinician after a two-word role, and an ancestry said of a relative with "is of", plain', () => {
    const text = 'A 33-year-old woman has palpitations. The nurse practitioner, Ms. Farrow, ordered a TSH.';
    expect(detectAll(text).mentions.filter((m) => m.attribute === 'title' && m.slot !== undefined)).toEqual([]);
    expect(surfaces('race', 'A 40-year-old man has anemia. His sister, who is of Italian descent, had the same.')).toEqual([]);
  });

  it("leaves a relative's clinically relevant ancestry and a bystander's age band unlisted, and keeps the patient's", () => {
    expect(surfaces('ambiguous', 'A 30-year-old woman has microcytosis. Her mother is of Italian descent.')).toEqual([]);
    expect(surfaces('ambiguous', 'A man of 40. His wife is also of Ashkenazi Jewish descent.')).toEqual(['His wife']);
    expect(surfaces('ambiguous', 'A 30-year-old woman of Greek descent has microcytosis.')).toEqual(['Greek']);
    expect(surfaces('ambiguous', 'Found down. Passerby (male, ~40s) called 911.')).toEqual([]);
    expect(surfaces('ambiguous', 'Caller (his wife) says he fell.')).toEqual(['his wife']);
  });

  it('reads a role in apposition to a relative as that relative, and a dead donor as no rival in later sentences', () => {
    expect(surfaces('pronoun', 'A 9-year-old boy limps. His father, a 40-year-old plumber, says he fell.')).toEqual(['His', 'he']);
    expect(surfaces('pronoun', 'A 70-year-old woman limps. Her daughter, who is a nurse, noticed she falls.')).toEqual(['Her', 'she']);
    const donor = 'A 45-year-old man gets a heart from a deceased donor, a 19-year-old man. A month later he has a fever.';
    expect(surfaces('pronoun', donor)).toEqual(['he']);
  });
});

describe('templatize reads identity words, a later sex letter and a named patient sharing a relative’s surname', () => {
  it('lists "nonbinary" and a capitalised "Widow", and "the pt’s partner", for review', () => {
    expect(surfaces('ambiguous', 'Hi, I am 24 and non-binary (they/them).')).toEqual(['non-binary']);
    expect(surfaces('ambiguous', 'SH: Widow. Lives alone.')).toEqual(['Widow']);
    expect(surfaces('ambiguous', 'Spoke with Sam, the pt’s partner, by phone.')).toEqual(['partner']);
    expect(surfaces('ambiguous', 'Spoke with her business partner about the lease.')).toEqual([]);
  });

  it('reads a sex letter as a later item of the ID line the age opens', () => {
    expect(surfaces('sex', 'ID: 23 yo grad student, M, referred by PCP')).toEqual(['M']);
    // Near miss: a grade in a school report is no sex letter.
    expect(surfaces('sex', 'Report: 15 yo, grade: F, failing math')).toEqual([]);
  });

  it('keeps the age of a titled patient whose relative of the other sex shares the surname', () => {
    const text = 'Patient: Ms. Leela Menon, 16\n\nShe faints at school; her father, Mr. Menon, is worried.';
    expect(surfaces('age', text)).toEqual(['16']);
  });
});

describe("templatize reads a transcript's speakers", () => {
  const pronounsOf = (text: string) =>
    templatizeCase({ id: 't1', text, question: 'What next?', answer: 'A', file: 'calls.jsonl', line: 1 }, axes).mentions.flatMap((m) =>
      m.attribute === 'pronoun' || m.attribute === 'ambiguous' || m.attribute === 'sex' ? [[m.attribute, m.surface]] : [],
    );

  it('reads the clinician\'s "your son" as the patient, and a speaker label as no rival for a pronoun in its own line', () => {
    expect(pronounsOf('Video visit\nDr: How is your son today?\nDad: He has had a rash for a week. He scratches at night.')).toEqual([
      ['sex', 'son'],
      ['pronoun', 'He'],
      ['pronoun', 'He'],
    ]);
    expect(pronounsOf('Clinic, 34-year-old woman.\nDr: Where is the pain?\nInterpreter: She says it is low in her belly.')).toEqual([
      ['sex', 'woman'],
      ['pronoun', 'She'],
      ['pronoun', 'her'],
    ]);
  });

  it('reads a caller\'s relative named with a title and "is 79" as the patient, leaving the case out since sex is pinned', () => {
    const text = 'Phone call\nCaller: I am his son. My dad, Mr. Sato, is 81. His feet are swollen.';
    expect(pronounsOf(text)).toEqual([
      ['pronoun', 'his'],
      ['sex', 'dad'],
      ['pronoun', 'His'],
    ]);
    expect(templatizeCase({ id: 't2', text, question: 'Why?', answer: 'A', file: 'calls.jsonl', line: 2 }, axes).kind).toBe('rejected');
  });

  it('reads a parent the age describes ("41-year-old mother of two") and a possessive in a relative\'s "who is her proxy" as the patient', () => {
    expect(pronounsOf('Social work: 41-year-old mother of two admitted with pneumonia.')).toEqual([['sex', 'mother']]);
    expect(pronounsOf('An 88-year-old woman with her niece, who is her power of attorney.')).toEqual([
      ['sex', 'woman'],
      ['pronoun', 'her'],
      ['pronoun', 'her'],
    ]);
    // Near misses: a relative's own parenthood, and a relative who reports.
    expect(pronounsOf('A 9-year-old boy. His 38-year-old father of three drove him in.')).toEqual([
      ['sex', 'boy'],
      ['pronoun', 'His'],
      ['pronoun', 'him'],
    ]);
    expect(pronounsOf('An 88-year-old woman with her niece, who says her hip hurts.')).toContainEqual(['ambiguous', 'her']);
  });

  it('leaves a relative the patient is asked about, and a reporter outside a label, as before (near misses)', () => {
    expect(pronounsOf('Dr: Did your mother have breast cancer?\nPt: Yes, she had it at 50.')).not.toContainEqual(['sex', 'mother']);
    expect(pronounsOf('Dr: How is your mother?\nPt: Fine, she lives with me now.')).not.toContainEqual(['sex', 'mother']);
    expect(pronounsOf('A 7-year-old girl with fever. Mom says she is tired.')).toEqual([
      ['sex', 'girl'],
      ['ambiguous', 'she'],
    ]);
  });
});
