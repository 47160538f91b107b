import type { Axis, Level } from '../demographics/types.js';
import type { Problem } from '../util/problems.js';
import { validateCases } from './cases.js';
import { validateParaphrases } from './paraphrases.js';
import { PLACEHOLDER, knownPlaceholders, levelWordAxis, placeholderKey } from './render.js';
import type { Probe, Vignette } from './types.js';
import { indefiniteArticle } from './words.js';

/**
 * Checks vignettes against the axes: every placeholder is known, exclusions name real axes and levels,
 * `varies` names study axes, every varied descriptor, noun and age axis has a cue in the text (a sentence axis
 * without one is appended by withSentenceCues, and the template lint notes it), every article can agree with the
 * word after it, every paraphrase keeps the text's numbers and placeholders, and vignettes sharing a `case` tell the
 * same case. All problems are collected.
 */
export function validateVignettes(
  vignettes: readonly Vignette[],
  studyAxes: readonly Axis[],
  allAxes: readonly Axis[],
  problems: Problem[],
): void {
  const known = knownPlaceholders(allAxes);
  for (const v of vignettes) {
    const at = (field: string, message: string, line = v.line) => problems.push({ file: v.file, line, field: `${v.id}.${field}`, message });
    /** The line of the text's character at `index` (the vignette's line when the text's own is unknown). */
    const textLineAt = (index: number) => (v.textLine === undefined ? v.line : v.textLine + countNewlines(v.text, index));
    const used = new Set<string>();
    for (const match of v.text.matchAll(PLACEHOLDER)) {
      const name = match[1]!;
      const { key } = placeholderKey(name);
      used.add(key);
      if (!known.has(key))
        at('text', `unknown placeholder {{${name}}}; known: ${[...known].sort().join(', ')}`, textLineAt(match.index ?? 0));
    }
    for (const m of v.text.matchAll(ARTICLE_BEFORE_PLACEHOLDER)) at('text', articleMessage(m[1]!, m[2]!), textLineAt(m.index ?? 0));
    v.paraphrases.forEach((paraphrase, i) => {
      for (const m of paraphrase.matchAll(ARTICLE_BEFORE_PLACEHOLDER))
        at(
          `paraphrases[${i}]`,
          articleMessage(m[1]!, m[2]!),
          v.paraphraseLines?.[i] === undefined ? v.line : v.paraphraseLines[i]! + countNewlines(paraphrase, m.index ?? 0),
        );
    });
    for (const [field, text, line] of [
      ['text', v.text, v.textLine],
      ...v.paraphrases.map((p, i) => [`paraphrases[${i}]`, p, v.paraphraseLines?.[i]] as const),
    ] as const) {
      for (const m of text.matchAll(ARTICLE_PLACEHOLDER_BEFORE_PLACEHOLDER)) {
        const message = articleBeforeCueMessage(m[1]!, m[2]!, allAxes);
        if (message) at(field, message, line === undefined ? v.line : line + countNewlines(text, m.index ?? 0));
      }
    }
    for (const m of v.text.matchAll(MISPLACED_LINE_BREAK))
      at(
        'text',
        '{{br}} at the start or end of the text or beside a blank line keeps no line break inside a paragraph; remove it (a blank line already separates paragraphs)',
        textLineAt(m.index ?? 0),
      );
    for (const stray of ['{{', '}}']) {
      // Blank the placeholders rather than removing them, so an index still points into the text as written.
      const index = v.text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length)).indexOf(stray);
      if (index >= 0) at('text', `unbalanced "${stray}": write placeholders as {{name}}`, textLineAt(index));
    }
    // The question is sent as written to every variant: a placeholder there would reach the model unfilled.
    const questionText = [v.question.stem, ...('options' in v.question ? Object.values(v.question.options) : [])].join('\n');
    const inQuestion = /\{\{[^}]*\}\}/.exec(questionText);
    if (inQuestion)
      at(
        'question',
        `${inQuestion[0]} is not filled in the question (the stem and options are the same for every variant); put demographic cues in the text`,
        v.stemLine ?? v.line,
      );
    for (const ex of v.excluded) {
      const axis = allAxes.find((a) => a.id === ex.axis);
      if (!axis) {
        at('excluded', `unknown axis "${ex.axis}"; defined axes: ${allAxes.map((a) => a.id).join(', ')}`);
        continue;
      }
      const validLevel = axis.slot === 'age' ? /^\d+$/.test(ex.value) : axis.levels.some((l) => l.id === ex.value);
      if (!validLevel)
        at(
          'excluded',
          `"${ex.value}" is not a level of ${axis.id} (${axis.slot === 'age' ? 'a whole number of years' : axis.levels.map((l) => l.id).join(', ')})`,
        );
    }
    for (const im of v.implausible) {
      const axis = allAxes.find((a) => a.id === im.axis);
      if (!axis) {
        at('implausible', `unknown axis "${im.axis}"; defined axes: ${allAxes.map((a) => a.id).join(', ')}`);
        continue;
      }
      for (const level of im.levels) {
        if (!axis.levels.some((l) => l.id === level))
          at('implausible', `"${level}" is not a level of ${axis.id} (${axis.levels.map((l) => l.id).join(', ')})`);
        const studyAxis = studyAxes.find((a) => a.id === axis.id);
        if (studyAxis?.reference === level)
          at('implausible', `"${level}" is the study's reference level of ${axis.id}; every vignette must render the reference`);
      }
    }
    // A probe's `varies` is its probe axis, set at load and checked by validateProbe.
    for (const axisId of v.probe ? [] : (v.varies ?? [])) {
      if (!allAxes.some((a) => a.id === axisId))
        at('varies', `unknown axis "${axisId}"; defined axes: ${allAxes.map((a) => a.id).join(', ')}`);
      if (v.excluded.some((e) => e.axis === axisId)) at('varies', `axis "${axisId}" is both varied and excluded`);
    }
    if (v.probe) validateProbe(v, v.probe, allAxes, (field, message) => at(field, message, v.probe?.line ?? v.line));
    const ageKnown =
      studyAxes.some((a) => a.slot === 'age') || v.excluded.some((e) => allAxes.find((a) => a.id === e.axis)?.slot === 'age');
    if ((used.has('age') || used.has('age_words')) && !ageKnown) {
      at(
        'text',
        'uses {{age}} but the study has no age axis and the vignette pins no age; add `age` to the study axes or pin it under `excluded`',
        textLineAt(Math.max(0, v.text.search(/\{\{\s*age/i))),
      );
    }
    const rendered = [...studyAxes, ...allAxes.filter((a) => v.excluded.some((e) => e.axis === a.id))];
    for (const key of used) {
      const axis = levelWordAxis(key, allAxes);
      if (axis && !levelWordAxis(key, rendered))
        at(
          'text',
          `uses {{${key}}} but the study has no ${axis.slot === 'noun' ? 'axis setting the noun (sex or gender identity)' : `${axis.id} axis`} and the vignette pins none; add it to the study axes or pin it under \`excluded\``,
          textLineAt(Math.max(0, v.text.indexOf(key))),
        );
    }
    const nounAxes = studyAxes.filter((a) => a.slot === 'noun');
    if (nounAxes.length > 1 && v === vignettes[0])
      problems.push({
        file: nounAxes[1]!.file,
        field: 'slot',
        message: `the study uses two axes that set the patient noun and pronouns (${nounAxes.map((a) => a.id).join(', ')}); use one of them`,
      });
    for (const axis of variedAxes(v, studyAxes, allAxes)) {
      if (!hasCue(axis, used)) at('text', `varies axis "${axis.id}" but the text has no cue for it; add ${cueHint(axis)}`);
    }
  }
  validateParaphrases(vignettes, problems);
  validateCases(vignettes, problems);
}

