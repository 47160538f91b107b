import { describe, expect, it } from 'vitest';
import { loadAxes } from '../../src/demographics/load.js';
import { detectMentions } from '../../src/templatize/detect.js';
import { templatizeCase } from '../../src/templatize/template.js';
import type { Attribute } from '../../src/templatize/types.js';

const axes = loadAxes('demographics', []);
/** The mentions of one attribute after assignment, as surface and slot (undefined: stated only, kept as written). */
const assigned = (attribute: Attribute, text: string) =>
  templatizeCase({ id: 'u1', text, question: 'Next step?', answer: 'A', file: 'cases.jsonl', line: 1 }, axes)
    .mentions.filter((m) => m.attribute === attribute)
    .map((m) => [m.surface, m.slot]);
const detected = (attribute: Attribute, text: string) =>
  detectMentions(text)
    .filter((m) => m.attribute === attribute)
    .map((m) => m.surface);

describe('templatize reads ages in dictated and letter forms', () => {
  it('reads an age in words after a titled name or "aged", with a slot only for the form {{age_words}} writes', () => {
    expect(assigned('age', 'Mr. Okonkwo, sixty-four, has gout. He is on allopurinol.')).toEqual([['sixty-four', '{{age_words}}']]);
    expect(assigned('age', 'Ms Patel, thirty one, has asthma. She uses a spacer.')).toEqual([['thirty one', undefined]]);
    expect(assigned('age', 'Seen with her dad, aged three and a half, with a barking cough; she is well.')).toEqual([
      ['three and a half', undefined],
    ]);
  });

  it('reads the age after a date of birth, an age and sex letter with a slash, and a first name introduced with an age', () => {
    expect(detected('age', 'Re: Alex Moore, DOB 14/09/1980 (45 yrs)\nThey have psoriasis.')).toEqual(['45 yrs']);
    expect(detected('age', 'WALK-IN: 34/M. CHEST PAIN.')).toEqual(['34']);
    expect(detected('sex', 'WALK-IN: 34/M. CHEST PAIN.')).toEqual(['M']);
    expect(detected('age', 'This is Mele, 19, with a sore throat.')).toEqual(['19']);
    expect(detected('age', 'Re: Member Cpl (ret.) Dana Ruiz, 38, knee pain\nThe MRI shows a tear.')).toEqual(['38']);
    expect(detected('age', 'Student: Rory K., teenage boy, 15, twisted ankle.')).toEqual(['15']);
    expect(detected('sex', 'Clinic: 6 mo infant M, cough.')).toEqual(['M']);
  });

  it('leaves plain an age range or threshold that describes a group (near misses)', () => {
    expect(detected('age', 'The vaccine is advised for adults aged 50 and older.')).toEqual([]);
    expect(detected('age', 'Screening covers patients aged 45+ only.')).toEqual([]);
    expect(detected('age', 'Enrolled were people 70 years of age or over.')).toEqual([]);
    expect(detected('age', 'A 54-year-old man, aged 54, asks about the shingles vaccine.')).toEqual(['54-year-old', 'aged 54']);
  });

  it('reads the British title for a boy before a name, not "Master" elsewhere', () => {
    expect(detected('title', 'Please see Master Oliver Quinn, aged 6, with croup.')).toEqual(['Master']);
    expect(detected('title', "A 30-year-old woman studying for a Master's degree has migraines.")).toEqual([]);
  });

  it("reads a letter's patient after the addressee's salutation as the patient, not in apposition to the addressee", () => {
    expect(assigned('title', 'Dear Dr Fitzgerald,\nMs Áine Walsh, aged 40, was admitted with asthma. She is better.')).toEqual([
      ['Ms', undefined],
    ]);
  });

  it('ties a relation noun to an age said with it later, or after a name in apposition, and to a greeting with a title', () => {
    expect(assigned('age', 'Message about her daughter\nMy daughter Ava (9) has a rash. She is itchy.')).toEqual([['9', '{{age}}']]);
    expect(assigned('age', 'I am writing on behalf of my father, Emeka (80), who fell. He is dizzy.')).toEqual([['80', '{{age}}']]);
    expect(assigned('sex', 'Hi Dr. Moreno, my dad has had a cough for a week. He is wheezy.')).toEqual([['dad', undefined]]);
  });
});

