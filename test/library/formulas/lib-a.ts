/**
 * Formulas behind the calculated answer keys of the dermatology, endocrinology-diabetes, cardiology and geriatrics
 * vignettes (issue #19), so the library test can recompute every key from the numbers written in its vignette. Names
 * carry a `libA` or domain prefix so they cannot clash with another writer's formulas. An input ending in `Points` is a
 * clinician's judgement component (no number in the text); it goes under `judged` with a `why`.
 */
type Inputs = Readonly<Record<string, number | string>>;

const num = (inputs: Inputs, name: string): number => {
  const value = inputs[name];
  if (typeof value !== 'number') throw new Error(`input "${name}" must be a number, got ${JSON.stringify(value)}`);
  return value;
};

export const formulas: Record<string, (inputs: Inputs) => number> = {
  /**
   * A per-kilogram dose or rate: `perKg × weightKg` (ivermectin 0.2 mg/kg, CDC STI Treatment Guidelines 2021;
   * isotretinoin 0.5 mg/kg/day, US prescribing information; insulin 0.1 units/kg/hour, Umpierrez et al., Diabetes
   * Care 2024; levothyroxine 1.6 mcg/kg/day, Jonklaas et al., Thyroid 2014).
   */
  libAPerKg: (inputs) => num(inputs, 'perKg') * num(inputs, 'weightKg'),

  /** Serum anion gap without potassium: `Na − (Cl + HCO3)` in mmol/L (Umpierrez et al., Diabetes Care 2024). */
  endoAnionGap: (inputs) => num(inputs, 'sodium') - (num(inputs, 'chloride') + num(inputs, 'bicarbonate')),

  /**
   * Effective serum osmolality: `2 × Na (mmol/L) + glucose (mg/dL) / 18` in mOsm/kg, the HHS criterion (>300)
   * of Umpierrez et al., Diabetes Care 2024.
   */
  endoEffectiveOsmolality: (inputs) => 2 * num(inputs, 'sodium') + num(inputs, 'glucoseMgDl') / 18,

  /**
   * Sodium corrected for hyperglycaemia: `Na + factor × (glucose − 100) / 100`, with the factor stated in the
   * vignette (1.6 mmol/L per 100 mg/dL, Katz, NEJM 1973; Umpierrez et al., Diabetes Care 2024).
   */
  endoCorrectedSodium: (inputs) => num(inputs, 'sodium') + (num(inputs, 'factorPer100') * (num(inputs, 'glucoseMgDl') - 100)) / 100,

  /** Albumin-corrected calcium: `Ca + 0.8 × (normal albumin − albumin)` in mg/dL (Payne et al., BMJ 1973). */
  endoCorrectedCalcium: (inputs) => num(inputs, 'calciumMgDl') + 0.8 * (num(inputs, 'normalAlbuminGdl') - num(inputs, 'albuminGdl')),

  /**
   * CHA2DS2-VASc (Lip et al., Chest 2010): heart failure 1, hypertension 1, age ≥75 2 or 65–74 1, diabetes 1,
   * stroke/TIA/thromboembolism 2, vascular disease 1, female sex 1.
   */
  cardioCha2ds2Vasc: (inputs) => {
    const age = num(inputs, 'age');
    return (
      num(inputs, 'heartFailurePoints') +
      num(inputs, 'hypertensionPoints') +
      (age >= 75 ? 2 : age >= 65 ? 1 : 0) +
      num(inputs, 'diabetesPoints') +
      2 * num(inputs, 'strokePoints') +
      num(inputs, 'vascularPoints') +
      (inputs.sex === 'female' ? 1 : 0)
    );
  },

  /**
   * HAS-BLED (Pisters et al., Chest 2010, table 1): uncontrolled hypertension (systolic >160 mmHg) 1, abnormal renal
   * 1 and liver 1 function, stroke 1, bleeding 1, labile INR 1, elderly (>65) 1, antiplatelet/NSAID drugs 1,
   * alcohol ≥8 units a week 1.
   */
  cardioHasBled: (inputs) =>
    (num(inputs, 'systolicBp') > 160 ? 1 : 0) +
    num(inputs, 'renalPoints') +
    num(inputs, 'liverPoints') +
    num(inputs, 'strokePoints') +
    num(inputs, 'bleedingPoints') +
    num(inputs, 'labileInrPoints') +
    (num(inputs, 'age') > 65 ? 1 : 0) +
    num(inputs, 'antiplateletPoints') +
    (num(inputs, 'alcoholUnitsPerWeek') >= 8 ? 1 : 0),

  /** Friedewald LDL cholesterol: `TC − HDL − TG / 5` in mg/dL, valid for TG <400 mg/dL (Friedewald et al., Clin Chem 1972). */
  cardioFriedewaldLdl: (inputs) => num(inputs, 'totalCholesterol') - num(inputs, 'hdl') - num(inputs, 'triglycerides') / 5,

  /** Bazett QTc: `QT / √RR` with QT in ms and RR in seconds (Bazett, Heart 1920). */
  cardioQtcBazett: (inputs) => num(inputs, 'qtMs') / Math.sqrt(num(inputs, 'rrSeconds')),

  /**
   * Cockcroft–Gault creatinine clearance in mL/min (Cockcroft and Gault, Nephron 1976):
   * `(140 − age) × weight / (72 × creatinine mg/dL)`, × 0.85 for women.
   */
  geriCockcroftGault: (inputs) =>
    (((140 - num(inputs, 'age')) * num(inputs, 'weightKg')) / (72 * num(inputs, 'creatinineMgDl'))) * (inputs.sex === 'female' ? 0.85 : 1),

  /**
   * 4AT delirium screen (Bellelli et al., Age Ageing 2014): alertness 0 or 4; AMT4 0 errors 0, 1 error 1, ≥2 errors or
   * untestable 2; months backwards ≥7 correct 0, fewer than 7 1, untestable 2 (`monthsUntestablePoints`); acute change
   * or fluctuating course 0 or 4.
   */
  geri4at: (inputs) => {
    const errors = num(inputs, 'amt4Errors');
    const months = num(inputs, 'monthsCorrect');
    return (
      num(inputs, 'alertnessPoints') +
      Math.min(errors, 2) +
      (num(inputs, 'monthsUntestablePoints') > 0 ? 2 : months >= 7 ? 0 : 1) +
      num(inputs, 'acuteChangePoints')
    );
  },
};
