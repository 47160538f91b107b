import { findAnswerSegments } from './answerSegments.js';
import { tickedItemCandidate } from './checkboxList.js';
import { closingLabelHead, labelHeads, type LabelHead } from './closingLabel.js';
import { findAnyJsonFields, findJsonFields } from './jsonFields.js';
import { numberAmidOtherScript } from './otherScripts.js';
import { markedTableRow } from './markdownTable.js';
import { isInRejectingClause, isRejecting, splitClauses } from './clauses.js';
import { isRejectedMention } from './negation.js';
import { optionDescribed } from './optionOverlap.js';
import { normalizeAnswerText } from './normalize.js';
import { NUMBER_WORDS } from './numberWords.js';
import { findPhraseMentions, phraseRepliedVerbatim, preparePhrases, type PreparedPhrases } from './phraseMentions.js';
import { stripMarkdownEmphasis } from './plainText.js';
import { resolveExtraction, type Candidate } from './resolve.js';
import { answerAfterSelfCorrection, reopenedByCorrection } from './selfCorrection.js';
import { splitSentences } from './sentences.js';
import { EXTRACTOR_VERSION, type Extraction } from './types.js';
import { parseUnit } from './units.js';

const EXTRACTOR = `ordinal@${EXTRACTOR_VERSION}`;

const JSON_KEYS = [
  'final_answer',
  'answer',
  'level',
  'esi',
  'esi_level',
  'triage_level',
  'triage',
  'acuity',
  'category',
  'score',
  'rating',
  'value',
  'priority',
  'grade',
  'ctas',
  'ctas_level',
];

/**
 * JSON keys of any prefix that name a point of a scale ("risk_level", "gfr_category", "analgesia_level", "severity",
 * "risk", "level_of_care", "strategy", "site").
 */
const LEVEL_KEY = /(?:level|category|grade|stage|class|tier|severity|priority|acuity|risk|care|strategy|site|disposition)$/;

const ROMAN_NUMERALS: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

const VALUE_TOKEN = String.raw`(-?\d{1,3}(?:\.\d+)?|[IVX]{1,4}|zero|one|two|three|four|five|six|seven|eight|nine|ten)(?![\d]|\.\d|[A-Za-z])`;
const SCALE_KEYWORD = String.raw`\b(?:(?:esi|ctas|ats|mts|triage|acuity|urgency|priority)(?:\s+(?:level|category|score|class|priority|tier|scale))?|(?:cfs|clinical\s+frailty\s+scale)(?:\s+(?:score|level|category))?|level(?:\s+of\s+(?:care|urgency|acuity|risk|severity|analgesia))?|lvl|category|cat\.?|class|grade|stage|tier|score|rating|rank(?:ing)?|scale\s+(?:value|point|level|option|rating|score|position|step)|(?:scale\s+)?(?:option|choice|item|value)(?:\s+(?:number|no\.?))?(?=\s*[:=#]?\s*(?:\d|[IVX]{1,4}\b))|scale(?=\s*[:=#]?\s*\d)|stufe|nivel|niveau|n[íi]vel|categor[íi]a|cat[ée]gorie|kategorie|grado|stadium|estadio|stade)`;
const KEYWORD_VALUE = new RegExp(
  `${SCALE_KEYWORD}\\s*(?:\\((?:esi|ctas|emergency\\s+severity\\s+index)\\)\\s*)?(?:of\\s+|is\\s+|=\\s*|:\\s*|#\\s*|-\\s*|at\\s+|would\\s+be\\s+|should\\s+be\\s+)?(?:an?\\s+)?(?:level\\s+)?${VALUE_TOKEN}`,
  'i',
);
/** A value opening a reply, possibly after a committed hedge ("Probably 4, though a case could be made otherwise"). */
const BARE_VALUE_AT_START = new RegExp(
  `^\\s*(?:(?:probably|likely|most\\s+likely|I'd\\s+say|I\\s+would\\s+say|I\\s+think)\\s*,?\\s+)?["'(\\[]?\\s*(?:an?\\s+)?${VALUE_TOKEN}`,
  'i',
);
const CONFLICT_AFTER = new RegExp(
  `^\\s*[)\\]]?\\s*(?:,\\s*)?(?:or|to|-|\\/|and)\\s*(?:possibly\\s+|maybe\\s+|perhaps\\s+)?(?:(?:esi|ctas|level|category|triage|class|grade)\\s*${VALUE_TOKEN}|(\\d{1,3})(?!\\d|\\.\\d))`,
  'i',
);
/** Words right before a mention that make it one of several alternatives: "either ... or a strong opioid", "between a weak and a strong opioid". */
const ALTERNATIVE_BEFORE =
  /(?:\b(?:either|whether)\b[^.;\n]{0,60}|\bbetween\b[^.;\n]{0,60}\band\s+|\b(?:or|nor|and\/or)\s+)(?:(?:an?|the)\s+)?$/i;
/** A reply opening with a negation: it names a level to rule it out ("Do not assign ESI 1", "Not level 2", "Never 4"). */
/** Names of a level, as against a score: "Grade 3/4" offers two grades, "score 3/4" is three out of four. */
const LEVEL_NAME = /^\s*(?:grade|stage|class|category|cat\.?|level|tier)\b/i;
/** A question quoted back in the answer ('Regarding "Which ESI level should the nurse assign?": 2'). */
const QUOTED_QUESTION = /"[^"\n]{3,200}\?"/g;
const NEGATED_OPENING = /^\W*(?:not|do\s+not|don't|never|avoid|definitely\s+not)\b/i;
/**
 * A reply that is nothing but two courses joined by "or", a slash or a range of grades: "Stage 3 or unstageable",
 * "HDU/ICU", "Moderate to high risk" (not "Admit to ICU": "to" joins grades only; not "4/5" or "ED now / 911": each
 * side opens on a word).
 */
const JOINED_REPLY =
  /^\s*([A-Za-z][\w-]*(?:\s+[\w-]+)?)(?:\s+or\s+|\s*\/\s*|(?<=\b(?:low|mild|moderate|medium|intermediate|high|severe))\s+to\s+)([A-Za-z][\w-]*(?:\s+[\w-]+)?)\s*[.!]?\s*$/i;

/**
 * The reply when it joins two courses that are not one point of the scale (one side names no point, or another
 * point): "Ibuprofen or paracetamol" for the non-opioid point is one answer; "Stage 3 or unstageable" is two. A reply
 * that is a label's own wording is no alternative.
 */
function joinedAlternatives(reply: string, scale: Scale): string | undefined {
  const joined = JOINED_REPLY.exec(reply);
  if (!joined || scale.labels.some(({ phrase }) => phrase.toLowerCase() === reply.trim().replace(/[.!]$/, '').toLowerCase()))
    return undefined;
  const point = (side: string): number | undefined => {
    const reading = readOrdinalAt(withScaleSynonyms(side), scale, true);
    return reading !== undefined && 'value' in reading ? reading.value : undefined;
  };
  const left = point(joined[1] ?? '');
  const right = point(joined[2] ?? '');
  return left !== undefined && left === right ? undefined : joined[0].trim();
}
/** Vital signs, doses and the like right before a number: "BP 120/80", "HR 110", "pain 8/10", "GCS 15". */
const MEASUREMENT_BEFORE =
  /\b(?:bp|hr|rr|spo2|sats?|o2|temp(?:erature)?|pulse|heart\s+rate|blood\s+pressure|respiratory\s+rate|saturation|gcs|glasgow(?:\s+coma\s+scale)?|pain(?:\s+score)?|(?:heart|wells|curb-?65|crb-?65|chads2|cha2ds2-?vasc|has-?bled|timi|grace|nihss|qsofa|sofa|apgar|centor|meld|perc|pesi|abcd2?)(?:\s+score)?|age[ds]?|weight|wt|glucose|lactate|troponin|hemoglobin|hgb|creatinine|potassium|sodium|x)\s*(?:of|is|was|:|=)?\s*$/i;

const DECISION_CUE =
  /\b(?:assign(?:ed|ing)?|classif(?:y|ied)|categori[sz]ed?|triage(?:d)?\s+(?:as|at|to)|choose|chose|select(?:ed)?|pick|go\s+with|opt\s+for|recommend(?:ed)?|would\s+be|should\s+be|is\s+(?:the\s+)?(?:most\s+)?(?:appropriate|correct|best|right|indicated|warranted|needed|required|necessary)|most\s+appropriate|best\s+(?:fits|describes)|warrants?|meets|fits|qualif(?:y|ies)|consistent\s+with|corresponds|appropriate|answer|conclusion|therefore|thus|hence|I\s+(?:would|'d)|falls?\s+(?:into|under)|rate|rating|is\s+an?\b)\b/i;

/** "I'd say", "I would rate this (as) a", "I'd go with", "my rating is": followed by the value. */
const ORDINAL_VERB_MARKER =
  /\bI(?:'d|\s+would|\s+will)?\s+(?:(?:probably|definitely|therefore)\s+)?(?:say|rate|score|give|go\s+with|choose|pick|select|assign|put)(?:\s+(?:it|this|that|him|her|them|the\s+(?:patient|statement|case|likelihood)))?(?:\s+(?:as|at))?(?=\s)|\bmy\s+(?:rating|score|answer|choice)\s+(?:is|would\s+be)\b|\bI(?:'d|\s+would|\s+will)?\s+(?:bump|up-?triage|upgrade|downgrade|escalate|move|change|revise|raise|lower)(?:\s+(?:it|this|that|him|her|them|the\s+\w+))?(?:\s+(?:up|down))?\s+to\b/i;

/** A sentence that states general practice rather than a decision for this patient. */
const GENERIC_STATEMENT =
  /\b(?:generally|typically|usually|in\s+general|commonly|often|as\s+a\s+rule|in\s+most\s+(?:emergency\s+departments|cases|settings))\b/i;

/** Likert modifiers written differently by models than in scale labels; both sides are mapped to one word. */
const LIKERT_SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:extremely|highly|really)\b/i, 'very'],
  [/\b(?:completely|totally|fully|entirely)\b/i, 'strongly'],
  [/\b(?:slightly|mildly|moderately|fairly|a\s+little|rather)\b/i, 'somewhat'],
  [/\bneither\s+agree\s+nor\s+disagree\b|\bneither\s+likely\s+nor\s+unlikely\b|\bundecided\b/i, 'neutral'],
];

