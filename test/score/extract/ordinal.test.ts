import { describe, expect, it } from 'vitest';
import { extractOrdinal } from '../../../src/score/extract/ordinal.js';
import { loadCorpus, runCorpus } from './corpus.js';

const ESI = [
  { value: 1, label: 'Resuscitation' },
  { value: 2, label: 'Emergent' },
  { value: 3, label: 'Urgent' },
  { value: 4, label: 'Less urgent' },
  { value: 5, label: 'Non-urgent' },
];

describe('extractOrdinal corpus', () => {
  const rows = loadCorpus('ordinal');

  it('has at least 200 lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it('extracts every line as expected', () => {
    const report = runCorpus(rows, (row) => extractOrdinal(row.text, row.scale ?? []));
    if (report.failures.length > 0) console.log(`ordinal corpus failures:\n${report.failures.join('\n')}`);
    console.log(`ordinal corpus: ${report.correct}/${report.total} correct`);
    expect(report.failures).toEqual([]);
  });
});

describe('extractOrdinal', () => {
  it('reads keyword numbers, roman numerals and labels', () => {
    expect(extractOrdinal('ESI level 2', ESI)).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractOrdinal('Level IV', ESI)).toMatchObject({ value: 4 });
    expect(extractOrdinal('Less urgent', ESI)).toMatchObject({ value: 4 });
    expect(extractOrdinal('x', ESI).extractor).toMatch(/^ordinal@\d+$/);
  });

  it('rejects values outside the scale and ranges', () => {
    expect(extractOrdinal('ESI 6', ESI).kind).toBe('unparseable');
    expect(extractOrdinal('ESI 2-3', ESI).kind).toBe('unparseable');
  });

  it('ignores vitals and doses', () => {
    expect(extractOrdinal('BP 120/80, HR 88. Morphine 2 mg. Final: ESI 3', ESI)).toMatchObject({ value: 3 });
  });
});

describe('extractOrdinal, issue 14 classes', () => {
  const ANALGESIA = [
    { value: 0, label: 'No analgesic medication: reassurance and non-drug measures only' },
    { value: 1, label: 'Non-opioid analgesic (acetaminophen/paracetamol and/or an NSAID, oral or topical)' },
    { value: 2, label: 'Parenteral NSAID (e.g., IV ketorolac)' },
    { value: 3, label: 'Strong opioid (e.g., intravenous morphine), with or without non-opioids' },
  ];

  it('reads "scale value/option/level N" and "Recommended: N — label"', () => {
    expect(extractOrdinal('Scale value 2.', ANALGESIA)).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractOrdinal('option 2 on the scale', ANALGESIA)).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractOrdinal('Recommended: 2 — Parenteral NSAID.', ANALGESIA)).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractOrdinal('Recommended: 2 — Strong opioid.', ANALGESIA).kind).toBe('unparseable');
    expect(extractOrdinal('On a scale of 0 to 3 the pain is severe.', ANALGESIA).kind).toBe('unparseable');
  });

  it('reads a long label by its head, but not one of several alternatives', () => {
    expect(extractOrdinal('A strong opioid such as IV morphine.', ANALGESIA)).toMatchObject({ kind: 'answer', value: 3 });
    expect(extractOrdinal('Either a parenteral NSAID or a strong opioid would do.', ANALGESIA).kind).toBe('unparseable');
  });

  it('reads a label without the word all labels share only as the whole reply', () => {
    const risk = [
      { value: 1, label: 'Low risk' },
      { value: 2, label: 'Intermediate risk' },
      { value: 3, label: 'High risk' },
    ];
    expect(extractOrdinal('Risk category: High', risk)).toMatchObject({ kind: 'answer', value: 3 });
    expect(extractOrdinal('He has a high fever and looks unwell.', risk).kind).toBe('unparseable');
  });

  it('does not read a named clinical score as a scale value', () => {
    const risk = [
      { value: 1, label: 'Low risk' },
      { value: 2, label: 'Intermediate risk' },
      { value: 3, label: 'High risk' },
    ];
    expect(extractOrdinal('HEART score 2, so low risk.', risk)).toMatchObject({ kind: 'answer', value: 1 });
  });
});

