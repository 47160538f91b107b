/**
 * Clinical formulas behind the calculated keys of the reproductive-health, oncology, substance-use and
 * nephrology-transplant vignettes. Each takes the inputs recorded in test/library/calculations/<domain>.json (values
 * written literally in the vignette text, or pinned age/sex) and returns the value the key must match within the
 * vignette's tolerance (exactly, for ordinal scores). Names carry a domain prefix so they cannot clash with another
 * writer's formulas. Pure functions; a missing or mistyped input throws a message naming the formula and the input.
 */

type Inputs = Record<string, number | string>;

function num(formula: string, inputs: Inputs, name: string): number {
  const value = inputs[name];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`${formula}: input "${name}" must be a finite number, got ${JSON.stringify(value)}`);
  return value;
}

function str(formula: string, inputs: Inputs, name: string): string {
  const value = inputs[name];
  if (typeof value !== 'string') throw new Error(`${formula}: input "${name}" must be a string, got ${JSON.stringify(value)}`);
  return value;
}

function lookup(formula: string, table: Record<string, number>, name: string, value: string): number {
  const points = table[value];
  if (points === undefined)
    throw new Error(
      `${formula}: input "${name}" is "${value}"; expected one of ${Object.keys(table)
        .map((k) => `"${k}"`)
        .join(', ')}`,
    );
  return points;
}

function sex(formula: string, inputs: Inputs): 'female' | 'male' {
  const value = str(formula, inputs, 'sex');
  if (value !== 'female' && value !== 'male') throw new Error(`${formula}: input "sex" must be "female" or "male", got "${value}"`);
  return value;
}

function sumOf(formula: string, inputs: Inputs, names: readonly string[]): number {
  return names.reduce((total, name) => total + num(formula, inputs, name), 0);
}

/** CDC 2022 opioid guideline, Table: MME conversion factors for the opioids the vignettes use. */
const MME_CONVERSION_FACTOR: Record<string, number> = {
  codeine: 0.15,
  hydrocodone: 1,
  hydromorphone: 5,
  morphine: 1,
  oxycodone: 1.5,
  oxymorphone: 3,
  tapentadol: 0.4,
  tramadol: 0.2,
};

/** AUDIT-C item scores (Bush et al. 1998), keyed by the answer wording. */
const AUDIT_C_FREQUENCY: Record<string, number> = {
  never: 0,
  'monthly or less': 1,
  '2 to 4 times a month': 2,
  '2 to 3 times a week': 3,
  '4 or more times a week': 4,
};
const AUDIT_C_TYPICAL_QUANTITY: Record<string, number> = {
  '1 or 2': 0,
  '3 or 4': 1,
  '5 or 6': 2,
  '7 to 9': 3,
  '10 or more': 4,
};
const AUDIT_C_SIX_OR_MORE: Record<string, number> = {
  never: 0,
  'less than monthly': 1,
  monthly: 2,
  weekly: 3,
  'daily or almost daily': 4,
};

const CIWA_AR_ITEMS = [
  'nausea',
  'tremor',
  'sweats',
  'anxiety',
  'agitation',
  'tactile',
  'auditory',
  'visual',
  'headache',
  'orientation',
] as const;

const COWS_ITEMS = [
  'restingPulse',
  'sweating',
  'restlessness',
  'pupilSize',
  'boneJointAches',
  'runnyNoseTearing',
  'gastrointestinalUpset',
  'tremor',
  'yawning',
  'anxietyIrritability',
  'goosefleshSkin',
] as const;