/**
 * Level words of French, Spanish, Portuguese and German answers, and places and times of care in Italian, Russian,
 * Swahili, Hindi, Japanese and Korean ones, in English ("Risque élevé" -> "high risk", "pronto soccorso" -> "emergency
 * department", "Mittelgradig" -> "moderate", "Unidad de cuidados intensivos" -> "intensive care unit", "opioide
 * potente" -> "strong opioid"), so that the labels' own words can be matched.
 */
const FOREIGN_LEVEL_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:risque|riesgo|risco)\s+(?:élevé|alto|elevado)(?![\w-])|\bhohes\s+Risiko\b/gi, 'high risk'],
  [/\b(?:risque|riesgo|risco)\s+(?:faible|bajo|baixo)(?![\w-])|\bniedriges\s+Risiko\b/gi, 'low risk'],
  [/\bmodérément\s+sévère(?![\w-])/gi, 'moderately severe'],
  [/\b(?:mittelgradig|modérée?|moderad[oa])(?![\w-])/gi, 'moderate'],
  [/\b(?:sévère|grave|schwer(?:e|er|es)?)(?![\w-])/gi, 'severe'],
  [/\b(?:légère?|leve|leicht(?:e|er|es)?)(?![\w-])/gi, 'mild'],
  [
    /\b(?:unidad\s+de\s+cuidados\s+intensivos|unité\s+de\s+soins\s+intensifs|unidade\s+de\s+(?:terapia|cuidados)\s+intensiv[oa]s|Intensivstation)(?![\w-])/gi,
    'intensive care unit',
  ],
  // The emergency department in Vietnamese, Polish, Dutch, Turkish, Chinese and Arabic: "khoa cấp cứu", "SOR",
  // "spoedeisende hulp", "acil servis", "急诊", "قسم الطوارئ".
  [
    /(?:khoa|phòng)\s+cấp\s+cứu|\bSOR\b|\bspoedeisende\s+hulp\b|\bSEH\b|\bacil\s+servis(?:e|i)?(?![a-zçğıöşü])|急诊(?:科|室)?|قسم\s+الطوارئ/gi,
    'emergency department',
  ],
  // Places and times of care in Italian, Russian, Swahili, Hindi, Japanese and Korean: "pronto soccorso", "отделение
  // неотложной помощи", "idara ya dharura", "आपातकालीन विभाग", "救急外来", "응급실" are the emergency department. Spaces
  // around the English keep it apart from the words of scripts written without them ("今すぐ救急外来へ").
  [
    /\bpronto\s+soccorso\b|отделени[еяю]\s+неотложной\s+помощи|(?<![\w])idara\s+ya\s+dharura\b|आपातकालीन\s+विभाग|救急外来|救急室|응급실/gi,
    ' emergency department ',
  ],
  [
    /\bterapia\s+intensiva\b|отделени[еяю]\s+(?:интенсивной\s+терапии|реанимации)|गहन\s+चिकित्सा\s+इकाई|集中治療室|중환자실/gi,
    ' intensive care unit ',
  ],
  [/\bricovero(?:\s+ospedaliero)?\b|госпитализаци[яюи]|अस्पताल\s+में\s+भर्ती|入院|입원/gi, ' hospital admission '],
  [/\b(?:lo|la|li)?\s*dimetter(?:ei|e|ò)\b|\bdimission[ei]\b|выписать/gi, ' discharge '],
  [/\ba\s+casa\b|(?<![\w])nyumbani\b|घर\s+पर|自宅で/gi, ' home '],
  [/(?<![\w])sasa\s+hivi\b|\bsubito\b|немедленно|прямо\s+сейчас|今すぐ|지금/gi, ' now '],
  [/\b(?:opioide?|opiacé)\s+(?:potente|fort|fuerte|forte)(?![\w-])|\bstarkes\s+Opioid\b/gi, 'strong opioid'],
  [/\b(?:antalgique|analgésique|analgésico)\s+non\s+opio[iï]de(?![\w-])/gi, 'non-opioid analgesic'],
];

function inEnglishLevelWords(text: string): string {
  return FOREIGN_LEVEL_WORDS.reduce((rewritten, [pattern, english]) => rewritten.replace(pattern, english), text);
}

interface Scale {
  readonly values: ReadonlySet<number>;
  readonly max: number;
  readonly labels: ReadonlyArray<{ id: string; phrase: string }>;
  /** Labels without the word every label shares ("High" of "Low risk / Intermediate risk / High risk"), read only as a whole reply. */
  readonly cores: ReadonlyArray<{ id: string; phrase: string }>;
  /** One-word label heads ("Moderate" of "Moderate (10–14)", "G3b" of "G3b (eGFR 30–44)"), read only at the start of a reply. */
  readonly shortNames: ReadonlyArray<{ id: string; phrase: string }>;
  /** Numbers the labels subdivide ("3" of "G3a", "G3b"): "stage 3" cannot name one point. */
  readonly subdivided: ReadonlySet<string>;
  /** Each point's whole label, for answers that describe a point in other words ("go to the ER now"). */
  readonly descriptions: ReadonlyArray<{ id: string; phrase: string }>;
  /** Per point, words of its label that no other label has ("paracetamol", "home"): evidence of that point. */
  readonly distinctiveWords: ReadonlyMap<number, ReadonlySet<string>>;
  /** Label heads, for a class named at the end of the answer ("17 = severe depression"). */
  readonly heads: readonly LabelHead[];
  /** Whether the labels are places or kinds of care ("General ward", "Oral opioid"): "ESI level 1" names none of them. */
  readonly careLevels: boolean;
  /** Labels, short names and cores: what may follow an arrow or an equals sign ("→ high risk"). */
  readonly namesAfterSign: PreparedPhrases;
  /** Labels and the short names with a digit ("G3b"): a point named anywhere in a sentence. */
  readonly valueNames: PreparedPhrases;
}

