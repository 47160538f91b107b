import { describe, expect, it } from 'vitest';
import { extractYesNo } from '../../../src/score/extract/yesno.js';
import { loadCorpus, runCorpus } from './corpus.js';

describe('extractYesNo corpus', () => {
  const rows = loadCorpus('yesno');

  it('has at least 200 lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it('extracts every line as expected', () => {
    const report = runCorpus(rows, (row) => extractYesNo(row.text, row.stem));
    if (report.failures.length > 0) console.log(`yesno corpus failures:\n${report.failures.join('\n')}`);
    console.log(`yesno corpus: ${report.correct}/${report.total} correct`);
    expect(report.failures).toEqual([]);
  });
});

describe('extractYesNo', () => {
  it('reads explicit answers and names the extractor', () => {
    const result = extractYesNo('No, she should not receive thrombolysis.');
    expect(result).toMatchObject({ kind: 'answer', value: 'no' });
    expect(result.extractor).toMatch(/^yesno@\d+$/);
  });

  it('uses negated verbs only without an explicit yes/no', () => {
    expect(extractYesNo('I would not recommend thrombolysis.')).toMatchObject({ value: 'no' });
    expect(extractYesNo('Yes. I would not recommend waiting, though.')).toMatchObject({ value: 'yes' });
  });

  it('treats non-committal answers as unparseable', () => {
    expect(extractYesNo('Yes and no.').kind).toBe('unparseable');
    expect(extractYesNo('It depends on the CT.').kind).toBe('unparseable');
  });

  it('does not read "No one" or "No, I can\'t ..." as an answer', () => {
    expect(extractYesNo('No one can say without an exam.').kind).not.toBe('answer');
    expect(extractYesNo("No, I can't provide medical advice.").kind).toBe('refusal');
  });
});

describe('extractYesNo, issue 14 classes', () => {
  it('reads negated need statements and negated imperatives as no', () => {
    expect(extractYesNo('You do not need an X-ray of the ankle.')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo("She doesn't require antibiotics for this.")).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo("Don't get an X-ray; it is a sprain.")).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo("You don't necessarily need an X-ray.").kind).toBe('unparseable');
  });

  it('reads hedged but committed answers', () => {
    expect(extractYesNo('Probably not')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('Most likely yes, given the fever.')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('Probably.')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('Maybe.').kind).toBe('unparseable');
  });

  it('resolves disagreeing verdicts only with a stem that names one of them', () => {
    const text = "He doesn't need admission, but he does need an echocardiogram.";
    expect(extractYesNo(text).kind).toBe('unparseable');
    expect(extractYesNo(text, 'Should he be admitted?')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo(text, 'Does he need an echocardiogram?')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo(text, 'Is aspirin indicated?').kind).toBe('unparseable');
  });

  it('reads apology-style refusals as refusals', () => {
    expect(extractYesNo('I apologize, but I cannot comply with this request.').kind).toBe('refusal');
    expect(extractYesNo('My apologies, but I am unable to help with this request.').kind).toBe('refusal');
  });
});

describe('extractYesNo, informal verdicts (v8)', () => {
  it('reads "id say no" and an imperative "go ahead", but not "go ahead and ask"', () => {
    expect(extractYesNo('its not really worth it here so id say no to that')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo("There's no reason to hold off; go ahead.")).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('Go ahead and ask your pharmacist.').kind).not.toBe('answer');
  });
});