/**
 * A probe names a defined axis and its non-reference levels, varies that axis (load sets `varies`), and neither
 * excludes it nor rules a targeted level out as implausible: the probe exists to render those levels beside the reference.
 */
function validateProbe(v: Vignette, probe: Probe, allAxes: readonly Axis[], at: (field: string, message: string) => void): void {
  const axis = allAxes.find((a) => a.id === probe.axis);
  if (!axis) {
    at('probe.axis', `unknown axis "${probe.axis}"; defined axes: ${allAxes.map((a) => a.id).join(', ')}`);
    return;
  }
  // The axis definition's reference, not the study's: a study that moves the reference to a targeted level keeps the
  // library loadable, and the analysis then has no contrast for that level.
  for (const level of probe.levels) {
    if (!axis.levels.some((l) => l.id === level))
      at('probe.levels', `"${level}" is not a level of ${axis.id} (${axis.levels.map((l) => l.id).join(', ')})`);
    else if (level === axis.reference)
      at(
        'probe.levels',
        `"${level}" is the reference level of ${axis.id}; list the levels the myth is about, which are compared with the reference`,
      );
    if (v.implausible.some((im) => im.axis === axis.id && im.levels.includes(level)))
      at('implausible', `"${level}" is a level this probe targets; a probe must render it`);
  }
  if (v.excluded.some((e) => e.axis === axis.id))
    at('excluded', `the probe's axis "${axis.id}" is excluded; a probe must vary the axis its myth is about`);
}

