import { basename } from 'node:path';
import { parse, stringify } from 'yaml';
import { ageLevel } from '../demographics/load.js';
import type { Axis } from '../demographics/types.js';
import { type AxisValue, LINE_BREAK, renderText } from '../template/render.js';
import { assignMentions } from './assign.js';
import { detectAll, detectMentions } from './detect.js';
import { INTERPRETER } from './languages.js';
import { SEX_SPECIFIC } from './lexicon.js';
import { residualCues } from './residualCues.js';
import { misfiledNote, morePatients } from './morePatients.js';
import type { CaseOutcome, CaseRecord, Mention, OwnDemographics, ReviewItem, StatedLevel, TemplateRecord } from './types.js';

/** The axes a case bank's mentions map onto: read from the demographics directory, found by id. */
const STATED_AXES = ['race', 'insurance', 'language'] as const;

/**
 * One case to a template, or a rejection with the reason. Mentions are detected and assigned, each axis's stated
 * level is found, every slot is checked to render its own words back, and an axis stated in a form no slot renders
 * (a race term that is no level's descriptor, an interpreter, "has Medicaid") is pinned under `excluded` at the
 * level stated and its words kept. The template is written to YAML, read back and rendered with the case's own
 * demographics by the real renderer: only a byte-identical result is accepted.
 */
