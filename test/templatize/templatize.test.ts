import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageLevel, loadAxes } from '../../src/demographics/load.js';
import { renderText } from '../../src/template/render.js';
import { detectMentions } from '../../src/templatize/detect.js';
import { readCases } from '../../src/templatize/input.js';
import { templatizeCase } from '../../src/templatize/template.js';
import type { CaseRecord } from '../../src/templatize/types.js';
import type { Problem } from '../../src/util/problems.js';

const axes = loadAxes('demographics', []);
const axis = (id: string) => axes.find((a) => a.id === id)!;
const level = (axisId: string, id: string) => ({ axis: axis(axisId), level: axis(axisId).levels.find((l) => l.id === id)! });
const aCase = (text: string, extra: Partial<CaseRecord> = {}): CaseRecord => ({
  id: 'c1',
  text,
  question: 'What is the next step?',
  options: { A: 'Wait', B: 'Treat' },
  answer: 'B',
  file: 'bank.jsonl',
  line: 7,
  ...extra,
});
/** The case's template, failing the test (with what templatize said instead) when the case is left out. */
function templated(text: string) {
  const o = templatizeCase(aCase(text), axes);
  if (o.kind !== 'template') throw new Error(`left out, not templated: ${JSON.stringify(o)}`);
  return o;
}
const render = (text: string, values: ReturnType<typeof level>[], age?: number) =>
  renderText(text, {
    perspective: 'clinician',
    values: [...values, ...(age === undefined ? [] : [{ axis: axis('age'), level: ageLevel(age) }])],
    filler: {},
    silentAxes: [],
    cues: 'explicit',
  }).text;