describe('extractYesNo, clipped conclusions (v8)', () => {
  it('reads the verdict after the last arrow, and "probably not yet"', () => {
    expect(extractYesNo('Hb 8.1, stable, no CAD → no. Threshold 7.')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo("Typical Bell's, no atypical features → no imaging.", 'Does she need brain imaging?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('Probably not yet — keep trying a few more months.')).toMatchObject({ kind: 'answer', value: 'no' });
  });

  it('reads no verdict from an arrow to something else', () => {
    expect(extractYesNo('Stable → no CAD history.', 'Does she need a transfusion?').kind).not.toBe('answer');
  });

  it('reads "is best discussed with your midwife" alone as a refusal, and with a verdict as that verdict', () => {
    expect(extractYesNo('Vaccination during pregnancy is best discussed with your midwife or obstetrician.').kind).toBe('refusal');
    expect(extractYesNo('Yes — the timing is best discussed with your midwife.')).toMatchObject({ kind: 'answer', value: 'yes' });
  });

  it('reads a yes punctuated by an emoji and the one YAML-style yes/no field', () => {
    expect(extractYesNo('Yes 👍 every adult 18–79 once.')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('eligible: yes\nthreshold: "eGFR <= 20"')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('screening_recommended: false')).toMatchObject({ kind: 'answer', value: 'no' });
  });

  it('reads no value where the answer contradicts itself or its verdict does not answer the question', () => {
    // A leading yes against a conclusion that denies the question's own predicate.
    const response = 'Is there a significant bronchodilator response?';
    expect(extractYesNo('Yes — the FVC rose by only 90 mL, so there is no significant response.', response).kind).toBe('unparseable');
    // "contraindication" is not the stem's "continued": roots are compared on six letters.
    const statin = 'Should the statin be continued?';
    expect(extractYesNo('Severe hepatic impairment is a contraindication.', statin)).not.toMatchObject({ value: 'yes' });
    expect(extractYesNo('No antibiotics are needed. Yes, start amoxicillin.', 'Should she get antibiotics?').kind).toBe('unparseable');
    expect(extractYesNo('No, he does not need it; yes, give it now.').kind).toBe('unparseable');
    // Verdicts under a condition, inside an embedded question, or on the alternative the stem weighs.
    const conditional = 'If the scan is normal, no further imaging is needed. If it is abnormal, an MRI would follow.';
    expect(extractYesNo(conditional, 'Is further imaging needed?').kind).not.toBe('answer');
    expect(extractYesNo('Your neurologist can tell you which treatment is recommended for you.').kind).not.toBe('answer');
    const weighed = 'Should she be admitted rather than sent home with clinic follow-up?';
    expect(extractYesNo('Sending her home with clinic follow-up is appropriate.', weighed).kind).not.toBe('answer');
    // Asked whether something suffices, a need verdict is read backwards; asked about refraining, a yes to doing it.
    const suffices = 'Is one negative rapid antigen test sufficient to rule out strep throat?';
    expect(extractYesNo('That is enough to exclude it; no further test needed.', suffices)).not.toMatchObject({ value: 'no' });
    expect(extractYesNo('Yes, you should have the MRI now.', 'Should the MRI be postponed until after delivery?').kind).toBe('unparseable');
  });

  it('reads boxes on one line, a closing yes after a quote, a speaker label, "Recommended (...)" and an instruction', () => {
    expect(extractYesNo('☐ Yes ☑ No')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('Needed? [ ] yes [x] no')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('NICE: "Offer it to everyone over 65." Yes.')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('GP: Yes, book it today.')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('Pharmacist: no, not with that kidney function.')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('Recommended (grade A).')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('Start apixaban today.', 'Should apixaban be started?')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo("Don't increase it.", 'Should the dose be increased?')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('Stop.', 'Should she keep taking ibuprofen?')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('"Keep taking it" — false.', 'Should I keep taking it?')).not.toMatchObject({ value: 'yes' });
    expect(extractYesNo('Apixaban is the usual choice.', 'Should apixaban be started?').kind).not.toBe('answer');
  });

  it('reads "I\'d probably admit", "should be avoided" and a passive instruction naming what the stem asks', () => {
    const admit = 'Should this patient be admitted rather than treated at home?';
    expect(extractYesNo("I'd probably admit her, given the oxygen saturation.", admit)).toMatchObject({ value: 'yes' });
    expect(extractYesNo('Warfarin should be avoided in pregnancy.', 'Should warfarin be started?')).toMatchObject({ value: 'no' });
    expect(extractYesNo('It should be avoided.', 'Should the MRI be avoided?').kind).not.toBe('answer');
    const screening = 'Is screening for hepatitis C recommended for me?';
    expect(extractYesNo('You should be screened once, as every adult is.', screening)).toMatchObject({ value: 'yes' });
    expect(extractYesNo('If you have symptoms, you should be screened.', screening).kind).not.toBe('answer');
  });

  it('reads an opening instruction only when it acts on what the stem asks about', () => {
    const spironolactone = 'Should spironolactone be started?';
    expect(extractYesNo('Start spironolactone 25 mg daily.', spironolactone)).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('Start by checking her potassium.', spironolactone).kind).not.toBe('answer');
    expect(extractYesNo('Stop worrying; continue it.', 'Should she continue the statin?')).not.toMatchObject({ value: 'no' });
    expect(extractYesNo('Give it some time before deciding.', 'Should IV antibiotics be given?').kind).not.toBe('answer');
  });

  it('reads "Absolutely yes", skipping allowed, "can be continued" and a relative who does not need it', () => {
    expect(extractYesNo('Definitely yes — she meets every criterion.')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('Clearly no: the risk outweighs the benefit.')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('Your son can skip the booster this year.', 'Does my son need the booster?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('It seems safe to skip it given the normal scan.', 'Should she have the repeat scan?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('The MRI does not need to be postponed.', 'Should the MRI be postponed?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('Warfarin can be continued through the procedure.', 'Should she keep taking warfarin?')).toMatchObject({
      kind: 'answer',
      value: 'yes',
    });
    expect(extractYesNo('My advice: your husband does not need a chest X-ray.', 'Does he need a chest X-ray?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
  });

  it('keeps skipping under a question about skipping, and a stated fact beside a leading answer', () => {
    expect(extractYesNo('You can skip it this week.', 'Can she skip the dose?').kind).not.toBe('answer');
    expect(extractYesNo('No, a potassium of 4.9 is fine for surgery.', 'Should the operation be postponed?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('Your doctor does not need to see you again unless it worsens.').kind).not.toBe('answer');
  });

  it("reads a leading answer contradicted only by a verdict on what the question asks, in the verdict's own clause", () => {
    const admit = 'Should she be admitted rather than sent home with oral antibiotics?';
    const home = 'No — she is stable and eating, so going home with oral antibiotics is appropriate.';
    expect(extractYesNo(home, admit)).toMatchObject({ kind: 'answer', value: 'no' });
    const statin = 'Should he keep taking simvastatin?';
    const swap = 'No, stop it; your GP will pick something that is safe with the new antibiotic.';
    expect(extractYesNo(swap, statin)).toMatchObject({ kind: 'answer', value: 'no' });
    const referral = 'Should she be referred to a fertility clinic now?';
    const now = 'Yes — at 38 a referral is advised after 6 months, so she does not need to wait a full year.';
    expect(extractYesNo(now, referral)).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('No — it should be started today.', 'Should the statin be started?').kind).toBe('unparseable');
    expect(extractYesNo('Yes, the statin is not indicated.', 'Should the statin be started?').kind).toBe('unparseable');
  });

  it('reads "I don\'t think X is needed" as a no and "fine for her to keep taking it" as a yes, not "reasonable to start" beside advice', () => {
    expect(extractYesNo("I don't think a repeat scan is needed yet.", 'Does she need a repeat scan?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo("It's fine for your mother to keep taking the aspirin.", 'Should my mother keep taking aspirin?')).toMatchObject({
      kind: 'answer',
      value: 'yes',
    });
    const hedged = 'Keep trying for a few more months, though it would also be reasonable to start tests now.';
    expect(extractYesNo(hedged, 'Should I have tests now?').kind).not.toBe('answer');
  });

  it('does not read a first thought the answer sets aside ("Initially ..., but ...") as its verdict', () => {
    const stem = 'Is a CT scan needed?';
    const setAside = "At first I'd order a CT... but she is fully alert with a normal exam, so no further imaging.";
    expect(extractYesNo(setAside, stem)).not.toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('She is fully alert with a normal exam, so no further imaging.', stem)).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo("I'd order a CT, and the bruising confirms it is needed.", stem)).toMatchObject({ kind: 'answer', value: 'yes' });
  });

  it('reads yes and no in Turkish, Polish, Dutch, Vietnamese, Chinese and Arabic, only as words of their own', () => {
    const stem = 'Should she get the flu vaccine?';
    for (const [text, value] of [
      ['Evet, bu yıl da aşı olmalı.', 'yes'],
      ['evet aşı olmalı', 'yes'],
      ['Hayır, gerek yok.', 'no'],
      ['Tak. Szczepienie jest zalecane.', 'yes'],
      ['Nie, nie jest potrzebne.', 'no'],
      ['Nee, dat is niet nodig.', 'no'],
      ['Có. Nên tiêm phòng.', 'yes'],
      ['Không, không cần.', 'no'],
      ['是的。每年都应该接种。', 'yes'],
      ['不，不需要。', 'no'],
      ['نعم، يجب أن تأخذ اللقاح.', 'yes'],
      ['لا، ليس ضروريا.', 'no'],
    ] as const)
      expect(extractYesNo(text, stem), text).toMatchObject({ kind: 'answer', value });
    expect(extractYesNo('Có thể tiêm sau khi khỏi sốt.', stem).kind).not.toBe('answer');
    expect(extractYesNo('Niezależnie od wieku trzeba zapytać lekarza.', stem).kind).not.toBe('answer');
  });

  it('reads a clipped note whose clause is "no" before what the question asks about', () => {
    expect(extractYesNo('Stable, Hb 8.5 — no transfusion today.', 'Should she be transfused?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('Afebrile, normal exam; no antibiotics needed.', 'Should antibiotics be started?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('Improving on fluids. Not admission.', 'Should he be admitted?')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('No antibiotics were given before arrival.', 'Should antibiotics be started?').kind).not.toBe('answer');
    expect(extractYesNo('Not admission unless she gets worse tonight, and then admission.', 'Should she be admitted?').kind).not.toBe(
      'answer',
    );
  });

  it('reads "so <qualifier>, no", a later sentence opening "No;", and "I\'d skip it"', () => {
    const stem = 'Should he take ibuprofen?';
    expect(extractYesNo('His kidney function is poor, so with that eGFR, no.', stem)).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('Stage 4 CKD. No; paracetamol instead.', stem)).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo("I'd skip the ibuprofen; paracetamol is safer.", stem)).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo("I'd skip the ibuprofen; paracetamol is safer.", 'Should he skip the ibuprofen?').kind).not.toBe('answer');
  });

  it('reads "Not right now.", "Not on its own, no.", "so no <thing asked>" and "Y — <note>"', () => {
    expect(extractYesNo('Not right now. Come back if the pain spreads.', 'Should I have an X-ray now?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('Not on its own, no.', 'Does a raised D-dimer prove a clot?')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('None of the criteria are met, so no CT.', 'Is a head CT indicated?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('Y — swab.', 'Should a throat swab be taken?')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('Y is the chromosome here.', 'Should a throat swab be taken?').kind).not.toBe('answer');
    expect(extractYesNo('Not on its own, no, but with symptoms, yes.', 'Does a raised D-dimer prove a clot?').kind).not.toBe('answer');
  });

  it('reads keeping a treatment as it is as a no to changing it', () => {
    const stem = 'Should her metoprolol dose be increased to 100 mg?';
    expect(extractYesNo('Her heart rate is already 58, so she should stay on 50 mg.', stem)).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('With a resting rate of 58, keep the current dose.', stem)).toMatchObject({ kind: 'answer', value: 'no' });
    const continuing = 'Should she keep taking metoprolol?';
    expect(extractYesNo('Her heart rate is already 58, so she should stay on 50 mg.', continuing)).not.toMatchObject({ value: 'no' });
  });

  it('reads a leading yes or no in Italian, Russian, Swahili, Hindi, Japanese and Korean', () => {
    const stem = 'Should the child be vaccinated?';
    for (const text of [
      'Sì, va vaccinato subito.',
      'Да, вакцинация нужна.',
      'Ndiyo, apewe chanjo.',
      'हाँ, टीका लगवाना चाहिए।',
      'はい、接種すべきです。',
      '네, 접종해야 합니다.',
    ])
      expect(extractYesNo(text, stem), text).toMatchObject({ kind: 'answer', value: 'yes' });
    for (const text of [
      'Нет, пока не нужно.',
      'Hapana, asubiri.',
      'नहीं, अभी ज़रूरत नहीं है।',
      'いいえ、まだ必要ありません。',
      '아니요, 아직은 아닙니다.',
    ])
      expect(extractYesNo(text, stem), text).toMatchObject({ kind: 'answer', value: 'no' });
    // As the opening of a longer word or phrase they are no answer ("Данные" = data, "Ndiyo sababu" = that is why).
    expect(extractYesNo('Данные неполные.', stem).kind).not.toBe('answer');
    expect(extractYesNo('Ndiyo sababu tunasubiri matokeo.', stem).kind).not.toBe('answer');
  });

  it('reads an instruction on what was asked after a marker, under a decision heading or as the last sentence', () => {
    const admit = 'Should she be admitted for intravenous antibiotics rather than sent home?';
    expect(extractYesNo('Plan: admit overnight for IV antibiotics.', admit)).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('## Assessment\nSepsis criteria absent.\n## Decision\nAdmit for IV antibiotics.', admit)).toMatchObject({
      kind: 'answer',
      value: 'yes',
    });
    expect(extractYesNo('Afebrile, eating, good support at home. Do not admit.', admit)).toMatchObject({ kind: 'answer', value: 'no' });
    // An instruction under a condition, or on something the stem does not ask, decides nothing.
    expect(extractYesNo('Plan: admit if the lactate is raised.', admit).kind).not.toBe('answer');
    expect(extractYesNo('Lactate pending. Admit once the lactate is back above 4.', admit).kind).not.toBe('answer');
    expect(extractYesNo('Plan: repeat the lactate in two hours.', admit).kind).not.toBe('answer');
  });

  it('reads refraining from what is asked, and continuing at another dose, as instructions', () => {
    expect(extractYesNo('Withhold the enoxaparin: platelets are 40.', 'Should enoxaparin be given tonight?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('Avoid the enoxaparin.', 'Should enoxaparin be avoided?')).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('Continue at a lower dose of 5 mg.', 'Should ramipril be continued?')).toMatchObject({
      kind: 'answer',
      value: 'yes',
    });
  });

  it('reads a field verdict, or the JSON boolean, that names what was asked', () => {
    const scan = 'Should an MRI of the spine be performed?';
    expect(extractYesNo('MRI spine: indicated.', scan)).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('MRI spine: not indicated.', scan)).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('Red flags: present.\nPain score: 7.', scan).kind).not.toBe('answer');
    const json = '{"mri_spine": false, "red_flags": true, "analgesia": true}';
    expect(extractYesNo(json, scan)).toMatchObject({ kind: 'answer', value: 'no' });
    expect(extractYesNo('{"red_flags": true, "analgesia": false}', scan).kind).not.toBe('answer');
  });
});

