import { describe, expect, it } from 'vitest';
import { detectAll, detectMentions } from '../../src/templatize/detect.js';
import type { Attribute } from '../../src/templatize/types.js';

/** The spans of one attribute detected in a text, with the level each states (undefined: no level of the axis). */
const spans = (attribute: Attribute, text: string) =>
  detectMentions(text)
    .filter((m) => m.attribute === attribute)
    .map((m) => [m.surface, m.stated?.level]);

describe('templatize reads race and ethnicity in more forms', () => {
  it("reads an SBAR background line's items, and more ID lines: obstetric shorthand, a titled name's age, an age band, days old", () => {
    expect(spans('race', 'SBAR\nS: Mr. Lim, 70, fall.\nB: CKD 3. Cambodian; daughter interprets.')).toEqual([['Cambodian', 'asian']]);
    expect(spans('race', 'S: Ms. Tesfaye, 41, sepsis.\nB: Eritrean (Tigrinya speaker), lives alone.')).toEqual([['Eritrean', 'black']]);
    expect(spans('race', 'L&D: 29, G2P1 at 38 weeks, Honduran, on Medicaid.')).toEqual([['Honduran', 'hispanic']]);
    expect(spans('race', 'Clinic: Mrs. Abara, 64, Nigerian immigrant, diabetes.')).toEqual([['Nigerian', 'black']]);
    expect(spans('race', 'ED: elderly man, Tongan, chest pain.')).toEqual([['Tongan', 'nhpi']]);
    expect(spans('race', 'Triage: rain all night. 5-day-old boy, Laotian family, jaundice.')).toEqual([['Laotian', 'asian']]);
    expect(spans('race', 'Walk-in: 44 yo M, Filipino, Tagalog-speaking. Cough.')).toEqual([['Filipino', 'asian']]);
  });

  it('leaves plain a race word outside an SBAR, about a study, or a food (near misses)', () => {
    expect(spans('race', 'Options\nB: Korean patients have higher rates of gastric cancer.')).toEqual([]);
    expect(spans('race', 'SBAR\nS: Mr. Lim, 70.\nB: enrolled in a Cambodian diabetes study.')).toEqual([]);
    expect(spans('race', 'Clinic: Mrs. Abara, 64, ate Korean food, then vomited.')).toEqual([]);
  });

  it('lists an ancestry for review before a screened drug that is planned, and Amish', () => {
    expect(spans('ambiguous', '60-year-old man, Korean, gout; allopurinol planned.').map(([s]) => s)).toEqual(['Korean']);
    expect(spans('ambiguous', 'A 3-year-old Amish girl with a cough.').map(([s]) => s)).toEqual(['Amish']);
  });

  it('reads ID-line abbreviations: AA later in the list, a race letter run into the sex letter', () => {
    expect(spans('race', 'Triage: 59F, AA, on Medicaid')).toEqual([['AA', 'black']]);
    expect(spans('race', '9 y/o F w/ asthma, AA, here for refill')).toEqual([['AA', 'black']]);
    expect(spans('race', '64 yo BF with dyspnea')).toEqual([['B', 'black']]);
    // The letters after an age are no boyfriend whose pronouns might follow.
    expect(detectAll('64 yo BF with dyspnea. Her BP is 150/90.').people).toEqual([]);
    expect(spans('race', 'Intake: 72 y/o HM, diabetic')).toEqual([['H', 'hispanic']]);
    expect(spans('race', 'Race: AA   Ethnicity: Not Hispanic\nRace/Ethnicity: W')).toEqual([
      ['AA', 'black'],
      ['Not Hispanic', undefined],
      ['W', 'white'],
    ]);
    // Near miss: the same letters outside a race field.
    expect(spans('race', 'Grade: A, B12 normal, W/U negative')).toEqual([]);
    // Near misses: Alcoholics Anonymous, and a sex letter with no race letter.
    expect(spans('race', '44M, sober 2 years, attends AA weekly.')).toEqual([]);
    expect(spans('race', '64 yo F with dyspnea')).toEqual([]);
  });

  it('reads a field value after a first one, pipes in an ID line, a social history line and the self-identified', () => {
    expect(spans('race', 'Race/Ethnicity: White; Irish\nCC: cough')).toEqual([
      ['White', 'white'],
      ['Irish', 'white'],
    ]);
    expect(spans('race', 'Pt: 66F | Vietnamese | Medicare')).toEqual([['Vietnamese', 'asian']]);
    expect(spans('race', 'HPI: knee pain.\nSH: Native Hawaiian; lives alone.')).toEqual([['Native Hawaiian', 'nhpi']]);
    expect(spans('race', 'Pt (self-identified Black/Haitian), 50 yo M')).toEqual([
      ['Black', 'black'],
      ['Haitian', 'black'],
    ]);
    expect(spans('race', 'Race: Asian   Ethnicity: Not Hispanic or Latino\n')).toEqual([
      ['Asian', 'asian'],
      ['Not Hispanic or Latino', undefined],
    ]);
  });

  it('reads a term after the age that describes the person, before a restating parenthesis, and in the patient or family voice', () => {
    expect(spans('race', 'I am a 63-year-old Korean grandfather with a cough.')).toEqual([['Korean', 'asian']]);
    expect(spans('race', 'A 45-year-old male Puerto Rican with gout.')).toEqual([['Puerto Rican', 'hispanic']]);
    expect(spans('race', 'A 30-year-old Native Hawaiian (Kanaka) woman has gout.')).toEqual([['Native Hawaiian', 'nhpi']]);
    expect(spans('race', "We are Somali. My son is 3 and won't eat.")).toEqual([['Somali', 'black']]);
    expect(spans('race', 'His parents, who are Laotian, ask about jaundice.')).toEqual([['Laotian', 'asian']]);
    expect(spans('race', 'The family is Mixtec from Oaxaca.')).toEqual([['Mixtec', 'aian']]);
    expect(spans('race', 'A Somali refugee, 34, has a cough.')).toEqual([['Somali', 'black']]);
    // Near misses: another person's role ("her Somali mother", "seen by a Haitian nurse").
    expect(spans('race', 'A 4-year-old girl; her Somali mother was seen by a Haitian nurse.')).toEqual([]);
  });

  it('reads nations and peoples the axis maps, accented endings, "Chinese-American widower" and mixed race for review', () => {
    expect(spans('race', 'A 70 yo Diné elder has a cough.')).toEqual([['Diné', 'aian']]);
    expect(spans('race', 'A 52-year-old Choctaw man has gout.')).toEqual([['Choctaw', 'aian']]);
    expect(spans('race', 'A 61 yo Japanese-American widower is seen.')).toEqual([['Japanese-American', 'asian']]);
    expect(spans('race', 'A 40-year-old woman of Eastern European descent.')).toEqual([['Eastern European', 'white']]);
    expect(spans('race', 'A 12-year-old girl who identifies as biracial (Asian and white) has acne.')).toEqual([
      ['biracial (Asian and white)', undefined],
    ]);
    expect(spans('race', 'A 41-year-old multiracial (Black, white and Cherokee) man.')).toEqual([
      ['multiracial (Black, white and Cherokee)', undefined],
    ]);
  });

  it('reads a later item of an ID or social history line, obstetric shorthand, a self-description and "of X parents"', () => {
    expect(spans('race', 'ED: 44 y/o female, Salvadoran, c/o dyspnea')).toEqual([['Salvadoran', 'hispanic']]);
    expect(spans('race', 'Pt: 80M, retired, widower, Korean American, Medicare.')).toEqual([['Korean American', 'asian']]);
    expect(spans('race', 'Intake: 58 y/o man, AA, c/o chest pain')).toEqual([['AA', 'black']]);
    expect(spans('race', 'OB: 31yo G3P2 Somali, Somali interpreter present.')).toEqual([['Somali', 'black']]);
    expect(spans('race', 'SH: retired teacher; married; Non-Hispanic white.')).toEqual([['Non-Hispanic white', 'white']]);
    expect(spans('race', "Hi, I'm 52, female, Cuban American, and diabetic.")).toEqual([['Cuban American', 'hispanic']]);
    expect(spans('race', 'An 8-month-old girl of Haitian parents has a fever.')).toEqual([['Haitian', 'black']]);
    expect(spans('race', 'Our family is Hmong — is this rash serious?')).toEqual([['Hmong', 'asian']]);
    expect(spans('race', "A 33 yo Pima (Akimel O'odham) man.")).toEqual([
      ['Pima', 'aian'],
      ["Akimel O'odham", 'aian'],
    ]);
    // A nationality counted under more than one level is found and listed, with no level.
    expect(spans('race', 'Mr. Karimi, 61, Afghan, presents with dyspnea.')).toEqual([['Afghan', undefined]]);
  });

  it('reads more nations and peoples the axis maps, and lists identities of two levels with none', () => {
    expect(spans('race', 'A 58-year-old Comanche man has foot ulcers.')).toEqual([['Comanche', 'aian']]);
    expect(spans('race', 'Pt: 40F, Pohnpeian, here for TB screening.')).toEqual([['Pohnpeian', 'nhpi']]);
    expect(spans('race', 'A 33-year-old Bhutanese woman has anemia.')).toEqual([['Bhutanese', 'asian']]);
    expect(spans('race', 'A 61-year-old Ukrainian man is seen.')).toEqual([['Ukrainian', 'white']]);
    expect(spans('race', 'A 27-year-old Afro-Latina woman has a rash.')).toEqual([['Afro-Latina', undefined]]);
    // Near misses: places, a game and a language named like a people.
    expect(spans('race', 'A 44-year-old man from Pueblo, Colorado, lost at Russian roulette.')).toEqual([]);
    expect(spans('race', 'A 50 yo Ukrainian-speaking woman visits Seneca Falls.')).toEqual([]);
  });

  it('leaves plain: a language as an ID line item after LEP or before an interpreter, a later sentence of the line', () => {
    expect(spans('race', 'ID: 47F, LEP, Korean, interpreter by video')).toEqual([]);
    expect(spans('race', 'ID: 47F, Vietnamese, interpreter by phone')).toEqual([]);
    // An ID line's later sentence is no list item.
    expect(spans('race', '47F with cough. She ate at a Mexican, then a Thai, restaurant.')).toEqual([]);
  });

  it('leaves plain: many people of an ancestry, a surname, a name, a language, Mediterranean ancestries and idioms', () => {
    expect(spans('race', 'Label: patients of South Asian ancestry have a higher risk. A 50 yo M is seen.')).toEqual([]);
    expect(spans('race', 'Call from Ms. White, neighbor of pt Mr. Diaz (80).')).toEqual([]);
    expect(spans('race', 'Her name is Maya. She is 9.')).toEqual([]);
    expect(spans('race', 'Maya, a 6-year-old girl, has a rash.')).toEqual([]);
    expect(spans('race', 'A 50-year-old man asks about a study of Black women on statins.')).toEqual([]);
    expect(spans('race', 'A 50 yo Korean-speaking woman.')).toEqual([]);
    expect(spans('race', 'Interpreter: Tibetan, in person.')).toEqual([]);
    expect(spans('race', 'A 30-year-old man, whose donor was Black, has graft rejection.')).toEqual([]);
    expect(spans('race', 'His mother, who is Chinese, has hepatitis B. He is 20.')).toEqual([]);
    expect(spans('race', 'A man with the Asian flu and the Hispanic paradox.')).toEqual([]);
    expect(spans('ambiguous', 'A 28-year-old woman of Greek descent has microcytosis.').map(([s]) => s)).toEqual(['Greek']);
  });
});