describe('templatize', () => {
  it('slots nothing inside a clinical term', () => {
    const text =
      "A man-in-the-barrel syndrome, Parkinson's disease, Asian flu, Spanish flu, German measles, black stools, white blood cells, the Hispanic paradox, Down syndrome, a human bite, red man syndrome, stiff man syndrome and Manning's sign were discussed.";
    expect(detectMentions(text)).toEqual([]);
    const abbreviations =
      'Temperature 101 F (38.3 C), 98.6 F later; HE (hepatic encephalopathy), a bundle of His block, a His-Purkinje delay, HER2 and HER-2 positive.';
    expect(detectMentions(abbreviations)).toEqual([]);
    // A race word after a bare "is" states a race only when it ends the predicate.
    expect(detectMentions('The diagnosis is East African trypanosomiasis.')).toEqual([]);
    const stated = detectMentions('A 35-year-old man who is Black presents with dyspnoea. His father is Hispanic.');
    // The father's identity is his (R5), not the patient's.
    expect(stated.filter((m) => m.attribute === 'race').map((m) => m.surface)).toEqual(['Black']);
  });

  it('makes a template whose variants read right: articles, verbs and pronouns agree with each level', () => {
    const o = templated(
      'An 80-year-old Black woman on Medicaid presents with chest pain. She is diaphoretic. She reports that her pain began at rest.',
    );
    expect(o.template.text).toBe(
      '{{A}} {{age}}-year-old {{race_descriptor}} {{noun}} {{insurance_status}} presents with chest pain. {{They}} {{is}} diaphoretic. {{They}} report{{s}} that {{their}} pain began at rest.',
    );
    expect(o.own).toEqual({ sex: 'female', race: 'black', insurance: 'medicaid', age: 80 });
    expect(o.template.varies).toEqual(['gender-identity', 'insurance', 'race', 'sex']);
    expect(o.template.excluded).toEqual([{ axis: 'age', value: '80', reason: expect.stringMatching(/states this age/) }]);
    expect(render(o.template.text, [level('sex', 'male'), level('race', 'white'), level('insurance', 'uninsured')], 45)).toBe(
      'A 45-year-old White man uninsured presents with chest pain. He is diaphoretic. He reports that his pain began at rest.',
    );
    expect(
      render(o.template.text, [level('gender-identity', 'nonbinary'), level('race', 'asian'), level('insurance', 'private')], 80),
    ).toBe(
      'An 80-year-old Asian nonbinary person privately insured presents with chest pain. They are diaphoretic. They report that their pain began at rest.',
    );
  });

  it('renders "45 yo M" and titles back, and lists a pronoun of another person for review with file and line', () => {
    const o = templated('45 yo M with dyspnea. Mr. Diaz came with his wife; she said he snores.');
    expect(o.template.text).toBe(
      '{{age}} yo {{noun_letter}} with dyspnea. {{noun_title}} Diaz came with {{their}} wife; she said {{they}} snore{{s}}.',
    );
    expect(render(o.template.text, [level('sex', 'female')], 45)).toBe(
      '45 yo F with dyspnea. Ms. Diaz came with her wife; she said she snores.',
    );
    // The spouse is one span with the patient's possessive (R4); the wife's own "she", after her, is hers (R3).
    expect(o.review.map((r) => [r.file, r.line, r.surface])).toEqual([['bank.jsonl', 7, 'his wife']]);
    expect(o.review[0]!.reason).toMatch(/spouse or partner/);
  });

  it('reads EHR shorthand: ID lines, labelled fields, titles without stops and capitals', () => {
    const found = (text: string) => detectMentions(text).map((m) => [m.attribute, m.surface]);
    expect(found('HPI: 62F w/ PMH of RA. Temp 101 F, 98.6 F later.')).toEqual([
      ['age', '62'],
      ['sex', 'F'],
    ]);
    expect(found('ID: 46yo AA M, construction worker. Payer: Medicaid. Interpreter: Vietnamese')).toEqual([
      ['age', '46yo'],
      ['race', 'AA'],
      ['sex', 'M'],
      ['insurance', 'Medicaid'],
      ['language', 'Vietnamese'],
    ]);
    expect(found('Ms B, 29, Black British, presents. Mother (Ms. Reyes) asks. Severe MR and MS.')).toEqual([
      ['title', 'Ms'],
      ['age', '29'],
      ['race', 'Black British'],
    ]);
    expect(
      found('70 YO F W/ BLISTERS. HER BIOPSY SHOWS IGA.\nHER2 negative, HE (hepatic encephalopathy) resolved.').map(([a]) => a),
    ).toEqual(['age', 'sex', 'pronoun']);
  });

  it("takes a relation noun in a relative's voice as the patient, and pins sex since no slot renders it", () => {
    const o = templatizeCase(aCase("I'm calling about my dad. He's 77, and his speech is slurred. He is on Medicaid."), axes);
    expect(o.mentions.map((m) => [m.attribute, m.surface])).toEqual([
      ['sex', 'dad'],
      ['pronoun', 'He'],
      ['age', '77'],
      ['pronoun', 'his'],
      ['pronoun', 'He'],
      ['insurance', 'on Medicaid'],
    ]);
    expect(o.kind).toBe('template');
    if (o.kind !== 'template') return;
    expect(o.template.varies).toEqual(['insurance']);
    expect(o.template.excluded?.map((e) => [e.axis, e.value])).toEqual([
      ['age', '77'],
      ['sex', 'male'],
    ]);
    // Any relative of a stated sex, tied by an age in brackets or after a name, by "(pt" or by opening a message
    // written about them in the third person; not a family history in a patient's own message.
    const named = (text: string) => detectMentions(text).map((m) => [m.attribute, m.surface]);
    expect(named('Portal message:\nMy grandpa (91) fell today. He hit his head.')).toEqual([
      ['sex', 'grandpa'],
      ['age', '91'],
      ['pronoun', 'He'],
      ['pronoun', 'his'],
    ]);
    expect(named('My sister Ana is 52 and she has a rash.')).toEqual([
      ['sex', 'sister'],
      ['age', '52'],
      ['pronoun', 'she'],
    ]);
    expect(named('Caller: daughter. States her father (pt, 80 yo) fell.').slice(0, 2)).toEqual([
      ['sex', 'father'],
      ['age', '80 yo'],
    ]);
    expect(named('Hello, my husband has chest pain. He is sweaty.')[0]).toEqual(['sex', 'husband']);
    expect(named('My mother had breast cancer. She died at 50. Should I be screened?')[0]).toEqual(['pronoun', 'She']);
    expect(named('Mother calling about her 9 yo son, who wheezes.').slice(0, 2)).toEqual([
      ['age', '9 yo'],
      ['sex', 'son'],
    ]);
    // A patient's own age and sex letter, an age opening obstetric shorthand, "Pt is 83", a letter after an age band.
    expect(named("I'm 52 (M) and my chest hurts.")).toEqual([
      ['age', '52'],
      ['sex', 'M'],
    ]);
    expect(named('L&D: 31 G2P1 at 38 weeks. Pt is 31, in labor. Pt is an elderly F, a 4-mo-old boy').map(([, s]) => s)).toEqual([
      '31',
      '31',
      'elderly',
      'F',
      '4-mo-old',
      'boy',
    ]);
    // "her 70-year-old mother" is the patient's mother, not a caller's child.
    expect(detectMentions('A 45-year-old woman with her 70-year-old mother.').map((m) => m.surface)).toEqual([
      '45-year-old',
      'woman',
      'her',
      '70-year-old',
    ]);
  });

  it("a pronoun after a relative of the patient's sex is listed, not guessed", () => {
    const o = templated('A 6-year-old girl is brought by her mother. She says she has had a fever.');
    expect(o.template.text).toBe('{{A}} {{age}}-year-old {{child_noun}} is brought by {{their}} mother. She says she has had a fever.');
    expect(o.review.filter((r) => /may refer to the patient or to the "mother"/.test(r.reason)).map((r) => r.surface)).toEqual([
      'She',
      'she',
    ]);
  });

  it('takes a pronoun tied to the patient by an examination finding, or opening a new section of a note, as the patient', () => {
    const o = templated(
      'A 70-year-old woman is brought by her daughter because she has had a fever. She is febrile to 39 C. Her temperature was 38 at home, her daughter says, and she is worried.\nSH: she smokes.',
    );
    expect(o.template.text).toBe(
      '{{A}} {{age}}-year-old {{noun}} is brought by {{their}} daughter because she has had a fever. {{They}} {{is}} febrile to 39 C. {{Their}} temperature was 38 at home, {{their}} daughter says, and she is worried.{{br}}\nSH: {{they}} smoke{{s}}.',
    );
    // In the relative's report, or where nothing ties it to the patient, a pronoun stays listed, never guessed.
    expect(o.review.filter((r) => /may refer to the patient or to the "daughter"/.test(r.reason)).map((r) => r.at)).toEqual([
      o.case.text.indexOf('she has'),
      o.case.text.indexOf('she is worried'),
    ]);
    // A sign found on examination, after a relative's quoted words have ended their sentence.
    const sign = templatizeCase(
      aCase("Daughter states that her mother, 79, 'just isn't eating.' Pt lost 6 kg. She has a hard node."),
      axes,
    );
    expect(sign.mentions.filter((m) => m.attribute === 'pronoun').map((m) => m.surface)).toEqual(['She']);
    // A relative's history is not an examination: "She died" may be the mother's.
    const history = templatizeCase(aCase('A 45-year-old woman. Her mother had breast cancer at 40. She died at 45.'), axes);
    expect(history.review.map((r) => r.surface)).toEqual(['She']);
  });

  it('reads pronouns in capitals in a sentence mostly in capitals, keeping them and pinning sex; "HE" in lowercase prose is a diagnosis', () => {
    const o = templatizeCase(aCase('70 YO F W/ BLISTERS. HER BIOPSY SHOWS LINEAR IgG AT THE BASEMENT MEMBRANE. She is on Medicaid.'), axes);
    expect(o.mentions.filter((m) => m.attribute === 'pronoun').map((m) => [m.surface, m.slot])).toEqual([
      ['HER', undefined],
      ['She', '{{They}}'],
    ]);
    expect(o.kind === 'template' && o.template.excluded?.find((e) => e.axis === 'sex')?.reason).toMatch(/"HER" states the patient's sex/);
    expect(detectMentions('A 50-year-old man with cirrhosis and HE.').map((m) => m.surface)).toEqual(['50-year-old', 'man']);
  });

  it("takes the child a caregiver brings as the patient, and the caregiver's words as theirs", () => {
    const o = templatizeCase(
      aCase('A 34-year-old woman brings her 2-year-old son, who has a fever. He is on Medicaid. She is worried.'),
      axes,
    );
    expect(o.mentions.map((m) => [m.attribute, m.surface])).toEqual([
      ['age', '2-year-old'],
      ['sex', 'son'],
      ['pronoun', 'He'],
      ['insurance', 'on Medicaid'],
    ]);
    expect(o.kind === 'template' && o.template.excluded?.map((e) => [e.axis, e.value])).toEqual([
      ['age', '2'],
      ['sex', 'male'],
    ]);
    // Without an age the woman who brings someone is the patient; "brought her son" is her possessive, not an object.
    const own = templatizeCase(aCase('A 30-year-old woman brought her son to the visit. She has a cough.'), axes);
    expect(own.kind === 'template' && own.template.text).toBe(
      '{{A}} {{age}}-year-old {{noun}} brought {{their}} son to the visit. {{They}} {{has}} a cough.',
    );
  });

  it('reads phrases across a wrapped line, writing the line break back where a slot can', () => {
    const text = 'A 45-year-old woman is on\nMedicaid. She\nreports pain and her\nhusband is worried.\nPayer: Medicaid\nHPI: seen today.';
    const o = templated(text);
    // "on\nMedicaid" has no slot that writes the break back: kept as written, insurance pinned at the level stated.
    expect(o.template.text).toBe(
      '{{A}} {{age}}-year-old {{noun}} is on{{br}}\nMedicaid. {{They}}{{br}}\nreport{{s}} pain and {{their}}{{br}}\nhusband is worried.{{br}}\nPayer: Medicaid{{br}}\nHPI: seen today.',
    );
    expect(o.template.excluded?.find((e) => e.axis === 'insurance')?.value).toBe('medicaid');
    expect(render(o.template.text, [level('sex', 'female'), level('insurance', 'medicaid')], 45)).toBe(text);
    // A field line is not joined to the next: its value ends at the line break.
    expect(detectMentions('Payer: Medicaid\nAdvised ED evaluation.').map((m) => m.surface)).toEqual(['Medicaid']);
  });

  it("takes the patient's sex from a pronoun that is not right after someone of its sex", () => {
    const o = templatizeCase(aCase("The patient's wife reports she found him confused. He is 70. His INR is 4.5."), axes);
    expect(o.kind === 'template' && o.template.text).toBe(
      "The patient's wife reports she found {{them}} confused. {{They}} {{is}} {{age}}. {{Their}} INR is 4.5.",
    );
  });

  it('writes an age spelled out with {{age_words}}', () => {
    const o = templatizeCase(aCase('A forty-two-year-old woman has pain. Sixty-year-old mother at home.'), axes);
    expect(o.kind === 'template' && o.template.text).toBe('{{A}} {{age_words}}-year-old {{noun}} has pain. Sixty-year-old mother at home.');
  });

  it('leaves a reporter\'s own pronoun alone (she does not see herself), and reads "found her unresponsive" as an object', () => {
    const o = templatizeCase(
      aCase('A 45-year-old woman with chest pain. The cardiologist says she will see her tomorrow. The paramedic found her unresponsive.'),
      axes,
    );
    expect(o.kind === 'template' && o.template.text).toBe(
      '{{A}} {{age}}-year-old {{noun}} with chest pain. The cardiologist says she will see {{them}} tomorrow. The paramedic found {{them}} unresponsive.',
    );
    // D5: "she found him", "he has seen" are the reporter's; nothing is left to review.
    expect(o.review).toEqual([]);
  });

  it('pins sex at an informal sex word no level writes ("guy")', () => {
    const o = templatizeCase(aCase('A 30-year-old guy with back pain. He is on Medicaid.'), axes);
    expect(o.kind === 'template' && o.template.excluded?.find((e) => e.axis === 'sex')?.reason).toMatch(/"guy" states the patient's sex/);
  });

  it('writes a pronoun list as the forms it lists', () => {
    const o = templatizeCase(aCase('Pronouns: she/her/hers\nAge: 34\nHPI: She reports headache.'), axes);
    expect(o.kind === 'template' && o.template.text).toBe(
      'Pronouns: {{they}}/{{them}}/{{theirs}}{{br}}\nAge: {{age}}{{br}}\nHPI: {{They}} report{{s}} headache.',
    );
  });

  it("slots the object of a relative's own clause as the patient's, even with the same relative named a sentence before", () => {
    const o = templated('A 72-year-old man lives with his son. His son helps him with meals. He is afebrile.');
    expect(o.template.text).toBe(
      '{{A}} {{age}}-year-old {{noun}} lives with {{their}} son. {{Their}} son helps {{them}} with meals. {{They}} {{is}} afebrile.',
    );
    expect(o.review).toEqual([]);
  });

  it("takes a parent's child with the age in brackets or after 'age' as the patient, whose pronouns are slotted", () => {
    for (const text of [
      'My daughter (7) has had a cough for a week. She coughs at night. Her inhaler does not help.',
      'Message from parent: our son, age 5, fell off his bike. He hit his head.',
    ]) {
      const o = templatizeCase(aCase(text), axes);
      expect(o.mentions.filter((m) => m.attribute === 'sex').map((m) => m.surface)).toEqual([/daughter|son/.exec(text)![0]]);
      expect(o.mentions.filter((m) => m.attribute === 'ambiguous')).toEqual([]);
      expect(o.mentions.filter((m) => m.attribute === 'pronoun').every((m) => m.slot !== undefined)).toBe(true);
      // The relation noun pins sex, and nothing else varies: left out rather than a template whose "daughter" has "his".
      expect(o.kind).toBe('rejected');
    }
  });

  it('slots a pronoun after the patient is named again between it and a relative of the same sex', () => {
    const o = templated('A 12-year-old boy is brought by his father. The boy says his chest hurts when he runs.');
    expect(o.template.text).toBe(
      '{{A}} {{age}}-year-old {{child_noun}} is brought by {{their}} father. The {{child_noun}} says {{their}} chest hurts when {{they}} run{{s}}.',
    );
  });

  it('reads a language named as a first language or native tongue, the language of an interview, and one beside a lack of English', () => {
    const found = (text: string) =>
      detectMentions(text)
        .filter((m) => m.attribute === 'language' || m.attribute === 'race')
        .map((m) => [m.attribute, m.surface]);
    // "is Vietnamese" after "first language" is the language, not an identity.
    expect(found('The patient, whose first language is Vietnamese, presents.')).toEqual([['language', 'Vietnamese']]);
    expect(found('Her native tongue is Tagalog. She was interviewed in Portuguese.')).toEqual([
      ['language', 'Tagalog'],
      ['language', 'Portuguese'],
    ]);
    // Not "English" as the language spoken: it is the one lacking.
    expect(found('Non-English speaking (Amharic).')).toEqual([
      ['language', 'Non-English speaking'],
      ['language', 'Amharic'],
    ]);
  });

  it('lists for review an ancestry that a screening before a drug about to start leans on (R8), and slots it otherwise', () => {
    const read = (text: string) =>
      detectMentions(text).flatMap((m) => (m.attribute === 'race' || m.attribute === 'ambiguous' ? [[m.attribute, m.surface]] : []));
    expect(read('A 30-year-old man of East Asian ancestry is started on carbamazepine.')).toEqual([['ambiguous', 'East Asian']]);
    expect(read('A 40-year-old African American man with malaria is to start primaquine.')).toEqual([['ambiguous', 'African American']]);
    // A drug already taken screens nothing; an HLA-B*15:02 drug says nothing of a White patient's ancestry.
    expect(read('57 y/o F non-Hispanic Black. Current meds: amlodipine 10 mg, allopurinol 100 mg')).toEqual([
      ['race', 'non-Hispanic Black'],
    ]);
    expect(read('A 50-year-old White man is started on phenytoin.')).toEqual([['race', 'White']]);
    expect(read('A 45-year-old woman of Korean ancestry has a cough.')).toEqual([['race', 'Korean']]);
  });

  it("reads race restated in a parenthesis, after a run-together age and sex, a child's parents' and '<origin> American' as one span; not another person's", () => {
    const race = (text: string) =>
      detectMentions(text)
        .filter((m) => m.attribute === 'race')
        .map((m) => [m.surface, m.stated?.level]);
    expect(race('50 yo M, Pacific Islander (Samoan), here for diabetes f/u.')).toEqual([
      ['Pacific Islander', 'nhpi'],
      ['Samoan', 'nhpi'],
    ]);
    expect(race('38F AA presents with cough.')).toEqual([['AA', 'black']]);
    expect(race('A 6-week-old girl is brought in. Her parents are Hmong and speak Hmong.')).toEqual([['Hmong', 'asian']]);
    expect(race('She is Ghanaian American and was visiting her grandmother.')).toEqual([['Ghanaian American', 'black']]);
    expect(race('A 30-year-old man. The grandmother, who is Black, helps; her husband is Hispanic.')).toEqual([]);
    expect(race('A 45-year-old nurse, who is Black, presents with a cough.')).toEqual([['Black', 'black']]);
  });

  it('reads a race term opening a parenthesis after the person, "of African descent", and language fields written with a dash or in a parenthesis', () => {
    const found = (text: string) =>
      detectMentions(text)
        .filter((m) => m.attribute === 'race' || m.attribute === 'language')
        .map((m) => [m.attribute, m.surface, m.stated?.level]);
    expect(found('A 44-year-old man (Black) has cough. Mr. Ruiz (58, Hispanic) has none.')).toEqual([
      ['race', 'Black', 'black'],
      ['race', 'Hispanic', 'hispanic'],
    ]);
    expect(found('Preferred language - Mandarin. Referred by Dr. Black (cardiology). Bed 12 (White team).')).toEqual([
      ['language', 'Mandarin', 'mandarin'],
    ]);
    expect(found('A woman (interpreter: Russian). Interpreter Needed: Yes - Spanish.')).toEqual([
      ['language', 'Russian', 'russian'],
      ['language', 'Spanish', 'spanish'],
    ]);
    expect(found('A man of African descent; a South African woman; an Indigenous man. African trypanosomiasis.')).toEqual([
      ['race', 'African', 'black'],
      ['race', 'South African', undefined],
      ['race', 'Indigenous', undefined],
    ]);
  });

  it('finds race, insurance and language in administrative lines and other phrasings, and leaves out what no level states', () => {
    const found = (text: string) => detectMentions(text).map((m) => [m.attribute, m.surface, m.stated?.level]);
    expect(found('Race/Ethnicity: Black. Ethnicity: Not Hispanic or Latino. 45 yo AA male.')).toEqual([
      ['race', 'Black', 'black'],
      ['age', '45 yo', undefined],
      ['race', 'AA', 'black'],
      ['sex', 'male', undefined],
    ]);
    expect(found('Payor: BCBS PPO. Ins: MassHealth. He pays out of pocket.').filter((m) => m[0] === 'insurance')).toEqual([
      ['insurance', 'BCBS PPO', 'private'],
      ['insurance', 'MassHealth', 'medicaid'],
      ['insurance', 'pays out of pocket', 'uninsured'],
    ]);
    // In the voice of the patient or a parent, and coverage of no level (CHIP, Tricare, IHS) found so the case is left out.
    const insurance = (text: string) => found(text).flatMap((m) => (m[0] === 'insurance' ? [[m[1], m[2]]] : []));
    expect(insurance("SH: Uninsured. We don't have insurance. I lost my insurance. She is on our insurance. Coverage: MediCal")).toEqual([
      ['Uninsured', 'uninsured'],
      ["don't have insurance", 'uninsured'],
      ['insurance', 'uninsured'],
      ['on our insurance', 'private'],
      ['MediCal', 'medicaid'],
    ]);
    expect(insurance('He has CHIP. She is on our Tricare. I get my care through Indian Health Service. IHS-eligible.')).toEqual([
      ['has CHIP', undefined],
      ['on our Tricare', undefined],
      ['get my care through Indian Health Service', undefined],
      ['IHS-eligible', undefined],
    ]);
    expect(found('History obtained in Spanish. REQUIRES SOMALI INTERPRETER. Interpreter needed: Y (Arabic).')).toEqual([
      ['language', 'Spanish', 'spanish'],
      ['language', 'SOMALI', undefined],
      ['language', 'Arabic', 'arabic'],
    ]);
    const reason = (text: string) => {
      const o = templatizeCase(aCase(text), axes);
      return o.kind === 'rejected' ? o.reason : 'accepted';
    };
    expect(reason('A 30-year-old man has Tricare. He has gout.')).toMatch(/"has Tricare" states the patient's insurance but no level/);
    expect(reason('A 52-year-old Aboriginal man has oedema.')).toMatch(/"Aboriginal" is no level of the race axis/);
  });

  it("keeps the patient's possessive out of an insurance phrase, so it varies with sex", () => {
    const text = (t: string) => {
      const o = templatizeCase(aCase(t), axes);
      return o.kind === 'template' ? o.template.text : o.reason;
    };
    expect(text('A 40-year-old man who lost his insurance has a cough.')).toBe(
      '{{A}} {{age}}-year-old {{noun}} who lost {{their}} insurance has a cough.',
    );
    expect(text('A 40-year-old man with insurance through his employer has a cough.')).toBe(
      '{{A}} {{age}}-year-old {{noun}} with insurance through {{their}} employer has a cough.',
    );
  });

  it('pins an axis stated in words no level renders, keeping them, and says so', () => {
    const o = templated('A 52-year-old African American man speaks only Spanish and is seen with an interpreter.');
    expect(o.template.text).toBe('{{A}} {{age}}-year-old African American {{noun}} speaks only Spanish and is seen with an interpreter.');
    expect(o.template.excluded?.map((e) => [e.axis, e.value])).toEqual([
      ['age', '52'],
      ['race', 'black'],
      ['language', 'spanish'],
    ]);
    // The interpreter names no language, so it is no span of its own (R10); it is why the language is pinned.
    expect(o.review.map((r) => r.surface)).toEqual(['African American', 'Spanish']);
    expect(o.template.excluded?.find((e) => e.axis === 'language')?.reason).toMatch(/mentions an interpreter/);
  });

  it('reads the forms real banks use, and pins a word whose slot would not fit its place', () => {
    const o = templated('An uninsured 45 y.o. female, Ms. Ruiz, with a 20-year history of smoking. She is 45 years of age.');
    expect(o.template.text).toBe(
      'An uninsured {{age}} y.o. {{noun_adjective}}, {{noun_title}} Ruiz, with a 20-year history of smoking. {{They}} {{is}} {{age}} years of age.',
    );
    expect(o.template.excluded?.map((e) => [e.axis, e.value])).toEqual([
      ['age', '45'],
      ['insurance', 'uninsured'],
    ]);
    expect(o.review.map((r) => r.reason)).toEqual([expect.stringMatching(/insurance pinned at uninsured.*stands before a noun/)]);
  });

  it("pins sex at the case's own when a term is specific to one sex, and lists why", () => {
    const o = templated('A 30-year-old Hispanic woman at 12 weeks of gestation has nausea. She is on Medicaid.');
    expect(o.template.varies).toEqual(['insurance', 'race']);
    expect(o.template.excluded?.map((e) => [e.axis, e.value])).toEqual([
      ['age', '30'],
      ['sex', 'female'],
    ]);
    expect(o.review.map((r) => [r.surface, r.reason])).toEqual([
      ['gestation', expect.stringMatching(/^sex pinned at female: "gestation" is specific to one sex/)],
    ]);
  });

  it('keeps the line breaks of a note written line by line, so its template renders it back byte for byte', () => {
    const text = 'ID: 40 y/o M\nHPI: He has a cough.\nSH: smokes; his wife quit.\n\nA/P: CXR.';
    const o = templated(text);
    expect(o.template.text).toBe(
      'ID: {{age}} y/o {{noun_letter}}{{br}}\nHPI: {{They}} {{has}} a cough.{{br}}\nSH: smokes; {{their}} wife quit.\n\nA/P: CXR.',
    );
    expect(render(o.template.text, [level('sex', 'male')], 40)).toBe(text);
    expect(render(o.template.text, [level('sex', 'female')], 40)).toBe(
      'ID: 40 y/o F\nHPI: She has a cough.\nSH: smokes; her wife quit.\n\nA/P: CXR.',
    );
  });

  it('leaves out, with the reason, what cannot be templated', () => {
    const reason = (c: CaseRecord) => {
      const o = templatizeCase(c, axes);
      return o.kind === 'rejected' ? o.reason : 'accepted';
    };
    expect(reason(aCase('A 40-year-old man is seen through an interpreter.'))).toMatch(
      /"interpreter" states the patient's language but no level/,
    );
    expect(reason(aCase('A 40-year-old man has a cough.', { question: 'What should he take?' }))).toMatch(/question says "he"/);
    // The renderer collapses runs of spaces and keeps only line breaks it is told to ({{br}}, blank lines).
    expect(reason(aCase('Sex: M   Age: 40\nHe has a cough.'))).toMatch(/normalises whitespace.*at character 7;/);
    expect(reason(aCase('A 40-year-old man has a cough. \nHe smokes.'))).toMatch(/normalises whitespace/);
    expect(reason(aCase('A 40-year-old patient has a cough.'))).toMatch(/nothing to template/);
    expect(reason(aCase('A 40-year-old man on Medicaid, formerly uninsured, has a cough.'))).toMatch(/more than one insurance level/);
  });

  it('reads JSONL and CSV cases, and names file, line and field of every bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templatize-input-'));
    const jsonl = join(dir, 'bank.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ id: 'a', text: 'A 30-year-old man.', question: 'Q?', options: { A: 'x', B: 'y' }, answer: 'A' }),
        '',
        '{not json',
        JSON.stringify({ id: 'b', text: 'A 30-year-old man.', question: 'Q?', options: { A: 'x', B: 'y' }, answer: 'E' }),
        JSON.stringify({ id: 'c', question: 'Q?', answer: 'maybe' }),
      ].join('\n'),
    );
    const problems: Problem[] = [];
    readCases(jsonl, problems);
    expect(problems.map((p) => [p.line, p.field ?? ''])).toEqual([
      [3, ''],
      [4, 'answer'],
      [5, 'text'],
      [5, 'answer'],
    ]);
    expect(problems.every((p) => p.file === jsonl)).toBe(true);
    const csv = join(dir, 'bank.csv');
    writeFileSync(csv, 'id,text,question,option_a,option_b,answer\nk1,"A 30-year-old woman, pale.",Next?,Wait,Treat,B\n');
    const ok: Problem[] = [];
    expect(readCases(csv, ok)).toEqual([
      {
        id: 'k1',
        text: 'A 30-year-old woman, pale.',
        question: 'Next?',
        options: { A: 'Wait', B: 'Treat' },
        answer: 'B',
        file: csv,
        line: 2,
      },
    ]);
    expect(ok).toEqual([]);
  });
});