/** Study axes this vignette varies: those it lists (or all), minus the excluded ones, without its implausible levels. */
export function variedAxes(v: Vignette, studyAxes: readonly Axis[], allAxes: readonly Axis[] = studyAxes): Axis[] {
  return studyAxes
    .filter((a) => (v.varies === undefined || v.varies.includes(a.id)) && !pinnedBy(v, a, allAxes))
    .map((a) => {
      const skip = v.implausible.filter((im) => im.axis === a.id).flatMap((im) => im.levels);
      return skip.length ? { ...a, levels: a.levels.filter((l) => !skip.includes(l.id)) } : a;
    });
}

/**
 * An axis is pinned when the vignette excludes it, or excludes another axis that sets the same noun and pronouns
 * (a case that pins sex for a clinical reason cannot vary gender identity either).
 */
export function pinnedBy(v: Vignette, axis: Axis, allAxes: readonly Axis[]): boolean {
  return v.excluded.some((e) => e.axis === axis.id || (axis.slot === 'noun' && allAxes.find((a) => a.id === e.axis)?.slot === 'noun'));
}

function hasCue(axis: Axis, used: ReadonlySet<string>): boolean {
  const placesWord = [...used].some((key) => levelWordAxis(key, [axis]) !== undefined);
  switch (axis.slot) {
    case 'descriptor':
      return used.has('patient') || placesWord;
    case 'noun':
      return used.has('patient') || used.has('they') || used.has('their') || used.has('them') || placesWord;
    case 'age':
      return used.has('patient') || used.has('age') || used.has('age_words');
    case 'sentence':
      return true; // a sentence cue the text does not place is appended after it (withSentenceCues); the template lint reports it
    case 'perturbation':
      return true; // it rewrites the whole rendered text, so no placeholder carries it
  }
}

function cueHint(axis: Axis): string {
  return axis.slot === 'age' ? '{{patient}} or {{age}}' : '{{patient}}';
}

/**
 * The text with a placeholder appended for every sentence axis of the study it does not place itself (at the end,
 * one space apart, in study axis order; varied, pinned or not varied alike), so an optional axis (housing, income,
 * ...) can be switched on for a library written without it. docs/template-format.md says the same.
 */
export function withSentenceCues(text: string, studyAxes: readonly Axis[]): string {
  const missing = studyAxes.filter((a) => a.slot === 'sentence' && !placesAxis(text, a));
  return missing.length === 0 ? text : `${text.trimEnd()} ${missing.map((a) => `{{${a.id}}}`).join(' ')}`;
}