export function templatizeCase(c: CaseRecord, axes: readonly Axis[]): CaseOutcome {
  const detected = detectAll(c.text);
  const { mentions: assigned, sex } = assignMentions(detected.mentions, detected.people, c.text);
  // The patient's age is the first stated; another number is someone else's or another time's ("at age 20").
  const ownAge = assigned.find((m) => m.attribute === 'age' && m.years !== undefined)?.years;
  const mentions = assigned.filter((m) => m.attribute !== 'age' || m.years === ownAge);
  const review: ReviewItem[] = [];
  const reject = (reason: string): CaseOutcome => ({ kind: 'rejected', case: c, reason, mentions, review });
  const note = (m: Mention, reason: string) =>
    review.push({ file: c.file, line: c.line, id: c.id, surface: m.surface, at: m.start, reason });

  if (/\{\{|\}\}|[\u0000-\u0008]/.test(c.text))
    return reject('the text contains "{{", "}}" or a control character, which the template renderer reads as its own markup');
  const normalised = renderText(withLineBreaks(c.text), emptyContext()).text;
  if (normalised !== c.text)
    return reject(
      `the renderer normalises whitespace (runs of spaces collapse, a line break next to a space or more than one blank line between paragraphs is not kept, leading and trailing space go) and this text would change at character ${firstDifference(normalised, c.text)}; remove the extra spaces or blank lines`,
    );
  const shared = sharedTextMention(c);
  if (shared) return reject(shared);
  // A note filed on the wrong chart describes no one of this case: none of its words is a mention of the patient.
  const misfiled = misfiledNote(c.text);
  if (misfiled)
    return {
      kind: 'rejected',
      case: c,
      reason: `the text describes another patient than the chart's (${misfiled}): nothing in it is this patient's to template`,
      mentions: [],
      review,
    };
  const second = morePatients(c.text, assigned, detected.otherPatients);
  if (second)
    return reject(
      `the text describes more than one person the way it describes a patient (${second}): the other's title, sex words and pronouns would be slotted too; write one case per patient, or template it by hand`,
    );

  for (const m of mentions) if (m.attribute === 'ambiguous') note(m, m.reason ?? 'ambiguous');
  // A demographic word no detector read is listed for review, never left silently the same in every variant.
  for (const m of residualCues(c.text, detected.read)) note(m, m.reason!);

  const own: OwnDemographics = { ...(sex ? { sex } : {}), ...(ownAge !== undefined ? { age: ownAge } : {}) };
  const pinned: { axis: string; value: string; reason: string }[] = [];
  if (ownAge !== undefined)
    pinned.push({
      axis: 'age',
      value: String(ownAge),
      reason: 'the case bank states this age; remove this exclusion (and add age to `varies`) to vary it',
    });
  const interpreter = INTERPRETER.exec(c.text);
  if (interpreter && !mentions.some((m) => m.attribute === 'language'))
    return reject(
      `"${interpreter[0]}" states the patient's language but no level of it can be rendered or pinned (an interpreter that names no language: a variant could not say which; name the language)`,
    );
  for (const axisId of STATED_AXES) {
    const ofAxis = mentions.filter((m) => m.attribute === axisId);
    if (ofAxis.length === 0) continue;
    const levels = [...new Set(ofAxis.flatMap((m) => (m.stated ? [m.stated.level] : [])))];
    if (levels.length > 1)
      return reject(`the text states more than one ${axisId} level (${levels.join(', ')}): write it as one case per level by hand`);
    const axis = axes.find((a) => a.id === axisId);
    const level = axis?.levels.find((l) => l.id === levels[0]);
    if (!axis || !level) {
      const why = ofAxis.find((m) => m.reason)?.reason ?? `no ${axisId} axis in the demographics`;
      return reject(`"${ofAxis[0]!.surface}" states the patient's ${axisId} but no level of it can be rendered or pinned (${why})`);
    }
    own[axisId] = level.id;
    const pinnedByInterpreter = axisId === 'language' ? interpreter : null;
    const unrenderable = pinnedByInterpreter ? ofAxis[0] : ofAxis.find((m) => !m.slot || renderSlot(m.slot, axes, own) !== m.surface);
    if (unrenderable) {
      const why = pinnedByInterpreter
        ? `the text mentions an ${pinnedByInterpreter[0]}, which a variant of another language (English) would contradict`
        : (unrenderable.reason ??
          `no slot renders "${unrenderable.surface}" (level ${level.id} renders "${renderSlot(unrenderable.slot ?? '', axes, own)}")`);
      pinned.push({
        axis: axisId,
        value: level.id,
        reason: `the case states "${unrenderable.surface}": ${why}; pinned at the level stated`,
      });
      for (const m of ofAxis) note(m, `${axisId} pinned at ${level.id}, kept as written: ${why}`);
    }
  }
  const sexPin = sex === undefined ? undefined : sexPinned(c.text, mentions);
  if (sex !== undefined && sexPin) {
    pinned.push({
      axis: 'sex',
      value: sex,
      reason: `${sexPin.why}; pinned at the case's own (remove this exclusion and add sex to \`varies\` if it does not matter)`,
    });
    review.push({
      file: c.file,
      line: c.line,
      id: c.id,
      surface: sexPin.surface,
      at: sexPin.at,
      reason: `sex pinned at ${sex}: ${sexPin.why}`,
    });
  }
  // Age and sex are pinned at the case's own but still slotted, so removing the exclusion varies them.
  const pinnedAxes = new Set(pinned.filter((p) => p.axis !== 'age' && p.axis !== 'sex').map((p) => p.axis));
  const slotted = mentions.filter((m): m is Mention & { slot: string } => m.slot !== undefined && !pinnedAxes.has(axisOf(m)));
  for (const m of mentions)
    if (m.attribute !== 'ambiguous' && m.slot === undefined && !pinnedAxes.has(axisOf(m)))
      note(m, `kept as written, the same in every variant: ${m.reason ?? 'no slot renders it'}`);
  for (const m of slotted) {
    const back = renderSlot(m.slot, axes, own);
    if (back !== m.surface) return reject(`"${m.surface}" has no slot that renders it (${m.slot} renders "${back}")`);
  }
  const varies = variedAxes(slotted, axes).filter((id) => !(sexPin && axes.find((a) => a.id === id)?.slot === 'noun'));
  if (varies.length === 0)
    return reject(
      sexPin
        ? `${sexPin.why}, so sex is not varied, and nothing else can be: nothing to template`
        : 'no sex word, pronoun, race, insurance or language mention that a slot can vary: nothing to template',
    );

  const template: TemplateRecord = {
    id: caseSlug(c),
    perspective: 'clinician',
    text: withLineBreaks(applyEdits(c.text, slotted)),
    question: c.options
      ? { type: 'choice', stem: c.question, options: { ...c.options }, answer: c.answer }
      : { type: 'yesno', stem: c.question, answer: c.answer.toLowerCase() as 'yes' | 'no' },
    rationale: `The case bank's answer (${basename(c.file)}, case ${c.id}); templatize does not know why it is right: write one to three sentences on why it must not depend on the varied axes.`,
    source: `Case bank ${basename(c.file)}, line ${c.line}, case ${c.id}`,
    varies,
    ...(pinned.length > 0 ? { excluded: pinned } : {}),
    tags: ['templatized'],
  };
  const back = roundTrip(template, axes, own);
  if (back !== c.text)
    return reject(
      `rendering the template with the case's own demographics does not give the text back (first difference at character ${firstDifference(back, c.text)}: "${excerpt(back, c.text)}")`,
    );
  return { kind: 'template', case: c, template, own, mentions, review };
}