describe('templatize slots nothing in text about a group or another patient', () => {
  it('leaves plain race shares and a race before a plural group noun', () => {
    expect(detected('race', 'The cohort (41% Black, 12% Asian/Pacific Islander) had hypertension.')).toEqual([]);
    expect(detected('race', 'Plasma from self-identified Hispanic donors was pooled.')).toEqual([]);
    expect(detected('race', 'A 40-year-old Hispanic woman donates plasma.')).toEqual(['Hispanic']);
  });

  it('leaves plain Medicare or Medicaid as an agency, a programme, an alternative or a plan applied for', () => {
    for (const text of [
      'Send the form to the Texas Department of Medicaid.',
      'Wheelchairs funded by Medicare or Medicaid are replaced first.',
      'The Medicare billing code was wrong.',
      'Medicaid patients waited longer in the audit.',
      'She is uninsured and will apply for emergency Medicaid.',
    ])
      expect(
        detectMentions(text)
          .filter((m) => /Medic/.test(m.surface))
          .map((m) => m.surface),
        text,
      ).toEqual([]);
    expect(detected('insurance', 'A 70-year-old man on Medicare has a cough.')).toEqual(['on Medicare']);
  });

  it('leaves plain a language of a group or of someone else it describes', () => {
    expect(detected('language', 'We audited calls for Arabic-speaking, Somali-speaking and BSL users.')).toEqual([]);
    expect(detected('language', 'A Farsi-speaking neighbour brought him in; he is 70.')).toEqual([]);
    expect(detected('language', 'A 70-year-old Farsi-speaking man with chest pain.')).toEqual(['Farsi']);
  });

  it("lists a coverage for review when its subject is another person's pronoun, and slots the patient's", () => {
    expect(assigned('ambiguous', 'A 70-year-old man with his daughter; she is 45 and on Medicaid herself.')).toEqual([
      ['on Medicaid', undefined],
    ]);
    expect(
      assigned('ambiguous', 'A 4-year-old boy is privately insured. His aunt, his guardian, is 59; she is on Medicaid herself.'),
    ).toEqual([['on Medicaid', undefined]]);
    expect(assigned('insurance', 'A 58-year-old woman with her son; she is on Medicaid.')).toEqual([
      ['on Medicaid', '{{insurance_status}}'],
    ]);
    // A newborn's mother's coverage is the newborn's when the text states no other.
    expect(assigned('insurance', 'A 3-day-old girl is jaundiced. The mother says she is uninsured.')).toEqual([
      ['uninsured', '{{insurance_status}}'],
    ]);
  });
});

describe("templatize reads a pronoun opening the sentence after one about the patient's relative", () => {
  const pronouns = (text: string) =>
    templatizeCase({ id: 'u2', text, question: 'Next step?', answer: 'A', file: 'cases.jsonl', line: 1 }, axes)
      .mentions.filter((m) => m.attribute === 'pronoun' || m.attribute === 'ambiguous')
      .map((m) => [m.surface, m.attribute]);

  it('slots it as the patient when the relative was named through the patient, with an apposition or not', () => {
    expect(pronouns('Mrs. Kelly, 79, has pneumonia. Her son, a paramedic in Cork, drove her in. She is on oxygen.')).toEqual([
      ['Her', 'pronoun'],
      ['her', 'pronoun'],
      ['She', 'pronoun'],
    ]);
    expect(pronouns('Mr. Adeyemi, 66, has gout. His brother, Mr. Tunde Adeyemi, collects the tablets. He lives alone.')).toEqual([
      ['His', 'pronoun'],
      ['He', 'pronoun'],
    ]);
  });

  it('lists it when it reports, follows a semicolon, or the relative was not named through the patient (near misses)', () => {
    expect(pronouns('Mrs. Kelly, 79, has pneumonia. Her daughter lives with her. She says the cough began on Monday.')).toContainEqual([
      'She',
      'ambiguous',
    ]);
    expect(pronouns('Mrs. Kelly, 79, has pneumonia. Her daughter lives with her; she is a nurse.')).toContainEqual(['she', 'ambiguous']);
    expect(pronouns('Mrs. Kelly, 79, lives with a daughter. The daughter drove her in. She is on oxygen.')).toContainEqual([
      'She',
      'ambiguous',
    ]);
  });
});

