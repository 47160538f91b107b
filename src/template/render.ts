import type { Axis, Level, Pronouns } from '../demographics/types.js';
import type { Perspective } from './types.js';
import { capitalize, indefiniteArticle, numberToWords } from './words.js';

/** One axis set to one level, as a variant renders it. */
export interface AxisValue {
  axis: Axis;
  level: Level;
}

/**
 * How demographics show in the text. `explicit`: stated ("a 45-year-old Black woman"); `implicit`: signalled by
 * a name associated with the group instead of the race/ethnicity descriptor; `both`: stated and named. A level
 * that states nothing (`Level.unstated`) renders no cue in any mode; the demographics-removed control is every
 * varied axis at that level.
 */
export type CueMode = 'explicit' | 'implicit' | 'both';
export const CUE_MODES: readonly CueMode[] = ['explicit', 'implicit', 'both'];

/** Whether a cue mode names the patient (from the name pools). */
export function cuesName(cues: CueMode): boolean {
  return cues === 'implicit' || cues === 'both';
}

export interface RenderContext {
  perspective: Perspective;
  /** Axis values in axis order; pinned (excluded) axes included. */
  values: readonly AxisValue[];
  filler: Readonly<Record<string, string>>;
  /** Sentence axes defined in the demographics but not part of the study: their placeholders render empty. */
  silentAxes: readonly string[];
  cues: CueMode;
  /** The patient's name, for implicit and both cue modes. */
  name?: string;
}

/** Rendered text and the character spans that carry demographic cues (for masking and blinding). */
export interface Rendered {
  text: string;
  cueSpans: [number, number][];
}

/** Below this age the patient is a girl, boy or child, not a woman or man. */
const ADULT_AGE = 18;

export const FILLER_NAMES = ['date', 'time', 'mrn', 'city', 'hospital', 'clinician'] as const;
/**
 * `{{br}}`: a line break inside a paragraph. Wrapped lines join (so an author can hard-wrap YAML), which would lose
 * the single line breaks of a note written line by line ("HPI: ...\nPMH: ..."); `{{br}}` keeps one, with the spaces
 * and the wrap around it dropped. Layout, not a cue: the same in every variant.
 */
export const LINE_BREAK = 'br';
const PRONOUN_NAMES = ['they', 'them', 'their', 'theirs', 'themself'] as const;
const VERB_FORMS: Record<string, readonly [string, string]> = {
  is: ['is', 'are'],
  was: ['was', 'were'],
  has: ['has', 'have'],
  does: ['does', 'do'],
  s: ['s', ''],
  es: ['es', ''],
};
const NEUTRAL_PRONOUNS: Pronouns = {
  they: 'they',
  them: 'them',
  their: 'their',
  theirs: 'theirs',
  themself: 'themself',
  pluralVerbs: true,
};

/** `{{a}}`: the indefinite article agreeing with the word after it ("an 80-year-old", "a 45-year-old"). */
export const ARTICLE = 'a';
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g;
// Cue text is wrapped in these control characters while rendering, so its spans survive tidying.
const OPEN = '\u0001';
const CLOSE = '\u0002';
const PARAGRAPH = '\u0003';
// An {{a}} waits as one of these until the word after it is rendered.
const PENDING_ARTICLE = '\u0004';
const PENDING_CAPITAL_ARTICLE = '\u0005';
// A {{br}} waits as this until the spaces around it are dropped.
const BREAK = '\u0006';

/** Every placeholder name a template may use, given the axes defined. */
export function knownPlaceholders(axes: readonly Axis[]): Set<string> {
  const names = new Set<string>([
    'patient',
    'age',
    'age_words',
    ARTICLE,
    LINE_BREAK,
    ...FILLER_NAMES,
    ...PRONOUN_NAMES,
    ...Object.keys(VERB_FORMS),
  ]);
  for (const axis of axes) {
    if (axis.slot === 'sentence') names.add(axis.id);
    for (const role of levelWordRoles(axis)) {
      names.add(`${axis.id}_${role}`);
      if (axis.slot === 'noun') names.add(`${NOUN_AXIS}_${role}`);
    }
  }
  if (axes.some((a) => a.slot === 'noun')) for (const name of NOUN_WORDS) names.add(name);
  return names;
}

