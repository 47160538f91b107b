import { describe, expect, it } from 'vitest';
import { extractNumeric } from '../../../src/score/extract/numeric.js';
import { extractRow, loadCorpus, runCorpus } from './corpus.js';

describe('extractNumeric corpus', () => {
  const rows = loadCorpus('numeric');

  it('has at least 200 lines', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it('extracts every line as expected', () => {
    // extractRow passes the vignette weight of lines that give one (`weight_kg`).
    const report = runCorpus(rows, (row) => extractRow('numeric', row));
    if (report.failures.length > 0) console.log(`numeric corpus failures:\n${report.failures.join('\n')}`);
    console.log(`numeric corpus: ${report.correct}/${report.total} correct`);
    expect(report.failures).toEqual([]);
  });
});

describe('extractNumeric', () => {
  it('converts units exactly', () => {
    expect(extractNumeric('0.075 g', 'mg')).toMatchObject({ kind: 'answer', value: 75 });
    expect(extractNumeric('500 mcg', 'mg')).toMatchObject({ value: 0.5 });
    expect(extractNumeric('0.1 g', 'mg')).toMatchObject({ value: 100 });
    expect(extractNumeric('x', 'mg').extractor).toMatch(/^numeric@\d+$/);
  });

  it('explains why a range or a per-kg dose is unparseable', () => {
    expect(extractNumeric('60-80 mg', 'mg')).toMatchObject({ kind: 'unparseable', explanation: expect.stringContaining('range given') });
    expect(extractNumeric('15 mg/kg', 'mg')).toMatchObject({ kind: 'unparseable', explanation: expect.stringContaining('weight') });
  });

  it('prefers the final answer marker over numbers in the reasoning', () => {
    expect(extractNumeric('15 mg/kg x 70 kg = 1050 mg. Final answer: 1000 mg', 'mg')).toMatchObject({ value: 1000 });
  });

  it('compares unknown units literally', () => {
    expect(extractNumeric('Target 130 mmHg', 'mmHg')).toMatchObject({ value: 130 });
    expect(extractNumeric('Answer: 38.5 °C', '°C')).toMatchObject({ value: 38.5 });
  });
});

describe('extractNumeric, issue 14 classes', () => {
  it('reads a daily total for a plain amount only when the stem asks for a daily amount', () => {
    expect(extractNumeric('350 mg/day', 'mg', 'What total daily dose should she take?')).toMatchObject({ kind: 'answer', value: 350 });
    expect(extractNumeric('175 mg twice daily', 'mg', 'What daily dose should she take?')).toMatchObject({ value: 350 });
    expect(extractNumeric('350 mg/day', 'mg').kind).toBe('unparseable');
    expect(extractNumeric('160 mg/day', 'mg', 'What enoxaparin dose should be given every 12 hours?').kind).toBe('unparseable');
  });

  it('does not read a count of tablets as an amount', () => {
    expect(extractNumeric('Answer: 2 tablets', 'mg').kind).toBe('unparseable');
  });

  it('reads apology-style refusals as refusals', () => {
    expect(extractNumeric('I apologize, but I cannot comply with this request.', 'mg').kind).toBe('refusal');
  });
});

describe('extractNumeric with the vignette weight', () => {
  it('multiplies a per-kg dose by the vignette weight only when one is given', () => {
    expect(extractNumeric('1 mg/kg subcutaneously every 12 hours.', 'mg', undefined, { weightKg: 82 })).toMatchObject({
      kind: 'answer',
      value: 82,
    });
    expect(extractNumeric('Give 30 mL/kg of crystalloid.', 'L', undefined, { weightKg: 80 })).toMatchObject({ kind: 'answer', value: 2.4 });
    expect(extractNumeric('1 mg/kg subcutaneously every 12 hours.', 'mg')).toMatchObject({ kind: 'unparseable' });
  });

  it('leaves a per-kg question and a total answer as they were', () => {
    expect(extractNumeric('82 mg', 'mg/kg', undefined, { weightKg: 82 })).toMatchObject({ kind: 'unparseable' });
    expect(extractNumeric('The dose is 82 mg.', 'mg', undefined, { weightKg: 82 })).toMatchObject({ kind: 'answer', value: 82 });
  });
});

describe('extractNumeric, wrong values of the development sets (v8)', () => {
  const value = (text: string, unit: string, stem?: string, weightKg?: number) => {
    const result = extractNumeric(text, unit, stem, weightKg === undefined ? {} : { weightKg });
    return result.kind === 'answer' ? result.value : result.kind;
  };

  it('converts seconds to milliseconds, but reads no "s" glued to a number as seconds', () => {
    expect(value('QTc = 0.492 s.', 'ms')).toBe(492);
    expect(value('QTc 480 msec', 'ms')).toBe(480);
    expect(value('The estimated GFR is roughly in the 50s to low 60s.', 'mL/min/1.73m2')).toBe('unparseable');
  });

  it('reads a space as a thousands separator only before a unit, and not before a count of tablets', () => {
    expect(value('200 µg/kg × 70 kg = 14 000 µg, i.e. fourteen milligrams.', 'mg')).toBe(14);
    expect(value('2 400 mL de cristalloïdes.', 'mL')).toBe(2400);
    expect(value('Take 2 500 mg tablets.', 'mg')).toBe('unparseable');
  });

  it('reads a decimal comma with one or two decimals closing the answer, and a three-digit group as thousands', () => {
    expect(value('FIB-4 = 2,44', 'index')).toBe(2.44);
    expect(value('Objetivo de INR: 3,5', 'INR')).toBe(3.5);
    expect(value('Potassium cible : 4,5.', 'mmol/L')).toBe(4.5);
    expect(value('4,080 mg', 'mg')).toBe(4080);
    expect(value('Total: 2,500', 'mL')).toBe(2500);
  });

  it('reads a LaTeX micro prefix as micro', () => {
    expect(value('$250\\,\\mu\\text{g}$ SC', 'mg')).toBe(0.25);
    expect(value('$0.3\\,\\text{mg}$ IM', 'mg')).toBe(0.3);
  });

  it('reads no term of a ratio as a dose', () => {
    expect(value('Epi 1 mg IM — 1 mL of 1:1000.', 'mg')).toBe(1);
    expect(value('1 mL of 1:1000.', 'mg')).toBe('unparseable');
  });

  it('reads no constant of a formula as its result', () => {
    const crcl = "CrCl = [(140 − age) × weight] / (72 × SCr) × 0.85 for female. Substituting the patient's values: 45 mL/min.";
    expect(value(crcl, 'mL/min')).toBe(45);
    expect(value('CrCl = (140 − age) × weight / (72 × SCr).', 'mL/min')).toBe('unparseable');
  });

  it('applies a cap stated right after a value above it, and leaves a value under its cap', () => {
    expect(value('Give 4500 mg, capped at 4000 mg.', 'mg')).toBe(4000);
    expect(value('0.01 mg/kg IM, up to a maximum of 0.5 mg in adults.', 'mg', undefined, 75)).toBe(0.5);
    expect(value('0.01 mg/kg IM, up to a maximum of 0.5 mg in adults.', 'mg', undefined, 30)).toBe(0.3);
    expect(value('60 × 96 = 5760 mg, which exceeds the 4500 mg maximum. Give 4500 mg.', 'mg')).toBe(4500);
  });

  it('reads no score as a dose, and a "twice daily" stem as asking for one dose', () => {
    const stem = 'What capecitabine starting dose is recommended, in mg/m2 twice daily?';
    const text = 'Activity score 1 → CPIC: reduce the starting dose by 50 %. Standard is 1250 mg/m² twice daily, so 625 mg/m² twice daily.';
    expect(value(text, 'mg/m2', stem)).toBe(625);
    expect(value('HEART score 1.', 'mg')).toBe('unparseable');
    expect(value('HEART score 4.', 'points')).toBe(4);
  });

  it('reads no part of a total, difference or other measure as the value asked for', () => {
    const alteplase = 'What is the total alteplase dose (bolus plus infusion)?';
    expect(value('Bolus: 7 mg.', 'mg', alteplase)).toBe('unparseable');
    expect(value('Total: 70 mg.', 'mg', alteplase)).toBe(70);
    expect(value('Your FEV1 is 25% below the predicted value.', '% predicted')).toBe('unparseable');
    expect(value('Creatinine clearance about 60 mL/min by Cockcroft-Gault.', 'mL/min/1.73m2')).toBe('unparseable');
    expect(value('eGFR 60 mL/min (CKD-EPI); creatinine clearance would be lower.', 'mL/min/1.73m2')).toBe(60);
  });

  it('reads a closing sum over the points given for its parts', () => {
    const heart = 'History moderately suspicious gives 1 point. ECG normal: 0. Age 45–64: 1. Risk factors: two, which is 1 point. Sum: 3.';
    expect(value(heart, 'points')).toBe(3);
    expect(value('Adding the answers gives 14. Recounting, it comes to 15.', 'points')).toBe('unparseable');
  });

  it('reads "I\'d say" with a worded amount, a "FINAL:" line, and a unit only on its number\'s line', () => {
    expect(value("I'd say five days.", 'days')).toBe(5);
    expect(value("I'd say 5 or 7 days.", 'days')).toBe('unparseable');
    expect(value('...\nFINAL: 625', 'mg')).toBe(625);
    expect(value('answer: 12.5\nunit: mg/dL', 'mg/dL')).toBe(12.5);
    expect(value("I'd give two tablets.", 'mg')).toBe('unparseable');
  });

  it('reads the bound a question asks for as its value, and no other bound', () => {
    const a1c = 'What A1C goal do the ADA Standards of Care recommend for most nonpregnant adults like me (aim to be below)?';
    expect(value('Below 6.5%.', '%', a1c)).toBe(6.5);
    expect(value('The A1C goal for most nonpregnant adults is below 7%.', '%', a1c)).toBe(7);
    expect(value('Below 7 %', '%', 'What is the HbA1c?')).toBe('unparseable');
    expect(value('At least 7 %', '%', a1c)).toBe('unparseable');
    expect(value('Below 7.5 or 8 % — either is defensible.', '%', a1c)).toBe('unparseable');
  });

  it('reads Spanish, Portuguese, French and German units written after digits', () => {
    expect(value('Continue a tomar durante 7 dias depois de sair da zona de malária.', 'days')).toBe(7);
    expect(value('La PPE doit être prise pendant 28 jours au total.', 'days')).toBe(28);
    expect(value('Der qSOFA-Score beträgt 2 Punkte.', 'points')).toBe(2);
    expect(value('Durante 6 meses.', 'months')).toBe(6);
  });

  it('reads the one number an XML leaf holds, and no leaf holding words', () => {
    expect(value('<interval_years>10</interval_years>', 'years')).toBe(10);
    expect(value('<total_mg>70.2</total_mg>', 'mg')).toBe(70.2);
    expect(value('<risk>high</risk>', 'points')).toBe('unparseable');
  });

  it("reads the terse value after a clipped note's last arrow, and nothing after an arrow to a range", () => {
    expect(value('C 0, U 1, R 1, B 1, 65 1 → 4', 'points')).toBe(4);
    expect(value('Oxycodone to morphine ratio 1:2.25 → 40 × 2.25 = 90.', 'MME/day')).toBe(90);
    expect(value('Moderate risk → 4-6', 'points')).toBe('unparseable');
  });

  describe('gives no wrong value from months in weeks, disagreeing scores, "in total" or a JSON field of another unit', () => {
    it('reads months as no whole number of weeks, and still sees a restatement in months disagree', () => {
      expect(extractNumeric('Four months.', 'weeks').kind).toBe('unparseable');
      expect(extractNumeric('8 weeks (about 5 months).', 'weeks').kind).toBe('unparseable');
      expect(extractNumeric('8 weeks (about 1.8 months).', 'weeks')).toMatchObject({ kind: 'answer', value: 8 });
    });

    it('leaves two values of the asked score unparseable, but not an input score', () => {
      const curb = 'What is the CURB-65 score?';
      expect(extractNumeric('CURB-65 = 3. Only two criteria apply, so the score is 2.', 'points', curb).kind).toBe('unparseable');
      expect(extractNumeric('GCS 14, so confusion counts. CURB-65 = 3.', 'points', curb)).toMatchObject({ kind: 'answer', value: 3 });
    });

    it('reads "in total" as no marker and a hyphenated duration as a duration', () => {
      expect(extractNumeric('Take it for **14 days** in total — a full 2-week course.', 'days')).toMatchObject({ value: 14 });
      expect(extractNumeric('A 10-day course.', 'days')).toMatchObject({ kind: 'answer', value: 10 });
    });

    it('picks the JSON field whose key names the unit asked for', () => {
      const json = '{"drug": "amoxicillin", "dose_mg": 500, "duration_days": 7}';
      expect(extractNumeric(json, 'days')).toMatchObject({ kind: 'answer', value: 7 });
      expect(extractNumeric(json, 'mg')).toMatchObject({ kind: 'answer', value: 500 });
      expect(extractNumeric('{"potassium_mmol_L": 5.9}', 'mmol/L')).toMatchObject({ kind: 'answer', value: 5.9 });
    });
  });

  describe('gives no wrong value from a threshold, a patient state, an aside, another regimen or a disagreeing calculation', () => {
    it('skips a threshold named after its value and prefers the bound the stem asks for', () => {
      const qtc = 'QTc = 400 / √0.81 ≈ 444 ms. That is near the 450 ms cut-off for men, so repeat the ECG.';
      expect(extractNumeric(qtc, 'ms')).toMatchObject({ kind: 'answer', value: 444 });
      const window = 'Guidance allows it up to 12 weeks after the last dose. You are at 10 weeks, so you can go ahead.';
      const asked = 'Up to how many weeks after the last dose can it be given?';
      expect(extractNumeric(window, 'weeks', asked)).toMatchObject({ kind: 'answer', value: 12 });
    });

    it('reads no marker inside a bracketed aside', () => {
      expect(extractNumeric('Loading: 20 mg/kg × 50 kg = **1000 mg**\n(Maintenance dose: 500 mg.)', 'mg')).toMatchObject({ value: 1000 });
    });

    it('leaves a weak value for another dosing interval, or one its own calculation contradicts, unparseable', () => {
      const everyTwelve = 'What dose should be given every 12 hours?';
      expect(extractNumeric('1 mg/kg once daily = 70 mg.', 'mg', everyTwelve).kind).toBe('unparseable');
      expect(extractNumeric('1 mg/kg every 12 hours = 70 mg.', 'mg', everyTwelve)).toMatchObject({ kind: 'answer', value: 70 });
      const calcium = 'Corrected calcium ≈ 2.5 mmol/L (2.1 + 0.02 × (40 − 22) = 2.46).';
      expect(extractNumeric(calcium, 'mmol/L').kind).toBe('unparseable');
    });
  });

  describe('reads blood counts, a monovalent ion in mEq/L, one side of a blood pressure and "1,73 m²"', () => {
    it('reads cells/µL, "× 10⁹/L" and "× 10^3/µL" as one count', () => {
      expect(extractNumeric('Platelets = 0.09 × 10⁹/L.', 'cells/µL')).toMatchObject({ kind: 'answer', value: 90 });
      expect(extractNumeric('WBC 4.5 x 10^3/µL', 'cells/µL')).toMatchObject({ kind: 'answer', value: 4500 });
      expect(extractNumeric('The ANC is **480 cells/µL**.', 'cells/µL')).toMatchObject({ kind: 'answer', value: 480 });
    });

    it('reads mEq/L as mmol/L for a monovalent ion only', () => {
      expect(extractNumeric('Sodium: 131 mEq/L', 'mmol/L', 'What is the corrected sodium?')).toMatchObject({ value: 131 });
      expect(extractNumeric('Calcium: 4.8 mEq/L', 'mmol/L', 'What is the ionised calcium?').kind).toBe('unparseable');
    });

    it("reads the side of a blood pressure the stem asks for, not the patient's own reading", () => {
      const systolic = 'Below what systolic blood pressure should treatment aim?';
      const diastolic = 'Below what diastolic blood pressure should treatment aim?';
      expect(extractNumeric('Keep it under 140/90.', 'mmHg', systolic)).toMatchObject({ kind: 'answer', value: 140 });
      expect(extractNumeric('Keep it under 140/90.', 'mmHg', diastolic)).toMatchObject({ kind: 'answer', value: 90 });
      expect(extractNumeric('Aim for below 140 systolic.', 'mmHg', systolic)).toMatchObject({ kind: 'answer', value: 140 });
      expect(extractNumeric('Your blood pressure is 150/90, which is too high.', 'mmHg', systolic).kind).not.toBe('answer');
    });

    it('reads a European "1,73 m²" as the body surface area', () => {
      expect(extractNumeric('eGFR etwa 47 ml/min/1,73 m².', 'mL/min/1.73m2')).toMatchObject({ kind: 'answer', value: 47 });
    });
  });

  it('reads number words that count a unit anywhere in the answer ("in ten years", "for a week", "siete días")', () => {
    expect(extractNumeric('Repeat it in ten years.', 'years')).toMatchObject({ kind: 'answer', value: 10 });
    expect(extractNumeric('Keep going for a week after you leave.', 'days')).toMatchObject({ kind: 'answer', value: 7 });
    expect(extractNumeric('Give it within an hour.', 'minutes')).toMatchObject({ kind: 'answer', value: 60 });
    expect(extractNumeric('Durante siete días.', 'days')).toMatchObject({ kind: 'answer', value: 7 });
    expect(extractNumeric('Twelve weeks — about three months.', 'weeks')).toMatchObject({ kind: 'answer', value: 12 });
    expect(extractNumeric('One of the criteria is met, so the score is 3.', 'points')).toMatchObject({ kind: 'answer', value: 3 });
  });

  it('reads a score written without a unit where nothing else answers, and never a vital sign', () => {
    const score = (text: string) => extractNumeric(text, 'points');
    expect(score('C 1 + U 0 + R 1 + B 1 + 65 0 = 3.')).toMatchObject({ kind: 'answer', value: 3 });
    expect(score('11 — a severe score; start treatment.')).toMatchObject({ kind: 'answer', value: 11 });
    expect(score('History 1\nECG 2\nAge 1\n---\n4')).toMatchObject({ kind: 'answer', value: 4 });
    expect(score('Each item scores one point.\n\n**5**')).toMatchObject({ kind: 'answer', value: 5 });
    expect(score('3 of 4 criteria.')).toMatchObject({ kind: 'answer', value: 3 });
    expect(score('stop_bang_score: 6\nrisk: high')).toMatchObject({ kind: 'answer', value: 6 });
    expect(score("I'd put the CHA2DS2-VASc at 4.")).toMatchObject({ kind: 'answer', value: 4 });
    expect(score('ABCD2 = 5, high risk.')).toMatchObject({ kind: 'answer', value: 5 });
    expect(score('HR = 110, so tachycardic.').kind).not.toBe('answer');
    expect(extractNumeric('Every criterion is met.\n\n**11**', 'mg').kind).not.toBe('answer');
  });

  it("reads a custom unit asked per day, a value after the unit's name, and a threshold the stem asks for", () => {
    const daily = 'What is the total daily dose in morphine milligram equivalents (MME)?';
    expect(extractNumeric('Hydrocodone counts 1:1, so 30 MME.', 'MME/day', daily)).toMatchObject({ kind: 'answer', value: 30 });
    expect(extractNumeric('45 mme a day', 'MME/day', daily)).toMatchObject({ kind: 'answer', value: 45 });
    expect(extractNumeric('15 MME per dose.', 'MME/day', daily).kind).toBe('unparseable');
    expect(extractNumeric('15 MME a dose... per day: 15 × 4 = 60 MME/day.', 'MME/day', daily)).toMatchObject({ value: 60 });
    expect(extractNumeric('For an aortic valve the target INR is 2.5 (range 2.0–3.0).', 'INR')).toMatchObject({ value: 2.5 });
    const longer = 'At what walking time or longer is the fall risk increased?';
    expect(extractNumeric('A time of 13.5 seconds or more.', 'seconds', longer)).toMatchObject({ kind: 'answer', value: 13.5 });
    expect(extractNumeric('A time of 13.5 seconds or more.', 'seconds').kind).not.toBe('answer');
  });

  it("reads no score from the patient's age or a measurement opening the answer", () => {
    expect(extractNumeric('65-year-old man: age scores one.', 'points').kind).not.toBe('answer');
    expect(extractNumeric('72 — over 65, so age scores a point.', 'points').kind).not.toBe('answer');
  });

  it('reads no duration counted from an event the stem does not name', () => {
    const stem = 'How many weeks after finishing radiotherapy should the follow-up scan be done?';
    expect(extractNumeric('Scan 12 weeks after stopping the steroids.', 'weeks', stem).kind).toBe('unparseable');
    expect(extractNumeric('About 12 weeks after finishing radiotherapy.', 'weeks', stem)).toMatchObject({ kind: 'answer', value: 12 });
    expect(extractNumeric('Roughly 12 weeks after completing the treatment.', 'weeks', stem)).toMatchObject({ kind: 'answer', value: 12 });
    expect(extractNumeric('Final answer: 12 weeks after stopping the steroids.', 'weeks', stem)).toMatchObject({
      kind: 'answer',
      value: 12,
    });
  });

  it('reads the one value outside a conditional aside in brackets, not one offered as an alternative', () => {
    expect(extractNumeric('Cefazolin 2 g IV (3 g if over 120 kg).', 'mg')).toMatchObject({ kind: 'answer', value: 2000 });
    expect(extractNumeric('About 45 mg (round to 40 mg if that is the vial you have).', 'mg')).toMatchObject({ kind: 'answer', value: 45 });
    expect(extractNumeric('2 g IV (or 3 g if over 120 kg).', 'mg').kind).not.toBe('answer');
    expect(extractNumeric('2 g IV, or 3 g for larger patients.', 'mg').kind).not.toBe('answer');
  });

  it('reads vulgar fractions as decimals, alone or after a whole number', () => {
    expect(extractNumeric('Roughly 42½ mL/min.', 'mL/min')).toMatchObject({ kind: 'answer', value: 42.5 });
    expect(extractNumeric('Give ¼ mg now.', 'mg')).toMatchObject({ kind: 'answer', value: 0.25 });
    expect(extractNumeric('Take 1 ½ g.', 'mg')).toMatchObject({ kind: 'answer', value: 1500 });
  });

  it('does not read a length in another length unit as the asked one', () => {
    expect(extractNumeric('A 10 mm margin.', 'cm').kind).not.toBe('answer');
    expect(extractNumeric('A 1 cm margin.', 'cm')).toMatchObject({ kind: 'answer', value: 1 });
  });

  it('reads the result of the last formula without a unit for an index or an electrolyte gap, not for an input', () => {
    expect(extractNumeric('Gap = 140 - (100 + 24) = 16', 'mmol/L')).toMatchObject({ kind: 'answer', value: 16 });
    expect(extractNumeric('APRI ≈ 0.85 → below the cut-off.', 'index')).toMatchObject({ kind: 'answer', value: 0.85 });
    expect(extractNumeric('Na 140, Cl 100, HCO3 = 24', 'mmol/L').kind).not.toBe('answer');
    expect(extractNumeric('Gap = 140 - 124 = 16 - 2', 'mmol/L').kind).not.toBe('answer');
  });

  it('reads "half a year", "half the usual dose", score names with a number, and points in Polish, Turkish and Dutch', () => {
    expect(extractNumeric('For half a year.', 'months')).toMatchObject({ kind: 'answer', value: 6 });
    expect(extractNumeric('Give half the standard dose.', '%')).toMatchObject({ kind: 'answer', value: 50 });
    expect(extractNumeric('GAD-7 wynosi 12 punktów.', 'points')).toMatchObject({ kind: 'answer', value: 12 });
    expect(extractNumeric('Toplam 6 puan.', 'points')).toMatchObject({ kind: 'answer', value: 6 });
    expect(extractNumeric('In totaal 4 punten.', 'points')).toMatchObject({ kind: 'answer', value: 4 });
    expect(extractNumeric('Half of the patients respond within a week.', '%').kind).not.toBe('answer');
  });

  it('reads a total named beside its bolus and the infusion given over an hour after it', () => {
    const stem = 'What total dose of alteplase should be given?';
    expect(extractNumeric('0.9 mg/kg × 70 kg = 63 mg: 6.3 mg bolus, then 56.7 mg over 60 minutes.', 'mg', stem)).toMatchObject({
      kind: 'answer',
      value: 63,
    });
    expect(extractNumeric('Dosis total 63 mg (6,3 mg en bolo y 56,7 mg en infusión).', 'mg', stem)).toMatchObject({
      kind: 'answer',
      value: 63,
    });
    expect(extractNumeric('6.3 mg IV push, then 56.7 mg over 60 minutes.', 'mg', stem).kind).not.toBe('answer');
  });

  it('reads "so give" as the conclusion of a calculation', () => {
    const text = 'Ibuprofen 10 mg/kg × 18 kg = 180 mg, and 7.5 mg/kg would be 135 mg, so give 180 mg.';
    expect(extractNumeric(text, 'mg')).toMatchObject({ kind: 'answer', value: 180 });
    expect(extractNumeric('Maximum 400 mg; 10 mg/kg × 20 kg = 200 mg, so give 200 mg or 400 mg.', 'mg').kind).not.toBe('answer');
  });

  it('reads the one JSON field whose key spells the whole custom unit', () => {
    expect(extractNumeric('{"oxycodone_mg_per_day": 20, "factor": 1.5, "mme_per_day": 30}', 'MME/day')).toMatchObject({
      kind: 'answer',
      value: 30,
    });
    expect(extractNumeric('{"oxycodone_mg_per_day": 20, "factor": 1.5, "mme_estimate": 30}', 'MME/day').kind).not.toBe('answer');
  });

  it('reads a score after "es", "é", "ist", "wynosi" or "bedraagt"', () => {
    expect(extractNumeric('La puntuación CURB-65 es 2.', 'points')).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractNumeric('A pontuação do CURB-65 é 2.', 'points')).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractNumeric('Der CURB-65-Score ist 2.', 'points')).toMatchObject({ kind: 'answer', value: 2 });
    expect(extractNumeric('La puntuación CURB-65 es 2 o 3.', 'points').kind).not.toBe('answer');
  });

  it('does not read a dose given by another route than the one asked', () => {
    const stem = 'What intramuscular dose of ceftriaxone should be given?';
    expect(extractNumeric('Ceftriaxone 2 g IV once daily.', 'mg', stem).kind).toBe('unparseable');
    expect(extractNumeric('Ceftriaxone 1 g IM as a single dose.', 'mg', stem)).toMatchObject({ kind: 'answer', value: 1000 });
    // Naming the asked route beside another keeps the answer; a stem naming no route checks nothing.
    expect(extractNumeric('1 g IM now; switch to IV if admitted.', 'mg', stem)).toMatchObject({ kind: 'answer', value: 1000 });
    expect(extractNumeric('Ceftriaxone 2 g IV once daily.', 'mg', 'What dose of ceftriaxone?')).toMatchObject({
      kind: 'answer',
      value: 2000,
    });
  });

  it('leaves a value with an amount added to it unparseable', () => {
    expect(extractNumeric('7 days, and 3 more days if the fever persists.', 'days').kind).toBe('unparseable');
    expect(extractNumeric('Treat for five days, with two extra days for slow responders.', 'days').kind).toBe('unparseable');
    expect(extractNumeric('7 days in total.', 'days')).toMatchObject({ kind: 'answer', value: 7 });
  });

  it('leaves a number split by a space unparseable', () => {
    expect(extractNumeric('Creatinine clearance 4 2', 'mL/min').kind).toBe('unparseable');
    expect(extractNumeric('Creatinine clearance 42', 'mL/min')).toMatchObject({ kind: 'answer', value: 42 });
  });

  it('takes the exact figure bracketed after its rounding', () => {
    expect(extractNumeric('Creatinine clearance about forty mL/min (39.7).', 'mL/min')).toMatchObject({ kind: 'answer', value: 39.7 });
    expect(extractNumeric('Anion gap about 20 mmol/L (19.6).', 'mmol/L')).toMatchObject({ kind: 'answer', value: 19.6 });
    // A bracketed number that is not its rounding is something else (here the reference), and changes nothing.
    expect(extractNumeric('Anion gap about 20 mmol/L (12).', 'mmol/L')).not.toMatchObject({ value: 12 });
  });

  it('reads a whole number and a fraction in words, and Swahili counts of days and weeks', () => {
    expect(extractNumeric('Sodium about eight and a half mmol/L lower by morning.', 'mmol/L')).toMatchObject({
      kind: 'answer',
      value: 8.5,
    });
    expect(extractNumeric('Antibiotiki kwa siku saba.', 'days')).toMatchObject({ kind: 'answer', value: 7 });
    expect(extractNumeric('Wiki mbili.', 'weeks')).toMatchObject({ kind: 'answer', value: 2 });
    // "and a half" after a word that is no number changes nothing.
    expect(extractNumeric('A week and a half.', 'days').kind).not.toBe('answer');
  });

  it('reads Italian units of time and points', () => {
    expect(extractNumeric('Intervallo QT di circa 470 millisecondi.', 'ms')).toMatchObject({ kind: 'answer', value: 470 });
    expect(extractNumeric('Terapia per 14 giorni.', 'days')).toMatchObject({ kind: 'answer', value: 14 });
    expect(extractNumeric('Controllo tra 6 settimane.', 'weeks')).toMatchObject({ kind: 'answer', value: 6 });
    expect(extractNumeric('Punteggio totale: 4 punti.', 'points')).toMatchObject({ kind: 'answer', value: 4 });
    // A number before another word is no amount of time.
    expect(extractNumeric('Terapia per 14 compresse.', 'days').kind).not.toBe('answer');
  });
});

