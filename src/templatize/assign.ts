import type { Gender } from './lexicon.js';
import type { Person } from './people.js';
import type { Mention } from './types.js';

/**
 * Decides whom each gendered mention describes. The patient's sex is that of the first sex word or title, or of
 * the first pronoun when there is none. A sex word, title or pronoun of the other sex is someone else's: after a
 * person named before it (a relative, a clinician) it is theirs and dropped, otherwise it is listed as
 * `ambiguous` (someone else, or a typo). A pronoun of the patient's sex near a relative of that sex ("her
 * daughter says she...") may be either's and is `ambiguous` too, unless it stands before a relative noun ("her
 * mother's"), where it is the patient's (R5). Ambiguous spans are kept as written, never guessed. A spouse span
 * keeps its possessive slot only when the possessive is the patient's. Returns the mentions and the patient's sex.
 */
export function assignMentions(
  mentions: readonly Mention[],
  people: readonly Person[],
  text: string,
): { mentions: Mention[]; sex: Gender | undefined } {
  // In the patient's own words ("I'm 45, female") a third-person pronoun is someone else's (R11).
  const own = selfDescribed(text) ? mentions.filter((m) => m.attribute !== 'pronoun') : mentions;
  const speakers = own.filter((m) => m.attribute === 'pronoun' && isSpeaker(text, m, people));
  // With no sex word or title, the first pronoun that is not likely someone else's: one right after a person of its
  // sex in the same sentence ("The patient's wife reports she found him") is theirs.
  const candidates = own.filter((m) => m.attribute === 'pronoun' && !speakers.includes(m));
  const sex =
    own.find((m) => (m.attribute === 'sex' || m.attribute === 'title') && m.gender)?.gender ??
    (
      candidates.find(
        (m) => !people.some((p) => p.gender === m.gender && p.end <= m.start && !/[.!?;\n]/.test(text.slice(p.end, m.start))),
      ) ?? candidates[0]
    )?.gender;
  if (sex === undefined) return { mentions: own.filter((m) => !speakers.includes(m)), sex };
  const assigned = own.flatMap((m): Mention[] => {
    if (speakers.includes(m) && m.gender !== sex) return [];
    const { slot: _slot, ...unslotted } = m;
    if (m.attribute === 'ambiguous') return m.slot && m.gender !== sex ? [unslotted] : [m];
    if (m.attribute !== 'sex' && m.attribute !== 'title' && m.attribute !== 'pronoun') return [m];
    if (m.gender !== sex) {
      if (people.some((p) => p.end <= m.start)) return [];
      return [
        {
          ...unslotted,
          attribute: 'ambiguous',
          reason: `"${m.surface}" is ${m.gender} and the patient is ${sex} (from the first sex word or pronoun): someone else, or a typo; kept as written`,
        },
      ];
    }
    if (m.attribute !== 'pronoun' || beforeRelative(text, m, people) || clinicalFinding(text, m)) return [m];
    // The object of a relative's own clause ("His son helps him") is not that relative, nor one named a sentence
    // earlier ("He lives with his son. His son helps him"): the relative of this clause would say "them".
    if (people.some((p) => p.gender === sex && p.end <= m.start && objectOf(text, p, m, own))) return [m];
    const relative = people.find(
      (p) =>
        (p.gender === sex || (p.gender === undefined && reportedBy(text, p, m))) &&
        p.end <= m.start &&
        sameOrPreviousSentence(text, p.end, m.start) &&
        !newSection(text, p.end, m.start) &&
        !objectOf(text, p, m, own) &&
        !patientNamedBetween(text, p.end, m.start, own, sex),
    );
    if (relative)
      return [
        {
          ...unslotted,
          attribute: 'ambiguous',
          reason: `may refer to the patient or to the "${relative.surface}" mentioned before it; kept as written`,
        },
      ];
    return [m];
  });
  return { mentions: assigned, sex };
}