/** `{{noun}}` (man, woman) and `{{child_noun}}` (boy, girl): the noun axis's nouns on their own. */
const NOUN_WORDS = ['noun', 'child_noun'] as const;
/** `{{noun_<role>}}` reads the level of whichever axis sets the noun (sex or gender identity). */
const NOUN_AXIS = 'noun';

/** The roles `{{<axis id>_<role>}}` can name for an axis: its levels' `words`, and its descriptor and label. */
function levelWordRoles(axis: Axis): Set<string> {
  const roles = new Set<string>(['label']);
  if (axis.slot === 'descriptor') roles.add('descriptor');
  for (const level of axis.levels) for (const role of Object.keys(level.words ?? {})) roles.add(role);
  return roles;
}

/**
 * The axis a level-word placeholder reads (`race_descriptor` -> race, `noun_letter` -> the noun axis, `noun` ->
 * the noun axis), or undefined for any other placeholder. The axis id is everything before the first underscore.
 */
export function levelWordAxis(key: string, axes: readonly Axis[]): Axis | undefined {
  if ((NOUN_WORDS as readonly string[]).includes(key)) return axes.find((a) => a.slot === 'noun');
  const at = key.indexOf('_');
  if (at <= 0) return undefined;
  const prefix = key.slice(0, at);
  const axis = prefix === NOUN_AXIS ? axes.find((a) => a.slot === 'noun') : axes.find((a) => a.id === prefix);
  return axis && levelWordRoles(axis).has(key.slice(at + 1)) ? axis : undefined;
}

/** What a level-word placeholder renders for the values given; undefined when it is not one or its axis has no value. */
function levelWord(key: string, values: readonly AxisValue[]): string | undefined {
  const axis = levelWordAxis(
    key,
    values.map((v) => v.axis),
  );
  const level = axis && values.find((v) => v.axis.id === axis.id)?.level;
  if (!level) return undefined;
  if (key === 'noun') return level.noun ?? 'person';
  if (key === 'child_noun') return level.childNoun ?? 'child';
  if (level.unstated) return '';
  const role = key.slice(key.indexOf('_') + 1);
  return level.words?.[role] ?? (role === 'descriptor' ? level.descriptor : role === 'label' ? level.label : undefined);
}

/** Placeholders that the template names with a capital first letter render capitalised. */
export function placeholderKey(name: string): { key: string; capital: boolean } {
  const key = name[0]!.toLowerCase() + name.slice(1);
  return { key, capital: name !== key };
}

/**
 * Renders placeholders and reports where the demographic cues are. Filler is not a cue: it is shared by every
 * variant. Unknown names are left as written: validation rejects them before rendering.
 */
export function renderText(template: string, ctx: RenderContext): Rendered {
  return renderPrepared(prepareTemplate(template), ctx);
}

/** A template with its whitespace normalised once (paragraph breaks marked), so each variant renders without it. */
export interface PreparedTemplate {
  readonly text: string;
}

/** Hard-wrapped lines join into paragraphs (a blank line separates paragraphs) and runs of spaces collapse. */
export function prepareTemplate(template: string): PreparedTemplate {
  return { text: template.replace(/\n[ \t]*\n\s*/g, PARAGRAPH).replace(/[^\S\u0003]+/g, ' ') };
}