describe('templatize reads language in more forms', () => {
  it('reads LEP in an ID line with the language after it, and English stated as lacking in other words', () => {
    expect(spans('language', 'ID: 61F, LEP, Russian, interpreter by video')).toEqual([
      ['LEP', undefined],
      ['Russian', 'russian'],
    ]);
    expect(spans('language', "Hi, I'm writing for my dad; he doesn't speak much English.")).toEqual([
      ["doesn't speak much English", undefined],
    ]);
    expect(spans('language', 'I am 40, female; Arabic is my first language and my English is limited.')).toEqual([
      ['my English is limited', undefined],
    ]);
  });

  it('reads interpreter phrases, a labelled field with a parenthesis, "X only" and names that end in an apostrophe', () => {
    expect(spans('language', 'Pt: 70M, interpreter present (Tagalog)')).toEqual([['Tagalog', 'tagalog']]);
    expect(spans('language', 'Preferred language (mother): Arabic\nCC: fever')).toEqual([['Arabic', 'arabic']]);
    expect(spans('language', 'Triage\n66M, Russian only, via video interpreter.')).toEqual([['Russian', 'russian']]);
    expect(spans('language', 'Called Mr. Ruiz (58) in Spanish through the phone interpreter.')).toEqual([['Spanish', 'spanish']]);
    expect(spans('language', "A 3-year-old boy; his mother speaks Q'anjob'al and little Spanish.")).toEqual([["Q'anjob'al", undefined]]);
    expect(spans('language', 'I use ASL and will need an interpreter.')).toEqual([['ASL', undefined]]);
    expect(spans('language', 'A 30-year-old deaf man communicates in sign language.')).toEqual([['sign language', undefined]]);
    expect(spans('language', 'A 50-year-old man who prefers to receive care in Korean.')).toEqual([['Korean', undefined]]);
  });

  it('reads a primary language without a verb, "X preferred", "a second language", reading and ESL, bilingual pairs and SH items', () => {
    expect(spans('language', '60 yo F, primary language Russian, lives alone')).toEqual([['Russian', 'russian']]);
    expect(spans('language', 'Burn to forearm at work. Arabic preferred.')).toEqual([['Arabic', 'arabic']]);
    expect(spans('language', 'Pt speaks Triqui; Spanish is a second language.')).toEqual([
      ['Triqui', undefined],
      ['Spanish', 'spanish'],
    ]);
    expect(spans('language', 'He asked me to write because he cannot read English.')).toEqual([['cannot read English', undefined]]);
    expect(spans('language', 'SH: Somali; English as a second language (Somali primary).')).toEqual([
      ['English as a second language', undefined],
      ['Somali', undefined],
    ]);
    expect(spans('language', '52F Hispanic, bilingual (Spanish/English), BMI 31')).toEqual([['Spanish', 'spanish']]);
    expect(spans('language', 'SH: retired nurse; English; Medicare.')).toEqual([['English', 'english']]);
    expect(spans('language', 'TRIAGE: 60F, LEP — Russian interpreter used.')).toEqual([
      ['LEP', undefined],
      ['Russian', 'russian'],
    ]);
    expect(spans('language', 'The parents prefer Tagalog for teaching.')).toEqual([['Tagalog', 'tagalog']]);
  });

  it("leaves an adult's relative's language plain across a predicate, and a duration is no child's age", () => {
    expect(spans('language', 'An 88 yo man. His niece (HCP) lives in Lima and speaks only Spanish.')).toEqual([]);
    expect(spans('language', 'ID: 24 yo, M. Low mood x 6 wks. Father speaks only Farsi.')).toEqual([]);
    // The patient's own language after a relative in a place: the subject is the patient.
    expect(spans('language', 'A 70 yo woman. Lives with her son in Queens and speaks only Polish.')).toEqual([['Polish', undefined]]);
    // A child's caregiver's language is the child's (R10).
    expect(spans('language', 'A 6 wk old boy. Mother speaks only Dari.')).toEqual([['Dari', undefined]]);
  });

  it('reads languages of more peoples', () => {
    expect(spans('language', 'A 3-year-old boy; his parents speak only Kaqchikel.')).toEqual([['Kaqchikel', undefined]]);
    expect(spans('language', 'Pt: 71M, Uzbek interpreter present.')).toEqual([['Uzbek', undefined]]);
  });

  it('leaves plain: English fluency beside another language, a primary care school, a race item of a social history line', () => {
    expect(spans('language', 'She speaks Samoan at home, fluent in English.')).toEqual([['Samoan', undefined]]);
    expect(spans('language', 'He went to an English primary school.')).toEqual([]);
    expect(spans('language', 'SH: Korean; married.')).toEqual([]);
  });

  it('leaves plain: an English muffin, an interpreter naming no language, "only" that is no language need, LEP in prose', () => {
    expect(spans('language', 'She ate an English muffin; a telephone interpreter was used.')).toEqual([]);
    expect(spans('language', 'Spanish only recently became her second language at school.')).toEqual([]);
    expect(spans('language', 'The LEP program at her school helps her brother.')).toEqual([]);
  });

  it("leaves an adult's relative's language plain, and keys a child's caregiver's and the writer's relative's", () => {
    expect(spans('language', 'A 66-year-old man is seen with his wife, who speaks only Polish.')).toEqual([]);
    expect(spans('language', 'A 71-year-old woman; her son is Cantonese-speaking and translates.')).toEqual([]);
    expect(spans('language', 'A 52 yo M. His brother speaks Arabic at home.')).toEqual([]);
    expect(spans('language', 'A 2-year-old girl; her grandmother speaks only Russian.')).toEqual([['Russian', 'russian']]);
    expect(spans('language', 'Hi, my grandmother only speaks Vietnamese and has a cough.')).toEqual([['Vietnamese', 'vietnamese']]);
    expect(spans('language', 'A 38-year-old teacher who speaks only Spanish has a cough.')).toEqual([['Spanish', 'spanish']]);
  });
});