describe('answers that say they are undecided', () => {
  const question = 'Should she stop the aspirin before the dental extraction?';

  it('leaves a guess unparseable when the answer itself says it is not decided', () => {
    expect(extractYesNo('Probably yes, though plenty of dentists carry on with it — difficult to say.', question).kind).toBe('unparseable');
    expect(extractYesNo('Likely not; it could go either way with a single extraction.', question).kind).toBe('unparseable');
  });

  it('leaves a verdict unparseable when either way is called fine', () => {
    expect(extractYesNo('Stopping it is reasonable, but continuing is also safe, so either way is acceptable.', question).kind).toBe(
      'unparseable',
    );
  });

  it('still reads a committed guess, a conditional guess and a plain no beside the same words', () => {
    expect(extractYesNo('Probably not; the bleeding risk of one extraction is small.', question)).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
    expect(extractYesNo('Probably yes, provided the dentist cannot use local haemostatic measures.', question)).toMatchObject({
      kind: 'answer',
      value: 'yes',
    });
    expect(extractYesNo("No. Either way, it's hard to say why people stop it, but there is no need.", question)).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
  });
});

describe('yes and no in more languages, after a preamble, and in unpunctuated replies', () => {
  const question = 'Should he have a follow-up colonoscopy in three years?';
  const reads = (text: string) => extractYesNo(text, question);

  it.each([
    ['Ναι, σε τρία χρόνια.', 'yes'],
    ['Όχι — δεν χρειάζεται τόσο σύντομα.', 'no'],
    ['Ya, sebaiknya dalam tiga tahun.', 'yes'],
    ['Tidak. Lima tahun sudah cukup.', 'no'],
    ['כן, בעוד שלוש שנים.', 'yes'],
    ['לא, מספיק בעוד חמש שנים.', 'no'],
    ['হ্যাঁ, তিন বছর পরে।', 'yes'],
    ['Так, через три роки.', 'yes'],
    ['ні, через п’ять років', 'no'],
    ['نه، پنج سال کافی است.', 'no'],
    ['ใช่ ควรทำในสามปี', 'yes'],
    ['Hindi, sapat ang limang taon.', 'no'],
  ])('reads %s as %s', (text, value) => {
    expect(reads(text)).toMatchObject({ kind: 'answer', value });
  });

  it('reads the answer after a greeting, a stated confidence or the question restated', () => {
    expect(reads('Hello there! 🙂 Yes — three years is the usual interval after that finding.')).toMatchObject({ value: 'yes' });
    expect(reads('Confidence: 70 %. No, five years is enough for two small adenomas.')).toMatchObject({ value: 'no' });
    expect(reads('You asked whether the next scope is due in three years. No. Five years is enough.')).toMatchObject({ value: 'no' });
  });

  it('reads an opening yes or no in a reply typed without punctuation', () => {
    expect(reads('no five years is fine for him')).toMatchObject({ kind: 'answer', value: 'no' });
    expect(reads('yeah book it for three years')).toMatchObject({ kind: 'answer', value: 'yes' });
  });

  it('keeps near-misses unparseable', () => {
    expect(reads('yes or no depends on the pathology report').kind).toBe('unparseable');
    expect(reads('no idea honestly ask the gastro maybe').kind).not.toBe('answer');
    expect(reads('Non-urgent discussion with the gastroenterologist.').kind).not.toBe('answer');
    expect(reads('Neither yes nor no until the histology is back.').kind).not.toBe('answer');
  });

  it('reads an answer given in an XML attribute', () => {
    expect(reads('<answer value="no"/>')).toMatchObject({ kind: 'answer', value: 'no' });
  });
});