/** `renderText` for a template prepared once per vignette and rendered once per variant. */
export function renderPrepared(template: PreparedTemplate, ctx: RenderContext): Rendered {
  const pronouns = ctx.values.find((v) => v.axis.slot === 'noun')?.level.pronouns ?? NEUTRAL_PRONOUNS;
  const render = (text: string, depth: number): string =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const { key, capital } = placeholderKey(name);
      if (key === ARTICLE) return capital ? PENDING_CAPITAL_ARTICLE : PENDING_ARTICLE;
      if (key === LINE_BREAK) return BREAK;
      const value = resolve(key, ctx, pronouns, (nested) => (depth < 2 ? render(nested, depth + 1) : nested));
      if (value === undefined) return whole;
      const shown = (capital ? capitalize(value) : value).replace(/\s+/g, ' ');
      // Only top-level placeholders are marked: a sentence cue's inner pronouns are inside its span already.
      const isCue = depth === 0 && !(FILLER_NAMES as readonly string[]).includes(key);
      return isCue ? `${OPEN}${shown}${CLOSE}` : shown;
    });
  return extractSpans(resolveArticles(render(template.text, 0)));
}

/**
 * Each pending {{a}} becomes "a" or "an" for the word that follows it. When that word opens a cue, the article
 * moves inside the cue's span: it differs by level as the cue does ("a 45-year-old" / "an 80-year-old").
 */
function resolveArticles(marked: string): string {
  if (!marked.includes(PENDING_ARTICLE) && !marked.includes(PENDING_CAPITAL_ARTICLE)) return marked;
  return marked.replace(
    /([\u0004\u0005])( ?)(\u0001*)([^\s\u0001-\u0006]*)/g,
    (_whole, pending: string, space: string, opens: string, word: string) => {
      const article = indefiniteArticle(word);
      const shown = pending === PENDING_CAPITAL_ARTICLE ? capitalize(article) : article;
      return opens ? `${opens}${shown}${space}${word}` : `${shown}${space}${word}`;
    },
  );
}

function resolve(key: string, ctx: RenderContext, pronouns: Pronouns, renderNested: (t: string) => string): string | undefined {
  if (key === 'patient') return patientPhrase(ctx.values, ctx.cues, ctx.name);
  if ((PRONOUN_NAMES as readonly string[]).includes(key)) return pronouns[key as keyof Omit<Pronouns, 'pluralVerbs'>];
  const verb = VERB_FORMS[key];
  if (verb) return pronouns.pluralVerbs ? verb[1] : verb[0];
  if (key === 'age' || key === 'age_words') {
    const years = ctx.values.find((v) => v.axis.slot === 'age')?.level.years;
    if (years === undefined) return undefined;
    return key === 'age' ? String(years) : numberToWords(years);
  }
  const word = levelWord(key, ctx.values);
  if (word !== undefined) return word;
  if (key in ctx.filler) return ctx.filler[key];
  const sentenceAxis = ctx.values.find((v) => v.axis.slot === 'sentence' && v.axis.id === key);
  if (sentenceAxis?.level.unstated) return '';
  if (sentenceAxis?.level.sentence) {
    const years = ctx.values.find((v) => v.axis.slot === 'age')?.level.years;
    const form = sentenceForm(sentenceAxis.level.sentence, ctx.perspective, years);
    const article = sentenceAxis.level.article;
    // A level that sets its own article uses it for every {{a}} of its sentence.
    return renderNested(
      article
        ? form.replace(PLACEHOLDER, (whole, name: string) =>
            placeholderKey(name).key === ARTICLE ? (name === 'A' ? capitalize(article) : article) : whole,
          )
        : form,
    );
  }
  // A sentence cue for an axis this study does not include says nothing: the study is silent on it.
  if (ctx.silentAxes.includes(key)) return '';
  return undefined;
}

/**
 * The form of a sentence cue that fits who is writing: the patient in the first person (a child writing for
 * themself too); a bystander (`general`) in their own words when the level has them, written for any age (a
 * neighbour knows the language spoken, not that an interpreter is present); otherwise as charted, in the child
 * form for a patient under 18 ("his family's language").
 */
function sentenceForm(sentence: NonNullable<Level['sentence']>, perspective: Perspective, years: number | undefined): string {
  if (perspective === 'patient') return sentence.first;
  if (perspective === 'general' && sentence.general !== undefined) return sentence.general;
  return sentence.child !== undefined && years !== undefined && years < ADULT_AGE ? sentence.child : sentence.third;
}

