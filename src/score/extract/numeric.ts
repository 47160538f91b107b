import { otherRouteNamed } from './routes.js';
import { findAnswerSegments } from './answerSegments.js';
import { isRejectedMention } from './negation.js';
import { findAnyJsonFields, findJsonFields, type JsonField } from './jsonFields.js';
import { tableTotal } from './markdownTable.js';
import { normalizeAnswerText } from './normalize.js';
import { leadingNumberWordAsDigits, numberWordsBeforeUnits } from './numberWords.js';
import { stripMarkdownEmphasis } from './plainText.js';
import { findQuantities, type Quantity } from './quantities.js';
import { resolveExtraction, type Candidate } from './resolve.js';
import { answerAfterSelfCorrection } from './selfCorrection.js';
import { splitSentences } from './sentences.js';
import { countedFromAnotherEvent } from './eventAnchor.js';
import { EXTRACTOR_VERSION, type Extraction } from './types.js';
import { HOURS_PER_MONTH, parseUnit, type ParsedUnit } from './units.js';

const EXTRACTOR = `numeric@${EXTRACTOR_VERSION}`;

const JSON_KEYS = [
  'final_answer',
  'answer',
  'value',
  'result',
  'dose',
  'dose_mg',
  'daily_dose',
  'total_daily_dose',
  'estimate',
  'egfr',
  'gfr',
  'crcl',
  'score',
  'total_score',
  'total',
  'points',
  'amount',
  'volume',
  'rate',
  'recommended_dose',
];
const JSON_UNIT_KEYS = ['unit', 'units', 'dose_unit'];

/** Names of clinical scores. */
const NAMED_SCORE = String.raw`(?:heart|wells|curb-?65|chads2|cha2ds2-?vasc|has-?bled|timi|grace|gcs|qsofa|sofa|nihss|perc|centor|apgar|meld|child-pugh|abcd2|4at|ciwa(?:-?ar)?|stop-?bang|phq-?9|gad-?7|audit(?:-?c)?|news2?|maddrey(?:\s+df)?|df|mmse|moca|pesi|rockall|blatchford|ranson|alvarado)`;
/** Names of clinical scores, and "score" itself. */
const SCORE_NAME = String.raw`(?:${NAMED_SCORE}(?:\s+score)?|score)`;
const NAMED_SCORE_IN = new RegExp(String.raw`\b${NAMED_SCORE}\b`, 'i');
const NAMED_SCORES_IN = new RegExp(NAMED_SCORE_IN.source, 'gi');
/** A marker naming a score: a bare number after it is the score, which answers a question in points, not a dose. */
const SCORE_MARKER = new RegExp(String.raw`\b${SCORE_NAME}\b`, 'i');

/**
 * "The recommended dose is", "eGFR ≈", "HEART score:", "CHA2DS2-VASc =", "Total:". A bare number after one counts.
 * Not the adverb "in total" ("28 days in total — a 4-week course"), which closes a value instead of introducing one.
 */
const TOPIC_MARKER = new RegExp(
  String.raw`(?<!\bin\s+)\b(?:(?:recommended|appropriate|correct|suggested|initial|starting|loading|maintenance|daily|total|estimated|calculated|target|adjusted|renally[\s-]adjusted|weight[\s-]based|final|optimal|right|single|computed|resulting|patient's|his|her|their|usual|typical|standard|adult|maximum|max)\s+){0,3}(?:dose|dosage|e?gfr|e?crcl|creatinine\s+clearance|clearance|${SCORE_NAME}|total|sum|result|amount|volume|infusion\s+rate|(?<!\b(?:respiratory|heart|pulse|breathing)\s+)rate|estimate)\b(?:[^\S\n]*\([^)\n]{0,60}\))?[^\S\n]*(?:is\b|of\b|would\s+be\b|should\s+be\b|will\s+be\b|comes\s+to\b|equals\b|works\s+out\s+to\b|(?:es|est|ist|wynosi|bedraagt)\b|é(?=\s)|[:=≈~]|-(?=\s)|(?=\s*(?:approximately|about|around|roughly|~|≈)?\s*-?\d))`,
  'i',
);
/**
 * "I would give", "start at", "Give ..." (imperative, at the start of a sentence, after an arrow or after "so": "..., so
 * give 180 mg", "→ give 4500 mg", or after "for a 75 kg adult"): a number after one needs a unit.
 */
