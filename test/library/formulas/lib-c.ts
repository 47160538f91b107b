/**
 * Clinical formulas behind the calculated keys of the travel-medicine, gastroenterology, neurology, respiratory and
 * pharmacogenomics vignettes (writer lib-c). Each takes the named inputs listed in
 * test/library/calculations/<domain>.json and returns the number the vignette's key must match within its tolerance.
 *
 * Conventions: numeric inputs are numbers as written in the vignette text (or the pinned age); a yes/no criterion is
 * given as the phrase of the vignette that states it (a non-empty string counts as present) and is left out when
 * absent; categorical inputs are lowercase words that appear in the text.
 */

type Inputs = Record<string, number | string>;

function num(inputs: Inputs, name: string, formula: string): number {
  const value = inputs[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${formula}: input "${name}" must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A criterion is present when its input is a non-empty phrase quoted from the vignette; absent when left out. */
function present(inputs: Inputs, name: string, formula: string): boolean {
  const value = inputs[name];
  if (value === undefined) return false;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`${formula}: criterion "${name}" must be the phrase of the vignette that states it, got ${JSON.stringify(value)}`);
  }
  return true;
}

function word(inputs: Inputs, name: string, formula: string, allowed: readonly string[]): string {
  const value = inputs[name];
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new Error(`${formula}: input "${name}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const formulas: Record<string, (inputs: Inputs) => number> = {
  /**
   * Intravenous artesunate dose for severe malaria, mg: 2.4 mg/kg for patients weighing 20 kg or more.
   * Source: WHO Guidelines for malaria (2023), severe malaria; CDC Treatment of Malaria — Guidelines for Clinicians (2023).
   */
  travelArtesunateDose(inputs) {
    const weightKg = num(inputs, 'weightKg', 'travelArtesunateDose');
    if (weightKg < 20) throw new Error('travelArtesunateDose: children under 20 kg take 3 mg/kg; this formula covers 20 kg or more');
    return 2.4 * weightKg;
  },

  /**
   * Glasgow-Blatchford score (0-23). Urea mmol/L: 6.5-<8 2, 8-<10 3, 10-<25 4, >=25 6. Haemoglobin g/dL: men 12-<13 1,
   * 10-<12 3; women 10-<12 1; <10 6 (both). Systolic mmHg: 100-109 1, 90-99 2, <90 3. Heart rate >=100 1, melaena 1,
   * syncope 2, hepatic disease 2, cardiac failure 2. `sex` is needed only when haemoglobin is 10 to <13 g/dL.
   * Source: Blatchford et al., Lancet 2000;356:1318-21.
   */
  giGlasgowBlatchford(inputs) {
    const f = 'giGlasgowBlatchford';
    const urea = num(inputs, 'ureaMmolL', f);
    const hb = num(inputs, 'haemoglobinGdL', f);
    const sbp = num(inputs, 'systolicBp', f);
    const hr = num(inputs, 'heartRate', f);
    let score = 0;
    if (urea >= 25) score += 6;
    else if (urea >= 10) score += 4;
    else if (urea >= 8) score += 3;
    else if (urea >= 6.5) score += 2;
    if (hb < 10) score += 6;
    else if (hb < 13) {
      const sex = word(inputs, 'sex', f, ['male', 'female']);
      if (sex === 'male') score += hb < 12 ? 3 : 1;
      else if (hb < 12) score += 1;
    }
    if (sbp < 90) score += 3;
    else if (sbp < 100) score += 2;
    else if (sbp < 110) score += 1;
    if (hr >= 100) score += 1;
    if (present(inputs, 'melaena', f)) score += 1;
    if (present(inputs, 'syncope', f)) score += 2;
    if (present(inputs, 'hepaticDisease', f)) score += 2;
    if (present(inputs, 'cardiacFailure', f)) score += 2;
    return score;
  },

  /**
   * Intravenous albumin for spontaneous bacterial peritonitis on day 1, g: 1.5 g/kg (1 g/kg on day 3).
   * Source: Sort et al., N Engl J Med 1999;341:403-9; AASLD Practice Guidance on ascites, SBP and HRS (Biggins et al., Hepatology 2021).
   */
  giSbpAlbuminDay1(inputs) {
    return 1.5 * num(inputs, 'weightKg', 'giSbpAlbuminDay1');
  },

  /**
   * Maddrey discriminant function: 4.6 × (prothrombin time − control, seconds) + total bilirubin (mg/dL).
   * Source: Maddrey et al., Gastroenterology 1978;75:193-9; Carithers et al., Ann Intern Med 1989.
   */
  giMaddreyDf(inputs) {
    const f = 'giMaddreyDf';
    return 4.6 * (num(inputs, 'ptSeconds', f) - num(inputs, 'controlSeconds', f)) + num(inputs, 'bilirubinMgDl', f);
  },

  /**
   * Child-Pugh score (5-15). Bilirubin mg/dL <2 1, 2-3 2, >3 3; albumin g/dL >3.5 1, 2.8-3.5 2, <2.8 3; INR <1.7 1,
   * 1.7-2.3 2, >2.3 3; ascites none 1, mild 2, moderate/severe 3; encephalopathy none 1, grade 1-2 2, grade 3-4 3.
   * Source: Pugh et al., Br J Surg 1973;60:646-9.
   */
  giChildPugh(inputs) {
    const f = 'giChildPugh';
    const bilirubin = num(inputs, 'bilirubinMgDl', f);
    const albumin = num(inputs, 'albuminGdL', f);
    const inr = num(inputs, 'inr', f);
    const ascites = word(inputs, 'ascites', f, ['none', 'mild', 'moderate', 'severe']);
    const encephalopathy = word(inputs, 'encephalopathy', f, ['none', 'grade 1', 'grade 2', 'grade 3', 'grade 4']);
    const bilirubinPoints = bilirubin < 2 ? 1 : bilirubin <= 3 ? 2 : 3;
    const albuminPoints = albumin > 3.5 ? 1 : albumin >= 2.8 ? 2 : 3;
    const inrPoints = inr < 1.7 ? 1 : inr <= 2.3 ? 2 : 3;
    const ascitesPoints = ascites === 'none' ? 1 : ascites === 'mild' ? 2 : 3;
    const encephalopathyPoints = encephalopathy === 'none' ? 1 : encephalopathy === 'grade 1' || encephalopathy === 'grade 2' ? 2 : 3;
    return bilirubinPoints + albuminPoints + inrPoints + ascitesPoints + encephalopathyPoints;
  },

  /**
   * FIB-4 index: age (years) × AST (U/L) / (platelets (10^9/L) × √ALT (U/L)).
   * Source: Sterling et al., Hepatology 2006;43:1317-25.
   */
  giFib4(inputs) {
    const f = 'giFib4';
    return (num(inputs, 'age', f) * num(inputs, 'astUL', f)) / (num(inputs, 'plateletsE9L', f) * Math.sqrt(num(inputs, 'altUL', f)));
  },

  /**
   * Intravenous levetiracetam loading dose for established status epilepticus, mg: mgPerKg × weight, capped at maxMg
   * (ESETT: 60 mg/kg, maximum 4,500 mg).
   * Source: Kapur et al., N Engl J Med 2019;381:2103-13 (ESETT); AES guideline (Glauser et al., Epilepsy Curr 2016).
   */
  neuroLevetiracetamLoad(inputs) {
    const f = 'neuroLevetiracetamLoad';
    return Math.min(num(inputs, 'mgPerKg', f) * num(inputs, 'weightKg', f), num(inputs, 'maxMg', f));
  },

  /**
   * ABCD2 score (0-7): age >=60 1; blood pressure >=140 systolic or >=90 diastolic 1; unilateral weakness 2, or speech
   * disturbance without weakness 1; duration >=60 min 2, 10-59 min 1; diabetes 1.
   * Source: Johnston et al., Lancet 2007;369:283-92.
   */
  neuroAbcd2(inputs) {
    const f = 'neuroAbcd2';
    const duration = num(inputs, 'durationMinutes', f);
    let score = 0;
    if (num(inputs, 'age', f) >= 60) score += 1;
    if (num(inputs, 'systolicBp', f) >= 140 || num(inputs, 'diastolicBp', f) >= 90) score += 1;
    if (present(inputs, 'unilateralWeakness', f)) score += 2;
    else if (present(inputs, 'speechDisturbance', f)) score += 1;
    if (duration >= 60) score += 2;
    else if (duration >= 10) score += 1;
    if (present(inputs, 'diabetes', f)) score += 1;
    return score;
  },

  /**
   * Wells score for pulmonary embolism: clinical signs of DVT 3; PE the most likely diagnosis 3; heart rate >100 1.5;
   * immobilisation >=3 days or surgery within 4 weeks 1.5; previous DVT/PE 1.5; haemoptysis 1; active cancer 1.
   * Source: Wells et al., Thromb Haemost 2000;83:416-20.
   */
  respWellsPe(inputs) {
    const f = 'respWellsPe';
    let score = 0;
    if (present(inputs, 'dvtSigns', f)) score += 3;
    if (present(inputs, 'peMostLikely', f)) score += 3;
    if (num(inputs, 'heartRate', f) > 100) score += 1.5;
    if (present(inputs, 'recentSurgeryOrImmobilisation', f)) score += 1.5;
    if (present(inputs, 'previousVte', f)) score += 1.5;
    if (present(inputs, 'haemoptysis', f)) score += 1;
    if (present(inputs, 'cancer', f)) score += 1;
    return score;
  },

  /**
   * Age-adjusted D-dimer cut-off, µg/L FEU: age × 10 for patients older than 50, otherwise 500.
   * Source: Righini et al., JAMA 2014;311:1117-24 (ADJUST-PE); ACP best practice advice (Raja et al., Ann Intern Med 2015).
   */
  respAgeAdjustedDdimer(inputs) {
    const age = num(inputs, 'age', 'respAgeAdjustedDdimer');
    return age > 50 ? age * 10 : 500;
  },

  /**
   * CURB-65 score (0-5): new confusion 1; urea >7 mmol/L 1; respiratory rate >=30/min 1; systolic <90 or diastolic
   * <=60 mmHg 1; age >=65 1.
   * Source: Lim et al., Thorax 2003;58:377-82.
   */
  respCurb65(inputs) {
    const f = 'respCurb65';
    let score = 0;
    if (present(inputs, 'confusion', f)) score += 1;
    if (num(inputs, 'ureaMmolL', f) > 7) score += 1;
    if (num(inputs, 'respiratoryRate', f) >= 30) score += 1;
    if (num(inputs, 'systolicBp', f) < 90 || num(inputs, 'diastolicBp', f) <= 60) score += 1;
    if (num(inputs, 'age', f) >= 65) score += 1;
    return score;
  },

  /**
   * STOP-Bang score (0-8): snoring, tiredness, observed apnoea, treated or high blood pressure, BMI >35 kg/m2, age >50,
   * neck circumference >40 cm, male sex — 1 point each.
   * Source: Chung et al., Anesthesiology 2008;108:812-21; Chung et al., Chest 2016;149:631-8.
   */
  respStopBang(inputs) {
    const f = 'respStopBang';
    let score = 0;
    if (present(inputs, 'snoring', f)) score += 1;
    if (present(inputs, 'tired', f)) score += 1;
    if (present(inputs, 'observedApnoea', f)) score += 1;
    if (present(inputs, 'pressure', f)) score += 1;
    if (num(inputs, 'bmi', f) > 35) score += 1;
    if (num(inputs, 'age', f) > 50) score += 1;
    if (num(inputs, 'neckCm', f) > 40) score += 1;
    if (word(inputs, 'sex', f, ['male', 'female']) === 'male') score += 1;
    return score;
  },

  /**
   * Fluoropyrimidine starting dose by DPYD activity score: 2 full dose; 1 or 1.5 50% of the full dose; 0 avoid
   * (no dose is computed). Returns the starting dose in the unit of standardDose.
   * Source: CPIC guideline for fluoropyrimidines and DPYD genotype (Amstutz et al., Clin Pharmacol Ther 2018), Table 2.
   */
  pgxDpydStartingDose(inputs) {
    const f = 'pgxDpydStartingDose';
    const standardDose = num(inputs, 'standardDose', f);
    const activityScore = num(inputs, 'activityScore', f);
    if (activityScore === 2) return standardDose;
    if (activityScore === 1 || activityScore === 1.5) return standardDose * 0.5;
    throw new Error(`${f}: activity score ${activityScore} has no CPIC starting dose (0 or 0.5: avoid or use only with phenotyping)`);
  },
};