/**
 * Why sex cannot vary, if it cannot: anatomy or obstetrics of one sex ("a man with heavy menstrual bleeding" is an
 * impossible case), or a word stating the patient's sex that no slot renders back ("Mrs" without its stop, "my
 * dad", a pronoun in capitals): varying the slotted words around it would contradict it.
 */
function sexPinned(text: string, mentions: readonly Mention[]): { why: string; surface: string; at: number } | undefined {
  const specific = SEX_SPECIFIC.exec(text);
  if (specific)
    return {
      why: `"${specific[0]}" is specific to one sex: a variant of the other sex would be an impossible case`,
      surface: specific[0],
      at: specific.index,
    };
  // A spouse span keeps the patient's possessive as written when it has no slot ("HIS WIFE"): it states sex too.
  // An ambiguous pronoun does not: it may be someone else's, and is listed for review.
  const kept = mentions.find(
    (m) =>
      (m.attribute === 'sex' ||
        m.attribute === 'title' ||
        m.attribute === 'pronoun' ||
        (m.attribute === 'ambiguous' && /^(?:his|her)\s/i.test(m.surface))) &&
      m.slot === undefined,
  );
  return kept && { why: `"${kept.surface}" states the patient's sex in a form no slot renders`, surface: kept.surface, at: kept.start };
}

/**
 * Each single line break of a case's text marked `{{br}}`, so the template keeps it: the renderer joins unmarked
 * line breaks (wrapped lines), and a note written line by line ("HPI: ...\nPMH: ...") would come back as one line.
 * The line break itself stays after the mark, so the YAML reads line by line as the case did.
 */
export function withLineBreaks(text: string): string {
  return text.replace(/(?<=\S)\n(?=\S)/g, `{{${LINE_BREAK}}}\n`);
}

/** The template as written to YAML and read back, rendered with the case's own demographics. */
export function roundTrip(template: TemplateRecord, axes: readonly Axis[], own: OwnDemographics): string {
  const read = parse(stringify({ vignettes: [template] }, { lineWidth: 0 })) as { vignettes: TemplateRecord[] };
  return renderText(read.vignettes[0]!.text, { ...emptyContext(), values: ownValues(axes, own) }).text;
}

function renderSlot(slot: string, axes: readonly Axis[], own: OwnDemographics): string {
  return renderText(withLineBreaks(slot), { ...emptyContext(), values: ownValues(axes, own) }).text;
}

function ownValues(axes: readonly Axis[], own: OwnDemographics): AxisValue[] {
  const values: AxisValue[] = [];
  for (const [axisId, levelId] of [
    ['sex', own.sex],
    ['race', own.race],
    ['insurance', own.insurance],
    ['language', own.language],
  ] as const) {
    const axis = axes.find((a) => a.id === axisId);
    const level = axis?.levels.find((l) => l.id === levelId);
    if (axis && level) values.push({ axis, level });
  }
  const ageAxis = axes.find((a) => a.slot === 'age');
  if (ageAxis && own.age !== undefined) values.push({ axis: ageAxis, level: ageLevel(own.age) });
  return values;
}

function emptyContext() {
  return { perspective: 'clinician' as const, values: [], filler: {}, silentAxes: [], cues: 'explicit' as const };
}

function axisOf(m: Mention): string {
  if (m.stated) return (m.stated as StatedLevel).axis;
  // A slotted ambiguous span is a spouse with the patient's possessive ("{{their}} wife").
  if (m.attribute === 'ambiguous' && m.slot !== undefined) return 'sex';
  return m.attribute === 'age'
    ? 'age'
    : m.attribute === 'sex' || m.attribute === 'title' || m.attribute === 'pronoun'
      ? 'sex'
      : m.attribute;
}