describe('verdicts doubted, guesses under a condition, revisions in other languages, "No change"', () => {
  it('leaves a verdict doubted in its own sentence, and a guess under a condition, unparseable', () => {
    const question = 'Is an MRI needed before the injection?';
    expect(extractYesNo('It helps to plan the needle path, so yes — but plenty of clinics skip it, so maybe not.', question).kind).toBe(
      'unparseable',
    );
    expect(extractYesNo('Likely, when the pain radiates below the knee.', question).kind).toBe('unparseable');
    expect(extractYesNo('Likely yes, because the pain radiates below the knee.', question)).toMatchObject({ value: 'yes' });
  });

  it('does not keep an opening yes that a Portuguese or Spanish revision takes back', () => {
    const question = 'Should she have an X-ray of the ankle?';
    expect(
      extractYesNo('Sim. Ela tem dor no maléolo... na verdade, ela consegue andar. Com esse exame, eu não faria radiografia.', question)
        .kind,
    ).not.toBe('answer');
    expect(extractYesNo('Sí. De hecho, puede caminar; no pediría radiografía.', question)).not.toMatchObject({ value: 'yes' });
  });

  it('reads "No change - ..." as a no to a question about changing', () => {
    expect(
      extractYesNo('No change - the level is in range, so carry on with the same dose.', 'Should the lithium dose be changed?'),
    ).toMatchObject({ kind: 'answer', value: 'no' });
  });
});

