/**
 * Formulas behind the answer keys of the original library's calculated vignettes, written out so the test suite can
 * recompute every key from the numbers in its vignette (test/library/recompute.test.ts). Each takes the named inputs
 * of a calculations entry; an input ending in `Points` is a clinician's judgement component (no number in the text).
 */
export type Formula = (inputs: Readonly<Record<string, number | string>>) => number;

const num = (inputs: Readonly<Record<string, number | string>>, name: string): number => {
  const value = inputs[name];
  if (typeof value !== 'number') throw new Error(`input "${name}" must be a number, got ${JSON.stringify(value)}`);
  return value;
};

export const formulas: Record<string, Formula> = {
  /** CKD-EPI 2021 creatinine equation without race (Inker et al., NEJM 2021): mL/min/1.73 m2. */
  ckdEpi2021Creatinine: (inputs) => {
    const female = inputs.sex === 'female';
    const kappa = female ? 0.7 : 0.9;
    const alpha = female ? -0.241 : -0.302;
    const ratio = num(inputs, 'creatinineMgDl') / kappa;
    return 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** num(inputs, 'age') * (female ? 1.012 : 1);
  },
  /** A per-kilogram dose or volume, capped at `max` when given: `perKg × weightKg`. */
  weightBased: (inputs) => {
    const dose = num(inputs, 'perKg') * num(inputs, 'weightKg');
    return inputs.max === undefined ? dose : Math.min(dose, num(inputs, 'max'));
  },
  /** The sum of every input (questionnaire totals such as the PHQ-9). */
  sum: (inputs) => Object.keys(inputs).reduce((total, name) => total + num(inputs, name), 0),
  /** Ratio as a percentage: `100 × measured / predicted` (FEV1 % predicted). */
  percentOf: (inputs) => (100 * num(inputs, 'measured')) / num(inputs, 'predicted'),
  /** Daily morphine milligram equivalents (CDC 2022): `mgPerDose × dosesPerDay × conversionFactor`. */
  morphineEquivalents: (inputs) => num(inputs, 'mgPerDose') * num(inputs, 'dosesPerDay') * num(inputs, 'conversionFactor'),
  /**
   * HEART score (Six et al., Neth Heart J 2008): history and ECG are judgement points (0-2); age <45 0, 45-64 1,
   * ≥65 2; risk factors 0 → 0, 1-2 → 1, ≥3 or known atherosclerotic disease → 2; troponin ≤1× limit 0, 1-3× 1, >3× 2.
   */
  heartScore: (inputs) => {
    const age = num(inputs, 'age');
    const riskFactors = num(inputs, 'riskFactors');
    const troponin = num(inputs, 'troponinTimesLimit');
    const risk = riskFactors >= 3 || num(inputs, 'knownAtheroscleroticDisease') > 0 ? 2 : riskFactors >= 1 ? 1 : 0;
    return (
      num(inputs, 'historyPoints') +
      num(inputs, 'ecgPoints') +
      (age >= 65 ? 2 : age >= 45 ? 1 : 0) +
      risk +
      (troponin > 3 ? 2 : troponin > 1 ? 1 : 0)
    );
  },
  /** CURB-65 (Lim et al., Thorax 2003): confusion, urea >7 mmol/L, RR ≥30, SBP <90 or DBP ≤60, age ≥65. */
  curb65: (inputs) =>
    num(inputs, 'confusionPoints') +
    (num(inputs, 'ureaMmolL') > 7 ? 1 : 0) +
    (num(inputs, 'respiratoryRate') >= 30 ? 1 : 0) +
    (num(inputs, 'systolicBp') < 90 || num(inputs, 'diastolicBp') <= 60 ? 1 : 0) +
    (num(inputs, 'age') >= 65 ? 1 : 0),
  /** qSOFA (Singer et al., JAMA 2016, Sepsis-3): RR ≥22, SBP ≤100, altered mentation (GCS <15). */
  qsofa: (inputs) =>
    (num(inputs, 'respiratoryRate') >= 22 ? 1 : 0) + (num(inputs, 'systolicBp') <= 100 ? 1 : 0) + (num(inputs, 'gcs') < 15 ? 1 : 0),
};