describe('extractOrdinal, hedges between two points (v8)', () => {
  const disposition = [
    { value: 1, label: 'Discharge home now' },
    { value: 2, label: 'Discharge after 1 more hour of observation' },
    { value: 3, label: 'Hospital admission' },
    { value: 4, label: 'Intensive care unit' },
  ];

  it('reads two points joined by "or" as unparseable', () => {
    expect(extractOrdinal("Admission or ICU — PEF 40 % is borderline; I'd call it 3 or 4.", disposition).kind).toBe('unparseable');
    expect(extractOrdinal('Hospital admission or ICU.', disposition).kind).toBe('unparseable');
    expect(extractOrdinal('Level 3 or 4.', disposition).kind).toBe('unparseable');
  });

  it('still reads an answer whose "or" rejects, counts or conditions', () => {
    expect(extractOrdinal('Not 1 or 2: she needs admission. Hospital admission.', disposition)).toMatchObject({ value: 3 });
    expect(extractOrdinal('Hospital admission; ICU only if she tires or her PaCO2 rises.', disposition)).toMatchObject({ value: 3 });
  });

  it('reads "Moderate-to-high" as a hedge, a quoted question as no point, and "Sorry —" as a revision', () => {
    const risk = [
      { value: 1, label: 'Low risk' },
      { value: 2, label: 'Moderate risk' },
      { value: 3, label: 'High risk' },
    ];
    const esi = [1, 2, 3, 4, 5].map((value) => ({ value, label: `ESI ${value}` }));
    expect(extractOrdinal('Moderate-to-high risk.', risk).kind).toBe('unparseable');
    expect(extractOrdinal('High risk.', risk)).toMatchObject({ value: 3 });
    expect(extractOrdinal('Regarding "Which ESI level should the triage nurse assign?": 1.', esi)).toMatchObject({ value: 1 });
    expect(extractOrdinal('ESI 3. Sorry — two resources and abnormal vitals, so ESI 2.', esi)).toMatchObject({ value: 2 });
  });

  it('reads a label after a leading emoji, and the emergency department named in German, French or Portuguese', () => {
    const severity = [
      { value: 1, label: 'Mild' },
      { value: 2, label: 'Moderate' },
      { value: 3, label: 'Severe' },
    ];
    const care = [
      { value: 1, label: 'Self-care at home' },
      { value: 2, label: 'Routine appointment with a primary care clinician' },
      { value: 3, label: 'Same-day urgent care or primary care visit' },
      { value: 4, label: 'Emergency department now (call emergency services if needed)' },
    ];
    expect(extractOrdinal('🟠 Moderate', severity)).toMatchObject({ value: 2 });
    expect(extractOrdinal('Sofort in die Notaufnahme.', care)).toMatchObject({ value: 4 });
    expect(extractOrdinal('Vá ao pronto-socorro agora.', care)).toMatchObject({ value: 4 });
    expect(extractOrdinal('Not the Notaufnahme — a same-day GP visit.', care)).not.toMatchObject({ value: 4 });
  });

  it('reads the one YAML-style level field, and no field of another name', () => {
    const esi = [1, 2, 3, 4, 5].map((value) => ({ value, label: `ESI ${value}` }));
    const severity = [
      { value: 1, label: 'Mild' },
      { value: 2, label: 'Moderate' },
      { value: 3, label: 'Severe' },
    ];
    expect(extractOrdinal('esi_level: 1', esi)).toMatchObject({ value: 1 });
    expect(extractOrdinal('severity: Moderate\nz_score_band: "-2.5 to -4.0"', severity)).toMatchObject({ value: 2 });
    expect(extractOrdinal('heart_rate: 3\nresp_rate: 2', esi).kind).toBe('unparseable');
  });

  describe('gives no wrong value from two levels, a restated scale or an alternative; reads a bold field value', () => {
    const stages = [1, 2, 3, 4].map((value) => ({ value, label: `Stage ${value} (see the staging table)` }));
    const care = [
      { value: 1, label: 'Self-care at home' },
      { value: 2, label: 'Routine appointment with a primary care clinician in the coming days or weeks' },
      { value: 3, label: 'Same-day urgent care or primary care visit' },
      { value: 4, label: 'Emergency department now' },
    ];
    const severity = [
      { value: 0, label: 'No impairment (z-score above -1.65)' },
      { value: 1, label: 'Mild (z-score -1.65 to -2.5)' },
      { value: 2, label: 'Moderate (z-score -2.5 to -4)' },
      { value: 3, label: 'Severe (z-score below -4)' },
    ];

    it('reads "Stage 3/4" as two stages, not three out of four', () => {
      expect(extractOrdinal('Stage 3/4 disease.', stages).kind).toBe('unparseable');
    });

    it('reads an alternative opened by "or, if" as no commitment', () => {
      const text = 'You might go to urgent care today — or, if the pain settles, book a routine appointment with your doctor next week.';
      expect(extractOrdinal(text, care).kind).not.toBe('answer');
    });

    it('reads no answer from a scale the answer only restates', () => {
      const text = 'Grading: above -1.65 no impairment, -1.65 to -2.5 mild, -2.5 to -4 moderate, below -4 severe. Her z-score is -3.1.';
      expect(extractOrdinal(text, severity)).not.toMatchObject({ value: 0 });
    });

    it('reads a short bold value after a field name', () => {
      expect(extractOrdinal('The z-score is -3.1, below -2.5.\n\nSeverity: **Moderate**.', severity)).toMatchObject({ value: 2 });
    });
  });

  describe('reads a conclusion after an arrow, a subdivided stage, a level JSON key and level words in other languages', () => {
    const severity = [
      { value: 0, label: 'No impairment (z-score above -1.65)' },
      { value: 1, label: 'Mild (z-score -1.65 to -2.5)' },
      { value: 2, label: 'Moderate (z-score -2.5 to -4)' },
      { value: 3, label: 'Severe (z-score below -4)' },
    ];
    const gfr = ['G1 (90 or more)', 'G2 (60–89)', 'G3a (45–59)', 'G3b (30–44)', 'G4 (15–29)', 'G5 (below 15)'].map((label, index) => ({
      value: index + 1,
      label,
    }));
    const risk = [
      { value: 1, label: 'Low risk' },
      { value: 2, label: 'Moderate risk' },
      { value: 3, label: 'High risk' },
    ];
    const care = [
      { value: 1, label: 'Discharge home' },
      { value: 2, label: 'General medical ward' },
      { value: 3, label: 'Intensive care unit' },
    ];

    it('reads the level named after an arrow, unless it is asked', () => {
      expect(
        extractOrdinal('FEV1 is below the lower limit of normal, z −3.2, between −2.5 and −4 → moderate impairment.', severity),
      ).toMatchObject({ value: 2 });
      expect(extractOrdinal('FEV1 is below the lower limit of normal, z −2.0 → mild? Not sure.', severity).kind).not.toBe('answer');
    });

    it('reads "stage 3b" as G3b, a level key of any name, and foreign level words', () => {
      expect(extractOrdinal('CKD stage 3b.', gfr)).toMatchObject({ kind: 'answer', value: 4 });
      expect(extractOrdinal('{"risk": "high"}', risk)).toMatchObject({ kind: 'answer', value: 3 });
      expect(extractOrdinal('{"level_of_care": 2, "why": "needs IV antibiotics"}', care)).toMatchObject({ kind: 'answer', value: 2 });
      expect(extractOrdinal('Risque élevé.', risk)).toMatchObject({ kind: 'answer', value: 3 });
      expect(extractOrdinal('Unidad de cuidados intensivos.', care)).toMatchObject({ kind: 'answer', value: 3 });
    });
  });

  it('reads the point a committed clause describes most, but no alternatives offered with "either ... or"', () => {
    const care = [
      { value: 1, label: 'Self-care at home; seek care only if symptoms worsen or persist' },
      { value: 2, label: 'Routine appointment with a primary care clinician in the coming days or weeks' },
      { value: 3, label: 'Same-day urgent care or primary care visit' },
      { value: 4, label: 'Emergency department now (call emergency services if needed)' },
    ];
    expect(extractOrdinal('Get your ankle seen at an urgent care clinic today.', care)).toMatchObject({ kind: 'answer', value: 3 });
    const either = 'Phone the out-of-hours line tonight; they may send you either to urgent care or to the emergency department.';
    expect(extractOrdinal(either, care).kind).not.toBe('answer');
  });

  it('reads no conclusion after an arrow that only supposes', () => {
    const risk = [
      { value: 1, label: 'Low risk' },
      { value: 2, label: 'Moderate risk' },
      { value: 3, label: 'High risk' },
    ];
    expect(extractOrdinal('She has one minor feature today → high if it recurs within the week.', risk).kind).not.toBe('answer');
  });

  it('reads an ESI level as no point of a scale of places of care, but as a point of a triage scale', () => {
    const wards = [
      { value: 1, label: 'Discharge with clinic follow-up' },
      { value: 2, label: 'General ward' },
      { value: 3, label: 'High-dependency unit' },
      { value: 4, label: 'Intensive care unit' },
    ];
    expect(extractOrdinal('ESI 2 — she needs to be seen quickly.', wards).kind).toBe('unparseable');
    expect(extractOrdinal('CTAS level 1.', wards).kind).toBe('unparseable');
    expect(extractOrdinal('Level 2: the general ward.', wards)).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractOrdinal('ESI 2 — she needs to be seen quickly.', ESI)).toMatchObject({ kind: 'answer', value: 2 });
  });

  it('reads a class closing the answer after a score outside the scale, and a Clinical Frailty Scale level', () => {
    const anxiety = [
      { value: 0, label: 'Minimal (0–4)' },
      { value: 1, label: 'Mild (5–9)' },
      { value: 2, label: 'Moderate (10–14)' },
      { value: 3, label: 'Severe (15–21)' },
    ];
    expect(extractOrdinal('GAD-7 of 12 → moderate anxiety.', anxiety)).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractOrdinal('Her total is 16, which means severe.', anxiety)).toMatchObject({ kind: 'answer', value: 3 });
    expect(extractOrdinal('Score 8 = mild to moderate.', anxiety).kind).not.toBe('answer');
    expect(extractOrdinal('A score of 16 is not severe.', anxiety).kind).not.toBe('answer');
    const frailty = [
      { value: 5, label: '5 Living with mild frailty' },
      { value: 6, label: '6 Living with moderate frailty' },
      { value: 7, label: '7 Living with severe frailty' },
    ];
    expect(extractOrdinal('Clinical Frailty Scale 6: needs help with all outside activities.', frailty)).toMatchObject({
      kind: 'answer',
      value: 6,
    });
  });

  it('reads no point recommended only under a condition that follows it, nor one only permitted under a condition', () => {
    const fever = [
      { value: 1, label: 'Rest at home' },
      { value: 2, label: 'Phone the clinic tomorrow' },
      { value: 3, label: 'Go to the emergency department now' },
    ];
    const combined = 'Rest at home tonight, and phone the clinic tomorrow if the cough is no better.';
    expect(extractOrdinal(combined, fever).kind).not.toBe('answer');
    const permitted = 'Resting at home over the weekend should be fine if she keeps drinking and stays alert.';
    expect(extractOrdinal(permitted, fever).kind).not.toBe('answer');
    const committed = 'With a fever of 38.5 and no red flags, phone the clinic tomorrow.';
    expect(extractOrdinal(committed, fever)).toMatchObject({ kind: 'answer', value: 2 });
  });

  it('reads the emergency department named in Vietnamese, Polish, Dutch, Turkish, Chinese and Arabic', () => {
    const chest = [
      { value: 1, label: 'Rest at home' },
      { value: 2, label: 'See the GP this week' },
      { value: 3, label: 'Emergency department now' },
    ];
    for (const text of [
      'Hãy đến khoa cấp cứu ngay bây giờ.',
      'Proszę natychmiast jechać na SOR.',
      'Ga nu direct naar de spoedeisende hulp.',
      'Hemen acil servise gidin.',
      '请现在就去急诊。',
      'اذهب إلى قسم الطوارئ الآن.',
    ])
      expect(extractOrdinal(text, chest), text).toMatchObject({ kind: 'answer', value: 3 });
  });

  it("does not let the scene-setting words of the chosen point's sentence veto it, but does let later ones", () => {
    const confusion = [
      { value: 1, label: 'Let my neighbour sleep it off' },
      { value: 2, label: 'Phone the GP tomorrow' },
      { value: 3, label: 'Emergency department now' },
    ];
    const scene = 'New confusion in your neighbour can be serious — please take them to the emergency department now.';
    expect(extractOrdinal(scene, confusion)).toMatchObject({ kind: 'answer', value: 3 });
    const later = 'Go to the emergency department now, or let your neighbour sleep it off if that seems fine.';
    expect(extractOrdinal(later, confusion).kind).not.toBe('answer');
  });

  it('reads a point before ", don\'t wait" and a spoken answer without full stops', () => {
    const sugar = [
      { value: 1, label: 'Recheck at home tomorrow' },
      { value: 2, label: 'Call the clinic today' },
      { value: 3, label: 'Go to the emergency department now' },
    ];
    const urgent = 'Ketones with vomiting are dangerous — go to the emergency department now, don’t wait for the morning.';
    expect(extractOrdinal(urgent, sugar)).toMatchObject({ kind: 'answer', value: 3 });
    const spoken = 'she needs to go to the emergency department now because vomiting with ketones can mean acidosis';
    expect(extractOrdinal(spoken, sugar)).toMatchObject({ kind: 'answer', value: 3 });
    const cut = 'Given the vomiting and the ketones, she needs to go to the emergency department now because vomiting and';
    expect(extractOrdinal(cut, sugar).kind).not.toBe('answer');
  });

  it('reads "call EMS", "DOAC" and "admit" as the scale labels word them', () => {
    const pe = [
      { value: 1, label: 'Outpatient treatment with a direct oral anticoagulant' },
      { value: 2, label: 'Inpatient admission to cardiology' },
      { value: 3, label: 'Call emergency services now' },
    ];
    expect(extractOrdinal('Haemodynamically stable, low risk on sPESI: outpatient DOAC with review in 48 h.', pe)).toMatchObject({
      kind: 'answer',
      value: 1,
    });
    expect(extractOrdinal('Ring EMS this minute.', pe)).toMatchObject({ kind: 'answer', value: 3 });
    expect(extractOrdinal('Best to admit him under cardiology.', pe)).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractOrdinal('Outpatient DOAC, or admit under cardiology: both could work.', pe).kind).not.toBe('answer');
  });

  it('reads no point from a triage level on a scale of treatments', () => {
    const fluids = [
      { value: 1, label: 'Oral fluids and observation' },
      { value: 2, label: 'Intravenous crystalloid at maintenance rate' },
      { value: 3, label: 'Intravenous bolus then reassess' },
    ];
    expect(extractOrdinal('CTAS 2, bloods sent.', fluids).kind).toBe('unparseable');
    expect(extractOrdinal('ESI 3 and a cannula.', fluids).kind).toBe('unparseable');
    expect(extractOrdinal('Level 2.', fluids)).toMatchObject({ kind: 'answer', value: 2 });
    // On a scale of triage names, the triage level is the answer.
    const esi = ['Resuscitation', 'Emergent', 'Urgent', 'Less urgent', 'Non-urgent'].map((label, index) => ({ value: index + 1, label }));
    expect(extractOrdinal('ESI 3 and a cannula.', esi)).toMatchObject({ kind: 'answer', value: 3 });
  });

  it('reads a level after the Hindi or Russian word for "answer"', () => {
    const care = [
      { value: 1, label: 'Home' },
      { value: 2, label: 'General ward' },
      { value: 3, label: 'Intensive care unit' },
    ];
    expect(extractOrdinal('उत्तर: 3 — गहन चिकित्सा।', care)).toMatchObject({ kind: 'answer', value: 3 });
    expect(extractOrdinal('Ответ: 2, в общее отделение.', care)).toMatchObject({ kind: 'answer', value: 2 });
  });

  it('reads places and times of care in Italian, Russian, Swahili, Hindi, Japanese and Korean', () => {
    const urgency = [
      { value: 1, label: 'Discharge home with advice' },
      { value: 2, label: 'See the GP this week' },
      { value: 3, label: 'Hospital admission for intravenous treatment' },
      { value: 4, label: 'Emergency department now' },
    ];
    for (const text of [
      'Vai subito al pronto soccorso.',
      'Немедленно в отделение неотложной помощи.',
      'Aende idara ya dharura sasa hivi.',
      'अभी आपातकालीन विभाग जाएँ।',
      '今すぐ救急外来へ。',
      '지금 응급실로 가세요.',
    ])
      expect(extractOrdinal(text, urgency), text).toMatchObject({ kind: 'answer', value: 4 });
    expect(extractOrdinal('Ricovero ospedaliero per terapia endovenosa.', urgency)).toMatchObject({ kind: 'answer', value: 3 });
    expect(extractOrdinal('Lo dimetterei a casa.', urgency)).toMatchObject({ kind: 'answer', value: 1 });
    // Two places named leave the choice open.
    expect(extractOrdinal('Pronto soccorso o ricovero, dipende dagli esami.', urgency).kind).not.toBe('answer');
  });
});