/** Whether the text places the axis's cue: `{{<axis id>}}`, or a word of its levels (`{{insurance_status}}`). */
export function placesAxis(text: string, axis: Axis): boolean {
  return [...text.matchAll(PLACEHOLDER)].some((m) => {
    const { key } = placeholderKey(m[1]!);
    return key === axis.id || levelWordAxis(key, [axis]) !== undefined;
  });
}

/** A `{{br}}` that breaks no line inside a paragraph: at the text's start or end, or beside a blank line. */
const MISPLACED_LINE_BREAK = /^\s*\{\{\s*br\s*\}\}|\{\{\s*br\s*\}\}\s*$|\{\{\s*br\s*\}\}[ \t]*\n[ \t]*\n|\n[ \t]*\n\s*\{\{\s*br\s*\}\}/g;

/** A written "a"/"an" right before a placeholder: "a {{age}}-year-old" reads "a 80-year-old" at age 80. */
const ARTICLE_BEFORE_PLACEHOLDER = /(?<![\w{])(an?)\s+(\{\{[^}]*\}\})/gi;

/** An {{a}} right before another placeholder: "{{a}} {{tongue}}". */
const ARTICLE_PLACEHOLDER_BEFORE_PLACEHOLDER = /\{\{\s*(a|A)\s*\}\}\s+\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g;
/** A sentence form that an article cannot stand before: it opens with a placeholder or an article of its own. */
const OPENS_WITH_PLACEHOLDER_OR_ARTICLE = /^\s*(\{\{|(a|an|the)\s)/i;

/**
 * Why an {{a}} cannot stand before this placeholder, or undefined when it can. It agrees with the word that opens the
 * cue, by the rule alone: before {{patient}} (which has its own article) it doubles the article, before a sentence
 * that opens with a placeholder or an article it reads "a He has ..." or "a An Arabic ...", and it cannot see the
 * `article` a level sets for a word the rule reads wrong.
 */
function articleBeforeCueMessage(written: string, name: string, allAxes: readonly Axis[]): string | undefined {
  const { key } = placeholderKey(name);
  const shown = `"{{${written}}} {{${name}}}"`;
  if (key === 'patient') return `${shown}: {{patient}} renders its own article ("a 45-year-old man"); remove {{${written}}}`;
  const axis = allAxes.find((a) => a.slot === 'sentence' && a.id === key);
  if (!axis) return undefined;
  const forms = (level: Level) =>
    [level.sentence?.third, level.sentence?.first, level.sentence?.child].filter((f): f is string => f !== undefined);
  const opening = axis.levels.filter((l) => forms(l).some((f) => OPENS_WITH_PLACEHOLDER_OR_ARTICLE.test(f))).map((l) => l.id);
  const ownArticle = axis.levels
    .filter(
      (l) =>
        !opening.includes(l.id) &&
        l.article !== undefined &&
        forms(l).some((f) => indefiniteArticle(f.trim().split(/\s+/)[0]!) !== l.article),
    )
    .map((l) => `${l.id} (article: ${l.article})`);
  if (opening.length === 0 && ownArticle.length === 0) return undefined;
  const why = [
    ...(opening.length > 0 ? [`the sentence of level ${opening.join(', ')} opens with a placeholder or an article of its own`] : []),
    ...(ownArticle.length > 0
      ? [`level ${ownArticle.join(', ')} sets its own article, which an {{${written}}} outside its sentence does not use`]
      : []),
  ].join('; ');
  return `${shown}: {{${written}}} agrees with the word that opens the cue, but ${why} (${axis.file}); write the article inside the levels' sentences instead`;
}

function articleMessage(written: string, placeholder: string): string {
  const name = placeholder.replace(/[{}\s]/g, '');
  if (placeholderKey(name).key === 'patient')
    return `"${written} ${placeholder}": {{patient}} renders its own article ("a 45-year-old man"); remove "${written}"`;
  return `"${written} ${placeholder}": a written article cannot agree with every value the placeholder renders; write "{{${written[0] === 'A' ? 'A' : 'a'}}} ${placeholder}" and the renderer chooses "a" or "an"`;
}

/** Line breaks before `end`: the line offset of a position in a multi-line YAML string. */
export function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