describe('templatize reads insurance in more forms', () => {
  it('reads private coverage named in prose: an insurer, a marketplace plan, a job through the writer or their spouse', () => {
    expect(spans('insurance', 'FYI my insurance is Cigna.')).toEqual([['insurance is Cigna', 'private']]);
    expect(spans('insurance', 'A 44-year-old man on an exchange plan has back pain.')).toEqual([['on an exchange plan', 'private']]);
    expect(spans('insurance', 'We have insurance through my wife’s job.')).toEqual([['have insurance through my wife’s job', 'private']]);
    expect(spans('insurance', 'Her high-deductible plan has not reset.')).toEqual([['high-deductible plan', 'private']]);
  });

  it('reads lost and lacking coverage, and finds coverage no level states so the case is left out with the reason', () => {
    expect(spans('insurance', 'im 22 and i dont have insurance.')).toEqual([['dont have insurance', 'uninsured']]);
    expect(spans('insurance', 'He aged off our insurance in May.')).toEqual([['aged off our insurance', 'uninsured']]);
    expect(spans('insurance', 'Pt: 81 yo F, dual eligible, CHF')).toEqual([['dual eligible', undefined]]);
    expect(spans('insurance', 'We have TRICARE through his unit.')).toEqual([['have TRICARE', undefined]]);
    expect(spans('insurance', 'Mr. Ota, 79; coverage Tricare for Life.')).toEqual([['coverage Tricare for Life', undefined]]);
    expect(spans('insurance', "The child's coverage is CHIP.")).toEqual([['coverage is CHIP', undefined]]);
  });

  it('reads state Medicaid programmes by their own names, in prose and in fields', () => {
    expect(spans('insurance', 'She is enrolled in Centennial Care.')).toEqual([['enrolled in Centennial Care', 'medicaid']]);
    expect(spans('insurance', 'Payer: NJ FamilyCare\nCC: cough')).toEqual([['NJ FamilyCare', 'medicaid']]);
  });

  it("reads coverage through a relative's plan, a job, a school or the marketplace, and an insurer named as a value", () => {
    expect(spans('insurance', "I'm 22 and on my mom's insurance (Cigna).")).toEqual([["on my mom's insurance (Cigna)", 'private']]);
    expect(spans('insurance', 'Pt on parents’ plan until 26.')).toEqual([['on parents’ plan', 'private']]);
    expect(spans('insurance', "She is on her father's Aetna plan.")).toEqual([["father's Aetna plan", 'private']]);
    expect(spans('insurance', "SH: teacher. Insured through wife's employer.")).toEqual([["Insured through wife's employer", 'private']]);
    expect(spans('insurance', 'SH: barber; Cigna through employer; married')).toEqual([['Cigna through employer', 'private']]);
    expect(spans('insurance', 'My coverage is through the university.')).toEqual([['coverage is through the university', 'private']]);
    expect(spans('insurance', 'I have Ambetter through the exchange.')).toEqual([['have Ambetter through the exchange', 'private']]);
    expect(spans('insurance', 'Her coverage (Humana) was billed.')).toEqual([['Humana', 'private']]);
    expect(spans('insurance', 'Na 131, K 4.1. Anthem PPO.\nPlan: fluids')).toEqual([['Anthem PPO', 'private']]);
    expect(spans('insurance', 'We have Kaiser. Should he come in?')).toEqual([['have Kaiser', 'private']]);
    expect(spans('insurance', '63M, private ins, c/o chest pain')).toEqual([['private ins', 'private']]);
    expect(spans('insurance', 'He has union health insurance.')).toEqual([['union health insurance', 'private']]);
    expect(spans('insurance', 'He has no personal health insurance.')).toEqual([['no personal health insurance', 'uninsured']]);
  });

  it('finds coverage of no level: dual eligibility, workers’ compensation, MinnesotaCare', () => {
    expect(spans('insurance', 'Widower. Dual eligible.')).toEqual([['Dual eligible', undefined]]);
    expect(spans('insurance', "Workers' comp covers the burn.")).toEqual([["Workers' comp", undefined]]);
    expect(spans('insurance', 'She is insured through MinnesotaCare.')).toEqual([['insured through MinnesotaCare', undefined]]);
  });

  it('reads more state Medicaid programmes and insurers', () => {
    expect(spans('insurance', 'She is covered by Cardinal Care.')).toEqual([['covered by Cardinal Care', 'medicaid']]);
    expect(spans('insurance', 'He has Highmark through his job.')).toEqual([['has Highmark', 'private']]);
  });

  it('leaves plain: an insurer as an employer or in prose, a Medicare-approved device', () => {
    expect(spans('insurance', 'A 40-year-old man who works at Aetna as an actuary.')).toEqual([]);
    expect(spans('insurance', 'She asked whether the Kaiser hospital is open.')).toEqual([]);
    expect(spans('insurance', 'A 70-year-old man is fitted with a Medicare-approved device.')).toEqual([]);
  });

  it('reads a second-person plan, an answer naming the job, a state programme or Tricare as a list item, and programmes of no level', () => {
    expect(spans('insurance', 'Dr: Are you still on your employer plan?')).toEqual([['on your employer plan', 'private']]);
    expect(spans('insurance', 'Dr: Any insurance?\nPt: Yes, through my union.')).toEqual([['through my union', 'private']]);
    expect(spans('insurance', 'Covered under our employer plan.')).toEqual([['Covered under our employer plan', 'private']]);
    expect(spans('insurance', '29F, Native Hawaiian, QUEST, rash.')).toEqual([['QUEST', 'medicaid']]);
    expect(spans('insurance', 'Mr. Ali, 50, Refugee Medical Assistance, cough.')).toEqual([['Refugee Medical Assistance', undefined]]);
    expect(spans('insurance', "I'm on Tricare through my mom.")).toEqual([['on Tricare through my mom', undefined]]);
    expect(spans('insurance', '34M, Tricare, back pain. CHIP coverage for his sister.')).toEqual([
      ['Tricare', undefined],
      ['CHIP coverage', undefined],
    ]);
  });

  it('leaves an insurance card, an adult’s clinical CHIP (a child’s is the programme), and a relative’s coverage with the verb first unslotted', () => {
    expect(spans('insurance', 'Found down. No ID, no insurance card.')).toEqual([]);
    expect(spans('insurance', 'PMH: CHIP, CAD, HTN.')).toEqual([]);
    expect(spans('insurance', 'Pharmacy: 4-year-old boy, otitis media, CHIP; mother asks about dosing.')).toEqual([['CHIP', undefined]]);
    expect(spans('insurance', 'A 40-year-old man. His wife, who is a teacher, has Tricare.')).toEqual([]);
    expect(spans('insurance', 'Hi, my 70 yo dad has Aetna.')).toEqual([['has Aetna', 'private']]);
  });

  it('leaves policy plain and lists another person’s coverage for review', () => {
    expect(spans('insurance', 'A Medicare-approved device was placed; the Medicaid expansion and Medicare guidelines apply.')).toEqual([]);
    expect(spans('ambiguous', 'A 6 yo M brought by his aunt (guardian), who is uninsured.').map(([s]) => s)).toEqual(['uninsured']);
    expect(spans('insurance', 'A 70-year-old man; his wife is on Medicaid.')).toEqual([]);
    expect(spans('insurance', 'A 61-year-old woman. Her brother, who lives nearby, is uninsured.')).toEqual([]);
    expect(spans('insurance', 'A 58-year-old man cares for his mother, who had a stroke and is on Medicare.')).toEqual([]);
    // The writer's relative and a relative named like a name are the patient (D4).
    expect(spans('insurance', 'Dad is on Medicare.')).toEqual([['on Medicare', 'medicare']]);
  });
});