/** "I am a 30-year-old woman", "I'm 45, female": the patient speaks and describes themself. */
function selfDescribed(text: string): boolean {
  return /\bI(?: am|'m|’m) (?:an? )?(?:\d|[\w-]+-year-old|male|female|man|woman)/.test(text);
}

/**
 * A pronoun opening a report right after another person was named ("the patient's husband. He says she...") is that
 * person speaking (D5), not the patient.
 */
function isSpeaker(text: string, m: Mention, people: readonly Person[]): boolean {
  return (
    /^ (?:says|said|states|stated|reports|reported|tells|told|notes|noted|calls|called)\b/.test(text.slice(m.end)) &&
    people.some(
      (p) => (p.gender === undefined || p.gender === m.gender) && p.end <= m.start && sameOrPreviousSentence(text, p.end, m.start),
    )
  );
}

/**
 * An object pronoun in the sentence of the relative it follows, with no pronoun of that sex between them, is not
 * the relative ("His boyfriend brought him in", "Pt's brother donated a kidney to him"): that would be "himself".
 */
function objectOf(text: string, p: Person, m: Mention, mentions: readonly Mention[]): boolean {
  return (
    /^\{\{[Tt]hem\}\}$/.test(m.slot ?? '') &&
    sameOrPreviousSentence(text, p.end, m.start) &&
    !/[.!?;\n]/.test(text.slice(p.end, m.start)) &&
    !mentions.some((o) => o.attribute === 'pronoun' && o.gender === m.gender && o.start > p.end && o.start < m.start)
  );
}

/**
 * The patient named again after the relative and before the pronoun ("His father is here. The boy says his chest
 * hurts when he runs", "Her daughter says the patient ... she"): the nearest person the pronoun can be is the patient.
 */
function patientNamedBetween(text: string, from: number, to: number, mentions: readonly Mention[], sex: Gender): boolean {
  return (
    mentions.some((o) => o.attribute === 'sex' && o.gender === sex && o.start >= from && o.end <= to) ||
    /(?:the patient|pt)(?!['’]s)/i.test(text.slice(from, to))
  );
}

/** A possessive right before a relative noun, perhaps with one word between ("her maternal aunt"). */
function beforeRelative(text: string, m: Mention, people: readonly Person[]): boolean {
  return people.some((p) => p.start > m.end && /^ (?:[\w-]+ )?$/.test(text.slice(m.end, p.start)));
}

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
function clinicalFinding(text: string, m: Mention): boolean {
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

/** A sentence end, also inside a closing quote or bracket ("'just isn't eating.' Pt has ..."), or a line break. */
const SENTENCE_END = /[.!?;]['"’”)]*(?:\s|$)|\n/;
/** "is afebrile", "appears pale", "remains tachycardic". */
const FINDING_AFTER = new RegExp(
  String.raw`^ (?:is|was|appears|looks|remains|became|has been|is now|was now)(?: (?:now|still|currently|clinically|mildly|markedly|visibly))? ${FINDING}\b`,
);
/** "has a hard supraclavicular node", "has a temperature of 38.9": a sign found on examination. */
const SIGN_AFTER =
  /^ has (?:an? )?(?:[\w-]+,? ){0,3}(?:nodes?|lymphadenopathy|mass|murmur|rash|lesions?|wound|ulcer|fracture|effusion|bruit|wheez(?:e|es|ing)|crackles|rales|rub|gallop|tenderness|swelling|o?edema|temperature|fever|pulse|heart rate|blood pressure|BP|SpO2|saturation|GCS|hepatomegaly|splenomegaly|jaundice|pallor|rigidity|guarding|clonus|nystagmus|ptosis|asterixis)\b/;
const EXAM_NOUN_AFTER = new RegExp(String.raw`^ ${EXAM_NOUN}\b`);

/**
 * A subject pronoun right after a person of unknown sex reports ("The cardiologist says she will see him", "His
 * coach says he collapsed"): the reporter may be that pronoun as well as the patient (R6).
 */
function reportedBy(text: string, p: Person, m: Mention): boolean {
  return (
    /^(?:[Hh]e|[Ss]he)$/.test(m.surface) &&
    /^(?:,[^.;]*,)?\s+(?:says|said|states|stated|reports|reported|notes|noted|thinks|believes|explains|explained|adds|added|writes|wrote)(?: that)?\s+$/.test(
      text.slice(p.end, m.start),
    )
  );
}

/** Labels that open a section of a note on a new line. */
const SECTION =
  /\n[ \t]*(?:HPI|PMH|PSH|SH|FH|FHx|SHx|Social(?: history)?|Family history|Exam|PE|Physical exam(?:ination)?|O\/E|ROS|Meds|Medications|Allergies|Vitals|Labs|Imaging|Assessment|Plan|A\/P|A&P|Impression|(?:Hospital|ED|Clinical) course|Course|Dispo(?:sition)?|Background|Situation|Recommendation|History|Hx|CC|Chief complaint|Obs|Findings)\s*:/i;
/** A line opening a section of a note ("SH: he smokes", "Exam: ...") between two offsets: a new topic. */
function newSection(text: string, from: number, to: number): boolean {
  return SECTION.test(text.slice(from, to + 1));
}

/** No more than one sentence end between two offsets. */
function sameOrPreviousSentence(text: string, from: number, to: number): boolean {
  // A sentence may end inside a closing quote or bracket ("'just isn't eating.' Pt has ...").
  return (text.slice(from, to).match(/[.!?;\n]['"’”)]*(?:\s|$)/g) ?? []).length <= 1;
}