/**
 * The patient noun phrase with its article. Explicit: "a 45-year-old Black woman"; implicit: the race/ethnicity
 * descriptor gives way to a name, "a 45-year-old woman named Ebony Washington"; both: descriptor and name. An
 * unstated descriptor is left out and an unstated noun is "person" ("a 45-year-old person"). The age stays
 * explicit in every mode: it is clinical information.
 */
export function patientPhrase(values: readonly AxisValue[], cues: CueMode = 'explicit', name?: string): string {
  // Each word with the level it came from, so a level that sets its own article decides when its word comes first.
  const words: { text: string; level?: Level }[] = [];
  const years = values.find((v) => v.axis.slot === 'age')?.level.years;
  if (years !== undefined) words.push({ text: `${years}-year-old` });
  if (cues !== 'implicit')
    for (const v of values)
      if (v.axis.slot === 'descriptor' && v.level.descriptor) words.push({ text: v.level.descriptor, level: v.level });
  const noun = values.find((v) => v.axis.slot === 'noun')?.level;
  const child = years !== undefined && years < ADULT_AGE;
  words.push({ text: (child ? (noun?.childNoun ?? 'child') : noun?.noun) ?? 'person', level: noun });
  const first = words[0]!;
  const phrase = `${first.level?.article ?? indefiniteArticle(first.text)} ${words.map((w) => w.text).join(' ')}`;
  return cues !== 'explicit' && name ? `${phrase} named ${name}` : phrase;
}

/**
 * Extracts the cue spans from prepared, rendered text: spaces collapse where an empty cue left two, paragraph marks
 * become blank lines, and every cue, even an empty one (the verb suffix of singular they), keeps a span so masking
 * stays aligned. Regex passes, not a character loop: this runs once per variant and a large study has millions.
 */
function extractSpans(marked: string): Rendered {
  const normalised = marked
    // Spaces separated only by cue markers (empty cues) collapse into one space after the markers.
    .replace(/ (?:[\u0001\u0002]+ )+/g, (run) => `${run.replace(/ /g, '')} `)
    .replace(/ ?\u0003 ?/g, '\u0003')
    .replace(/ ?\u0006 ?/g, '\n')
    .replace(/^[ \u0003\u0001\u0002]+/, (run) => run.replace(/[ \u0003]/g, ''));
  const trimmed = trimEndKeepingMarkers(normalised).replace(/\u0003/g, '\n\n');
  let text = '';
  const cueSpans: [number, number][] = [];
  let start = -1;
  let at = 0;
  const markers = /[\u0001\u0002]/g;
  for (let m = markers.exec(trimmed); m !== null; m = markers.exec(trimmed)) {
    text += trimmed.slice(at, m.index);
    at = m.index + 1;
    if (m[0] === OPEN) start = text.length;
    else if (start >= 0) {
      cueSpans.push([start, text.length]);
      start = -1;
    }
  }
  text += trimmed.slice(at);
  return { text, cueSpans };
}

/** Drops trailing spaces and paragraph marks but keeps the cue markers among them (a regex here is quadratic). */
function trimEndKeepingMarkers(text: string): string {
  let end = text.length;
  let markers = '';
  for (; end > 0; end--) {
    const ch = text[end - 1]!;
    if (ch === OPEN || ch === CLOSE) markers = ch + markers;
    else if (ch !== ' ' && ch !== '\u0003') break;
  }
  return text.slice(0, end) + markers;
}

/** Replaces every cue span with one mask character, so matched variants can be compared cue-blind. */
export function maskCues(rendered: Rendered, mask = '▮'): string {
  let out = '';
  let at = 0;
  for (const [start, end] of rendered.cueSpans) {
    out += rendered.text.slice(at, start) + mask;
    at = end;
  }
  // An empty cue leaves no space where a non-empty one does; drop the spaces around masks so both compare equal.
  return (out + rendered.text.slice(at))
    .split(mask)
    .map((part, i, all) => (i === 0 ? part.trimEnd() : i === all.length - 1 ? part.trimStart() : part.trim()))
    .join(mask);
}
