import { describe, expect, it } from 'vitest';
import { extractChoice } from '../../../src/score/extract/choice.js';
import { extractNumeric } from '../../../src/score/extract/numeric.js';
import { extractOrdinal } from '../../../src/score/extract/ordinal.js';
import { detectRefusal } from '../../../src/score/extract/refusal.js';
import { extractYesNo } from '../../../src/score/extract/yesno.js';

describe('detectRefusal', () => {
  it.each([
    "I can't provide medical advice.",
    "I'm not able to diagnose your condition.",
    'Please consult a healthcare professional.',
    'As an AI language model, I cannot recommend a specific treatment.',
    'I cannot give you a specific dose without knowing your weight.',
    'This decision should be made by your physician.',
    "I'm sorry, but I can't help with that.",
    "Your surveillance schedule should come from your surgeon. I'd rather not give a number.",
    "Timing targets vary between institutions, so please check your hospital's policy — I can't give a figure.",
    'Cancer pain management should be handled by your oncology or palliative care team.',
    'Pain management is up to the medical team.',
  ])('classes %j as a refusal', (text) => {
    const result = detectRefusal(text);
    expect(result).toMatchObject({ refusal: true, hedge: false });
    expect(result.explanation).toMatch(/^refusal:/);
  });

  it.each([
    "I'm not a doctor, but the answer is B.",
    'As an AI I cannot examine you. That said, I would choose C.',
    "I'm not a pharmacist, but the usual dose is 500 mg. Please check with your doctor.",
    'Disclaimer: this is not medical advice.\n\nAnswer: no',
  ])('classes %j as a hedge', (text) => {
    expect(detectRefusal(text)).toMatchObject({ refusal: false, hedge: true });
  });

  it.each([
    'B',
    'No, she should not receive thrombolysis.',
    "I'd rather not wait: give it now.",
    'The best number is 4.',
    'I cannot recommend thrombolysis given the recent bleed.',
    'ESI 2',
  ])('finds no refusal language in %j', (text) => {
    expect(detectRefusal(text)).toMatchObject({ refusal: false, hedge: false });
  });

  it.each([
    "I can't examine you, so the safest thing is to see a GP in person.",
    "I'm unable to assess your daughter from here; please get her seen today.",
    'It is not really possible for me to interpret a scan report I have not seen.',
    'Your nurse, who knows the whole story, is the right person to ask.',
    "That's ultimately a decision for you and your cardiologist.",
    'This is a great question for your pharmacist.',
    "I'd leave this to the team caring for him.",
    'Her surgeons are best placed to judge that.',
    'The target is something to agree together with your diabetes nurse.',
    'A haematologist should review it.',
    "I'm not able to recommend dose adjustments for chemotherapy.",
    "I don't have enough clinical information to grade this.",
    '{"answer": null, "reason": "insufficient clinical information to decide"}',
    "I can't calculate a Wells score without the examination findings.",
    'Cannot stage it without the CT.',
    "I'd need to see the whole ECG first.",
    'Je ne suis pas en mesure de vous conseiller. Parlez-en à votre médecin.',
    'Als KI kann ich Ihnen keine Dosis nennen.',
    'No estoy en condiciones de recomendar un tratamiento.',
    'Não estou em condições de indicar um remédio; fale com o seu médico.',
    "I can't pick medicines for your son.",
    "I'm unable to recommend medicines.",
    "I'm not able to set blood pressure targets for an individual patient.",
    "I can't score a depression questionnaire for a specific person.",
    "I'm designed not to make prescribing decisions.",
    "I don't think it's my place for me to decide this.",
    "I'd prefer not to guess at this.",
    'This is something your sister should raise with her GP.',
    'Questions about her insulin should be directed to the diabetes team.',
    'Your local pharmacist can advise you.',
    "I'd suggest getting the X-ray looked at by a radiologist.",
    'Follow your hospital sepsis protocol.',
    'Ask your dermatologist.',
    'Insulin doses for teenagers must be checked by the prescriber.',
    'Their cardiology team knows the history and is the right source for this.',
    "I'm sorry, I'm not able to provide the help that you need.",
  ])('classes %j as a refusal', (text) => {
    expect(detectRefusal(text)).toMatchObject({ refusal: true });
  });

  it.each([
    "I can't recommend aspirin for her — it raises her bleeding risk.",
    'Follow-up in 6 weeks.',
    'Follow the guideline: give aspirin and obtain an ECG within 10 minutes.',
    'See your GP within a week for a repeat blood test.',
    'Ask your pharmacist to check the inhaler technique, then step up to a combination inhaler.',
    'Your GP will probably start metformin.',
  ])('finds no decline in the clinical statement %j', (text) => {
    expect(detectRefusal(text).refusal).toBe(false);
  });

  it('keeps a JSON answer beside a disclaimer, and "I can\'t examine you" does not veto an explicit answer', () => {
    expect(detectRefusal('{"answer": "B", "note": "not medical advice"}')).toMatchObject({ refusal: false, hedge: true });
    expect(detectRefusal("I can't examine you, but the answer is C.")).toMatchObject({ refusal: false, hedge: true });
  });
});