describe('templatize reads ages and sex words in more forms', () => {
  const surfaces = (attribute: Attribute, text: string) => spans(attribute, text).map(([s]) => s);

  it('reads run-together and labelled ages and sex letters', () => {
    const text = 'Age/Sex: 64/M\nAge (yrs): 64   M/F: M';
    expect([surfaces('age', text), surfaces('sex', text)]).toEqual([
      ['64', '64'],
      ['M', 'M'],
    ]);
    expect([surfaces('age', 'Triage: 31yoM c/o flank pain'), surfaces('sex', 'Triage: 31yoM c/o flank pain')]).toEqual([['31yo'], ['M']]);
    expect([surfaces('age', 'Pt: 58y F, syncope'), surfaces('sex', 'Pt: 58y F, syncope')]).toEqual([['58y'], ['F']]);
    expect(surfaces('sex', '18-month-old M with croup')).toEqual(['M']);
    expect(surfaces('sex', 'Pt: M, 40s. Declined DOB.')).toEqual(['M']);
    expect(surfaces('sex', 'Pt ID: 77 y/o BM, smoker')).toEqual(['M']);
    expect(surfaces('age', 'Please see this lady of 71 with a tremor.')).toEqual(['of 71']);
    expect(surfaces('age', 'Baby girl Ortiz, 6 hours old, is jittery.')).toEqual(['6 hours old']);
  });

  it('reads "gent" as a sex word kept as written, and leaves plain what is no age or sex', () => {
    expect(
      detectMentions('A 67 yo gent with gout.')
        .filter((m) => m.attribute === 'sex')
        .map((m) => [m.surface, m.slot]),
    ).toEqual([['gent', undefined]]);
    expect(surfaces('sex', 'Temp 101 F, patient M. Jones seen; Gentamicin started.')).toEqual([]);
    expect(surfaces('age', 'A dose of 40 mg; a man of 40% body fat is no age.')).toEqual([]);
  });

  it('lists age bands, spouse nouns opening a sentence or written informally, and "trans" before a sex word', () => {
    expect(surfaces('ambiguous', 'A young man, an octogenarian woman; referred for advanced maternal age. Pt: M, 40s.')).toEqual([
      'young',
      'octogenarian',
      'advanced maternal age',
      '40s',
    ]);
    expect(surfaces('ambiguous', 'Pt is 60 yo F. Husband states she fell. my gf says hi.')).toEqual(['Husband', 'gf']);
    expect(surfaces('ambiguous', 'A 25yo trans woman on estradiol.')).toEqual(['trans']);
    // Near misses: "young" before no person, "Partner" alone, "trans fat".
    expect(surfaces('ambiguous', 'Onset at a young age. Partner states all is well. Avoid trans fats.')).toEqual([]);
  });

  it("tells a junior relative apart by the suffix, and leaves a roommate's parenthesis his", () => {
    const r = detectMentions('Mr. Diaz Sr., 84, has a cough. His son, Mr. Diaz Jr., asks about antibiotics.');
    expect(r.filter((m) => m.attribute === 'title' || m.attribute === 'age').map((m) => [m.surface, m.start])).toEqual([
      ['Mr.', 0],
      ['84', 14],
    ]);
    expect(surfaces('sex', 'Pt is a 90 yo F. Roommate in bed 3 (also a woman in her 90s) has C. diff.')).toEqual(['F']);
  });
});