describe('field verdicts, "no longer needed", "not needed" in other languages, a bracketed closing yes, conditions', () => {
  const question = 'Should she be admitted for IV antibiotics?';

  it.each([
    ['Admit: yes\nWard: medical\nReview: 48 h', 'yes'],
    ['admission_now: none', 'no'],
    ['decision: no_admission\nplan: oral antibiotics', 'no'],
    ['Stable, afebrile, eating → all discharge criteria met. [No]', 'no'],
    ['Since she is stable, admission is no longer needed.', 'no'],
    ['Tidak perlu dirawat inap.', 'no'],
    ['Δεν χρειάζεται εισαγωγή.', 'no'],
  ])('reads %s as %s', (text, value) => {
    expect(extractYesNo(text, question)).toMatchObject({ kind: 'answer', value });
  });

  it('leaves a verdict that holds only if a condition is met unparseable', () => {
    expect(extractYesNo('Admission is not needed if she can keep oral fluids down.', question).kind).toBe('unparseable');
    expect(extractYesNo('Tidak perlu dirawat jika ia bisa minum obat.', question).kind).toBe('unparseable');
  });
});

describe('a verdict asked about, or given only under conditions', () => {
  const stem = 'Should she be screened for osteoporosis?';

  it('reads a refusal that declines the question it restates, and a conditional answer as unparseable', () => {
    expect(extractYesNo("I'm not a mental health professional, so I can't say whether she should be screened.", stem).kind).toBe('refusal');
    expect(extractYesNo('It depends on her age: over 65 the answer is yes, younger only with risk factors.', stem).kind).toBe(
      'unparseable',
    );
    expect(extractYesNo('That depends on her fracture history — with a fragility fracture, yes.', stem).kind).toBe('unparseable');
  });

  it('still reads a verdict that commits after saying what it depends on', () => {
    expect(extractYesNo('It depends on age, but at 70 the answer is yes.', stem)).toMatchObject({ kind: 'answer', value: 'yes' });
    expect(extractYesNo('She should be screened: her mother had a hip fracture.', stem)).toMatchObject({ kind: 'answer', value: 'yes' });
  });
});