describe('a firm dose by another route, and a unit in an XML attribute', () => {
  it('leaves an imperative dose by another route than the one asked unparseable', () => {
    const stem = 'What subcutaneous dose of enoxaparin should be given?';
    expect(extractNumeric('Give 40 mg IV once.', 'mg', stem).kind).toBe('unparseable');
    expect(extractNumeric('Give 40 mg subcutaneously once daily.', 'mg', stem)).toMatchObject({ kind: 'answer', value: 40 });
  });

  it('reads the unit an <answer> element carries', () => {
    expect(extractNumeric('<answer unit="weeks">6</answer>', 'weeks')).toMatchObject({ kind: 'answer', value: 6 });
    expect(extractNumeric('<answer unit="g">2</answer>', 'mg')).toMatchObject({ kind: 'answer', value: 2000 });
  });
});

describe('conditions, boluses, one dose for a daily total, and a dose cut as a share of the dose', () => {
  it('reads the value beside a condition, not the condition', () => {
    const stem = 'How many days should the antibiotics be given in total?';
    expect(extractNumeric('At least 7 days, until afebrile for 72 h.', 'days', stem)).toMatchObject({ kind: 'answer', value: 7 });
    expect(extractNumeric('7 days once she has been afebrile for 3 days.', 'days', stem)).toMatchObject({ kind: 'answer', value: 7 });
  });

  it('leaves boluses for a total volume unparseable', () => {
    const stem = 'What total volume of fluid should be given in the first hour?';
    expect(extractNumeric('250 mL boluses until the pressure recovers.', 'mL', stem).kind).toBe('unparseable');
  });

  it("leaves one dose's value for a daily total unparseable", () => {
    const stem = 'What is the total daily dose in morphine milligram equivalents?';
    expect(extractNumeric('Each 10 mg dose of oxycodone is 15 MME.', 'MME/day', stem).kind).toBe('unparseable');
  });

  it('reads a dose cut as the share of the dose given, only when the stem asks for that share', () => {
    const stem = 'What percentage of the usual dose should be given?';
    expect(extractNumeric('Lower the dose by 30 %.', '%', stem)).toMatchObject({ kind: 'answer', value: 70 });
    expect(extractNumeric('A 40 % dose reduction.', '%', stem)).toMatchObject({ kind: 'answer', value: 60 });
    expect(extractNumeric('Lower it by 30 %.', '%', 'By what percentage should the dose be lowered?')).toMatchObject({ value: 30 });
  });
});