describe('templatize reads more race and ethnicity forms', () => {
  const races = (text: string) =>
    detectMentions(text)
      .filter((m) => m.attribute === 'race')
      .map((m) => [m.surface, m.stated?.level]);

  it('reads peoples the demographics map, and those no level maps as stated only', () => {
    expect(races('A 52-year-old Hausa man with a headache.')).toEqual([['Hausa', 'black']]);
    expect(races('Clinic: 44 yo F, Tamil, palpitations.')).toEqual([['Tamil', 'asian']]);
    expect(races('ED: 70M, Hazara, cough for a month.')).toEqual([['Hazara', undefined]]);
  });

  it('reads a term in capitals before a sex word in capitals, and a family or parents without a verb', () => {
    expect(races('TRIAGE: 80YO HISPANIC MALE, SYNCOPE.')).toEqual([['HISPANIC', 'hispanic']]);
    expect(races('Newborn with jaundice. Parents Somali, feeding well.')).toEqual([['Somali', 'black']]);
  });

  it('reads two terms joined as one span, with a level only when both state it', () => {
    expect(races('A 40-year-old Korean-Japanese man with gout.')).toEqual([['Korean-Japanese', 'asian']]);
    expect(races('Intake: 33 yo F, Mexican and Filipino, asthma.')).toEqual([['Mexican and Filipino', undefined]]);
  });

  it("reads the patient's identity in a letter's second person, a labelled Indigenous status and an ID line after a full name", () => {
    expect(races('Dear Mr Begay,\nYou told us you are Navajo and that you prefer morning visits.')).toEqual([['Navajo', 'aian']]);
    expect(races('Age: 40. Indigenous status: Torres Strait Islander. Sex: F.')).toEqual([['Torres Strait Islander', undefined]]);
    expect(races('Re: Ms Mary Ward, aged 33, Irish Traveller\nSeen with asthma.')).toEqual([['Irish Traveller', 'white']]);
  });

  it('leaves plain race words in clinical terms, about a relative, donor or study, and an ancestry the answer leans on (near misses)', () => {
    for (const text of [
      'A 30-year-old man had the Asian flu in 1957, his grandfather says.',
      'The Hispanic paradox was discussed at rounds.',
      'A 50-year-old woman. Her husband, who is Greek, has thalassaemia trait.',
      'A 61-year-old man received a kidney from a Yoruba donor.',
      'A trial of Punjabi adults found higher diabetes rates.',
    ])
      expect(races(text), text).toEqual([]);
    expect(detected('ambiguous', 'A 25-year-old woman of Italian descent has microcytosis.')).toEqual(['Italian']);
  });
});

describe("templatize reads coverage outside the US as no level, and a language's near misses", () => {
  it('reads Medicare in an Australian or Canadian note as coverage of no level, and "no private health insurance" as none', () => {
    const note = 'ED, Royal Adelaide. 60M, chest pain. Medicare card sighted; no private health insurance.';
    expect(
      detectMentions(note)
        .filter((m) => m.attribute === 'insurance')
        .map((m) => [m.surface, m.stated?.level, m.slot]),
    ).toEqual([
      ['Medicare', undefined, undefined],
      ['no private health insurance', undefined, undefined],
    ]);
    expect(templatizeCase({ id: 'a1', text: note, question: 'Next?', answer: 'A', file: 'c.jsonl', line: 1 }, axes).kind).toBe('rejected');
    // In a US note Medicare is the level.
    expect(
      detectMentions('A 70-year-old man on Medicare and Medigap has a cough.').find((m) => m.surface === 'on Medicare')?.stated,
    ).toEqual({
      axis: 'insurance',
      level: 'medicare',
    });
  });

  it('leaves plain a device approved by Medicare, an English muffin and a relative’s language (near misses)', () => {
    expect(detected('insurance', 'A 70-year-old man asks about a Medicare-approved glucose meter.')).toEqual([]);
    expect(detected('language', 'A 40-year-old woman ate an English muffin and then vomited.')).toEqual([]);
    expect(detected('language', 'A 40-year-old man with his wife, who speaks only Polish.')).toEqual([]);
  });
});