export const formulas: Record<string, (inputs: Inputs) => number> = {
  /**
   * Gestational age in completed weeks from the first day of the last menstrual period: floor(days / 7).
   * Source: ACOG Committee Opinion No. 700, Methods for Estimating the Due Date (2017).
   * Inputs: daysSinceLmp.
   */
  reproGestationalAgeWeeks: (inputs) => Math.floor(num('reproGestationalAgeWeeks', inputs, 'daysSinceLmp') / 7),

  /**
   * Absolute neutrophil count (cells/µL) = WBC (10^3/µL) × 1000 × (segmented % + band %) / 100.
   * Source: NCI CTCAE v5.0 (2017), "Neutrophil count decreased"; standard ANC definition.
   * Inputs: wbcThousandsPerMicrolitre, segmentedPercent, bandPercent.
   */
  oncAbsoluteNeutrophilCount: (inputs) => {
    const f = 'oncAbsoluteNeutrophilCount';
    const wbc = num(f, inputs, 'wbcThousandsPerMicrolitre') * 1000;
    return (wbc * (num(f, inputs, 'segmentedPercent') + num(f, inputs, 'bandPercent'))) / 100;
  },

  /**
   * CTCAE v5.0 grade of "Neutrophil count decreased" from the ANC (cells/µL): grade 1 below the lower limit of normal
   * (taken as 2000) to 1500, grade 2 below 1500 to 1000, grade 3 below 1000 to 500, grade 4 below 500; 0 otherwise.
   * Source: NCI Common Terminology Criteria for Adverse Events v5.0 (2017).
   * Inputs: ancPerMicrolitre.
   */
  oncCtcaeNeutropeniaGrade: (inputs) => {
    const anc = num('oncCtcaeNeutropeniaGrade', inputs, 'ancPerMicrolitre');
    if (anc < 500) return 4;
    if (anc < 1000) return 3;
    if (anc < 1500) return 2;
    return anc < 2000 ? 1 : 0;
  },

  /**
   * Calvert formula: carboplatin dose (mg) = target AUC (mg/mL·min) × (GFR (mL/min) + 25).
   * Source: Calvert AH et al., J Clin Oncol 1989;7(11):1748-56.
   * Inputs: targetAuc, gfrMlPerMin.
   */
  oncCalvertCarboplatinDose: (inputs) =>
    num('oncCalvertCarboplatinDose', inputs, 'targetAuc') * (num('oncCalvertCarboplatinDose', inputs, 'gfrMlPerMin') + 25),

  /**
   * Mosteller body surface area (m2) = sqrt(height (cm) × weight (kg) / 3600).
   * Source: Mosteller RD, N Engl J Med 1987;317(17):1098.
   * Inputs: heightCm, weightKg.
   */
  oncMostellerBsa: (inputs) => Math.sqrt((num('oncMostellerBsa', inputs, 'heightCm') * num('oncMostellerBsa', inputs, 'weightKg')) / 3600),

  /**
   * Albumin-corrected calcium (mg/dL) = calcium + factor × (normal albumin − albumin), factor 0.8 mg/dL per g/dL and
   * normal albumin 4.0 g/dL as stated in the vignette.
   * Source: Payne RB et al., BMJ 1973;4(5893):643-6.
   * Inputs: calciumMgPerDl, albuminGPerDl, normalAlbuminGPerDl, correctionFactor.
   */
  oncAlbuminCorrectedCalcium: (inputs) => {
    const f = 'oncAlbuminCorrectedCalcium';
    return (
      num(f, inputs, 'calciumMgPerDl') +
      num(f, inputs, 'correctionFactor') * (num(f, inputs, 'normalAlbuminGPerDl') - num(f, inputs, 'albuminGPerDl'))
    );
  },

  /**
   * Total daily morphine milligram equivalents = Σ mg per dose × doses per day × CDC conversion factor, for one opioid
   * (drug, mgPerDose, dosesPerDay) and optionally a second (drug2, mgPerDose2, dosesPerDay2).
   * Source: CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022 (MMWR Recomm Rep 2022;71(3)),
   * MME conversion factor table.
   */
  sudMorphineMilligramEquivalents: (inputs) => {
    const f = 'sudMorphineMilligramEquivalents';
    const one = (suffix: string): number => {
      const drug = str(f, inputs, `drug${suffix}`);
      const factor = lookup(f, MME_CONVERSION_FACTOR, `drug${suffix}`, drug);
      return num(f, inputs, `mgPerDose${suffix}`) * num(f, inputs, `dosesPerDay${suffix}`) * factor;
    };
    return one('') + ('drug2' in inputs ? one('2') : 0);
  },

  /**
   * CIWA-Ar total = sum of the 10 item scores (9 items 0-7, orientation 0-4).
   * Source: Sullivan JT et al., Br J Addict 1989;84(11):1353-7.
   * Inputs: nausea, tremor, sweats, anxiety, agitation, tactile, auditory, visual, headache, orientation.
   */
  sudCiwaArTotal: (inputs) => sumOf('sudCiwaArTotal', inputs, CIWA_AR_ITEMS),

  /**
   * COWS severity band from the sum of the 11 item scores: 0 below 5 (no active withdrawal), 1 mild 5-12,
   * 2 moderate 13-24, 3 moderately severe 25-36, 4 severe above 36.
   * Source: Wesson DR, Ling W, J Psychoactive Drugs 2003;35(2):253-9.
   * Inputs: restingPulse, sweating, restlessness, pupilSize, boneJointAches, runnyNoseTearing, gastrointestinalUpset,
   * tremor, yawning, anxietyIrritability, goosefleshSkin.
   */
  sudCowsSeverity: (inputs) => {
    const total = sumOf('sudCowsSeverity', inputs, COWS_ITEMS);
    if (total < 5) return 0;
    if (total <= 12) return 1;
    if (total <= 24) return 2;
    return total <= 36 ? 3 : 4;
  },

  /**
   * AUDIT-C score (0-12) = frequency + typical quantity + frequency of six or more drinks, each 0-4 by answer wording.
   * Source: Bush K et al., Arch Intern Med 1998;158(16):1789-95.
   * Inputs: frequency, typicalQuantity, sixOrMore (answer wordings as in the questionnaire).
   */
  sudAuditC: (inputs) => {
    const f = 'sudAuditC';
    return (
      lookup(f, AUDIT_C_FREQUENCY, 'frequency', str(f, inputs, 'frequency')) +
      lookup(f, AUDIT_C_TYPICAL_QUANTITY, 'typicalQuantity', str(f, inputs, 'typicalQuantity')) +
      lookup(f, AUDIT_C_SIX_OR_MORE, 'sixOrMore', str(f, inputs, 'sixOrMore'))
    );
  },

  /**
   * DSM-5 substance use disorder severity from the number of criteria met in 12 months: 0 for 0-1, 1 mild 2-3,
   * 2 moderate 4-5, 3 severe 6 or more.
   * Source: American Psychiatric Association, DSM-5-TR (2022), Opioid Use Disorder severity specifiers.
   * Inputs: criteriaMet.
   */
  sudDsm5Severity: (inputs) => {
    const criteria = num('sudDsm5Severity', inputs, 'criteriaMet');
    if (criteria >= 6) return 3;
    if (criteria >= 4) return 2;
    return criteria >= 2 ? 1 : 0;
  },

  /**
   * CKD-EPI 2021 race-free creatinine equation (mL/min/1.73 m2):
   * 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [female]; κ 0.7 (F) / 0.9 (M),
   * α −0.241 (F) / −0.302 (M).
   * Source: Inker LA et al., N Engl J Med 2021;385(19):1737-49.
   * Inputs: creatinineMgPerDl, age, sex.
   */
  nephCkdEpi2021: (inputs) => {
    const f = 'nephCkdEpi2021';
    const female = sex(f, inputs) === 'female';
    const ratio = num(f, inputs, 'creatinineMgPerDl') / (female ? 0.7 : 0.9);
    return (
      142 *
      Math.min(ratio, 1) ** (female ? -0.241 : -0.302) *
      Math.max(ratio, 1) ** -1.2 *
      0.9938 ** num(f, inputs, 'age') *
      (female ? 1.012 : 1)
    );
  },

  /**
   * Cockcroft-Gault creatinine clearance (mL/min) = (140 − age) × weight (kg) / (72 × Scr (mg/dL)) × 0.85 if female.
   * Source: Cockcroft DW, Gault MH, Nephron 1976;16(1):31-41.
   * Inputs: age, weightKg, creatinineMgPerDl, sex.
   */
  nephCockcroftGault: (inputs) => {
    const f = 'nephCockcroftGault';
    const clearance = ((140 - num(f, inputs, 'age')) * num(f, inputs, 'weightKg')) / (72 * num(f, inputs, 'creatinineMgPerDl'));
    return sex(f, inputs) === 'female' ? clearance * 0.85 : clearance;
  },

  /**
   * KDIGO AKI stage by serum creatinine (mg/dL) against baseline: 3 if ≥3.0 × baseline or ≥4.0 mg/dL, 2 if
   * 2.0-2.9 ×, 1 if 1.5-1.9 × or a rise of ≥0.3 mg/dL, else 0. (Urine-output criteria are stated in the vignette
   * text when they do not raise the stage.)
   * Source: KDIGO Clinical Practice Guideline for Acute Kidney Injury 2012, recommendation 2.1.2, Table 2.
   * Inputs: baselineCreatinineMgPerDl, currentCreatinineMgPerDl.
   */
  nephKdigoAkiStageByCreatinine: (inputs) => {
    const f = 'nephKdigoAkiStageByCreatinine';
    const baseline = num(f, inputs, 'baselineCreatinineMgPerDl');
    const current = num(f, inputs, 'currentCreatinineMgPerDl');
    const ratio = current / baseline;
    if (ratio >= 3 || current >= 4) return 3;
    if (ratio >= 2) return 2;
    return ratio >= 1.5 || current - baseline >= 0.3 ? 1 : 0;
  },

  /**
   * Fractional excretion of sodium (%) = (urine Na × plasma Cr) / (plasma Na × urine Cr) × 100.
   * Source: Espinel CH, JAMA 1976;236(6):579-81.
   * Inputs: urineSodium, plasmaSodium (mmol/L), urineCreatinine, plasmaCreatinine (mg/dL).
   */
  nephFractionalExcretionSodium: (inputs) => {
    const f = 'nephFractionalExcretionSodium';
    return (
      ((num(f, inputs, 'urineSodium') * num(f, inputs, 'plasmaCreatinine')) /
        (num(f, inputs, 'plasmaSodium') * num(f, inputs, 'urineCreatinine'))) *
      100
    );
  },

  /**
   * Serum anion gap (mmol/L) = Na − (Cl + HCO3), without potassium.
   * Source: Kraut JA, Madias NE, Clin J Am Soc Nephrol 2007;2(1):162-74.
   * Inputs: sodium, chloride, bicarbonate.
   */
  nephAnionGap: (inputs) =>
    num('nephAnionGap', inputs, 'sodium') - num('nephAnionGap', inputs, 'chloride') - num('nephAnionGap', inputs, 'bicarbonate'),

  /**
   * KDIGO albuminuria category from the urine albumin-to-creatinine ratio (mg/g): 1 (A1) below 30, 2 (A2) 30-300,
   * 3 (A3) above 300.
   * Source: KDIGO 2024 Clinical Practice Guideline for the Evaluation and Management of CKD, albuminuria categories.
   * Inputs: acrMgPerG.
   */
  nephKdigoAlbuminuriaCategory: (inputs) => {
    const acr = num('nephKdigoAlbuminuriaCategory', inputs, 'acrMgPerG');
    if (acr < 30) return 1;
    return acr <= 300 ? 2 : 3;
  },
};