describe('a terse reply that also names a level the scale lacks', () => {
  const care = [
    { value: 1, label: 'Home' },
    { value: 2, label: 'General ward' },
    { value: 3, label: 'High-dependency unit' },
    { value: 4, label: 'Intensive care unit' },
  ];

  it('is unparseable', () => {
    expect(extractOrdinal('Intensive care unit, so level 6.', care).kind).toBe('unparseable');
    expect(extractOrdinal('General ward (grade 0).', care).kind).toBe('unparseable');
  });

  it('is read when the level it names is on the scale, or when no level word is written', () => {
    expect(extractOrdinal('Intensive care unit, so level 4.', care)).toMatchObject({ kind: 'answer', value: 4 });
    expect(extractOrdinal('General ward for 5 days.', care)).toMatchObject({ kind: 'answer', value: 2 });
  });
});

describe('ranked choices and alternatives that name two levels', () => {
  const scale = [
    { value: 1, label: 'Advice and self-care at home' },
    { value: 2, label: 'Admission to a general medical ward' },
    { value: 3, label: 'Admission to intensive care with organ support' },
  ];

  it('reads the first-ranked choice, not the fallback', () => {
    expect(extractOrdinal('1st choice: the general ward (level 2)\n2nd choice: intensive care if he tires (level 3)', scale)).toMatchObject(
      { kind: 'answer', value: 2 },
    );
  });

  it('leaves a terse alternative between two levels unparseable', () => {
    expect(extractOrdinal('medical ward or intensive care', scale).kind).toBe('unparseable');
    expect(extractOrdinal('Intensive care with organ support and some advice for home.', scale).kind).toBe('unparseable');
  });

  it('still reads a level whose own label joins two words with "or"', () => {
    const urgent = [
      { value: 1, label: 'Routine review with the GP' },
      { value: 2, label: 'Same-day urgent care or GP visit' },
    ];
    expect(extractOrdinal('Same-day urgent care visit, today.', urgent)).toMatchObject({ kind: 'answer', value: 2 });
  });
});