/** A triage system's name leading a level ("ESI level 1", "CTAS 2", "triage category 3"). */
const TRIAGE_SYSTEM = /^(?:esi|ctas|ats|mts|triage)\b/i;
const PLACE_OF_CARE = /\b(?:ward|unit|intensive\s+care|outpatient|inpatient|discharge|admission|home|appointment|clinic)\b/i;

/**
 * A scale of places or kinds of care whose labels name no triage system (see {@link Scale.careLevels}): a label names a
 * place of care, or every label describes an action in three words or more ("Oral opioid with non-opioids"), which
 * the one- or two-word names of triage levels ("Emergent", "Less urgent") never do.
 */
function isCareLevelScale(scale: ReadonlyArray<{ label: string }>): boolean {
  const labels = scale.map((point) => String(point.label));
  const described = labels.every((label) => (label.match(/[A-Za-z]+/g) ?? []).length >= 3);
  return (
    (described || labels.some((label) => PLACE_OF_CARE.test(label))) &&
    !labels.some((label) => /\b(?:esi|ctas|ats|mts|triage)\b/i.test(label))
  );
}

interface ValueMention {
  readonly value: number;
  readonly start: number;
  readonly end: number;
  readonly written: string;
}

type OrdinalReading = { value: number; written: string } | { problem: string } | undefined;

/**
 * Extracts a value of an ordinal scale (ESI 1-5, a Likert scale, a risk category) from a free-text answer.
 *
 * A value can be written as a number after a scale keyword ("ESI 2", "ESI level 2", "level 2", "Triage: 2",
 * "category II", "level two", "scale value 2", "option 2 on the scale"), as the label or its head ("Strong opioid"
 * for "Strong opioid (e.g., IV morphine), ..."; a label without the word all labels share, "High" for "High risk",
 * only as the whole reply) ("Emergent", "Strongly agree" — also via Likert synonyms: "highly
 * likely" = "very likely", "completely agree" = "strongly agree"), or both ("2 (Emergent)", "Emergent (ESI 2)"; if
 * the two disagree the answer is unparseable). Roman numerals count only in upper case ("Level II"), so the pronoun
 * in "level I would ..." is rare trouble. A bare number counts only where an answer is expected (a terse reply, right
 * after a marker, JSON) and not when it is a measurement ("120/80", "2 mg", "HR 110", "8/10" on a 1-5 scale).
 *
 * Precedence, most explicit first (the first rule that finds something decides):
 * 1. JSON (`{"esi_level": 2}`), then a terse reply ("2", "ESI 2", "Level II", "Emergent").
 * 2. "Final answer" markers (last one), then "Answer:" / "Recommended:" / "the correct answer is" / "I would rate it" / "I'd say" /
 *    "I would bump it to" markers (last one): the first value after the marker.
 * 3. The last bold span holding a value.
 * 4. Values in non-conditional decision sentences ("I would assign ESI 2", "this patient meets ESI 2 criteria"),
 *    ignoring rejected mentions ("not ESI 1", "ESI 3 would under-triage", "below resuscitation"): one distinct
 *    value (a weak answer when stated as general practice: "chest pain is typically ESI 2").
 * 5. One distinct value mentioned anywhere: a weak answer.
 * A value outside the scale, a range ("ESI 2-3", "2 or 3"), alternatives ("either an early or an immediate invasive
 * strategy") or several distinct values is unparseable. Named clinical scores ("HEART score 5") are measurements.
 */
export function extractOrdinal(text: string, scale: ReadonlyArray<{ value: number; label: string }>): Extraction<number> {
  return ordinalReader(scale)(text);
}

/** {@link extractOrdinal} for one question's scale, prepared once for every answer read with it. */
export function ordinalReader(scale: ReadonlyArray<{ value: number; label: string }>): (text: string) => Extraction<number> {
  const labels = scaleLabelPhrases(scale);
  const cores = scaleLabelCores(scale);
  const shortNames = scaleShortNames(scale);
  const prepared: Scale = {
    values: new Set(scale.map((point) => point.value)),
    max: Math.max(...scale.map((point) => point.value)),
    labels,
    cores,
    shortNames,
    subdivided: subdividedNumbers(scale),
    distinctiveWords: distinctiveLabelWords(scale),
    careLevels: isCareLevelScale(scale),
    heads: labelHeads(scale),
    descriptions: scale
      .filter((point) => typeof point.label === 'string')
      .map((point) => ({ id: String(point.value), phrase: point.label })),
    namesAfterSign: preparePhrases([...labels, ...shortNames, ...cores]),
    valueNames: preparePhrases([...labels, ...shortNames.filter(({ phrase }) => /\d/.test(phrase))]),
  };
  return (text) => {
    const clean = normalizeAnswerText(text);
    // 'Regarding "Where should I seek care?": 4.': a question quoted back names no point, though its words may.
    // "🟠 Moderate": a leading emoji decorates the answer.
    const plain = canonicalLikert(inEnglishLevelWords(stripMarkdownEmphasis(clean)))
      .replace(QUOTED_QUESTION, 'the question')
      .replace(/^\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)+(?=\w)/u, '');
    const whole = findOrdinalCandidate(clean, plain, prepared);
    const candidate =
      answerAfterSelfCorrection(plain, whole, (tail) => findOrdinalCandidate(tail, tail, prepared)) ??
      reopenedByCorrection(plain, whole, (tail) => valuesNamed(tail).filter((value) => prepared.values.has(value))) ??
      whole;
    return resolveExtraction(candidate, text, EXTRACTOR);
  };
}

/** A sentence that is only a value with its keyword, in English or another language ("Option 4.", "Estádio 3."). */
const STANDING_VALUE =
  /^(?:option|level|point|grade|stage|category|est[áa]dio|est[áa]gio|n[íi]vel|niveau|stufe|livello|grado|grau|stadium|tahap|tingkat|antas)\s+(\d{1,2})\s*[.!]?$/i;