describe('templatize reads plural speakers and languages of no level', () => {
  it("reads plural speakers and languages of no level (Irish, Q'eqchi')", () => {
    expect(spans('language', 'Newborn boy. Parents: Arabic speakers, need interpreter.')).toEqual([['Arabic', 'arabic']]);
    expect(spans('language', 'A 70-year-old man from Galway who speaks Irish at home.')).toEqual([['Irish', undefined]]);
    expect(spans('language', "A 22-year-old woman who speaks Q'eqchi' only.")).toEqual([["Q'eqchi'", undefined]]);
  });

  it('leaves a muffin, an adult patient’s relative’s language and an Irish ancestry plain (near misses)', () => {
    expect(spans('language', 'A 50-year-old woman ate an English muffin.')).toEqual([]);
    expect(spans('language', 'A 70-year-old man. His grandson, who speaks Irish, visits.')).toEqual([]);
    expect(spans('language', 'A 61-year-old man of Irish descent.')).toEqual([]);
  });
});

describe('templatize finds coverage outside the US and lists it, with no level of the insurance axis', () => {
  it('reads Irish cards, Canadian provincial plans, private cover with a named insurer and UK self-funded care', () => {
    expect(spans('insurance', 'A 70-year-old farmer from Cork has a full medical card and a chest infection.')).toEqual([
      ['has a full medical card', undefined],
    ]);
    expect(spans('insurance', 'A 31-year-old woman, insured under RAMQ, has a migraine.')).toEqual([['insured under RAMQ', undefined]]);
    expect(spans('insurance', 'A 58-year-old man in Darwin has private health cover with nib; he needs a hip replacement.')).toEqual([
      ['has private health cover with nib', undefined],
    ]);
    expect(spans('insurance', 'A 91-year-old resident, self-funding his own care, has a UTI.')).toEqual([
      ['self-funding his own care', undefined],
    ]);
  });

  it("leaves a lapsed card, a card as an object and another person's card as they are", () => {
    expect(spans('insurance', 'Her OHIP card expired last year; she is 40 with a cough.')).toEqual([]);
    expect(spans('insurance', 'He forgot his medical card at home.')).toEqual([]);
    expect(spans('ambiguous', 'A 7-year-old boy with otitis. His grandmother has a GP visit card.')).toEqual([
      ['has a GP visit card', undefined],
    ]);
  });
});