/** The axes the slots vary: every axis that sets the noun (sex or gender identity) for a sex slot, and each stated axis slotted. */
function variedAxes(slotted: readonly Mention[], axes: readonly Axis[]): string[] {
  const used = new Set(slotted.map(axisOf));
  return axes.filter((a) => (a.slot === 'noun' ? used.has('sex') : a.slot !== 'age' && used.has(a.id))).map((a) => a.id);
}

/**
 * The text with each slotted span replaced. A written article right before a slot becomes {{a}} (the renderer
 * chooses "a" or "an" for each variant), and the verb after a subject pronoun agrees with it ("he is" ->
 * "{{they}} {{is}}", "she reports" -> "{{they}} report{{s}}"), so a singular-they level reads right.
 */
function applyEdits(text: string, slotted: readonly (Mention & { slot: string })[]): string {
  let out = '';
  let at = 0;
  for (const m of [...slotted].sort((a, b) => a.start - b.start)) {
    let before = text.slice(at, m.start);
    const article = /(?<![A-Za-z])(a|an|A|An) $/.exec(before);
    if (article) before = `${before.slice(0, article.index)}{{${article[1]![0] === 'A' ? 'A' : 'a'}}} `;
    out += before + m.slot;
    at = m.end;
    if (/^\{\{They\}\}$/i.test(m.slot)) {
      const verb = agreeingVerb(text.slice(at));
      if (verb) {
        out += verb.replacement;
        at += verb.length;
      }
    }
  }
  return out + text.slice(at);
}

const VERB_PLACEHOLDERS = ['is', 'was', 'has', 'does'];
/** Words ending in s that are not a third-person verb after "he"/"she". */
const NOT_VERBS = new Set([
  'always',
  'sometimes',
  'perhaps',
  'also',
  'thus',
  'as',
  'this',
  'his',
  'hers',
  'yes',
  'less',
  'unless',
  'plus',
  'across',
  'towards',
  'afterwards',
  'nevertheless',
  'whereas',
  'besides',
  'nowadays',
  'us',
  'its',
  'was',
  'is',
  'has',
  'does',
]);

function agreeingVerb(after: string): { replacement: string; length: number } | undefined {
  // A space, or the line break of a wrapped line.
  const m = /^([ \n])([a-z]+)(?![\w'’-])/.exec(after);
  if (!m) return undefined;
  const [space, word] = [m[1]!, m[2]!];
  if (VERB_PLACEHOLDERS.includes(word)) return { replacement: `${space}{{${word}}}`, length: m[0].length };
  if (NOT_VERBS.has(word) || !word.endsWith('s') || word.endsWith('ss') || word.endsWith('ies') || word.endsWith('us') || word.length < 3)
    return undefined;
  const es = /(?:ss|sh|ch|x|z|o)es$/.test(word);
  return { replacement: `${space}${word.slice(0, es ? -2 : -1)}{{${es ? 'es' : 's'}}}`, length: m[0].length };
}

/** The question and options go to every variant as written: a patient's pronoun or sex word there cannot vary. */
function sharedTextMention(c: CaseRecord): string | undefined {
  for (const [field, text] of [
    ['question', c.question],
    ...Object.entries(c.options ?? {}).map(([k, v]) => [`options.${k}`, v] as const),
  ] as const) {
    const m = detectMentions(text).find((d) => d.attribute === 'sex' || d.attribute === 'pronoun' || d.attribute === 'title');
    if (m)
      return `${field} says "${m.surface}": the question and options are sent unchanged with every variant, so they cannot state the patient's sex; reword them ("the patient") and run again`;
  }
  return undefined;
}

/** A vignette id from the case's own: lowercase letters, digits and hyphens. */
export function caseSlug(c: Pick<CaseRecord, 'id' | 'line'>): string {
  const slug = c.id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? `case-line-${c.line}` : slug;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function excerpt(rendered: string, original: string): string {
  const i = firstDifference(rendered, original);
  return `${rendered.slice(Math.max(0, i - 20), i + 20)}" instead of "${original.slice(Math.max(0, i - 20), i + 20)}`;
}