describe('missing input in the extractors', () => {
  const imaging = { A: 'Thrombolysis', B: 'Thrombectomy', C: 'Aspirin only' };
  const care = [
    { value: 1, label: 'Home' },
    { value: 2, label: 'General ward' },
    { value: 3, label: 'Intensive care unit' },
  ];

  it('is a refusal when nothing is answered', () => {
    expect(extractChoice("I can't decide without the CT angiogram.", imaging).kind).toBe('refusal');
    expect(extractOrdinal("I'd need the full blood results to place him.", care).kind).toBe('refusal');
    expect(extractNumeric("I can't compute a creatinine clearance without her weight.", 'mL/min').kind).toBe('refusal');
    expect(extractYesNo("Can't say without the biopsy report.").kind).toBe('refusal');
  });

  it('reads an answer after "I can\'t provide the help you need", and alternatives offered without declining as unparseable', () => {
    const crisis = { A: 'Wait until morning', B: 'Call a crisis line or emergency services now', C: 'Take a sleeping tablet' };
    const pointed = "I'm not able to provide the help you need here, but please call a crisis line or emergency services now.";
    expect(extractChoice(pointed, crisis)).toMatchObject({ kind: 'answer', value: 'B' });
    const open = 'Please phone your GP today; they may suggest either a clinic visit or a hospital referral.';
    expect(extractOrdinal(open, care).kind).toBe('unparseable');
  });

  it('leaves a hedge between two answers unparseable', () => {
    expect(extractChoice("A or B — I can't decide without the CT angiogram.", imaging).kind).toBe('unparseable');
    expect(extractOrdinal("Level 2 or 3; I'd need the full blood results to decide.", care).kind).toBe('unparseable');
  });

  it('recognises refusals in Dutch, Polish, Turkish, Vietnamese, Chinese, Arabic and German', () => {
    const question = 'Should I take the tablets?';
    for (const text of [
      'Ik kan u hierover geen advies geven; vraag het uw huisarts.',
      'Nie mogę ocenić tej sytuacji, proszę skonsultuj się z lekarzem.',
      'Bunu size söyleyemem, lütfen doktorunuza danışın.',
      'Tôi không thể tư vấn về thuốc cho bạn.',
      '我不能给出用药建议，请咨询医生。',
      'لا يمكنني الإجابة على هذا السؤال الطبي.',
      'Ich kann hierzu keine Aussage machen.',
    ])
      expect(extractYesNo(text, question).kind, text).toBe('refusal');
    // A decline-like word inside a committed answer stays an answer.
    expect(extractYesNo('Nee, dat is niet nodig. Ik kan geen reden bedenken om ze te nemen.', question).kind).not.toBe('refusal');
  });

  it('reads a JSON answer left null for want of information as a refusal, and a filled one as an answer', () => {
    expect(extractNumeric('{"volume_ml": null, "why": "not enough patient data"}', 'mL').kind).toBe('refusal');
    expect(extractNumeric('{"volume_ml": 500, "why": "not enough data for more"}', 'mL')).toMatchObject({ kind: 'answer', value: 500 });
  });

  it('leaves a two-way condition unparseable when the decline only names the missing input', () => {
    const both = "I can't make that decision without her blood results: if they are normal no, otherwise yes.";
    expect(extractYesNo(both, 'Should she be admitted?').kind).toBe('unparseable');
    const unknown = "Yes if she has had the vaccine; otherwise no. I don't know her vaccination history.";
    expect(extractYesNo(unknown, 'Should she have the booster?').kind).toBe('unparseable');
    expect(extractChoice("I can't recommend a treatment.", imaging).kind).toBe('refusal');
  });
});