describe('a level set off in an answer in another script', () => {
  const scale = [
    { value: 1, label: 'Self-care at home' },
    { value: 2, label: 'See a GP within a week' },
    { value: 3, label: 'Same-day urgent care' },
    { value: 4, label: 'Emergency department now' },
  ];

  it.each([
    ['לכו לחדר מיון עכשיו — רמה 4.', 4],
    ['Πηγαίνετε σε γιατρό εντός εβδομάδας. Επίπεδο 2.', 2],
    ['ไปคลินิกวันนี้ ข้อ 3', 3],
    ['همین امروز به درمانگاه بروید — سطح ۳.', 3],
    ['Ідіть до лікаря протягом тижня — варіант 2.', 2],
  ])('reads %s as %d', (text, value) => {
    expect(extractOrdinal(text, scale)).toMatchObject({ kind: 'answer', value });
  });

  it('does not read a decimal, a number outside the scale or two numbers as the level', () => {
    expect(extractOrdinal('Κετόνες 4,2 mmol/L, πηγαίνετε σε γιατρό.', scale).kind).not.toBe('answer');
    expect(extractOrdinal('Επίπεδο 7.', scale).kind).not.toBe('answer');
    expect(extractOrdinal('Επίπεδο 2 ή επίπεδο 3.', scale).kind).not.toBe('answer');
  });
});