const ACTION_MARKER =
  /\bI(?:'d|\s+would|\s+will)?\s+(?:(?:probably|therefore|then)\s+)?(?:recommend|suggest|give|prescribe|start|administer|use|order|estimate|calculate|choose|go\s+with|dose|target|reduce|increase|lower|raise)\b|(?:^|[.!?:;,]\s+|\n\s*|(?:→|=>)\s*)(?:(?:so|then|therefore|thus|hence)\s+)?(?:for\s+(?:a|an|the|this|her|him|your)\b[^.;:\n]{0,40}?,?\s+)?(?:give|administer|start(?:\s+(?:at|with))?|prescribe|dose\s+at|begin\s+(?:at|with))\b|\b(?:reduce|decrease|increase|lower|raise|adjust|titrate|change)\s+(?:the\s+)?(?:dose|dosage|it)?\s*to\b|\b(?:calculated\s+as|estimated\s+at|comes\s+(?:out\s+)?to)\b/im;
/** Qualifiers right before "dose"/"value" that make it a reference value rather than the answer ("usual adult dose"). */
const REFERENCE_QUALIFIER =
  /\b(?:max(?:imum)?|minimum|usual|typical|standard|common|normal|current|home|previous|prior|baseline|upper|lower|average|population|generic|labell?ed)(?:\s+(?:adult|daily|pediatric|paediatric|starting|initial|maintenance|single|oral|iv|total|recommended|therapeutic|safe))*\s*$/i;
/** Qualifiers naming what the patient already takes or took ("last dose", "his home dose", "previous dose"). */
const PATIENT_HISTORY = /\b(?:last|latest|most\s+recent|previous|prior|home|current|existing|usual\s+home)\s*$/i;
/** A sentence telling what the patient already had or is on ("She already had 4 mg", "He's been on 20 mg for years"). */
const PATIENT_HAS =
  /\b(?:already|(?:has|have|had)\s+(?:already\s+)?(?:had|received|been\s+(?:on|taking|given))|(?:'s|is|was|were)\s+(?:currently\s+|already\s+)?(?:been\s+)?(?:on|taking|given|started\s+on)|received|took|was\s+given)\b[^.;!?\n]*$/i;

/** Whether the amount at `index` is one the patient already takes or took, not one the answer recommends. */
function isPatientHistory(plain: string, index: number): boolean {
  const sentenceBefore =
    plain
      .slice(Math.max(0, index - 80), index)
      .split(/[.;!?\n]\s/)
      .at(-1) ?? '';
  return PATIENT_HISTORY.test(qualifierBefore(plain, index)) || PATIENT_HAS.test(sentenceBefore) || PATIENT_READING.test(sentenceBefore);
}
/** The patient's own measurement before a value ("your blood pressure is 150/90", "his BP of 160/100"). */
const PATIENT_READING =
  /\b(?:your|his|her|their|the\s+patient's|current|today's|measured|clinic|home)\s+(?:blood\s+pressure|BP|reading)\s*(?:is|was|of|reads?|=|:)?\s*(?:about\s+|around\s+)?$/i;
/** Words that mark a sentence as a conclusion. */
const CONCLUSION_CUE =
  /\b(?:therefore|thus|hence|so|overall|in\s+summary|in\s+conclusion|final|round(?:ed|ing)?|result|recommend(?:ed)?|give|administer|prescribe|start|estimated?|calculated?|comes\s+to|equals|total|approximately|answer|dose\s+(?:is|of|would)|should\s+(?:receive|be\s+given|get))\b/i;

/** Words that make a later value a revision of an earlier one ("The dose is 80 mg. Wait, actually 60 mg"). */
const REVISION_CUE =
  /\b(?:wait|actually|correction|on\s+(?:second|further)\s+thought|on\s+reflection|let\s+me\s+(?:reconsider|correct|re-?check|recalculate)|scratch\s+that|I\s+was\s+wrong|instead)\b/i;

/**
 * "3, or 4 if you count the urea", "80 mg or maybe 100 mg", "2 o 3", "2 oder 3": a second value offered right after the
 * first.
 */
const ALTERNATIVE_AFTER = /^\s*,?\s*(?:or|o|ou|oder|lub|veya)\s+(?:maybe\s+|possibly\s+|perhaps\s+|even\s+)?-?\d/i;

/**
 * Verbs that state a computed result ("Adding your answers gives 14", "Yours comes out at 56"); a number after one is
 * the result even without a unit. A hypothetical ("would give 67") is not a result.
 */
const RESULT_MARKER =
  /(?<!\b(?:would|could|might|may|will)\s+)\b(?:gives|comes\s+(?:out\s+)?(?:to|at)|adds\s+up\s+to|totals|sums\s+to|works\s+out\s+(?:to|at))\b/gi;

/**
 * "I'd say five days", "I would say 7", "I'd put the HAS-BLED at 3", "I'd calculate it as 9", "I'd report 58", "I'd go
 * with 3": the model's own estimate, a bare number included.
 */
const SAY_MARKER =
  /\bI(?:'?d|\s+would)\s+(?:say|report|go\s+with|settle\s+on|put\s+(?:it|this|the\s+[\w-]+(?:\s+score)?)\s+at|(?:calculate|score|rate|estimate)\s+(?:it|this)\s+(?:as|at))\b/gi;

/** "0.75 of predicted" for a question in % predicted: a fraction of the predicted value, in percent. */
const FRACTION_OF_PREDICTED = /(?<![\d.])((?:0|1)?\.\d+|1)\s*(?:of|x|×)\s+(?:the\s+)?predicted\b/gi;

/** A stem asking what share of a dose to give ("What percentage of the standard starting dose ...?"). */
const SHARE_OF_DOSE_STEM = /\b(?:percentage|percent|proportion|%)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}dose\b/i;
/** "reduce the dose by 25 %", "a 25 % dose reduction": a cut, whose complement is the share of the dose given. */
const DOSE_CUT =
  /\b(?:reduc(?:e|ed|ing)|decreas(?:e|ed|ing)|lower(?:ed|ing)?|cut(?:ting)?)\s+(?:(?:the|its|her|his|their)\s+)?(?:(?:starting|initial|standard|usual|full)\s+)?(?:dose\s+)?by\s+(\d+(?:\.\d+)?)\s*%|\b(?:a\s+)?(\d+(?:\.\d+)?)\s*%\s+(?:dose\s+)?reduction\b/gi;

/** A question stem asking for a day's total ("daily dose", "per day", "in 24 hours"). */
const DAILY_STEM = /\b(?:daily|per\s+day|a\s+day|each\s+day|every\s+day|in\s+(?:a|one)\s+day|(?:per|in|over)\s+24\s*(?:h|hours?|hrs?))\b/i;
/** A question stem asking for one dose ("every 12 hours", "single", "bolus", "now", "per dose"). */
const PER_DOSE_STEM =
  /\b(?:every|each|per|q)\s*\d*\s*(?:hours?|hrs?|h|dose|administration)\b|\b(?:single|bolus|loading|initial|one-?time|stat)\b|\bnow\b|\b(?:twice|two\s+times|three\s+times|four\s+times)\s+(?:a\s+)?(?:daily|day)\b|\b(?:bid|tid|qid|b\.i\.d\.|t\.i\.d\.)/i;

/** `approximately`: a value the quantity converts to only roughly (months in weeks), enough to check a restatement. */
type Conversion = { ok: true; value: number; note: string } | { ok: false; reason: string; approximately?: number };

/**
 * What the question's vignette states beyond the unit. `weightKg`: the patient's weight, when the vignette states
 * exactly one (see `findVignetteWeightKg`); used only to turn a per-kg dose into the total the question asks for.
 */
export interface NumericContext {
  readonly weightKg?: number;
}

/**
 * Extracts a number from a free-text answer and converts it to `unit` (e.g. "mg", "mg/day", "mL/min/1.73m2",
 * "points").
 *
 * Precedence of patterns, most explicit first (the first tier that yields something decides):
 * 1. JSON fields (`"answer"`, `"dose"`, `"egfr"`, `"score"`, ...), with a sibling `"unit"` field if any.
 * 2. A terse reply: the whole answer is one quantity ("75 mg", "~62 mL/min/1.73 m²", "5 points").
 * 3. "Final answer" markers and `\boxed{}` (last one first), then "Answer:" markers (last first). Within a marker's
 *    segment the first usable quantity counts; if it is an arithmetic operand ("15 mg/kg × 70 kg = 1050 mg",
 *    "2 + 1 + 1 = 4") the result after the last `=` counts. Bounds ("max 0.5 mg") and quantities in another
 *    dimension are skipped; a range or alternative ("60-80 mg", "75 or 150 mg") makes the answer unparseable
 *    rather than falling through, because the model did answer, just not with one number.
 * 4. Topic markers ("the recommended dose is", "eGFR ≈", "HEART score:", "CHA2DS2-VASc =") and action markers
 *    ("I would give", "start at", "reduce the dose to", an imperative "Give ..."), last first, skipping those about a
 *    reference value ("maximum dose", "usual adult dose") and later titration steps ("then increase to"). A range
 *    after one of these is reported only if no other marker gives a value.
 * 5. The last bold span holding a usable quantity.
 * 6. Quantities in the unit's dimension anywhere in the text (not operands, bounds or counts of tablets): one
 *    distinct value is a weak answer; several are resolved by the last sentence with a conclusion cue
 *    ("therefore", "round to", "give"), else unparseable. A reference value ("the usual dose is 500 mg") is used
 *    only when nothing else is there, as a weak answer (so a model that declines and then recites it is a refusal).
 *
 * Units: mass (g, mg, mcg/µg/ug, ng), volume (L, dL, mL, µL), units/IU, mmol, mEq, points, %, with denominators
 * (kg, day/24 h, h, min, 1.73 m², m², L/dL/mL). A per-day target accepts rates and amounts with a frequency
 * ("1 g every 6 hours" -> 4000 mg/day); an amount with no frequency ("600 mg") may be one dose or the day's total and
 * is unparseable, unless the question's unit is a plain amount that its stem asks per day; a per-dose target rejects explicit rates ("4 g/day"). A per-kg dose for a total target ("1 mg/kg" for "mg") is multiplied by
 * `context.weightKg` when the vignette's weight is given, and is unparseable otherwise. A daily total for a plain amount ("350 mg/day" for "mg") is read only when the question's `stem` asks
 * for a daily amount and not for one dose (see `parseTargetUnit`); a count of dosage forms ("2 tablets") is never an
 * amount. "mL/min" is accepted for "mL/min/1.73m2" (models often drop the normalisation) and vice versa.
 * A number without a unit is taken to be in the target unit only in JSON, a terse reply, an answer marker or a topic
 * marker ("HEART score: 5", "eGFR 62"); never in free text or after an action marker ("give 2 tablets"). Results are
 * rounded to 12 significant digits to hide binary floating-point noise (0.075 g -> 75 mg, not 75.00000000000001).
 * Ranges ("60-80 mg") are unparseable ("range given"): tolerance is applied downstream to one number, and picking a
 * midpoint would invent an answer the model did not give.
 */
export function extractNumeric(text: string, unit: string, stem?: string, context: NumericContext = {}): Extraction<number> {
  return numericReader(unit, stem, context)(text);
}

/** {@link extractNumeric} for one question's unit, stem and context, prepared once for every answer read with them. */
export function numericReader(unit: string, stem?: string, context: NumericContext = {}): (text: string) => Extraction<number> {
  const asked = parseTargetUnit(unit, stem, context);
  return (text) => {
    const clean = numberWordsBeforeUnits(asPercentAsked(unitBeforeNumber(normalizeAnswerText(text), asked), asked), countsAUnit);
    const plain = stripMarkdownEmphasis(clean);
    const target = withCustomDailyWritten(asked, plain);
    const whole = findNumericCandidate(clean, plain, target);
    const candidate = answerAfterSelfCorrection(plain, whole, (tail) => findNumericCandidate(tail, tail, target)) ?? whole;
    // Only a weak reading yields to another regimen named: "Answer: 123 mg" commits whatever the reasoning said.
    const weak = candidate.status === 'found' && candidate.strength === 'weak';
    // A dose by another route answers another question however firmly it is given ("Give 1 mg IV" for an IM dose).
    const mismatch =
      (candidate.status === 'found' ? (otherRouteMismatch(plain, stem) ?? valueDisowned(plain)) : undefined) ??
      (weak ? (intervalMismatch(plain, target) ?? otherEventMismatch(plain, target, stem) ?? extensionMismatch(plain)) : undefined);
    return resolveExtraction(mismatch ?? candidate, text, EXTRACTOR);
  };
}

/** A reply opening with a unit and then its number ("mg/dL 145", "g 120 IV today"): group 1 the unit, 2 the number. */
const UNIT_FIRST = /^(\s*)([^\s\d(][^\s]{0,19})\s+(\d+(?:[.,]\d+)?)(?![\d.,]?\d)/;

/**
 * The reply with a unit written before its number put after it ("mg/dL 145" -> "145 mg/dL"), when the opening word is
 * a unit and nothing else: the question's unit, or one `parseUnit` reads whole.
 */
function unitBeforeNumber(text: string, target: TargetUnit): string {
  const opening = UNIT_FIRST.exec(text);
  const written = opening?.[2] ?? '';
  const isUnit = written.toLowerCase() === target.written.toLowerCase() || parseUnit(written)?.consumed === written.length;
  return opening && isUnit ? `${opening[1] ?? ''}${opening[3] ?? ''} ${written}${text.slice(opening[0].length)}` : text;
}

/**
 * Whether a number word before `rest` counts a unit ("ten years"). Not points: "each criterion scores one point"
 * explains a score item by item, and is no total.
 */
function countsAUnit(rest: string): boolean {
  const unit = parseUnit(rest);
  return unit !== undefined && unit.dimension !== 'points';
}

interface TargetUnit {
  readonly written: string;
  readonly parsed?: ParsedUnit;
  readonly weightKg?: number;
  /** The question's unit is a plain amount read per day because its stem asks for a day's total: an amount is that total. */
  readonly amountIsDaily?: boolean;
  /** The stem asks for a total ("the total alteplase dose"): an amount named as a bolus or a first dose is only a part. */
  readonly asksTotal?: boolean;
  /** The scores the stem names ("qsofa" for "What is the qSOFA score?"), lower case without hyphens. */
  readonly asksScores?: readonly string[];
  /** The stem asks about a monovalent ion ("sodium", "anion gap"): mEq/L and mmol/L are then the same. */
  readonly monovalent?: boolean;
  /** The blood pressure the stem asks for ("Below what systolic blood pressure ...?"): which side of "130/80" answers. */
  readonly pressureSide?: 'systolic' | 'diastolic';
  /** The dosing interval in hours the stem asks a dose for ("every 12 hours" -> 12), when it names one shorter than a day. */
  readonly intervalHours?: number;
  /** The stem asks for a bound ("Below what A1C ...?", "Up to how many weeks ...?"): a bound of that kind is the value. */
  readonly asksBound?: 'upper' | 'lower';
  /** The stem asks what percentage of a dose to give: a cut "by 25 %" gives 75 %. */
  readonly asksShareOfDose?: boolean;
}

/**
 * The unit answers are converted to. A plain amount ("mg") whose question stem asks for a day's total ("What daily
 * dose ...?") and not for one dose is read per day ("mg/day"), so that "350 mg/day" and "175 mg twice daily" both
 * give 350. Without a stem, or with a stem that also names one dose, the unit is taken as written: a daily total is
 * then not an answer to "mg" (it may be two doses).
 */
/**
 * Rewrites "0.75 of predicted" as "75 % of predicted" when the question asks for a percentage of predicted, and a dose
 * cut ("reduce the dose by 25 %") as the share given ("give 75 % of the dose") when it asks what share of a dose to give.
 */
function asPercentAsked(text: string, target: TargetUnit): string {
  const shares = target.asksShareOfDose
    ? text.replace(
        DOSE_CUT,
        (_, by?: string, reduction?: string) => `give ${Math.round((100 - Number(by ?? reduction)) * 1e4) / 1e4} % of the dose`,
      )
    : text;
  if (!/%\s*pred/i.test(target.written)) return shares;
  return shares.replace(FRACTION_OF_PREDICTED, (_, fraction: string) => `${Math.round(Number(fraction) * 1e6) / 1e4} % of predicted`);
}

function parseTargetUnit(unit: string, stem: string | undefined, context: NumericContext): TargetUnit {
  const upper = stem !== undefined && UPPER_BOUND.test(stem);
  const lower = stem !== undefined && LOWER_BOUND.test(stem);
  const asksBound = upper === lower ? undefined : upper ? 'upper' : 'lower';
  return {
    ...targetUnitOf(unit, stem, context),
    asksTotal: stem !== undefined && /\btotal\b/i.test(stem),
    ...intervalAsked(stem ?? ''),
    monovalent: MONOVALENT.test(stem ?? '') && !POLYVALENT.test(stem ?? ''),
    ...pressureSideAsked(stem ?? ''),
    asksScores: [...(stem ?? '').matchAll(NAMED_SCORES_IN)].map((match) => scoreKey(match[0])),
    ...(asksBound === undefined ? {} : { asksBound }),
    asksShareOfDose: stem !== undefined && SHARE_OF_DOSE_STEM.test(stem),
  };
}

/** Words of an upper and of a lower bound, in a stem ("aim to be below", "maximum rise") or before a value ("< 7 %"). */
const UPPER_BOUND =
  /(?:^|\b|\s)(?:<|≤|=<|<=|less\s+than|fewer\s+than|at\s+most|up\s+to|no\s+more\s+than|not\s+(?:to\s+)?exceed|maximum|max\b|below|under)/i;
const LOWER_BOUND =
  /(?:^|\b|\s)(?:>|≥|>=|greater\s+than|more\s+than|at\s+least|minimum|above|or\s+(?:longer|more|above|higher|greater|over))/i;

/** "Below 7 %" answering "Below what A1C level ...?": the bound the question asks for is the value. */
function isBoundAsked(bound: string, target: TargetUnit): boolean {
  if (target.asksBound === undefined) return false;
  return (target.asksBound === 'upper' ? UPPER_BOUND : LOWER_BOUND).test(bound);
}

function targetUnitOf(unit: string, stem: string | undefined, context: NumericContext): TargetUnit {
  const written = normalizeAnswerText(unit);
  const parsed = parseUnit(written);
  const { weightKg } = context;
  // "MME/day" asked as "the total daily dose": "60 MME" is that day's total.
  const customDaily = stem !== undefined && DAILY_STEM.test(stem) && !PER_DOSE_STEM.test(stem) && /(?:\/|\bper\s+)day\s*$/i.test(written);
  if (!parsed || parsed.consumed < written.trim().length) return { written, weightKg, ...(customDaily ? { amountIsDaily: true } : {}) };
  if (!parsed.isRate && stem !== undefined && DAILY_STEM.test(stem) && !PER_DOSE_STEM.test(stem)) {
    const daily = `${written.trim()}/day`;
    const parsedDaily = parseUnit(daily);
    if (parsedDaily?.isRate) return { written: daily, parsed: parsedDaily, weightKg, amountIsDaily: true };
  }
  return { written, parsed, weightKg };
}

function findNumericCandidate(clean: string, plain: string, target: TargetUnit): Candidate<number> {
  if (plain.length === 0) return { status: 'none', explanation: 'empty answer' };

  const fromJson = fromJsonFields(clean, target);
  if (fromJson) return fromJson;

  // "Creatinine clearance about 60 mL/min by Cockcroft-Gault" for the eGFR: another measure, though its unit converts.
  if (target.parsed?.dimension.includes('bsa') === true && CLEARANCE_NAMED.test(plain) && !GFR_NAMED.test(plain))
    return { status: 'ambiguous', explanation: 'the answer gives a creatinine clearance, not the eGFR asked for' };

  const quantities = findQuantities(plain);
  const terse = fromTerseReply(plain, quantities, target) ?? fromTerseReply(numberWordReply(plain), undefined, target);
  if (terse) return terse;

  const segments = findAnswerSegments(plain);
  for (const tier of ['final', 'answer'] as const) {
    for (const segment of segments.filter((s) => s.tier === tier).reverse()) {
      const found = fromSegment(segment.segment, target, `"${segment.marker}" marker`, true);
      if (found) return found;
    }
  }

  // "C 0, U 1, R 1, B 1, 65 1 → 4": a clipped note concludes with the terse value after its last arrow.
  const arrow = Math.max(plain.lastIndexOf('→'), plain.lastIndexOf('=>'));
  const concluded =
    arrow < 0
      ? undefined
      : fromTerseReply(
          plain
            .slice(arrow)
            .replace(/^(?:→|=>)\s*/, '')
            .trim(),
          undefined,
          target,
        );
  if (concluded?.status === 'found') return concluded;

  const topicSegments = [
    ...[...plain.matchAll(new RegExp(TOPIC_MARKER.source, 'gim'))]
      // "Activity score 1 → reduce by 50 %. ... 625 mg/m²": a score marker introduces a score, which no dose question asks for.
      .filter((match) => !SCORE_MARKER.test(match[0]) || target.parsed === undefined || target.parsed.dimension === 'points')
      .map((match) => ({ match, acceptBare: true, onlyFound: false })),
    ...[...plain.matchAll(RESULT_MARKER)].map((match) => ({ match, acceptBare: true, onlyFound: false })),
    ...[...plain.matchAll(SAY_MARKER)].map((match) => ({ match, acceptBare: true, onlyFound: true })),
    ...[...plain.matchAll(new RegExp(ACTION_MARKER.source, 'gim'))].map((match) => ({ match, acceptBare: false, onlyFound: false })),
  ]
    .filter(({ match }) => !isReferenceValue(plain, (match.index ?? 0) + match[0].length))
    // A marker in a question ("give 2.5 mg of bisoprolol? No — ...") considers a value; it does not give it.
    .filter(
      ({ match }) =>
        !/^(?:[^.!?\n]|\.(?=\d))*\?/.test(plain.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 200)),
    )
    // "(Day 3 dose: 80 g.)": a marker inside a bracketed aside names another value than the answer.
    .filter(({ match }) => !insideBrackets(plain, match.index ?? 0))
    // A later step of a titration ("start with 5 mg, then increase to 10 mg") is not the dose asked for.
    .filter(
      ({ match }) =>
        !/\b(?:then|later|subsequently|afterwards|eventually)\s*,?\s*$/i.test(
          plain.slice(Math.max(0, (match.index ?? 0) - 20), match.index ?? 0),
        ),
    )
    .sort((a, b) => (a.match.index ?? 0) - (b.match.index ?? 0))
    .map(({ match, acceptBare, onlyFound }) => ({
      marker: match[0].trim(),
      segment: totalWrittenBefore(plain, match) ?? lineFrom(plain, (match.index ?? 0) + match[0].length),
      acceptBare,
      onlyFound,
    }))
    .reverse();
  let topicProblem: Candidate<number> | undefined;
  const topicFound = topicSegments.map(({ marker, segment, acceptBare, onlyFound }) => {
    const found = fromSegment(segment, target, `"${marker}" marker`, acceptBare);
    // "I'd say below 8 %": a hedge marker adds a value it finds, never a problem that would hide other readings.
    return { marker, found: onlyFound && found?.status !== 'found' ? undefined : found };
  });
  // Only values written with a unit count as disagreeing: a bare number after "CrCl" is a measurement, not a dose.
  const withUnits = topicSegments.map(({ marker, segment }) => ({
    marker,
    found: fromSegment(segment, target, `"${marker}" marker`, false),
  }));
  const disagreement =
    markersDisagree(withUnits, plain) ??
    markersDisagree(topicFound.filter(({ marker }) => RESULT_MARKER_ONCE.test(marker)).length > 0 ? topicFound : [], plain) ??
    // "qSOFA = 2. ... so the score is 1.": for a score question, two scores named without a unit disagree too.
    (target.parsed?.dimension === 'points'
      ? markersDisagree(
          topicFound.filter(({ marker }) => namesAskedScore(marker, target)),
          plain,
        )
      : undefined);
  if (disagreement) return disagreement;
  for (const { found } of topicFound) {
    if (found?.status === 'found') return found;
    topicProblem ??= found;
  }
  if (topicProblem) return topicProblem;

  const total = tableTotal(clean);
  const fromTotal = total === undefined ? undefined : fromSegment(total, target, 'the "Total" row of a table', true);
  if (fromTotal) return fromTotal;

  const bold = [...clean.matchAll(/\*\*([^*\n]{1,120})\*\*/g)].reverse();
  for (const span of bold) {
    const found = fromSegment(span[1] ?? '', target, `bold "${(span[1] ?? '').trim()}"`, false);
    if (found) return found;
  }

  const whole = fromWholeText(plain, quantities, target);
  return whole.status === 'none' ? (scoreWithoutUnit(clean, plain, target) ?? whole) : whole;
}

/**
 * The number an answer closes its last sum or formula with ("2+2+2+2+1 = 9.", "= **20**. CIWA-Ar ≥ 20 indicates ...",
 * "≈ 2.44 → indeterminate", "≈ 346 — well above 320"), not a term of a further sum ("= 20 - 5").
 */
const FINAL_SUM = /(?:=|≈)\s*[~≈]?\s*(\d{1,3}(?:\.\d+)?)(?![\d.,]*\d)(?!\s*(?:[/%×x*+]|-\s*[\d(]|[a-zµμ]))/gi;
/** A points answer opening with its value before a dash or colon ("9 — high risk (7–10).", "15: moderately severe"). */
const OPENING_SCORE =
  /^\s*(\d{1,3}(?:\.\d+)?)(?!-[A-Za-z])\s*(?:[-—–:]|\s\()\s*(?!(?:years?|yrs?|yo|y\/o|kg|cm|bpm|mmhg|over|above|under|below|age)\b)(?=\S)/i;
/** "2 of 3 criteria": the criteria met are the score. */
const CRITERIA_MET = /\b(\d{1,2})\s+(?:of|out\s+of)\s+\d{1,2}\s+criteria\b/i;
/** "stop_bang_score: 7": the one YAML-style field of a score or total. */
const YAML_SCORE = /^\s*[a-z][a-z0-9_]*(?:score|total|points)\s*:\s*(\d{1,3}(?:\.\d+)?)\s*$/gim;

/**
 * A points question answered with a bare number that no marker introduces: the one YAML score field, the result of
 * the last sum in the answer (no other "=" result after it), a value opening the answer before a dash, a last line
 * that is only a number, the last bold span that is only a number, or "N of M criteria". Only for scores: a bare
 * number is never taken as a dose.
 */
function scoreWithoutUnit(clean: string, plain: string, target: TargetUnit): Candidate<number> | undefined {
  if (target.parsed?.dimension !== 'points') return calculatedWithoutUnit(plain, target);
  const found = (value: string | undefined, how: string): Candidate<number> | undefined =>
    value === undefined
      ? undefined
      : { status: 'found', value: Number(value), strength: 'weak', explanation: `${how}; no unit written, taken as points` };
  const yaml = [...plain.matchAll(YAML_SCORE)];
  const sums = [...plain.matchAll(FINAL_SUM)];
  const lastSum = sums.at(-1);
  const lines = plain.split('\n').filter((line) => line.trim().length > 0);
  const lastLine = /^\s*(\d{1,3}(?:\.\d+)?)\s*[.!]?\s*$/.exec(lines.at(-1) ?? '');
  const bold = [...clean.matchAll(/\*\*\s*(\d{1,3}(?:\.\d+)?)\s*\*\*/g)].at(-1);
  return (
    (yaml.length === 1 ? found(yaml[0]?.[1], `the one score field "${(yaml[0]?.[0] ?? '').trim()}"`) : undefined) ??
    (lastSum !== undefined && !VITAL_BEFORE_EQUALS.test(plain.slice(Math.max(0, (lastSum.index ?? 0) - 20), lastSum.index))
      ? found(lastSum[1], `the result of the last sum "${lastSum[0].trim()}"`)
      : undefined) ??
    found(OPENING_SCORE.exec(plain)?.[1], 'the answer opens with its value') ??
    (lines.length > 1 ? found(lastLine?.[1], 'the last line is the value') : undefined) ??
    found(bold?.[1], `bold "${bold?.[0] ?? ''}"`) ??
    found(CRITERIA_MET.exec(plain)?.[1], 'the number of criteria met')
  );
}

/**
 * Units whose values are written bare after a formula: an index or ratio of its own (no unit `parseUnit` reads:
 * "index", "mOsm/kg") and the electrolyte concentrations of a gap or an osmolality (mmol/L, mEq/L). Not masses,
 * volumes or durations: a dose computed without its unit may be in mg or in g.
 */
function isBareResultUnit(target: TargetUnit): boolean {
  return target.parsed === undefined || /^(?:mmol|meq)\/per-volume$/.test(target.parsed.dimension);
}

/**
 * A calculation whose last formula result has no unit ("AG = 134 − (98 + 10) = 26", "FIB-4 ≈ 2.44 → indeterminate"),
 * for a question in a unit of {@link isBareResultUnit}: that result, as a weak answer. A value assigned without an
 * operation ("HCO3 = 10") or a vital sign named right before the sign ("Na = 134") is an input, not the result.
 */
function calculatedWithoutUnit(plain: string, target: TargetUnit): Candidate<number> | undefined {
  if (!isBareResultUnit(target)) return undefined;
  const lastSum = [...plain.matchAll(FINAL_SUM)].at(-1);
  if (lastSum === undefined || VITAL_BEFORE_EQUALS.test(plain.slice(Math.max(0, (lastSum.index ?? 0) - 20), lastSum.index)))
    return undefined;
  // "HCO3 = 10" names an input; "= 134 − (98 + 10) = 26" and "≈ 346" give a computed result.
  const operands = /[^=\n]*$/.exec(plain.slice(0, lastSum.index))?.[0] ?? '';
  if (!lastSum[0].startsWith('≈') && !/[-+×*/)]/.test(operands)) return undefined;
  const explanation = `the result of the last formula "${lastSum[0].trim()}"; no unit written, taken as ${target.written}`;
  return { status: 'found', value: Number(lastSum[1]), strength: 'weak', explanation };
}

/** A vital sign or measurement named right before "=" ("HR = 110"): its value is no score. */
const VITAL_BEFORE_EQUALS =
  /\b(?:hr|bp|sbp|dbp|rr|spo2|sats?|temp(?:erature)?|pulse|weight|wt|age|height|bmi|glucose|lactate|map|e?gfr|crcl|na|k|hb|inr)\s*$/i;

/** Monovalent ions and the gap between them: one mmol is one mEq. Calcium, magnesium and phosphate are not. */
const MONOVALENT = /\b(?:sodium|potassium|chloride|bicarbonate|anion\s+gap|lithium|Na\+?|K\+?|HCO3-?|Cl-)(?![\w+])/i;
const POLYVALENT = /\b(?:calcium|magnesium|phosphate|phosphorus|Ca|Mg)\b/i;

/** Which side of a blood pressure the stem asks for, when it names exactly one. */
function pressureSideAsked(stem: string): { pressureSide?: 'systolic' | 'diastolic' } {
  const systolic = /\bsystolic\b/i.test(stem);
  const diastolic = /\bdiastolic\b/i.test(stem);
  if (systolic === diastolic) return {};
  return { pressureSide: systolic ? 'systolic' : 'diastolic' };
}

/**
 * A blood pressure read for the side the stem asks: "130/80" gives 130 for systolic and 80 for diastolic, "130
 * systolic" gives 130 for systolic. Undefined when the quantity is no blood pressure or the side is not asked.
 */
function pressureReading(quantity: Quantity, target: TargetUnit): number | undefined {
  if (target.parsed?.dimension !== 'pressure' || target.pressureSide === undefined) return undefined;
  if (quantity.outOf !== undefined && quantity.value > quantity.outOf)
    return target.pressureSide === 'systolic' ? quantity.value : quantity.outOf;
  return quantity.unit === undefined && quantity.wordAfter?.toLowerCase() === target.pressureSide ? quantity.value : undefined;
}

/** Dosing intervals as written, each with its hours: "every 12 hours", "q8h", "twice daily", "once a day", "daily". */
const DOSING_INTERVALS: ReadonlyArray<readonly [RegExp, number | 'every-n']> = [
  [/\b(?:every|q)[\s-]*(\d{1,2})[\s-]*(?:hours?|hrs?|h)\b/gi, 'every-n'],
  [/\b(?:twice\s+(?:a\s+day|daily)|b\.?i\.?d\b)/gi, 12],
  [/\b(?:three\s+times\s+(?:a\s+day|daily)|t\.?i\.?d\b)/gi, 8],
  [/\b(?:four\s+times\s+(?:a\s+day|daily)|q\.?i\.?d\b)/gi, 6],
  [/\b(?:once\s+(?:a\s+day|daily)|daily|every\s+day)\b/gi, 24],
];

/** The dosing intervals, in hours, a text names. */
function intervalsNamed(text: string): Set<number> {
  const hours = new Set<number>();
  for (const [pattern, interval] of DOSING_INTERVALS)
    for (const match of text.matchAll(pattern)) hours.add(interval === 'every-n' ? Number(match[1]) : interval);
  return hours;
}

/** The interval a stem asks one dose for, when it names exactly one shorter than a day ("every 12 hours"). */
function intervalAsked(stem: string): { intervalHours?: number } {
  const [only, ...others] = [...intervalsNamed(stem)];
  return only !== undefined && others.length === 0 && only < 24 ? { intervalHours: only } : {};
}

/**
 * "1.5 mg/kg once daily = 123 mg" for a dose every 12 hours: an answer that names dosing intervals, none of them the
 * one asked about, doses another regimen, so its amount does not answer.
 */
function intervalMismatch(plain: string, target: TargetUnit): Candidate<number> | undefined {
  if (target.intervalHours === undefined) return undefined;
  const named = intervalsNamed(plain);
  if (named.size === 0 || named.has(target.intervalHours)) return undefined;
  return {
    status: 'ambiguous',
    explanation: `the answer doses every ${[...named].join(' or ')} hours; the question asks for a dose every ${target.intervalHours} hours`,
  };
}

/** A duration counted from an event the stem does not name (see {@link countedFromAnotherEvent}). */
function otherEventMismatch(plain: string, target: TargetUnit, stem: string | undefined): Candidate<number> | undefined {
  if (stem === undefined || target.parsed?.dimension !== 'duration') return undefined;
  const anchor = countedFromAnotherEvent(plain, stem);
  return anchor === undefined ? undefined : { status: 'ambiguous', explanation: `the duration counts from another event ("${anchor}")` };
}

/** A dose given by another route than the one the stem asks about (see {@link otherRouteNamed}). */
function otherRouteMismatch(plain: string, stem: string | undefined): Candidate<number> | undefined {
  const route = stem === undefined ? undefined : otherRouteNamed(plain, stem);
  return route === undefined
    ? undefined
    : { status: 'ambiguous', explanation: `the answer gives a ${route} dose, another route than asked` };
}

/** "with a grace period of 2 more weeks", "plus 3 extra days": an amount added to the value, leaving the total unsaid. */
const EXTENSION = /\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:more|extra|additional|further)\s+[a-zµ]/i;

function extensionMismatch(plain: string): Candidate<number> | undefined {
  const extension = EXTENSION.exec(plain);
  return extension === null
    ? undefined
    : { status: 'ambiguous', explanation: `the answer adds "${extension[0].trim()}..." to its value without giving the total` };
}

/**
 * How far a stated value may stray from the result of the calculation shown after it and still be its rounding; and
 * how far it may stray and still be the same quantity (beyond that, the result is another step or in another unit).
 */
const ROUNDING_TOLERANCE = 0.01;
const SAME_QUANTITY_TOLERANCE = 0.2;

/**
 * The result of a calculation shown after the one value stated with a unit, as the last result in the answer and
 * without a unit ("≈ 140 mmol/L (128 + 1.6 × 6 = 137.6)"), which that value does not round: the answer gives two
 * values. Undefined when there is none.
 */
function disagreeingResult(plain: string, quantities: readonly Quantity[], stated: Quantity, value: number): number | undefined {
  const last = quantities.filter((quantity) => /=\s*[~≈]?\s*$/.test(plain.slice(Math.max(0, quantity.start - 4), quantity.start))).at(-1);
  if (last === undefined || last.start < stated.end || last.unit !== undefined || last.isOperand || value === 0) return undefined;
  const difference = Math.abs(last.value - value) / Math.abs(value);
  return difference > ROUNDING_TOLERANCE && difference <= SAME_QUANTITY_TOLERANCE ? last.value : undefined;
}

/** Whether `index` lies inside a bracket opened earlier on its line and not yet closed. */
/** Whether the text at `index` sits in a bracket that states a condition or an option ("(1 g if ≥150 kg)"). */
function conditionalAside(plain: string, index: number): boolean {
  if (!insideBrackets(plain, index)) return false;
  const open = plain.lastIndexOf('(', index);
  const close = plain.indexOf(')', index);
  const aside = plain.slice(open, close < 0 ? undefined : close);
  return (
    /\b(?:if|when|unless|in\s+case|for\s+(?:patients|those|weight|children|adults)|where)\b|\bif\s+preferred\b/i.test(aside) &&
    !/\bor\b/i.test(aside)
  );
}

function insideBrackets(plain: string, index: number): boolean {
  const lineBefore = plain.slice(plain.lastIndexOf('\n', index - 1) + 1, index);
  return (lineBefore.match(/\(/g)?.length ?? 0) > (lineBefore.match(/\)/g)?.length ?? 0);
}

/** A score name compared without case or hyphens ("CURB-65" = "curb65"). */
function scoreKey(name: string): string {
  return name.toLowerCase().replace(/-/g, '');
}

/**
 * Whether a marker states the score the question asks for: it names that score or only "score", and it is no
 * hypothetical ("the score would be 5 if ..."). "GCS 15" inside a qSOFA answer is an input, not the qSOFA.
 */
function namesAskedScore(marker: string, target: TargetUnit): boolean {
  if (!SCORE_MARKER.test(marker) || /\bwould\b/i.test(marker)) return false;
  const named = NAMED_SCORE_IN.exec(marker)?.[0];
  return named === undefined || (target.asksScores ?? []).includes(scoreKey(named));
}

const CLEARANCE_NAMED = /\b(?:creatinine\s+clearance|crcl|cockcroft)/i;
const GFR_NAMED = /\b(?:e?gfr|ckd-?epi|mdrd|glomerular)/i;

const RESULT_MARKER_ONCE = new RegExp(`^(?:${RESULT_MARKER.source})$`, 'i');

/**
 * "70.2 mg total: 7.0 mg bolus, then 63.2 mg": a quantity written right before "total" is the total, and what follows
 * the marker is its breakdown. Returns that quantity's text, or undefined when "total" is not preceded by one.
 */
function totalWrittenBefore(plain: string, match: RegExpMatchArray): string | undefined {
  if (!/^total\b/i.test(match[0])) return undefined;
  const lineBefore =
    plain
      .slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0)
      .split('\n')
      .at(-1) ?? '';
  const last = findQuantities(lineBefore).at(-1);
  return last?.unit !== undefined && lineBefore.slice(last.end).trim().length === 0 ? last.text : undefined;
}

/**
 * Topic and action markers (last first) whose values differ with no revision cue in the text ("The dose is 82 mg.
 * Give 120 mg every 12 hours."): the model stated two answers, so neither is taken.
 */
function markersDisagree(
  found: ReadonlyArray<{ marker: string; found: Candidate<number> | undefined }>,
  plain: string,
): Candidate<number> | undefined {
  const values = found.flatMap(({ marker, found: candidate }) =>
    candidate?.status === 'found' ? [{ marker, value: candidate.value }] : [],
  );
  const [last, ...earlier] = values;
  const other = earlier.find((entry) => entry.value !== last?.value);
  // "History gives 1 point ... Sum: 3": the parts before a closing total add up to it.
  if (!last || !other || REVISION_CUE.test(plain) || /^(?:total|sum)\b/i.test(last.marker)) return undefined;
  return {
    status: 'ambiguous',
    explanation: `"${other.marker}" gives ${other.value} but "${last.marker}" gives ${last.value}, with no revision`,
  };
}

/**
 * A reply that is one quantity ("75 mg", "Fifteen.", "15 out of 27.") or one sum ("2 + 2 + 3 = 7"): the quantity, or
 * the result after `=`, with a bare number taken in the question's unit.
 */
function fromTerseReply(plain: string, found: readonly Quantity[] | undefined, target: TargetUnit): Candidate<number> | undefined {
  // "65-year-old man: age scores one.": a reply opening with the patient's age is no terse value.
  if (plain.length === 0 || plain.length > 80 || AGE_OPENING.test(plain)) return undefined;
  const sum = /^[\d\s+×x*().-]+=\s*([^=]+)$/.exec(plain);
  // "60 × 96 = 5760 mg, which exceeds the maximum. Give 4500 mg.": a sum followed by more values is not a terse reply.
  if (sum && findQuantities(sum[1] ?? '').length === 1) return fromSegment(sum[1] ?? '', target, 'result of the sum', true);
  const quantities = found ?? findQuantities(plain);
  if (
    quantities.length !== 1 ||
    !/^[^a-z]*(?:approximately|approx\.?|about|around|roughly|estimated|answer|total|~|≈)?[^a-z]*\d/i.test(plain)
  )
    return namedTerseValue(plain, target);
  return fromSegment(plain, target, 'terse reply', true);
}

/** "Each 4 mg dose", "per dose", "a single dose": a name for one dose's amount. */
/**
 * "The standard cut-off is 500 µg/L; with age adjustment it would be higher": the text says the value it gives is not
 * the one asked for, without giving that one (not "higher than 500", a comparison).
 */
const VALUE_DISOWNED =
  /\b(?:it|this|that|the\s+(?:value|cut-?off|threshold|dose|number|result|answer))\s+(?:would|will|should)\s+be\s+(?:a\s+(?:bit|little)\s+|slightly\s+|somewhat\s+|much\s+|even\s+)?(?:higher|lower|greater|smaller|more|less)\b(?!\s+than)/i;

function valueDisowned(plain: string): Candidate<number> | undefined {
  const disowned = VALUE_DISOWNED.exec(plain);
  return disowned ? { status: 'ambiguous', explanation: `the text says the value asked for differs ("${disowned[0]}")` } : undefined;
}

/** A sentence set in brackets, or opening with "Note:", "NB", "PS": an aside to the answer. */
const ASIDE_SENTENCE = /^\s*(?:[([]|(?:note|nb|n\.b\.|ps|p\.s\.)\b\s*[:,.-])/i;

const ONE_DOSE_NAMED = /\b(?:each|per|every|one|a\s+single)\s+(?:[\w.]+\s+){0,3}?dose\b/i;

/**
 * "AG = 26.", "FIB-4 ≈ 2.44", "stop_bang_total: 7", "CKD-EPI 2021 (race-free): ~58.": a name, a sign, one value (not
 * a vital sign or the patient's weight or age: "HR = 110" answers nothing asked).
 */
function namedTerseValue(plain: string, target: TargetUnit): Candidate<number> | undefined {
  // A colon between digits ("1 mL of 1:1000") is a ratio, not the sign before a value.
  const named = /^[A-Za-z][\w\s.()/-]{0,40}?\s*(?:(?<!\d):|[=≈]|\bis\b)\s*((?:~|≈|about\s+|approximately\s+)?-?\d[^=:\n]*)$/i.exec(plain);
  const vitalSign =
    /^\s*(?:(?:your|his|her|their|the\s+patient's|current)\s+)?(?:hr|bp|rr|spo2|sats?|o2|temp(?:erature)?|pulse|heart\s+rate|blood\s+pressure|weight|wt|age|height)\b/i.test(
      plain,
    );
  if (!named || vitalSign || findQuantities(named[1] ?? '').length !== 1) return undefined;
  // "Bolus: 7 mg." for the total dose: the name says the value is one part of it.
  const name = plain.slice(0, plain.length - (named[1] ?? '').length);
  if (target.asksTotal === true && PART_OF_REGIMEN.test(` ${name}`))
    return { status: 'ambiguous', explanation: `"${plain.trim()}" names one part of the total asked for` };
  // "Each 4 mg dose is 20 MME, six times a day" for MME per day: the name says the value is one dose's.
  if (/\/\s*(?:day|d)\b|\bdaily\b/i.test(target.written) && ONE_DOSE_NAMED.test(name))
    return { status: 'ambiguous', explanation: `"${plain.trim()}" gives one dose's value, not the daily total asked for` };
  return fromSegment(named[1] ?? '', target, 'terse named value', true);
}

/**
 * A reply opening with a number word that stands for the value ("Fifteen.", "Two — RR and SBP", "Ten years."), in
 * digits; empty when the word is followed by anything else ("One of the criteria": a count in prose, not the answer).
 */
function numberWordReply(plain: string): string {
  const digits = leadingNumberWordAsDigits(plain);
  const first = digits === undefined ? undefined : findQuantities(digits)[0];
  if (digits === undefined || first === undefined) return '';
  return first.unit !== undefined || /^\s*(?:$|[.,;:!—–(-])/.test(digits.slice(first.end)) ? digits : '';
}

const AGE_OPENING = /^\W*\d{1,3}\s*-?\s*(?:years?|yrs?|y)[-\s]?old\b/i;

/** Key words that name the total among several numeric JSON fields ("total_mg", "phq9_total"). */
const TOTAL_KEY = /^total|total$/;

function fromJsonFields(clean: string, target: TargetUnit): Candidate<number> | undefined {
  const fields = findJsonFields(clean, JSON_KEYS);
  // A number field of another name ("interval_years", "qsofa", "total_daily_dose_mg"): the only one, or the only
  // total, or the only one named with the question's unit.
  // An XML leaf (<interval_years>10</interval_years>) arrives as a string field holding one number.
  const numbers =
    fields.length > 0
      ? []
      : findAnyJsonFields(clean).filter(
          (field) => typeof field.value === 'number' || (typeof field.value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(field.value)),
        );
  const unitWord = target.written.toLowerCase().replace(/[^a-z].*$/, '');
  // "mme_per_day" for MME/day: the whole unit spelled in the key.
  const unitSpelled = (written: string): string =>
    written
      .toLowerCase()
      .replace(/\//g, 'per')
      .replace(/[^a-z0-9]/g, '');
  const named = [
    numbers,
    numbers.filter((field) => TOTAL_KEY.test(field.key)),
    numbers.filter((field) => unitWord.length > 0 && field.key.endsWith(unitWord)),
    numbers.filter((field) => unitSpelled(field.key).endsWith(unitSpelled(target.written))),
  ].find((group) => group.length === 1);
  if (named?.[0]) fields.push(named[0]);
  const unitField = findJsonFields(clean, JSON_UNIT_KEYS).find((field) => typeof field.value === 'string');
  // {"dose_mg": 40, "duration_days": 5} for a question in days: the key's unit picks the field, and rules out the others.
  const inTargetUnit = unitField === undefined ? findAnyJsonFields(clean).filter((field) => keyUnitFits(field, target)) : [];
  const candidates =
    inTargetUnit.length === 1 ? inTargetUnit : fields.filter((field) => unitField !== undefined || !keyUnitDiffers(field, target));
  for (const field of candidates) {
    if (typeof field.value === 'number') {
      const unitWritten =
        typeof unitField?.value === 'string' ? unitField.value : keyUnitFits(field, target) ? (keyUnit(field)?.text ?? '') : '';
      const written = `${field.value} ${unitWritten}`.trim();
      const found = fromSegment(written, target, `JSON "${field.key}": ${field.value}`, true);
      if (found) return found;
    } else if (typeof field.value === 'string') {
      const found = fromSegment(field.value, target, `JSON "${field.key}": "${field.value}"`, true);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The unit a JSON key ends with ("dose_mg" -> mg, "duration_days" -> days, "anion_gap_mmol_L" -> mmol/L): the longest
 * run of its last words (up to three, read with "/" between them) that is wholly a unit and not a denominator
 * ("mme_per_day").
 */
function keyUnit(field: JsonField): ParsedUnit | undefined {
  const words = field.written.split(/[_\s-]+/);
  for (let count = Math.min(3, words.length - 1); count >= 1; count -= 1) {
    if (words.at(-count - 1)?.toLowerCase() === 'per') continue;
    const suffix = words.slice(-count).join('/');
    const unit = parseUnit(suffix);
    if (unit !== undefined && unit.consumed === suffix.length) return unit;
  }
  return undefined;
}

/** Whether a JSON field holds a number and its key names a unit that number converts from into the question's unit. */
function keyUnitFits(field: JsonField, target: TargetUnit): boolean {
  const unit = keyUnit(field);
  if (unit === undefined || !/^\s*-?\d+(?:\.\d+)?\s*$/.test(String(field.value))) return false;
  return fromSegment(`${String(field.value)} ${unit.text}`, target, 'JSON key unit', false)?.status === 'found';
}

/** Whether a JSON key names a unit of another kind than the question's ("dose_mg" for a question in days). */
function keyUnitDiffers(field: JsonField, target: TargetUnit): boolean {
  const unit = keyUnit(field);
  const numerator = (dimension: string): string => dimension.split('/')[0] ?? dimension;
  return unit !== undefined && target.parsed !== undefined && numerator(unit.dimension) !== numerator(target.parsed.dimension);
}

/**
 * The answer a marker's segment gives: the first quantity that is not an operand (or the result after the last `=`
 * when it is), converted. `acceptBare` lets a number without a unit count as the target unit.
 */
function fromSegment(segment: string, target: TargetUnit, source: string, acceptBare: boolean): Candidate<number> | undefined {
  // "The HEART score is nine.": a number word standing alone after the marker is the value.
  // After an action marker only a worded amount with a unit counts ("I'd give two tablets" is a count, not a dose).
  const worded = numberWordReply(segment);
  if (worded.length > 0 && worded !== segment) return fromSegment(worded, target, source, acceptBare);
  // "PHQ-9", "CURB-65", "GAD-7": a number joined to a name by a hyphen is part of the name.
  const quantities = findQuantities(segment).filter(
    (quantity) => !/[A-Za-z]-$/.test(segment.slice(Math.max(0, quantity.start - 2), quantity.start)),
  );
  if (quantities.length === 0) return undefined;
  let pool = quantities;
  const first = quantities[0];
  // "Wells: 1.5 (HR > 100) + 3 (PE likely) = 4.5": asides between the terms hide that the first number is an operand.
  const lastEquals = segment.lastIndexOf('=');
  const hiddenOperand = first !== undefined && lastEquals > first.end && /[+×*]/.test(segment.slice(first.end, lastEquals));
  if (first?.isOperand || hiddenOperand) {
    pool = lastEquals >= 0 ? quantities.filter((q) => q.start > lastEquals && !q.isOperand) : [];
    if (pool.length === 0) return undefined;
  }
  let rejection: string | undefined;
  for (const quantity of pool) {
    if (quantity.isOperand || isConcentration(segment, quantity) || isThreshold(segment, quantity, target)) continue;
    if (quantity.unit === undefined && !acceptBare && quantity.outOf === undefined && !inCustomUnit(quantity, target)) continue;
    if (isDifference(segment, quantity)) {
      rejection ??= `"${quantity.text}" is a difference from another value, not the value`;
      continue;
    }
    if (quantity.countedForm !== undefined) {
      rejection ??= `a count of ${quantity.countedForm} ("${quantity.text}"), not an amount in ${target.written}`;
      continue;
    }
    if (quantity.bound !== undefined && !isBoundAsked(quantity.bound, target)) {
      rejection ??= `bound given ("${quantity.bound} ${quantity.text}"), not a value`;
      continue;
    }
    if (quantity.formCount !== undefined) {
      return {
        status: 'ambiguous',
        explanation: `a count of dosage forms ("${quantity.formCount}") after ${source}; the total is not computed`,
      };
    }
    if (quantity.range !== undefined) {
      const compatibleRange = quantity.unit === undefined ? acceptBare : convert(quantity, target).ok;
      if (compatibleRange)
        return { status: 'ambiguous', explanation: `range given ("${quantity.range}") after ${source}; a single value is needed` };
      continue;
    }
    const converted = convert(quantity, target);
    if (converted.ok && isPartOfTotal(segment, quantity, target))
      return { status: 'ambiguous', explanation: `"${quantity.text}" is named as one part of the total asked for (after ${source})` };
    const alternative = ALTERNATIVE_AFTER.exec(segment.slice(quantity.end));
    if (converted.ok && alternative) {
      return { status: 'ambiguous', explanation: `"${quantity.text}${alternative[0]}..." offers another value after ${source}` };
    }
    // "eGFR 3 5": two bare numbers side by side at the end of a clause are one number garbled, not a value and a stray.
    if (quantity.unit === undefined && SPLIT_NUMBER.test(segment.slice(quantity.end)))
      return { status: 'ambiguous', explanation: `"${segment.slice(quantity.start).trim()}" is a number split by a space after ${source}` };
    const band = converted.ok ? bandExcluding(segment, quantity, converted.value) : undefined;
    if (band !== undefined)
      return { status: 'ambiguous', explanation: `"${quantity.text}" is placed in a band it is outside of ("${band}") after ${source}` };
    const companion = converted.ok ? companionAmount(segment, quantity, pool, target, converted.value) : undefined;
    if (companion !== undefined) {
      return {
        status: 'ambiguous',
        explanation: `"${segment.slice(quantity.start, companion.end)}" gives two amounts after ${source}; which one answers is not said`,
      };
    }
    if (converted.ok) {
      const { value, note } = adjustedByWhatFollows(segment, quantity, converted, target);
      return { status: 'found', value, strength: 'strong', explanation: `matched ${source}: "${quantity.text}"${note}` };
    }
    rejection ??= converted.reason;
  }
  return rejection !== undefined ? { status: 'ambiguous', explanation: `${rejection} (after ${source})` } : undefined;
}

/** A bare number right after a value, then the end of its clause: "eGFR 3 5". */
const SPLIT_NUMBER = /^ \d{1,3}(?=\s*(?:[.;!?](?:\s|$)|$))/;

/**
 * The exact figure bracketed right after a rounded value ("thirty mL/min (29.5)"): the number it rounds to that value,
 * else undefined.
 */
function exactValueInBrackets(segment: string, quantity: Quantity): number | undefined {
  const written = /^\s*\((\d+(?:\.\d+)?)\)/.exec(segment.slice(quantity.end))?.[1];
  if (written === undefined) return undefined;
  const exact = Number(written);
  const decimals = (String(quantity.value).split('.')[1] ?? '').length;
  return exact !== quantity.value && Math.abs(exact - quantity.value) <= 0.5 * 10 ** -decimals ? exact : undefined;
}

/** How far a rounded restatement in another unit may stray from the value it restates ("4 weeks (about 0.9 months)"). */
const RESTATEMENT_TOLERANCE = 0.15;

/**
 * Whether `quantity` restates the value just before it in another unit, rounded: "4 weeks (about 0.9 months)",
 * "12 weeks (≈ 2.8 months)". Only an approximate aside in brackets that agrees within 15 % counts; one that disagrees
 * stays a second value, so the answer is unparseable.
 */
function isApproximateRestatement(plain: string, quantity: Quantity, value: number, previousValue: number): boolean {
  const before = plain.slice(Math.max(0, quantity.start - 20), quantity.start);
  if (!/\(\s*(?:about|approximately|approx\.?|roughly|around|~|≈|i\.e\.,?|=)\s*$/i.test(before)) return false;
  return previousValue !== 0 && Math.abs(value - previousValue) / Math.abs(previousValue) <= RESTATEMENT_TOLERANCE;
}

/** A clause that states when something holds ("once clinically stable for ≥ 48 h", "until afebrile for 2 days"). */
const CONDITION_CLAUSE = /\b(?:once|until|unless|provided|as\s+long\s+as|if|when)\b[^.;:,\n]*$/i;

/** Whether `quantity` sits in a condition clause: it states the condition, not the value asked for. */
function inConditionClause(plain: string, quantity: Quantity): boolean {
  return CONDITION_CLAUSE.test(plain.slice(Math.max(0, quantity.start - 80), quantity.start));
}

function fromWholeText(plain: string, allQuantities: readonly Quantity[], target: TargetUnit): Candidate<number> {
  // "Minimum 5 days, once clinically stable for ≥ 48 h": the condition's quantity yields to one stated outside any.
  const unconditioned = allQuantities.filter((quantity) => !inConditionClause(plain, quantity));
  const quantities = unconditioned.length > 0 ? unconditioned : allQuantities;
  const usable: Array<{ quantity: Quantity; value: number; note: string }> = [];
  const references: Array<{ quantity: Quantity; value: number; note: string }> = [];
  const minimums: Quantity[] = [];
  const parts: Array<{ quantity: Quantity; value: number }> = [];
  let rejection: string | undefined;
  for (const quantity of quantities) {
    // Without a known unit a number counts only as a score out of a maximum or in the question's own custom unit; a
    // pair whose first number is the larger ("88/56", a blood pressure) is no score out of the second.
    const unitless =
      quantity.unit === undefined &&
      (quantity.outOf === undefined || quantity.value > quantity.outOf) &&
      pressureReading(quantity, target) === undefined &&
      !inCustomUnit(quantity, target, plain);
    if (
      unitless ||
      quantity.isOperand ||
      isConcentration(plain, quantity) ||
      isThreshold(plain, quantity, target) ||
      isDifference(plain, quantity)
    )
      continue;
    if (quantity.bound !== undefined && !isBoundAsked(quantity.bound, target)) {
      if (MINIMUM_BOUND.test(quantity.bound)) minimums.push(quantity);
      continue;
    }
    const converted = convert(quantity, target);
    // The patient's own history ("her last dose was 10 mg", "his home dose of 40 mg") is never the answer, not even a weak one.
    if (converted.ok && quantity.range === undefined && isPatientHistory(plain, quantity.start)) {
      rejection ??= `"${quantity.text}" is the patient's previous or current dose, not the answer`;
      continue;
    }
    if (converted.ok && quantity.range === undefined && isReferenceValue(plain, quantity.start)) {
      references.push({ quantity, value: converted.value, note: converted.note });
      continue;
    }
    if (!converted.ok) {
      // "4 weeks (about 3 months)": a restatement in months that disagrees leaves two values ("12 weeks — about three
      // months" agrees, however it is punctuated).
      const previous = usable.at(-1);
      const restated = converted.approximately;
      const disagrees =
        previous !== undefined &&
        restated !== undefined &&
        Math.abs(restated - previous.value) > RESTATEMENT_TOLERANCE * Math.abs(previous.value);
      if (previous !== undefined && disagrees)
        return { status: 'ambiguous', explanation: `"${previous.quantity.text}" is restated as "${quantity.text}", which disagrees` };
      rejection ??= converted.reason;
      continue;
    }
    if (quantity.range !== undefined) {
      return { status: 'ambiguous', explanation: `range given ("${quantity.range}"); a single value is needed` };
    }
    if (quantity.formCount !== undefined) {
      return { status: 'ambiguous', explanation: `a count of dosage forms ("${quantity.formCount}"); the total is not computed` };
    }
    // "Not 10 mg", "Don't give 1000 mg; 500 mg": a value the answer rules out is not a value it gives.
    // "Below 7 %" for "Below what A1C ...?": the asked bound's word does not rule the value out.
    const askedBound = quantity.bound !== undefined && isBoundAsked(quantity.bound, target);
    if (!askedBound && isRuledOut(plain, quantity)) {
      rejection ??= `"${quantity.text}" is ruled out ("${plain.slice(Math.max(0, quantity.start - 30), quantity.end).trim()}")`;
      continue;
    }
    if (isPartOfTotal(plain, quantity, target)) {
      rejection ??= `"${quantity.text}" is named as one part of the total asked for`;
      parts.push({ quantity, value: converted.value });
      continue;
    }
    const previous = usable.at(-1);
    if (previous !== undefined && isApproximateRestatement(plain, quantity, converted.value, previous.value)) continue;
    usable.push({ quantity, ...adjustedByWhatFollows(plain, quantity, converted, target) });
  }
  const referenceValues = [...new Set(references.map((entry) => entry.value))];
  if (usable.length === 0 && referenceValues.length === 1 && references[0]) {
    const { quantity, note } = references[0];
    return {
      status: 'found',
      value: referenceValues[0] ?? 0,
      strength: 'weak',
      explanation: `only a reference value ("${quantity.text}", a usual/typical/maximum dose)${note}`,
    };
  }
  // "Bolus 7 mg, then infusion 63.2 mg" for a total: a bolus and an infusion, and nothing else, add up to the total.
  const [bolus, infusion] = parts;
  if (usable.length === 0 && parts.length === 2 && bolus && infusion && /\binfusion\b/i.test(plain) && /\bbolus\b/i.test(plain))
    return {
      status: 'found',
      value: Number((bolus.value + infusion.value).toPrecision(12)),
      strength: 'weak',
      explanation: `the bolus "${bolus.quantity.text}" and the infusion "${infusion.quantity.text}" add up to the total asked for`,
    };
  // "At least 2,400 mL in the first 3 hours": a minimum recommended with nothing else is the amount recommended.
  const onlyMinimum = minimums.length === 1 && minimums[0] ? minimums[0] : undefined;
  // A question asking for an upper bound ("Below what ...?") is not answered by a minimum.
  const minimum =
    usable.length === 0 && references.length === 0 && onlyMinimum && target.asksBound !== 'upper'
      ? convert(onlyMinimum, target)
      : undefined;
  if (minimum?.ok && onlyMinimum)
    return {
      status: 'found',
      value: minimum.value,
      strength: 'weak',
      explanation: `only a minimum is given ("${onlyMinimum.bound ?? ''} ${onlyMinimum.text}")${minimum.note}`,
    };
  // "Up to how many weeks ...?" answered "up to 15 weeks ... At 14 weeks you are within that window": the bound asked.
  const bounds = usable.filter((entry) => entry.quantity.bound !== undefined);
  const boundValues = [...new Set(bounds.map((entry) => entry.value))];
  if (bounds.length < usable.length && boundValues.length === 1 && bounds[0]) {
    const { quantity, note } = bounds[0];
    return {
      status: 'found',
      value: boundValues[0] ?? 0,
      strength: 'weak',
      explanation: `the only value given as the bound asked for: "${quantity.bound ?? ''} ${quantity.text}"${note}`,
    };
  }
  const distinct = [...new Set(usable.map((entry) => entry.value))];
  if (distinct.length === 1 && usable[0]) {
    const { quantity, note } = usable[0];
    const computed = disagreeingResult(plain, quantities, quantity, distinct[0] ?? 0);
    if (computed !== undefined)
      return { status: 'ambiguous', explanation: `"${quantity.text}" is stated, but the calculation shown gives ${computed}` };
    return {
      status: 'found',
      value: distinct[0] ?? 0,
      strength: 'weak',
      explanation: `only quantity in ${target.written}: "${quantity.text}"${note}`,
    };
  }
  // "500 mg IM once (1 g if ≥150 kg)", "82 mg (round to 80 mg if preferred)": a bracketed value under a condition is
  // an aside to the one value outside the brackets.
  const outsideAsides = [...new Set(usable.filter((entry) => !conditionalAside(plain, entry.quantity.start)).map((entry) => entry.value))];
  const mainValue = outsideAsides.length === 1 ? usable.find((entry) => entry.value === outsideAsides[0]) : undefined;
  if (distinct.length > 1 && mainValue !== undefined)
    return {
      status: 'found',
      value: mainValue.value,
      strength: 'weak',
      explanation: `the one value outside conditional asides in brackets: "${mainValue.quantity.text}"${mainValue.note}`,
    };
  if (distinct.length > 1) {
    // "(Note: cap GFR at 125 mL/min, so max dose is 750 mg.)": an aside in brackets or a note concludes nothing.
    const concluding = splitSentences(plain)
      .filter((sentence) => CONCLUSION_CUE.test(sentence) && !ASIDE_SENTENCE.test(sentence))
      .map((sentence) => ({
        sentence,
        values: [
          ...new Set(
            findQuantities(sentence)
              .filter((q) => q.unit && !q.isOperand && q.bound === undefined && q.range === undefined && !isThreshold(sentence, q, target))
              .map((q) => convert(q, target))
              .filter((c): c is Extract<Conversion, { ok: true }> => c.ok)
              .map((c) => c.value),
          ),
        ],
      }))
      .filter((entry) => entry.values.length > 0);
    const last = concluding.at(-1);
    if (last && last.values.length === 1) {
      return {
        status: 'found',
        value: last.values[0] ?? 0,
        strength: 'weak',
        explanation: `several values; took the concluding sentence "${last.sentence.slice(0, 100)}"`,
      };
    }
    return { status: 'ambiguous', explanation: `several different values (${distinct.join(', ')} ${target.written}) and no answer marker` };
  }
  if (rejection !== undefined) return { status: 'ambiguous', explanation: rejection };
  return { status: 'none', explanation: `no quantity in ${target.written} found` };
}

/** Length units, which `parseUnit` does not read (a lesion's size in mm is no dose): "cm", "mm", "inches". */
const LENGTH_UNIT = /^\s*(?:mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?|met(?:er|re)s?|inch(?:es)?)\s*$/i;

function convert(quantity: Quantity, target: TargetUnit): Conversion {
  const { unit } = quantity;
  const targetUnit = target.parsed;
  const round = (value: number): number => Number(value.toPrecision(12));
  if (quantity.uncertain !== undefined) return { ok: false, reason: quantity.uncertain };
  const pressure = pressureReading(quantity, target);
  if (pressure !== undefined) return { ok: true, value: round(pressure), note: `; the ${target.pressureSide ?? ''} pressure asked for` };
  if (unit === undefined) {
    const squashed = (written: string): string => written.toLowerCase().replace(/\s+/g, '');
    // A custom unit ("MME/day") and a number followed by part of it ("15 MME"): the per-dose amount, not the total.
    const head = (written: string): string => /^[a-z]+/.exec(written.toLowerCase())?.[0] ?? written;
    if (
      targetUnit === undefined &&
      quantity.wordAfter !== undefined &&
      head(target.written) === head(quantity.wordAfter) &&
      squashed(target.written) !== squashed(quantity.wordAfter) &&
      !inCustomUnit(quantity, target)
    ) {
      return { ok: false, reason: `"${quantity.text} ${quantity.wordAfter}" is not in ${target.written}` };
    }
    // "20 mm" for a margin in cm: another length unit, which the answer would need converting (not done here).
    if (
      targetUnit === undefined &&
      quantity.wordAfter !== undefined &&
      LENGTH_UNIT.test(target.written) &&
      LENGTH_UNIT.test(quantity.wordAfter) &&
      squashed(target.written) !== squashed(quantity.wordAfter)
    ) {
      return { ok: false, reason: `"${quantity.text} ${quantity.wordAfter}" is in another length unit than ${target.written}` };
    }
    if (targetUnit === undefined && quantity.wordAfter !== undefined && sameCustomUnit(quantity.wordAfter, target.written)) {
      return { ok: true, value: round(quantity.value), note: '' };
    }
    if (quantity.outOf !== undefined && targetUnit !== undefined && targetUnit.dimension !== 'points') {
      return { ok: false, reason: `"${quantity.text}" is a score out of ${quantity.outOf}, not ${target.written}` };
    }
    return { ok: true, value: round(quantity.value), note: `; no unit written, taken as ${target.written}` };
  }
  if (targetUnit === undefined) {
    const squash = (written: string): string => written.toLowerCase().replace(/\s+/g, '');
    return squash(unit.text) === squash(target.written)
      ? { ok: true, value: round(quantity.value), note: '' }
      : { ok: false, reason: `unit "${unit.text}" is not "${target.written}"` };
  }
  const withoutBsa = (dimension: string): string => dimension.replace('/bsa', '');
  // "Three months" for a question in weeks: 12 or 13? Clinicians count 4 weeks a month, the calendar 4.35.
  if (
    unit.dimension === 'duration' &&
    unit.factor === HOURS_PER_MONTH &&
    targetUnit.dimension === 'duration' &&
    targetUnit.factor < HOURS_PER_MONTH
  )
    return {
      ok: false,
      reason: `"${quantity.text}" in months is no whole number of ${target.written}`,
      approximately: round((quantity.value * unit.factor) / targetUnit.factor),
    };
  // "38 mEq/L" for an anion gap in mmol/L: for a monovalent ion one mEq is one mmol.
  const asMmol = (dimension: string): string => dimension.replace(/^meq\b/, 'mmol');
  if (target.monovalent === true && unit.dimension !== targetUnit.dimension && asMmol(unit.dimension) === asMmol(targetUnit.dimension))
    return {
      ok: true,
      value: round((quantity.value * unit.factor) / targetUnit.factor),
      note: `; "${unit.text}" read as ${target.written} (a monovalent ion)`,
    };
  if (unit.dimension === targetUnit.dimension || withoutBsa(unit.dimension) === withoutBsa(targetUnit.dimension)) {
    const alias = unit.dimension === targetUnit.dimension ? '' : `; "${unit.text}" read as ${target.written}`;
    return { ok: true, value: round((quantity.value * unit.factor) / targetUnit.factor), note: alias + conversionNote(unit, target) };
  }
  if (targetUnit.isRate && !unit.isRate && withTimeDenominator(unit.dimension) === targetUnit.dimension) {
    if (unit.isPerDose && quantity.perDay === undefined) {
      return { ok: false, reason: `an amount per dose ("${quantity.text}") was given but ${target.written} is a daily total` };
    }
    if (quantity.perDay === undefined && target.amountIsDaily === true) {
      return {
        ok: true,
        value: round((quantity.value * unit.factor) / targetUnit.factor),
        note: `; the question asks for a day's total in ${unit.text}${conversionNote(unit, target)}`,
      };
    }
    if (quantity.perDay === undefined) {
      return {
        ok: false,
        reason: `an amount without a frequency ("${quantity.text}") may be one dose or the day's total, and ${target.written} is a daily total`,
      };
    }
    const perDay = quantity.perDay;
    const frequencyNote = `; ${perDay} dose(s) per day`;
    return {
      ok: true,
      value: round((quantity.value * unit.factor * perDay) / targetUnit.factor),
      note: frequencyNote + conversionNote(unit, target),
    };
  }
  if (unit.dimension.includes('/weight') && !targetUnit.dimension.includes('/weight')) {
    return fromPerKg(quantity, unit, target);
  }
  if (unit.isRate && !targetUnit.isRate) {
    return { ok: false, reason: `a rate ("${quantity.text}") was given but ${target.written} is an amount per dose` };
  }
  return { ok: false, reason: `unit "${unit.text}" cannot be converted to ${target.written}` };
}

/**
 * A per-kg dose answering a question about a total: the total for the vignette's patient when its weight is known
 * (the weight is the vignette's, not a guess), else a reason the value cannot be read.
 */
function fromPerKg(quantity: Quantity, unit: ParsedUnit, target: TargetUnit): Conversion {
  if (target.weightKg === undefined) {
    return { ok: false, reason: `dose given per kg ("${quantity.text}"); the patient's weight is unknown to the extractor` };
  }
  const dimension = unit.dimension
    .split('/')
    .filter((part) => part !== 'weight')
    .join('/');
  const total = convert(
    { ...quantity, value: quantity.value * target.weightKg, unit: { ...unit, dimension } },
    { ...target, weightKg: undefined },
  );
  return total.ok ? { ...total, note: `; per-kg dose times the vignette's weight (${target.weightKg} kg)${total.note}` } : total;
}

/** "mass" -> "mass/time", "mass/weight" -> "mass/time/weight" (denominators are kept sorted, as `parseUnit` does). */
function withTimeDenominator(dimension: string): string {
  const [numerator = '', ...denominators] = dimension.split('/');
  return [numerator, ...[...denominators, 'time'].sort()].join('/');
}

/** "MME/day", "MME per day" and "mme/day" are one custom unit. */
function sameCustomUnit(written: string, unit: string): boolean {
  const squash = (value: string): string =>
    value
      .toLowerCase()
      .replace(/\s*\bper\b\s*/g, '/')
      .replace(/\s+/g, '');
  return squash(written) === squash(unit);
}

function conversionNote(unit: ParsedUnit, target: TargetUnit): string {
  const squash = (written: string): string => written.toLowerCase().replace(/\s+/g, '');
  return squash(unit.text) === squash(target.written) ? '' : `; converted from ${unit.text} to ${target.written}`;
}

/** Words joining a second amount of another drug to the first ("4 mg of ondansetron and 1 g of paracetamol"). */
const JOINED_AMOUNT = /^[^.;:()\n]*\b(?:and|plus|along\s+with|together\s+with)\b[^.;:()\n]*$/i;

/**
 * A second amount in the question's dimension joined to the found one by "and"/"plus" ("Give 4 mg of ondansetron and
 * 1 g of paracetamol"), with a different value: the sentence gives two doses, and only the question knows which drug
 * it asks about, so neither is read. Parentheses (a calculation, a conversion) are not a second dose.
 */
function companionAmount(
  segment: string,
  quantity: Quantity,
  pool: readonly Quantity[],
  target: TargetUnit,
  value: number,
): Quantity | undefined {
  const next = pool.find((other) => other.start >= quantity.end);
  if (next === undefined || next.unit === undefined || next.isOperand || next.bound !== undefined) return undefined;
  if (!JOINED_AMOUNT.test(segment.slice(quantity.end, next.start))) return undefined;
  const converted = convert(next, target);
  return converted.ok && converted.value !== value ? next : undefined;
}

/** Bounds that cap the value before them ("capped at 0.5 mg", "up to a maximum of 4000 mg"). */
const CAP_BOUND = /^(?:capped\s+at|up\s+to|max|maximum|not\s+to\s+exceed|no\s+more\s+than|at\s+most)\b/i;

/**
 * The value as what is written right after it adjusts it. "roughly thirty mL/min (29.5)": the exact figure bracketed
 * after its rounding is the value. "0.01 mg/kg, up to a maximum of 0.5 mg", "Give 4500 mg, capped at 4000 mg": a cap
 * stated in the same clause right after a value it is below of is the dose given; a cap the value stays under leaves
 * it as it is.
 */
function adjustedByWhatFollows(
  text: string,
  quantity: Quantity,
  converted: { value: number; note: string },
  target: TargetUnit,
): { value: number; note: string } {
  const exact = exactValueInBrackets(text, quantity);
  if (exact !== undefined && quantity.value !== 0)
    return { value: (converted.value * exact) / quantity.value, note: `${converted.note}; given exactly as ${exact}` };
  const clause = text.slice(quantity.end, quantity.end + 80).split(/[.;!?\n](?:\s|$)|\b(?:then|and|or|but)\b/i)[0] ?? '';
  for (const cap of findQuantities(clause)) {
    if (cap.bound === undefined || !CAP_BOUND.test(cap.bound) || cap.range !== undefined) continue;
    const limit = convert(cap, target);
    if (limit.ok && limit.value < converted.value) return { value: limit.value, note: `${converted.note}; capped at "${cap.text}"` };
  }
  return converted;
}

/** A bound that states a minimum ("at least 30 mL/kg"): guidelines recommend fluids that way. */
const MINIMUM_BOUND = /^(?:at\s+least|a\s+minimum\s+of|minimum\s+of)$/i;

/** "100 mg/5 mL", "250 mg per 5 mL": an amount per volume is a concentration, not a dose. */
function isConcentration(text: string, quantity: Quantity): boolean {
  return /^\s*(?:\/|per|in|in\s+each|in\s+every)\s*(?:\d+(?:\.\d+)?\s*)?(?:mL|ml|millilit(?:re|er)s?|L|l|lit(?:re|er)s?)\b/.test(
    text.slice(quantity.end, quantity.end + 30),
  );
}

/**
 * "The score is 3, which puts the patient at high risk (score 4 or above)": the value is said to fall in a band whose
 * threshold, stated in the same sentence, excludes it; the answer contradicts itself. A negation ("not", "below",
 * "short of") in that sentence makes it a comparison instead. Returns the threshold as written, or undefined.
 */
function bandExcluding(segment: string, quantity: Quantity, value: number): string | undefined {
  const sentence = segment.slice(quantity.end).split(/[.;!?](?:\s|$)|\n/)[0] ?? '';
  if (/\b(?:not|below|under|short\s+of|less\s+than|doesn't|does\s+not|isn't|fails?)\b/i.test(sentence)) return undefined;
  for (const match of sentence.matchAll(
    /(-?\d+(?:\.\d+)?)\s*(?:points?\s+)?or\s+(above|more|higher|greater|over|below|less|fewer|lower)\b/gi,
  )) {
    const threshold = Number(match[1]);
    const upward = /^(?:above|more|higher|greater|over)$/i.test(match[2] ?? '');
    if (upward ? value < threshold : value > threshold) return match[0];
  }
  return undefined;
}

/** "25% below the predicted value", "20 mg more than usual": a difference from a reference value, not the value. */
function isDifference(text: string, quantity: Quantity): boolean {
  return /^\s*(?:below|above|under|over|less\s+than|more\s+than|higher\s+than|lower\s+than|short\s+of)\s+(?:the\s+|your\s+|his\s+|her\s+)?(?:predicted|normal|usual|expected|reference|standard|baseline|target)\b/i.test(
    text.slice(quantity.end, quantity.end + 40),
  );
}

/**
 * "score 4 or above", "2 or more points", "65+", "close to the 500 ms threshold": a threshold named for comparison, not
 * a value.
 */
function isThreshold(text: string, quantity: Quantity, target: TargetUnit): boolean {
  const after = text.slice(quantity.end, quantity.end + 20);
  // "12 seconds or more" for "At what time or longer ...?": the threshold asked for is the value.
  if (target.asksBound === 'lower' && /^\s*(?:or\s+(?:above|more|higher|greater|over|longer)\b|\+(?!\s*\d))/i.test(after)) return false;
  if (target.asksBound === 'upper' && /^\s*or\s+(?:less|below|fewer|lower|shorter)\b/i.test(after)) return false;
  return /^\s*(?:or\s+(?:above|more|higher|greater|over|longer|less|below|fewer|lower|shorter)\b|\+(?!\s*\d)|(?:threshold|cut-?off|cut-?point)\b)/i.test(
    after,
  );
}

/**
 * "15 MME ... per day: 60 MME/day": an answer that writes the custom unit per day itself uses the plain unit per dose,
 * so a plain amount is no longer read as the day's total.
 */
function withCustomDailyWritten(target: TargetUnit, plain: string): TargetUnit {
  if (target.parsed !== undefined || target.amountIsDaily !== true) return target;
  const head = /^[A-Za-z]+/.exec(target.written.trim())?.[0]?.toLowerCase();
  const writtenPerDay = [...plain.matchAll(WORD_PER_DAY)].some((match) => match[1]?.toLowerCase() === head);
  return writtenPerDay ? { ...target, amountIsDaily: false } : target;
}

/** A word written per day: "MME/day", "MME per day", "mme a day", "MME pro Tag". */
const WORD_PER_DAY = /\b([A-Za-z]+)\s*(?:\/\s*|per\s+|a\s+|pro\s+)(?:day|tag)\b/gi;
/** What may stand between a unit's name and its value: "INR of 3.0", "INR = 3.0", "INR: 3.0". */
const NAME_TO_VALUE = /\s*(?:of|is|=|:|≈|~)?\s*$/i;

/**
 * Whether a number without a known unit is written in the question's own unit: "15 MME", "60 mme a day" for "MME/day"
 * when the stem asks for a day's total, or after the unit's name ("target INR of 3.0" for "INR").
 */
function inCustomUnit(quantity: Quantity, target: TargetUnit, text?: string): boolean {
  if (target.parsed !== undefined || quantity.unit !== undefined) return false;
  const after = quantity.wordAfter;
  if (
    after !== undefined &&
    (sameCustomUnit(after, target.written) || (target.amountIsDaily === true && sameCustomUnit(`${after}/day`, target.written)))
  )
    return true;
  const name = target.written.trim().toLowerCase();
  if (text === undefined || !/^[a-z]{2,}$/.test(name)) return false;
  const before = text
    .slice(Math.max(0, quantity.start - 30), quantity.start)
    .replace(NAME_TO_VALUE, '')
    .toLowerCase();
  return before.endsWith(name) && !/[a-z]/.test(before.charAt(before.length - name.length - 1));
}

/** "7 mg IV bolus", "a loading dose of 300 mg", "7 mg en bolo": an amount named as one part of a regimen. */
const PART_OF_REGIMEN =
  /^[^.;:\n\d]{0,25}?(?:\b(?:bolus(?:es)?|loading(?:\s+dose)?|initial\s+dose|first\s+dose|infusion|push|bolo)\b|\binfusi[oó]n(?![A-Za-zÀ-ÿ]))/i;
/** "63.2 mg over 60 min": the infusion that follows a bolus, when the answer names one. */
const OVER_DURATION =
  /^\s*(?:IV\s+)?(?:over|in|durante|en|über)\s+(?:an?\s+|one\s+|\d+\s*)(?:min(?:ute)?s?|minutos|h|hours?|hr|horas?|hora|stunden?)\b/i;
const BOLUS = /\b(?:bol(?:us(?:es)?|o)|push|loading\s+dose)\b/i;

/**
 * Whether the question asks for a total and the amount is named as one part of it (and not as the total): a bolus, a
 * loading dose, an infusion, or, when the answer names a bolus, the amount given "over 60 min" after it.
 */
function isPartOfTotal(text: string, quantity: Quantity, target: TargetUnit): boolean {
  if (target.asksTotal !== true) return false;
  const around = `${text.slice(Math.max(0, quantity.start - 25), quantity.start)} ${text.slice(quantity.end, quantity.end + 25)}`;
  if (/\btotal\b/i.test(around)) return false;
  const before = text.slice(Math.max(0, quantity.start - 25), quantity.start);
  return (
    PART_OF_REGIMEN.test(text.slice(quantity.end)) ||
    /\b(?:bolus|loading\s+dose|initial\s+dose|first\s+dose|infusion|bolo)\s+(?:of\s+|de\s+)?$/i.test(before) ||
    (BOLUS.test(text) && OVER_DURATION.test(text.slice(quantity.end, quantity.end + 30)))
  );
}

/** A negated instruction to give an amount, in the clause before it ("don't give", "never exceed", "avoid using"). */
const NEGATED_DOSING =
  /\b(?:do\s+not|don't|never|should\s+not|shouldn't|avoid|not)\s+(?:\w+\s+)?(?:give|giving|use|using|prescribe|administer|start|go\s+(?:up\s+)?to)\b[^.;:\n—–]*$/i;

/**
 * Whether a value is named only to be ruled out: a rejecting lead-in or continuation right at it ("not 10 mg", "below
 * the 90 mg maximum", "1000 mg would be too much") or a negated instruction to give it ("Don't give 1000 mg; 500 mg").
 * A negation elsewhere in the sentence ("you won't need another one for 10 years") does not rule the value out.
 */
function isRuledOut(plain: string, quantity: Quantity): boolean {
  return (
    isRejectedMention(plain, quantity.start, quantity.end) ||
    NEGATED_DOSING.test(plain.slice(Math.max(0, quantity.start - 60), quantity.start))
  );
}

/** Whether the text just before `index` qualifies what follows as a reference value ("the usual adult dose is"). */
function isReferenceValue(text: string, index: number): boolean {
  return REFERENCE_QUALIFIER.test(qualifierBefore(text, index));
}

/** What precedes `index` once "dose is", "dosage of", ":" are dropped, so that a qualifier ends it. */
function qualifierBefore(text: string, index: number): string {
  let before = text.slice(Math.max(0, index - 60), index);
  for (let previous = ''; previous !== before; ) {
    previous = before;
    before = before.replace(/\s*(?:\b(?:doses?|dosages?|ranges?|from|is|are|of|was|were|would\s+be|in\s+adults)\b|[:=])\s*$/i, '');
  }
  return before;
}

function lineFrom(text: string, from: number): string {
  const rest = text.slice(from, from + 240);
  const lineEnd = rest.indexOf('\n');
  return lineEnd >= 0 ? rest.slice(0, lineEnd) : rest;
}