describe('templatize reads more language forms', () => {
  it('reads a language before "first language", "as second language", in a letter to the patient and second in a pair', () => {
    expect(detected('language', 'Clinic: 40yo M, Dari first language, cough.')).toEqual(['Dari']);
    expect(detected('language', 'A 30-year-old woman, Somali-speaking with Arabic as second language.')).toEqual(['Somali', 'Arabic']);
    expect(detected('language', 'Dear Mrs Ali,\nArabic is your first language, so we have sent letters in Arabic too.')).toEqual([
      'Arabic',
      'Arabic',
    ]);
    expect(detected('language', 'A 50-year-old man. Speaks English and Tagalog; lives alone.')).toEqual(['Tagalog']);
    expect(detected('language', 'A 61-year-old man; his interpreter spoke Amharic throughout.')).toEqual(['Amharic']);
  });

  it('reads minority languages no level maps as stated, and a relation said as a name speaking for the patient', () => {
    expect(detected('language', 'A 9-month-old girl; parents speak Kriol at home.')).toEqual(['Kriol']);
    expect(detected('language', 'Hi, my dad fell yesterday. Dad only speaks Spanish, so please call me.')).toEqual(['Spanish']);
  });

  it("leaves plain English a patient speaks where only someone else's language is named, and a letter in English (near misses)", () => {
    expect(detected('language', 'A 70-year-old man interprets for a Korean-speaking neighbour; the patient speaks only English.')).toEqual([
      'English',
    ]);
    expect(detected('language', 'A 70-year-old man asked for letters in English.')).toEqual([]);
  });
});

describe('templatize reads more insurance forms', () => {
  const coverage = (text: string) =>
    detectMentions(text)
      .filter((m) => m.attribute === 'insurance')
      .map((m) => [m.surface, m.stated?.level]);

  it('reads group plans through a job, a union or a relative, COBRA, a high-deductible plan and Part D as private or Medicare', () => {
    expect(coverage('A 45-year-old man covered by his Carpenters union health plan.')).toEqual([['union health plan', 'private']]);
    expect(coverage('A 19-year-old woman, on her mom’s employer plan, has acne.')).toEqual([['mom’s employer plan', 'private']]);
    expect(coverage('A 50-year-old man who is on COBRA after a layoff.')).toEqual([['is on COBRA', 'private']]);
    expect(coverage('Ins: high-deductible plan with HSA')).toEqual([['high-deductible plan with HSA', 'private']]);
    expect(coverage('I am 70 and my Part D plan stopped covering it.')).toEqual([['Part D plan', 'medicare']]);
  });

  it('reads coverage in capitals and tribal or IHS care, with no level where none is stated', () => {
    expect(coverage('TRIAGE: 50 YO F. CHEST PAIN. MEDICAID.')).toEqual([['MEDICAID', 'medicaid']]);
    expect(coverage('TRIAGE: 80 YO M. MEDICARE/MEDICAID DUAL.')).toEqual([['MEDICARE/MEDICAID DUAL', undefined]]);
    expect(coverage('A 40-year-old woman who gets all her care through the tribal health program.')).toEqual([
      ['gets all her care through the tribal health program', undefined],
    ]);
  });

  it("leaves plain a relative's own plan and coverage someone else still has (near misses)", () => {
    expect(coverage('A 60-year-old man. His daughter’s employer insurance does not cover him.')).toEqual([]);
    expect(
      detected('ambiguous', 'A 66-year-old man on Medicare; his wife, who is 61, still has employer coverage through her job.'),
    ).toEqual(['his wife', 'employer coverage']);
  });
});

describe('templatize reads more sex words', () => {
  it('reads a sex word in capitals after a day of life, and a parent noun in apposition to the patient', () => {
    expect(detected('sex', 'NICU ADMIT: DOL 3, MALE INFANT, POOR FEEDING, GRUNTING.')).toEqual(['MALE']);
    expect(detected('sex', 'ID: 41 y/o Eritrean man, father of 3, referred for low mood.')).toEqual(['man', 'father']);
    // Near misses: a sex word before a relative noun with no age is someone else; a parent noun alone names no one.
    expect(detected('sex', 'A 30-year-old woman whose female sibling has lupus.')).toEqual(['woman']);
    expect(detected('sex', 'A 30-year-old woman. The father of 3 children next door has TB.')).toEqual(['woman']);
  });

  it("reads a relation noun in a message's subject line as the patient named later", () => {
    expect(assigned('sex', 'Message re: Mom\nHi, my mom (82) fell today. She is sore.')).toEqual([
      ['Mom', undefined],
      ['mom', undefined],
    ]);
  });
});