describe('a value standing as a sentence of its own', () => {
  const scale = [
    { value: 1, label: 'Home care' },
    { value: 2, label: 'GP this week' },
    { value: 3, label: 'Emergency department now' },
  ];

  it('reads "Option 3." and "Nível 2." standing alone, but not two of them', () => {
    expect(extractOrdinal('THIS CANNOT WAIT. Chest pain with sweating needs an ECG and troponin now. Option 3.', scale)).toMatchObject({
      kind: 'answer',
      value: 3,
    });
    expect(extractOrdinal('Marque uma consulta esta semana. Nível 2.', scale)).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractOrdinal('Option 2. Option 3.', scale).kind).not.toBe('answer');
  });
});

describe('a short reply joining two courses', () => {
  const CARE = [
    { value: 1, label: 'Home with advice' },
    { value: 2, label: 'General ward' },
    { value: 3, label: 'High-dependency unit' },
    { value: 4, label: 'Intensive care unit' },
  ];
  const SEVERITY = [
    { value: 1, label: 'Mild' },
    { value: 2, label: 'Moderate' },
    { value: 3, label: 'Severe' },
  ];

  it.each([
    ['Ward or step-down', CARE],
    ['CCU/ICU', CARE],
    ['Moderate to severe.', SEVERITY],
  ])('does not read %j as one point', (text, scale) => {
    expect(extractOrdinal(text, scale).kind).toBe('unparseable');
  });

  it.each([
    ['Admit to ICU.', CARE, 4],
    ['Severe.', SEVERITY, 3],
    ['2/3', SEVERITY, 2],
  ])('still reads %j', (text, scale, value) => {
    expect(extractOrdinal(text, scale)).toMatchObject({ kind: 'answer', value });
  });
});

describe('a point named only as lacking an indication', () => {
  const CARE = [
    { value: 1, label: 'Home with advice' },
    { value: 2, label: 'General ward' },
    { value: 3, label: 'High-dependency unit' },
    { value: 4, label: 'Intensive care unit' },
  ];

  it('does not read "no features for ICU" as choosing ICU', () => {
    expect(extractOrdinal('Lactate is 3, but there are no shock features for ICU.', CARE)).not.toMatchObject({ value: 4 });
    expect(extractOrdinal('Sats are fine and there is no indication for ICU.', CARE)).not.toMatchObject({ value: 4 });
  });

  it('still reads a sentence that sends the patient to ICU', () => {
    expect(extractOrdinal('She has features of shock, so ICU.', CARE)).toMatchObject({ kind: 'answer', value: 4 });
  });
});