function findOrdinalCandidate(clean: string, plain: string, scale: Scale): Candidate<number> {
  if (plain.length === 0) return { status: 'none', explanation: 'empty answer' };
  const fromReading = (reading: OrdinalReading, source: string): Candidate<number> | undefined => {
    if (reading === undefined) return undefined;
    if ('problem' in reading) return { status: 'ambiguous', explanation: `${source}: ${reading.problem}` };
    return { status: 'found', value: reading.value, strength: 'strong', explanation: `matched ${source} "${reading.written}"` };
  };

  // Known keys, then keys that name a level of any kind ("risk_level", "gfr_category", "severity"); a value outside
  // the scale ("score": 17 beside "severity") is reported only when no field gives a value on the scale.
  const jsonFields = [...findJsonFields(clean, JSON_KEYS), ...findAnyJsonFields(clean).filter((field) => LEVEL_KEY.test(field.key))];
  let jsonProblem: Candidate<number> | undefined;
  for (const field of jsonFields) {
    const found = fromReading(readOrdinalAt(canonicalLikert(String(field.value)), scale, true), `JSON "${field.key}"`);
    if (found?.status === 'found') return found;
    jsonProblem ??= found;
  }
  if (jsonProblem) return jsonProblem;

  // "esi_level: 1", "severity: Moderate": the one YAML-style field (a lower-case key) that names a level.
  const yamlLevels = [...plain.matchAll(/^\s*([a-z][a-z0-9_]*)\s*:\s*(\S[^\n]*)$/gm)].filter((line) => LEVEL_KEY.test(line[1] ?? ''));
  const onlyYamlLevel = yamlLevels.length === 1 ? yamlLevels[0] : undefined;
  const fromYaml =
    onlyYamlLevel === undefined
      ? undefined
      : fromReading(readOrdinalAt(canonicalLikert(onlyYamlLevel[2] ?? ''), scale, true), `YAML "${onlyYamlLevel[1] ?? ''}"`);
  if (fromYaml?.status === 'found') return fromYaml;

  const ticked = tickedItemCandidate(plain, (item) => findOrdinalCandidate(item, item, scale));
  if (ticked) return ticked;

  const verbatim = phraseRepliedVerbatim(plain, scale.descriptions);
  if (verbatim !== undefined)
    return { status: 'found', value: Number(verbatim), strength: 'strong', explanation: `the reply is the label of point ${verbatim}` };

  // "Admit (2).": a short reply closing on a bracketed value, its words naming no other point.
  const bracketed = /^([^()\d\n]{1,40})\((\d{1,2})\)\s*[.!]?\s*$/.exec(plain);
  if (
    bracketed &&
    scale.values.has(Number(bracketed[2])) &&
    valueMentions(bracketed[1] ?? '', scale, false).every((m) => m.value === Number(bracketed[2]))
  )
    return { status: 'found', value: Number(bracketed[2]), strength: 'strong', explanation: `short reply closing on "(${bracketed[2]})"` };

  // "— רמה 4.", "ไปโรงพยาบาลทันที ข้อ 4", "Επίπεδο 2.": the one number set off in an answer in another script.
  // Only when no other value of the scale stands anywhere ("Επίπεδο 2 ή επίπεδο 3" is "level 2 or level 3").
  const amid = numberAmidOtherScript(plain);
  const standingValues = [...plain.matchAll(/(?<![\d.,])\d{1,2}(?![\d.,]\d|\d)/g)].map(Number).filter((value) => scale.values.has(value));
  if (amid !== undefined && scale.values.has(amid) && standingValues.every((value) => value === amid))
    return { status: 'found', value: amid, strength: 'strong', explanation: `value ${amid} set off in an answer in another script` };

  // "... can affect your heart rhythm. Option 4.", "Estádio 3.": the value named as a sentence of its own, once.
  const standing = new Set(
    splitSentences(plain).flatMap((sentence) => {
      const value = STANDING_VALUE.exec(sentence.trim())?.[1];
      return value === undefined ? [] : [Number(value)];
    }),
  );
  const onlyStanding = standing.size === 1 ? [...standing][0] : undefined;
  if (onlyStanding !== undefined && scale.values.has(onlyStanding))
    return {
      status: 'found',
      value: onlyStanding,
      strength: 'strong',
      explanation: `"Option ${onlyStanding}" stands as a sentence of its own`,
    };

  // A short reply opening with a negation ("Do not assign ESI 1.", "Not level 2") rules a level out; it is not terse.
  // A short text naming two values ("Stage 1 is mild, stage 2 moderate. So stage 2.", "Resuscitation (3).") is
  // reasoning or a contradiction, not a terse reply.
  const namedValues = new Set(
    [...valueMentions(plain, scale, true).map((mention) => mention.value), ...valuesNamed(plain)].filter((value) =>
      scale.values.has(value),
    ),
  );
  // "17 = severe depression", "A PHQ-9 of 17 means moderate depression": a score outside the scale, then its class.
  const closingHead = closingLabelHead(plain, scale.heads);
  const closingValues = valuesNamed(splitSentences(plain).at(-1) ?? '').filter((value) => scale.values.has(value));
  if (closingHead !== undefined && closingValues.every((value) => value === closingHead.value))
    return {
      status: 'found',
      value: closingHead.value,
      strength: 'weak',
      explanation: `the answer closes on the class "${closingHead.head}"`,
    };

  const hedge = hedgeBetweenPoints(plain, scale);
  if (plain.length <= 60 && !plain.includes('\n') && !NEGATED_OPENING.test(plain)) {
    if (hedge !== undefined) return { status: 'ambiguous', explanation: `terse reply hedges between two points ("${hedge}")` };
    const alternatives = joinedAlternatives(plain, scale);
    if (alternatives !== undefined) return { status: 'ambiguous', explanation: `terse reply names alternatives ("${alternatives}")` };
    // A field name before the value ("Recommended: 2 - ...", "Risk category: High") is dropped so that a leading
    // number is read and checked against a label written after it, unless the field name itself names a value.
    const field = /^\s*[A-Za-z][A-Za-z ]{0,30}:\s*/.exec(plain)?.[0] ?? '';
    const namesValue = field.length > 0 && valueMentions(field, scale, false).length > 0;
    const found = fromReading(readOrdinalAt(namesValue ? plain : plain.slice(field.length), scale, true), 'terse reply');
    // "Immediate invasive strategy, i.e. level 5" on a 1-4 scale: the reply also names a level the scale lacks.
    const missingLevel = LEVEL_NAMED.exec(plain);
    if (found?.status === 'found' && missingLevel && !scale.values.has(Number(missingLevel[1])))
      return { status: 'ambiguous', explanation: `terse reply also names "${missingLevel[0]}", which the scale does not have` };
    if (found && (found.status !== 'found' || namedValues.size <= 1)) return found;
  }

  // An answer opening with a number and a separator, then explaining ("3. Severe pain warrants IV morphine"), unless
  // other lines are numbered too (a numbered list of steps or criteria).
  const opening = /^\s*\d{1,2}\s*[.)]\s+(?=[A-Z])/.exec(plain);
  if (opening && !/\n\s*\d{1,2}\s*[.)]\s/.test(plain)) {
    const found = fromReading(readOrdinalAt(plain.split('\n')[0] ?? '', scale, true), 'answer opening with');
    if (found) return found;
  }

  // An answer opening with a level's short name alone and a separator ("Resuscitation — she needs epinephrine").
  const openingName = /^\s*([^:.\n]{2,30}?)(?:\s+-\s|\s*[:.])/.exec(plain)?.[1]?.toLowerCase();
  const named = openingName === undefined ? undefined : scale.shortNames.find(({ phrase }) => phrase.toLowerCase() === openingName);
  if (named) return { status: 'found', value: Number(named.id), strength: 'strong', explanation: `answer opening with "${named.phrase}"` };

  // A reasoning that ends on a label of its own ("... so not severe. Moderate.", "... So moderate.", "FEV1 45% pred →
  // severe", "... So 4."): the last sentence, after a concluding word or arrow, is the answer.
  const closingSentence = splitSentences(plain).at(-1) ?? '';
  const arrow = closingSentence.lastIndexOf('→') >= 0 ? closingSentence.lastIndexOf('→') : closingSentence.lastIndexOf('=>');
  const concludes = splitSentences(plain).length > 1 || arrow >= 0;
  const lastSentence = closingSentence
    .slice(arrow >= 0 ? arrow + (closingSentence[arrow] === '→' ? 1 : 2) : 0)
    .replace(/[.!]+$/, '')
    .replace(/^\s*(?:so|therefore|thus|hence)\s*,?\s*/i, '')
    .trim()
    .toLowerCase();
  // After a concluding word the closing sentence may name the value with its keyword ("So Stage 2."); without one, only
  // a bare number ending a short rationale counts ("TOA → admit, parenteral abx. 3."), and not after a numbered list.
  const concluding = /^\s*(?:so|therefore|thus|hence)\b/i.test(closingSentence);
  const closingReading =
    arrow >= 0 || splitSentences(plain).length < 2 || lastSentence.length > 25
      ? undefined
      : concluding
        ? readOrdinalAt(lastSentence, scale, true)
        : /^-?\d{1,2}$/.test(lastSentence) && !/^\s*\d{1,2}\s*[.)]\s/m.test(plain)
          ? readOrdinalAt(lastSentence, scale, true)
          : undefined;
  if (closingReading !== undefined && 'value' in closingReading)
    return {
      status: 'found',
      value: closingReading.value,
      strength: 'strong',
      explanation: `the answer closes with "${closingSentence.trim()}"`,
    };
  const closingName = [...scale.labels, ...scale.shortNames].filter(({ phrase }) => phrase.toLowerCase() === lastSentence);
  if (closingName.length > 0 && new Set(closingName.map(({ id }) => id)).size === 1 && closingName[0] && concludes) {
    return {
      status: 'found',
      value: Number(closingName[0].id),
      strength: 'strong',
      explanation: `the answer closes with "${closingName[0].phrase}"`,
    };
  }

  const tableRow = markedTableRow(clean);
  const fromTable =
    tableRow === undefined ? undefined : fromReading(readOrdinalAt(canonicalLikert(tableRow), scale, true), 'the one row a table marks');
  if (fromTable) return fromTable;

  const segments = findAnswerSegments(plain);
  const verbSegments = [...plain.matchAll(new RegExp(ORDINAL_VERB_MARKER.source, 'gi'))].map((match) => ({
    tier: 'answer' as const,
    marker: match[0].trim(),
    segment: plain.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 200).split('\n')[0] ?? '',
    index: match.index ?? 0,
  }));
  const ordered = [...segments, ...verbSegments].sort((a, b) => a.index - b.index);
  for (const tier of ['final', 'answer'] as const) {
    for (const segment of ordered.filter((s) => s.tier === tier).reverse()) {
      const found = fromReading(readOrdinalAt(segment.segment, scale, true), `"${segment.marker}" marker`);
      if (found) return found;
    }
  }

  for (const span of [...clean.matchAll(/\*\*([^*\n]{1,120})\*\*/g)].reverse()) {
    const content = canonicalLikert(
      (span[1] ?? '').replace(/^\s*(?:final\s+)?(?:answer|triage(?:\s+level)?|esi\s+level|level|rating|score)\s*[:\-]\s*/i, ''),
    );
    // "Risk level: **High**": a short bold value after a field name on its line is read like a terse reply.
    const lineBefore = clean.slice(clean.lastIndexOf('\n', (span.index ?? 0) - 1) + 1, span.index ?? 0);
    const fieldValue = /^\s*[A-Za-z][A-Za-z ]{0,30}:\s*$/.test(lineBefore);
    const reading = readOrdinalAt(content, scale, (fieldValue || /^\s*["'(]?\s*(?:\d|[IVX]+\b)/.test(content)) && content.length <= 40);
    const found = fromReading(reading, `bold "**${(span[1] ?? '').trim()}**"`);
    if (found) return found;
  }

  const concluded = concludedAfterSign(plain, scale);
  if (concluded) return concluded;

  let generic = false;
  const inDecisions = new Map<number, string>();
  const anywhere = new Map<number, string>();
  const outOfScale = new Set<string>();
  const conditionalOnly = new Map<number, string>();
  // Clauses joined by "but" or ";" are judged apart: "X would be reasonable if she were stable, but Y is needed".
  for (const sentence of splitSentences(plain).flatMap((whole) => whole.split(/,?\s+but\s+|;\s+/i))) {
    const conditional =
      /^\s*(?:if|unless|whether)\b|\b(?:only\s+if|unless|depending\s+on)\b|\b(?:would|could|might)\s+be\b[^,.;]{0,60}\bif\b/i.test(
        sentence,
      );
    const isDecision = DECISION_CUE.test(sentence) && !conditional;
    const rejects = isRejecting(sentence);
    for (const group of groupMentions(sentence, valueMentions(sentence, scale, false))) {
      if ('problem' in group) {
        if (isDecision) return { status: 'ambiguous', explanation: `${group.problem} in "${sentence.slice(0, 100)}"` };
        continue;
      }
      if (
        isRejectedMention(sentence.toLowerCase(), group.start, group.end) ||
        (rejects && isInRejectingClause(sentence, group.start, group.end))
      )
        continue;
      // A value asked about and then answered ("ESI 4? No — ..., so ESI 3") is considered, not chosen.
      if (/^\s*\?/.test(sentence.slice(group.end))) continue;
      // One under a condition that follows it ("phone the clinic tomorrow if the fever is still there") is not
      // committed to, but still stands against any other point named ("rest at home, and phone ... if ...").
      if (TRAILING_CONDITION.test(sentence.slice(group.end))) {
        if (scale.values.has(group.value)) conditionalOnly.set(group.value, group.written);
        continue;
      }
      if (!scale.values.has(group.value)) {
        outOfScale.add(group.written);
        continue;
      }
      if (!anywhere.has(group.value)) anywhere.set(group.value, group.written);
      if (isDecision && !inDecisions.has(group.value)) inDecisions.set(group.value, sentence.slice(0, 100));
      if (isDecision) generic ||= GENERIC_STATEMENT.test(sentence);
    }
  }
  const onlyInDecisions = [...inDecisions][0];
  if (inDecisions.size === 1 && onlyInDecisions) {
    const [value, sentence] = onlyInDecisions;
    const explanation = `value ${value} in decision sentence "${sentence}"${generic ? ' (stated as general practice)' : ''}`;
    return { status: 'found', value, strength: generic ? 'weak' : 'strong', explanation };
  }
  if (inDecisions.size > 1) {
    return { status: 'ambiguous', explanation: `decision sentences name several values (${[...inDecisions.keys()].join(', ')})` };
  }
  // Weak readings (a lone mention, a description) give way to a hedge between two points anywhere in the answer.
  if (hedge !== undefined) return { status: 'ambiguous', explanation: `the answer hedges between two points ("${hedge}")` };
  const onlyAnywhere = [...anywhere][0];
  if (anywhere.size === 1 && onlyAnywhere) {
    const [value, written] = onlyAnywhere;
    const underCondition = [...conditionalOnly].find(([other]) => other !== value);
    if (underCondition)
      return { status: 'ambiguous', explanation: `"${written}" is mentioned, and "${underCondition[1]}" under a condition` };
    // "Resuscitation (3).": the mention labelled with another point's number.
    const label = new RegExp(`${escapeRegExp(written)}\\s*\\((\\d{1,2})\\)`, 'i').exec(plain)?.[1];
    const bracketed = label !== undefined && Number(label) !== value && scale.values.has(Number(label)) ? label : undefined;
    if (bracketed !== undefined)
      return { status: 'ambiguous', explanation: `"${written}" is mentioned, but so is "(${bracketed})", another point` };
    const other = otherPointEvidence(plain, value, written, scale);
    if (other)
      return { status: 'ambiguous', explanation: `"${written}" is mentioned, but so is "${other}", a word of another point's label` };
    if (inRestatedScale(plain, written, value, scale))
      return { status: 'ambiguous', explanation: `"${written}" is mentioned only where the answer restates the scale` };
    return { status: 'found', value, strength: 'weak', explanation: `only scale value mentioned: "${written}"` };
  }
  if (anywhere.size > 1)
    return { status: 'ambiguous', explanation: `several scale values mentioned (${[...anywhere.keys()].join(', ')}) and no answer marker` };
  if (outOfScale.size > 0) return { status: 'ambiguous', explanation: `only values outside the scale (${[...outOfScale].join(', ')})` };
  const described = optionDescribed(withScaleSynonyms(plain), scale.descriptions);
  if (described?.status === 'found')
    return {
      status: 'found',
      value: Number(described.id),
      strength: 'weak',
      explanation: `point ${described.id} described in other words ("${described.clause.slice(0, 80)}")`,
    };
  if (described?.status === 'ambiguous') return { status: 'ambiguous', explanation: described.explanation };
  return { status: 'none', explanation: 'no scale value or label found' };
}

/**
 * A condition right after a mention, in its clause ("... tomorrow morning if the fever is still there"), other than a
 * proviso that keeps the commitment ("if needed", "if possible", "if symptoms worsen" is a safety net, not read here).
 */
const TRAILING_CONDITION =
  /^[^,.;:!?\n]{0,30}?\b(?:if|unless|provided|as\s+long\s+as)\b(?!\s+(?:needed|necessary|possible|required|so|in\s+doubt|not|(?:it|things|symptoms|they|this)\s+(?:get|gets|become|becomes)\s+worse|(?:it|things|symptoms|they|this)\s+worsens?))/i;

/** An arrow or equals sign and what follows it up to the end of its clause ("→ **severe** opioid use disorder"). */
const AFTER_SIGN = /(?:→|=>|=)\s*\**\s*([^.;,\n()?]{1,40})(\?)?/g;

/**
 * A level named right after an arrow or an equals sign ("z = −3.1 ... → moderate impairment", "7 criteria = severe.",
 * "7 criteria met → **severe** opioid use disorder"): the conclusion of a worked answer, when every such conclusion
 * names the same level by its label, short name or core word.
 */
function concludedAfterSign(plain: string, scale: Scale): Candidate<number> | undefined {
  const named = new Map<number, string>();
  for (const match of plain.matchAll(AFTER_SIGN)) {
    const after = match[1] ?? '';
    // "→ high risk? Not sure.", "→ high if untreated": a conclusion asked or supposed is none.
    if (match[2] !== undefined || /\b(?:if|unless|when|would|could|might)\b/i.test(after)) continue;
    const first = findPhraseMentions(after, scale.namesAfterSign)[0];
    if (first === undefined || after.slice(0, first.start).trim().length > 0) continue;
    if (!named.has(Number(first.id))) named.set(Number(first.id), after.slice(first.start, first.end));
  }
  const only = named.size === 1 ? [...named][0] : undefined;
  if (only === undefined) return undefined;
  return { status: 'found', value: only[0], strength: 'strong', explanation: `the answer concludes "→ ${only[1]}"` };
}

/** A level written with its scale word ("level 5", "ESI 3", "grade 2"). */
const LEVEL_NAMED = /\b(?:level|grade|stage|ESI|category|class)\s+(\d{1,2})\b/i;

/**
 * Every number, number word and upper-case roman numeral in `text` ("it's more like a three, maybe 2"), as values:
 * what a self-correction names, even where no scale keyword leads it. The pronoun "I" is not a numeral, nor is a
 * roman numeral before a lower-case word ("IV corticosteroids"), the
 * denominator of "4/5" or a threshold ("≥6").
 */
function valuesNamed(text: string): number[] {
  return [...text.matchAll(new RegExp(`(?<![\\w./≥≤<>])${VALUE_TOKEN}`, 'g'))]
    .filter(
      (match) =>
        match[1] !== 'I' && !(/^[IVX]+$/.test(match[1] ?? '') && /^\s+[a-z]/.test(text.slice((match.index ?? 0) + match[0].length))),
    )
    .flatMap((match) => tokenValue(match[1] ?? '') ?? []);
}

/** The first value in a segment (see {@link extractOrdinal}); `bareAtStart` lets a leading bare number count. */
function readOrdinalAt(segment: string, scale: Scale, bareAtStart: boolean): OrdinalReading {
  const groups = groupMentions(segment, valueMentions(segment, scale, bareAtStart)).filter(
    (group) =>
      'problem' in group || (!isRejectedMention(segment.toLowerCase(), group.start, group.end) && !/^\s*\?/.test(segment.slice(group.end))),
  );
  const first = groups[0];
  if (first === undefined) return bareAtStart ? readLabelCore(segment, scale) : undefined;
  if ('problem' in first) return { problem: first.problem };
  if (!scale.values.has(first.value)) return { problem: `value ${first.value} ("${first.written}") is outside the scale` };
  return { value: first.value, written: first.written };
}

/** Keyword-led numbers, label mentions and (optionally) a leading bare number, in text order. */
function valueMentions(text: string, scale: Scale, bareAtStart: boolean): ValueMention[] {
  const mentions: ValueMention[] = [];
  const accept = (token: string, start: number, end: number, bare: boolean): void => {
    const value = tokenValue(token);
    if (value === undefined || scale.subdivided.has(token)) return;
    if (MEASUREMENT_BEFORE.test(text.slice(Math.max(0, start - 25), start))) return;
    const after = text.slice(end, end + 30);
    // The pronoun "I" ("I'd say 2", "level I would assign") is not the numeral one; a bare number word or numeral
    // must stand alone ("One step below resuscitation" is not a value).
    if (token === 'I' && !bare && /^(?:'|\s+[a-z])/.test(after)) return;
    if (bare && !/^-?\d/.test(token) && !/^\s*[.)!]?\s*(?:$|[-:(])/.test(after)) return;
    // "Grade 3/4", "stage 2/3": after the name of a level a slash offers two levels; after "score", "7/10" is out of 10.
    const fraction = LEVEL_NAME.test(text.slice(start, end)) ? null : /^\s*(?:\/|out\s+of)\s*(\d{1,3})\b/i.exec(after);
    if (fraction && Number(fraction[1]) !== scale.max) return;
    const unit = fraction ? undefined : parseUnit(after);
    if (unit && !/^\s*(?:points?|pts?)\b/i.test(after)) return;
    const fullEnd = end + (fraction?.[0].length ?? 0);
    mentions.push({ value, start, end: fullEnd, written: text.slice(start, fullEnd).trim() });
  };
  for (const match of text.matchAll(new RegExp(KEYWORD_VALUE.source, 'gi'))) {
    if (scale.careLevels && TRIAGE_SYSTEM.test(match[0])) continue;
    const token = match[1] ?? '';
    const start = match.index ?? 0;
    accept(token, start, start + match[0].length, false);
  }
  if (bareAtStart) {
    const bare = BARE_VALUE_AT_START.exec(text);
    if (bare && !mentions.some((mention) => mention.start < bare[0].length))
      accept(bare[1] ?? '', bare[0].length - (bare[1] ?? '').length, bare[0].length, true);
  }
  if (bareAtStart) {
    const lead = /^\s*["'(\[]?\s*/.exec(text)?.[0].length ?? 0;
    const name = scale.shortNames.find(({ phrase }) =>
      new RegExp(`^${escapeRegExp(phrase)}(?![\\w-])(?=\\s*(?:$|[.!,;:()\\]"'—–-]|\\s+(?:to|or)\\b|\\s+[a-z]+\\s*[.!]?\\s*$))`, 'i').test(
        text.slice(lead),
      ),
    );
    if (name && !mentions.some((mention) => mention.start <= lead)) {
      mentions.push({
        value: Number(name.id),
        start: lead,
        end: lead + name.phrase.length,
        written: text.slice(lead, lead + name.phrase.length),
      });
      // "Mild to moderate": the second head is a mention too, so the pair is read as a range.
      const joined = /^\s+(?:to|or)\s+/i.exec(text.slice(lead + name.phrase.length));
      const secondStart = lead + name.phrase.length + (joined?.[0].length ?? 0);
      const second = joined
        ? scale.shortNames.find(({ phrase }) => new RegExp(`^${escapeRegExp(phrase)}(?![\\w-])`, 'i').test(text.slice(secondStart)))
        : undefined;
      if (second)
        mentions.push({
          value: Number(second.id),
          start: secondStart,
          end: secondStart + second.phrase.length,
          written: text.slice(secondStart, secondStart + second.phrase.length),
        });
    }
  }
  for (const mention of findPhraseMentions(text, scale.valueNames)) {
    if (mentions.some((other) => mention.start < other.end && other.start < mention.end)) continue;
    mentions.push({ value: Number(mention.id), start: mention.start, end: mention.end, written: text.slice(mention.start, mention.end) });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

type MentionGroup = ValueMention | { problem: string; start: number };

/**
 * Merges a number and a label written together ("2 (Emergent)", "Emergent - ESI 2") into one mention, flagging
 * disagreement between them, and flags alternatives ("ESI 2 or 3", "ESI 2-3", "between 2 and 3", "either an early or
 * an immediate invasive strategy") unless the alternative is rejected ("rather than ESI 1 or ESI 3").
 */
function groupMentions(text: string, mentions: readonly ValueMention[]): MentionGroup[] {
  const groups: MentionGroup[] = [];
  for (let i = 0; i < mentions.length; i += 1) {
    const mention = mentions[i];
    if (!mention) continue;
    const next = mentions[i + 1];
    const gap = next ? text.slice(mention.end, next.start) : '';
    const before = text.slice(Math.max(0, mention.start - 80), mention.start);
    if (ALTERNATIVE_BEFORE.test(before) && !isRejectedMention(text.toLowerCase(), mention.start, mention.end)) {
      groups.push({
        problem: `one of several alternatives ("${text.slice(Math.max(0, mention.start - 30), mention.end).trim()}")`,
        start: mention.start,
      });
      continue;
    }
    const alternative = CONFLICT_AFTER.exec(text.slice(mention.end, mention.end + 40));
    const alternativeValue = alternative ? tokenValue(alternative[1] ?? alternative[2] ?? '') : undefined;
    const labelAlternative =
      next !== undefined &&
      next.value !== mention.value &&
      /^\s*[)\]]?\s*,?\s*(?:or|\/|to)\s*(?:possibly\s+|maybe\s+|perhaps\s+)?$/i.test(gap);
    if ((alternativeValue !== undefined && alternativeValue !== mention.value) || labelAlternative) {
      const end = labelAlternative && next ? next.end : mention.end + (alternative?.[0].length ?? 0);
      groups.push({ problem: `range or alternatives ("${text.slice(mention.start, end).trim()}")`, start: mention.start });
      if (labelAlternative) i += 1;
      continue;
    }
    if (next && /^\s*[(\-:=,]\s*(?:esi\s+|level\s+)?$/i.test(gap)) {
      if (next.value !== mention.value) {
        groups.push({ problem: `"${text.slice(mention.start, next.end)}" names two different values`, start: mention.start });
      } else {
        groups.push({ ...mention, end: next.end, written: text.slice(mention.start, next.end) });
      }
      i += 1;
      continue;
    }
    groups.push(mention);
  }
  return groups;
}

function tokenValue(token: string): number | undefined {
  if (/^-?\d/.test(token)) return Number(token);
  if (/^[IVX]+$/.test(token)) return ROMAN_NUMERALS[token];
  return NUMBER_WORDS[token.toLowerCase()];
}

/**
 * The phrases that name each scale point: its label, and the label's head when the label goes on after a
 * parenthesis, colon, dash, comma or "or" ("Same-day urgent care" of "Same-day urgent care or primary care visit"; "Strong opioid" of "Strong opioid (e.g., IV morphine), with or without
 * non-opioids"; "Immediate invasive strategy" of "Immediate invasive strategy (angiography within 2 hours)"), since
 * models name a long label by its head. A head counts only with at least two words and when no other point's label
 * or head is the same phrase.
 */
function scaleLabelPhrases(scale: ReadonlyArray<{ value: number; label: string }>): Array<{ id: string; phrase: string }> {
  const labelled = scale.filter((point) => typeof point.label === 'string' && point.label.trim().length > 0);
  const labels = labelled.map((point) => ({ id: String(point.value), phrase: canonicalLikert(normalizeAnswerText(point.label)) }));
  const heads = labels
    .map(({ id, phrase }) => ({ id, phrase: (/^([^(:,;]+?)\s*(?:[(:,;]|\s-\s|\sor\s)/i.exec(phrase)?.[1] ?? phrase).trim() }))
    .filter(
      ({ phrase }, index) => phrase !== labels[index]?.phrase && phrase.split(/[\s-]+/).filter((word) => word.length > 0).length >= 2,
    );
  const key = (phrase: string): string => phrase.toLowerCase().replace(/[\s-]+/g, ' ');
  const unique = heads.filter((head) =>
    [...labels, ...heads].every((other) => other.id === head.id || key(other.phrase) !== key(head.phrase)),
  );
  return [...labels, ...unique];
}

/**
 * Labels that all share one first or last word ("Low risk", "Intermediate risk", "High risk") are also named by the
 * rest ("High"). Such a short word is common in prose ("high fever"), so it is read only as the whole reply, after an
 * optional "risk category:"-style prefix ("High", "Risk category: High.").
 */
function scaleLabelCores(scale: ReadonlyArray<{ value: number; label: string }>): Array<{ id: string; phrase: string }> {
  const words = scale.map((point) =>
    typeof point.label === 'string'
      ? normalizeAnswerText(point.label)
          .toLowerCase()
          .split(/\s+/)
          .filter((word) => word.length > 0)
      : [],
  );
  if (words.length < 2 || words.some((label) => label.length < 2)) return [];
  const sharedFirst = words.every((label) => label[0] === words[0]?.[0]);
  const sharedLast = words.every((label) => label.at(-1) === words[0]?.at(-1));
  if (!sharedFirst && !sharedLast) return [];
  const cores = scale.map((point, index) => ({
    id: String(point.value),
    phrase: (words[index] ?? []).slice(sharedFirst ? 1 : 0, sharedLast ? -1 : undefined).join(' '),
  }));
  return cores.every((core) => core.phrase.length > 0) && new Set(cores.map((core) => core.phrase)).size === cores.length ? cores : [];
}

function readLabelCore(segment: string, scale: Scale): OrdinalReading {
  const reply = segment
    .replace(/^\s*(?:(?:risk|triage|severity|priority)\s+)?(?:category|level|class|tier|group|rating|grade)\s*[:=-]?\s*/i, '')
    .replace(/[\s.!]+$/, '')
    .toLowerCase();
  const core = scale.cores.find((candidate) => candidate.phrase === reply);
  return core ? { value: Number(core.id), written: segment.trim() } : undefined;
}

function canonicalLikert(text: string): string {
  let result = text;
  for (const [pattern, replacement] of LIKERT_SYNONYMS) result = result.replace(new RegExp(pattern.source, 'gi'), replacement);
  return result;
}

/**
 * The conventional names of the five ESI levels, which models write instead of the number ("Emergent" for ESI 2).
 * Used only on a scale whose every label is an ESI level, and only where short names are read (a reply's start).
 */
const ESI_NAMES: ReadonlyArray<readonly [number, string]> = [
  [1, 'Resuscitation'],
  [2, 'Emergent'],
  [3, 'Urgent'],
  [4, 'Less urgent'],
  [5, 'Non-urgent'],
];

/**
 * One-word heads of labels that go on after a parenthesis, dash or colon, unique across the scale, and on an ESI
 * scale the levels' conventional names.
 */
function scaleShortNames(scale: ReadonlyArray<{ value: number; label: string }>): Array<{ id: string; phrase: string }> {
  const esi =
    scale.length === 5 && scale.every((point) => new RegExp(`^\\s*ESI\\s*(?:level\\s*)?${point.value}\\b`, 'i').test(String(point.label)));
  const names = esi ? ESI_NAMES.map(([value, phrase]) => ({ id: String(value), phrase })) : [];
  // "Less urgent" is tried before "Urgent" would match inside it.
  return [...names.sort((a, b) => b.phrase.length - a.phrase.length), ...labelHeadWords(scale), ...subdivisionNames(scale)];
}

/**
 * "3b" for "G3b (eGFR 30–44)", so that "Stage 3b CKD" and "CKD stage 3b" name it: a number with a letter suffix that
 * opens exactly one label, when other labels carry the same number with another letter.
 */
function subdivisionNames(scale: ReadonlyArray<{ value: number; label: string }>): Array<{ id: string; phrase: string }> {
  const subdivided = subdividedNumbers(scale);
  const names = scale.flatMap((point) => {
    const token = /^\s*[A-Za-z]{0,2}\s*(\d{1,2}[a-z])(?![a-z])/i.exec(String(point.label))?.[1];
    return token !== undefined && subdivided.has(token.slice(0, -1)) ? [{ id: String(point.value), phrase: token.toLowerCase() }] : [];
  });
  return names.filter((name) => names.filter((other) => other.phrase === name.phrase).length === 1);
}

function labelHeadWords(scale: ReadonlyArray<{ value: number; label: string }>): Array<{ id: string; phrase: string }> {
  const heads = scale
    .filter((point) => typeof point.label === 'string')
    .map((point) => ({
      id: String(point.value),
      phrase: /^\s*([A-Za-z][\w]*)\s*(?:[(:,;—–]|\s-\s)/.exec(canonicalLikert(normalizeAnswerText(point.label)))?.[1] ?? '',
    }))
    .filter(({ phrase }) => phrase.length >= 2);
  return heads.filter((head) => heads.filter((other) => other.phrase.toLowerCase() === head.phrase.toLowerCase()).length === 1);
}

/** Numbers that two or more labels carry with a letter suffix ("G3a", "G3b"; "Stage 1a", "Stage 1b"). */
function subdividedNumbers(scale: ReadonlyArray<{ value: number; label: string }>): Set<string> {
  const counts = new Map<string, number>();
  for (const point of scale) {
    for (const match of String(point.label).matchAll(/(?<![\d.])(\d{1,2})[a-z](?![a-z])/gi))
      counts.set(match[1] ?? '', (counts.get(match[1] ?? '') ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([number]) => number));
}

/** Label words that say nothing about a point ("without", "within"), even when only one label has them. */
const NON_DISTINCTIVE_WORDS =
  /^(?:with|without|within|only|more|less|than|then|that|this|from|into|over|under|after|before|during|either|other|some|none|both|each|plus|also|expected|needed|need|needs|required|should|seek|care|patient|symptoms?|hours?|minutes?|days?|weeks?|level|point|score)$/;

/** Words of four letters or more that only one point's label has. */
function distinctiveLabelWords(scale: ReadonlyArray<{ value: number; label: string }>): Map<number, Set<string>> {
  const wordsOf = (label: string): Set<string> =>
    new Set(
      (
        normalizeAnswerText(label)
          .toLowerCase()
          .match(/[a-z]{4,}/g) ?? []
      ).filter((word) => !NON_DISTINCTIVE_WORDS.test(word)),
    );
  const all = scale.map((point) => ({ value: point.value, words: wordsOf(String(point.label)) }));
  return new Map(
    all.map(({ value, words }) => [
      value,
      new Set([...words].filter((word) => all.every((other) => other.value === value || !other.words.has(word)))),
    ]),
  );
}

/** A sentence that recommends what it names ("... alone are sufficient", "You can manage this at home"). */
const RECOMMENDING_SENTENCE = /\b(?:sufficient|enough|can|should|needs?|recommend\w*|go|stay|manage|is\s+(?:fine|ok|appropriate))\b/i;
const NEGATION = /\b(?:not|no|never|without|rather\s+than|instead\s+of)\b|n't\b/i;

/**
 * A word only another point's label has, in a sentence that recommends it without any negation and does not name the
 * mentioned point `written` ("Strong opioid. Paracetamol and ibuprofen alone are sufficient"): a lone mention is then
 * not the answer. A veto only, never
 * evidence for a value; reasoning about history or rejected options ("no high-risk features") does not veto.
 */
function otherPointEvidence(plain: string, value: number, written: string, scale: Scale): string | undefined {
  const chosen = written.toLowerCase();
  for (const sentence of splitSentences(plain)) {
    if (NEGATION.test(sentence) || !RECOMMENDING_SENTENCE.test(sentence)) continue;
    // In the sentence naming the chosen point, the words before it set the scene ("A potassium that high ... — go to
    // the emergency department now", "take your friend to ..."); only what follows it may offer another point.
    const at = sentence.toLowerCase().indexOf(chosen);
    const lower = sentence.toLowerCase().slice(at < 0 ? 0 : at + chosen.length);
    for (const [point, words] of scale.distinctiveWords) {
      if (point === value) continue;
      const word = [...words].find((candidate) => new RegExp(`\\b${candidate}\\b`).test(lower));
      if (word !== undefined) return word;
    }
  }
  return undefined;
}

/**
 * Whether every sentence mentioning `written` also names two or more other points by their head words ("above -1.65
 * no impairment, -1.65 to -2.5 mild, -2.5 to -4.0 moderate, below -4.0 severe"): the answer only restates the scale
 * there, so the mention chooses nothing.
 */
function inRestatedScale(plain: string, written: string, value: number, scale: Scale): boolean {
  const sentences = splitSentences(plain).filter((candidate) => candidate.toLowerCase().includes(written.toLowerCase()));
  const others = scale.shortNames.filter(({ id }) => Number(id) !== value);
  return (
    sentences.length > 0 &&
    sentences.every((sentence) => {
      // "above the moderate range and below the severe cut-off" places a value; it restates no scale.
      const named = findPhraseMentions(sentence, others).filter(({ start, end }) => !isRejectedMention(sentence.toLowerCase(), start, end));
      return new Set(named.map(({ id }) => id)).size >= 2;
    })
  );
}

/**
 * "I'd call it 3 or 4", "Hospital admission or ICU", "Moderate-to-high risk": two points joined by "or" or "-to-" in a clause that neither rejects them
 * ("not 1 or 3") nor states a condition or question. Either side may be a bare scale number; otherwise the left side is
 * a word only one label has and the right side opens a whole label or label head ("... or intensive care unit"), so
 * that prose joining two words ("your GP or urgent care") is no hedge. Returns the hedge as written, or undefined.
 */
function hedgeBetweenPoints(plain: string, scale: Scale): string | undefined {
  const numbered = (word: string): number | undefined =>
    /^\d{1,2}$/.test(word) && scale.values.has(Number(word)) ? Number(word) : undefined;
  const worded = (word: string): number | undefined => [...scale.distinctiveWords].find(([, words]) => words.has(word.toLowerCase()))?.[0];
  for (const clause of splitClauses(withScaleSynonyms(plain))) {
    if (clause.rejecting || clause.conditional) continue;
    for (const match of clause.text.matchAll(
      /\b([A-Za-z]{4,}|\d{1,2})(?:\s+or\s+(?:(?:the|an?|to)\s+)?|-to-)(\d{1,2}\b(?!\s*[A-Za-z%])|[A-Za-z])/g,
    )) {
      const after = clause.text.slice((match.index ?? 0) + match[0].length - 1).toLowerCase();
      const label = scale.labels.find(({ phrase }) => after.startsWith(phrase.toLowerCase()));
      const left = numbered(match[1] ?? '') ?? worded(match[1] ?? '');
      const right = numbered(match[2] ?? '') ?? (label === undefined ? undefined : Number(label.id));
      if (left !== undefined && right !== undefined && left !== right) return label ? `${match[0].slice(0, -1)}${label.phrase}` : match[0];
    }
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Common short names written out as the shipped scale labels word them, so that "go to the ER", "ICU", "call an
 * ambulance", "call EMS", "DOAC", "admit", "ibuprofen", "codeine", "today" or "the cath lab" can be matched to "Emergency department now (call emergency
 * services ...)", "Intensive care unit", "... an NSAID", "... a weak opioid", "Same-day ..." or "... angiography". Used
 * only for answers that describe a point in other words.
 */
const SCALE_SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:ER|ED|A&E|emergency\s+room|casualty)\b/g, 'emergency department'],
  // German, French, Spanish and Portuguese names of the emergency department.
  [/\b(?:Notaufnahme|urgences|urgencias|pronto-socorro)\b/gi, 'emergency department'],
  [/\bICU\b/g, 'intensive care unit'],
  [/\b(?:call(?:ing)?\s+)?(?:911|999|112|000|EMS|an\s+ambulance)\b/g, 'call emergency services'],
  [/\bDOACs?\b/g, 'direct oral anticoagulant'],
  // "admit for IV antibiotics", "I'd admit to cardiology": the admission the labels name.
  [/\badmit(?:ted)?\b/gi, 'admission'],
  [/\bGP\b/g, 'primary care clinician'],
  [/\b(?:ibuprofen|naproxen|diclofenac|ketorolac|celecoxib|ketoprofen)\b/gi, 'NSAID'],
  [/\b(?:codeine|tramadol|dihydrocodeine)\b/gi, '$& (weak opioid)'],
  [/\b(?:morphine|oxycodone|hydromorphone|fentanyl|diamorphine|methadone)\b/gi, '$& (strong opioid)'],
  [/\bno\s+(?:pain\s+)?(?:medication|medicines?|analgesics?|analgesia|painkillers?|pain\s+relievers?)\b/gi, 'no analgesic medication'],
  [/\btoday\b/gi, 'today (same day)'],
  [/\b(?:rest|stay|recover|manage\s+(?:this|it))\s+at\s+home\b/gi, '$& (self-care)'],
  [/\bcath(?:eteri[sz]ation)?\s+lab(?:oratory)?\b/gi, '$& (angiography)'],
];

function withScaleSynonyms(text: string): string {
  return SCALE_SYNONYMS.reduce((rewritten, [pattern, name]) => rewritten.replace(pattern, name), text);
}
