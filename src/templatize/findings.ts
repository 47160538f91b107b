import { SENTENCE_END } from './clauses.js';
import type { Mention } from './types.js';

/** What a clinician observes of the patient: a finding on examination, a vital sign, a test result. */
const FINDING = String.raw`(?:afebrile|febrile|tachycardic|bradycardic|hypotensive|hypertensive|normotensive|tachypn(?:e|o)ic|hypoxic|hypoxemic|diaphoretic|pale|jaundiced|icteric|alert|awake|(?:dis)?oriented|lethargic|drowsy|asymptomatic|obtunded|somnolent|agitated|intubated|sedated|ha?emodynamically|in (?:no|mild|moderate|severe|obvious) (?:acute |respiratory )?(?:distress|pain)|(?:well|ill|toxic|unwell)[- ]appearing|cachectic|dehydrated|(?:eu|hypo|hyper)vol(?:a)?emic|unresponsive|cyanotic|mottled|tremulous|GCS|A&O|AOx?\d)`;
const EXAM_NOUN = String.raw`(?:temperature|temp|pulse|heart rate|blood pressure|BP|HR|RR|respiratory rate|SpO2|oxygen saturation|O2 sat\w*|vital signs|vitals|GCS|BMI|weight|(?:physical )?exam(?:ination)?|abdomen|chest|lungs|pupils|labs|ECG|EKG|troponin|creatinine|ha?emoglobin|WBC|white (?:blood )?cell count|glucose|(?:Hb)?A1c|potassium|sodium|lactate|urinalysis|chest (?:x-ray|radiograph)|CXR|biopsy|eGFR)`;
const REPORTED =
  /\b(?:says|said|states|stated|reports|reported|notes|noted|tells|told|thinks|believes|worries|worried|asks|asked|calls|called|explains|explained|that)\b/i;

/**
 * A pronoun tied to the patient by what follows it, whoever was named before: a sentence that opens with it and
 * states an examination finding ("She is afebrile", "On exam he is tachycardic"), or a possessive before a vital
 * sign or test ("Her temperature is 38.9") outside anyone's report. A relative of the patient's sex just mentioned
 * ("brought by her mother ... She is asymptomatic") is not who the clinician examines. In a relative's report
 * ("her daughter says she ...") the pronoun stays ambiguous (R6).
 */
export function clinicalFinding(text: string, m: Mention): boolean {
  const after = text.slice(m.end, m.end + 80);
  const sentence = text.slice(0, m.start).split(SENTENCE_END).pop() ?? '';
  if (REPORTED.test(sentence)) return false;
  if (/^(?:[Hh]e|[Ss]he)$/.test(m.surface))
    return (
      /^(?:\s*|.*\b(?:On (?:exam|examination|arrival|admission|assessment)|Exam|PE|O\/E),?:?\s*)$/.test(sentence) &&
      (FINDING_AFTER.test(after) || SIGN_AFTER.test(after))
    );
  return /^(?:[Hh]is|[Hh]er)$/.test(m.surface) && EXAM_NOUN_AFTER.test(after);
}

/** "is afebrile", "appears pale", "remains tachycardic". */
const FINDING_AFTER = new RegExp(
  String.raw`^ (?:is|was|appears|looks|remains|became|has been|is now|was now)(?: (?:now|still|currently|clinically|mildly|markedly|visibly))? ${FINDING}\b`,
);
/** "has a hard supraclavicular node", "has a temperature of 38.9": a sign found on examination. */
const SIGN_AFTER =
  /^ has (?:an? )?(?:[\w-]+,? ){0,3}(?:nodes?|lymphadenopathy|mass|murmur|rash|lesions?|wound|ulcer|fracture|effusion|bruit|wheez(?:e|es|ing)|crackles|rales|rub|gallop|tenderness|swelling|o?edema|temperature|fever|pulse|heart rate|blood pressure|BP|SpO2|saturation|GCS|hepatomegaly|splenomegaly|jaundice|pallor|rigidity|guarding|clonus|nystagmus|ptosis|asterixis)\b/;
const EXAM_NOUN_AFTER = new RegExp(String.raw`^ ${EXAM_NOUN}\b`);