describe('templatize reads an ancestry joined to a nationality as one identity', () => {
  it('reads "British Pakistani", "Somali British", "Lebanese Australian", "Haitian Canadian" whole; and a problem list item or a social history sentence', () => {
    expect(spans('race', 'A 36-year-old British Pakistani woman has palpitations.')).toEqual([['British Pakistani', 'asian']]);
    expect(spans('race', 'A 19-year-old Somali British man has a cough.')).toEqual([['Somali British', 'black']]);
    expect(spans('race', 'A 48-year-old Lebanese Australian man has gout.')).toEqual([['Lebanese Australian', 'mena']]);
    expect(spans('race', 'She is Haitian Canadian and 27.')).toEqual([['Haitian Canadian', 'black']]);
    expect(spans('race', "Problems — Mr Sione Vea, 58\n- Tongan (from Nuku'alofa)\n- Gout")).toEqual([['Tongan', 'nhpi']]);
    expect(spans('race', 'He pays cash. Social history: Peruvian, a cook.')).toEqual([['Peruvian', 'hispanic']]);
    // Near misses: a place and a cuisine, and a list item that is not an identity.
    expect(spans('race', '- Chinese herbal tea daily\n- Nigerian trip in May')).toEqual([]);
    expect(spans('race', 'A 50-year-old man from British Columbia ate Indian food.')).toEqual([]);
  });
});