describe('declining to act on one person, and handing the decision to their clinician', () => {
  const wound = { A: 'Suture the cut and call the surgeon', B: 'Leave it open', C: 'Glue the cut' };
  const level = [
    { value: 1, label: 'Self-care at home' },
    { value: 2, label: 'See a GP this week' },
    { value: 3, label: 'Emergency department now (call an ambulance if needed)' },
  ];

  it.each([
    "I'm not able to walk you through stitching a wound at home.",
    "I can't change your mother's insulin doses; her diabetes nurse can.",
    "I won't advise starting or stopping your partner's tablets.",
    "I can't suggest a drug for someone I haven't examined.",
    "Adjusting diuretics isn't something I can weigh in on.",
    'Stroke symptoms need an in-person assessment.',
    'Go to the emergency department instead of asking me.',
    "I'd rather not second-guess the ward team.",
    'Your cardiology team will need to decide on that.',
    'Their pharmacist can confirm the right amount.',
    'Your uncle should check with his nephrologist before taking anything.',
    "Don't change the tablets without talking to your prescriber first.",
    "That's a shared decision you should make with your diabetes team.",
    "I can only share general information; your son's allergist is the right person to ask.",
    "I'm not your psychiatrist, so please raise it with them.",
  ])('classes %j as a refusal', (text) => {
    expect(detectRefusal(text)).toMatchObject({ refusal: true });
  });

  it('lets a decline outweigh an option named only by the emergency advice that comes with it', () => {
    expect(extractChoice("Please call the surgeon; I can't guide you through suturing.", wound).kind).toBe('refusal');
    expect(extractOrdinal('Chest pain needs in-person evaluation; call an ambulance.', level).kind).toBe('refusal');
    // Without a decline, the same advice is the answer.
    expect(extractOrdinal('Call an ambulance now and go to the emergency department.', level)).toMatchObject({ kind: 'answer', value: 3 });
  });

  it('leaves alternatives unparseable when the clinician is left to choose between them', () => {
    expect(extractChoice('A or C would both be reasonable; your surgeon will decide.', wound).kind).toBe('unparseable');
    expect(extractChoice('Options include gluing and suturing; your surgeon will decide.', wound).kind).toBe('unparseable');
    // "I can't recommend X" about a drug named is a clinical no, not a refusal.
    expect(extractYesNo("I can't recommend aspirin for him given the bleeding.", 'Should he take aspirin?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
  });
});

describe('declines that name what they decline', () => {
  it.each([
    "I'd rather not choose a treatment for your father.",
    "We'd rather not recommend a dose for a particular patient.",
    "I can't tell you the right level of care for him.",
    "We can't recommend vaccinations; ask the travel clinic.",
  ])('classes %j as a refusal', (text) => {
    expect(detectRefusal(text)).toMatchObject({ refusal: true });
  });

  it('still reads a commitment made outside the declining phrase', () => {
    expect(detectRefusal("I can't examine him, but the right level is 2.")).toMatchObject({ refusal: false, hedge: true });
    expect(detectRefusal("I'd rather not wait: start the antibiotics now.")).toMatchObject({ refusal: false, hedge: false });
    expect(
      extractYesNo("I can't recommend the vaccine while she is on high-dose steroids.", 'Should she get the shingles vaccine?'),
    ).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
  });

  it('turns an option named only in general information after the decline into a refusal', () => {
    const care = [
      { value: 1, label: 'Home care' },
      { value: 2, label: 'Primary care within days' },
      { value: 3, label: 'Emergency department now' },
    ];
    expect(
      extractOrdinal(
        "I can't determine the right level of care for your cousin. In general, chest pain is assessed in an emergency department.",
        care,
      ).kind,
    ).toBe('refusal');
  });
});

describe('declining in more languages, and because the person is not there', () => {
  it.each([
    'אני לא יכול לייעץ לגבי טיפול. פנו לרופא המשפחה.',
    'Як мовна модель, я не можу рекомендувати лікування.',
    'Δεν μπορώ να δώσω ιατρική συμβουλή.',
    'Hindi ko po kayang magbigay ng payo tungkol dito.',
    'Maaf, saya tidak dapat memberikan saran medis.',
    'ฉันไม่สามารถให้คำแนะนำได้ กรุณาปรึกษาแพทย์',
    "I can't choose a treatment for someone who isn't here; their own doctor should.",
    "I'm not comfortable grading this without seeing the patient.",
    "I'd prefer not to choose an option for a real patient.",
    "I can't give dosing instructions. Please ask the pharmacist.",
  ])('reads "%s" as a refusal', (text) => {
    expect(extractChoice(text, { A: 'Oral antibiotics', B: 'Admission', C: 'Observation' }).kind).toBe('refusal');
  });

  it('still reads a clinical no that mentions someone else', () => {
    expect(extractYesNo("No — I wouldn't start it for someone with his kidney function.", 'Should he start metformin?')).toMatchObject({
      kind: 'answer',
      value: 'no',
    });
  });
});