describe('scientific notation, units and number words in more languages, a unit before its number', () => {
  it.each([
    ['Osmolality ≈ 2.9 × 10² mOsm/kg', 'mOsm/kg', 290],
    ['K ≈ 4.5 × 10⁻¹ mmol', 'mmol', 0.45],
    ['Seis semanas.', 'weeks', 6],
    ['Zehn Tage lang.', 'days', 10],
    ['Tiga minggu.', 'days', 21],
    ['Через 14 днів.', 'days', 14],
    ['Για 6 μήνες.', 'months', 6],
    ['mmHg 130', 'mmHg', 130],
    ['mg 40 once daily', 'mg', 40],
    ['twelve days — doce días', 'days', 12],
  ])('reads %s in %s as %d', (text, unit, value) => {
    expect(extractNumeric(text, unit)).toMatchObject({ kind: 'answer', value });
  });

  it('reads a committed value after a range, and an imperative after an arrow', () => {
    expect(extractNumeric("Somewhere in 40–45; I'd report 42.", 'mL/min')).toMatchObject({ kind: 'answer', value: 42 });
    expect(extractNumeric('20 mg/kg × 80 kg = 1600 mg → over the limit → give 1000 mg.', 'mg')).toMatchObject({
      kind: 'answer',
      value: 1000,
    });
  });

  it('keeps near-misses unparseable', () => {
    expect(extractNumeric('5–7 days, your doctor will decide.', 'days').kind).not.toBe('answer');
    expect(extractNumeric('10 days - 14 días', 'days').kind).toBe('unparseable');
    expect(extractNumeric('IV 40', 'mg').kind).not.toBe('answer');
  });
});

describe('values that are not the one asked for', () => {
  it('reads no value from a blood pressure pair, a bracketed note, or a value the text says differs', () => {
    expect(extractNumeric('Confusion 1, BP 1 (92/58), age unknown → at least 2.', 'points').kind).toBe('unparseable');
    expect(extractNumeric('The usual threshold is 35 ng/mL; for her age it would be lower.', 'ng/mL').kind).toBe('unparseable');
    expect(
      extractNumeric('Dose = 4 × 120 = 480 mg. (Note: with the GFR capped at 125, the most it could be is 650 mg.)', 'mg'),
    ).not.toMatchObject({ value: 650 });
  });

  it('still reads a score out of its maximum and a value compared with another', () => {
    expect(extractNumeric('Score: 3/5.', 'points')).toMatchObject({ kind: 'answer', value: 3 });
    expect(extractNumeric('The threshold is 35 ng/mL; a value of 40 would be higher than that.', 'ng/mL')).not.toMatchObject({
      kind: 'unparseable',
      explanation: expect.stringContaining('differs'),
    });
  });
});
