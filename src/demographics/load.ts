import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FieldReader } from '../util/fields.js';
import type { Problem } from '../util/problems.js';
import { readYamlFile } from '../util/yaml.js';
import { indefiniteArticle } from '../template/words.js';
import { readPerturbations } from './perturbations.js';
import type { Axis, AxisSlot, Level, Pronouns } from './types.js';

const SLOTS: readonly AxisSlot[] = ['descriptor', 'noun', 'age', 'sentence', 'perturbation'];
const AXIS_FIELDS = ['id', 'label', 'slot', 'reference', 'levels', 'description'];
const LEVEL_FIELDS = ['id', 'label', 'descriptor', 'noun', 'childNoun', 'pronouns', 'years', 'sentence', 'article', 'words', 'perturb'];
const PRONOUN_FIELDS = ['they', 'them', 'their', 'theirs', 'themself', 'pluralVerbs'];

/** Loads every `*.yaml` axis definition in a directory (or a single file). Problems are collected, not thrown. */
export function loadAxes(path: string, problems: Problem[]): Axis[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch {
    problems.push({
      file: path,
      message: 'demographics directory not found; point `demographics:` in the study at the folder of axis YAML files',
    });
    return [];
  }
  const axes: Axis[] = [];
  for (const file of files) {
    const axis = loadAxisFile(file, problems);
    if (!axis) continue;
    const clash = axes.find((a) => a.id === axis.id);
    if (clash) problems.push({ file, field: 'id', message: `axis "${axis.id}" is also defined in ${clash.file}; axis ids must be unique` });
    else axes.push(axis);
  }
  return axes;
}

function loadAxisFile(file: string, problems: Problem[]): Axis | undefined {
  const source = readYamlFile(file, problems);
  if (!source) return undefined;
  const r = new FieldReader(source, problems);
  const obj = r.record(source.value, []);
  if (!obj) return undefined;
  r.unknownKeys(obj, AXIS_FIELDS, []);
  const id = r.string(obj, 'id', []);
  const label = r.string(obj, 'label', []);
  const slot = r.oneOf(obj, 'slot', SLOTS, []);
  const reference = r.string(obj, 'reference', []);
  const rawLevels = obj.levels === undefined ? r.problem(['levels'], 'is required') : r.list(obj.levels, ['levels']);
  if (!id || !label || !slot || !reference || !rawLevels) return undefined;
  const levels: Level[] = [];
  rawLevels.forEach((raw, i) => {
    const level = readLevel(r, raw, ['levels', i], slot, file);
    if (!level) return;
    if (levels.some((l) => l.id === level.id)) r.problem(['levels', i, 'id'], `level "${level.id}" is listed twice`);
    else levels.push(level);
  });
  if (levels.length > 0 && !levels.some((l) => l.id === reference)) {
    r.problem(['reference'], `"${reference}" is not one of the levels (${levels.map((l) => l.id).join(', ')})`);
  }
  return { id, label, slot, reference, levels, file };
}

function readLevel(r: FieldReader, raw: unknown, path: (string | number)[], slot: AxisSlot, file: string): Level | undefined {
  const obj = r.record(raw, path);
  if (!obj) return undefined;
  r.unknownKeys(obj, LEVEL_FIELDS, path);
  const id = r.string(obj, 'id', path);
  if (!id) return undefined;
  if (id === UNSTATED)
    r.problem(
      [...path, 'id'],
      `"${UNSTATED}" is reserved for the level that states nothing; a study adds it with \`axes: { <axis>: { unstated: true } }\``,
    );
  const level: Level = { id, label: r.string(obj, 'label', path, { optional: true }) ?? id };
  const article =
    slot === 'age' || slot === 'perturbation' ? undefined : r.oneOf(obj, 'article', ['a', 'an'] as const, path, { optional: true });
  if (article) level.article = article;
  const words = readWords(r, obj.words, [...path, 'words']);
  if (words) level.words = words;
  switch (slot) {
    case 'descriptor':
      level.descriptor = r.string(obj, 'descriptor', path);
      break;
    case 'noun': {
      level.noun = r.string(obj, 'noun', path);
      level.childNoun = r.string(obj, 'childNoun', path, { optional: true });
      const pronouns =
        obj.pronouns === undefined
          ? (r.problem([...path, 'pronouns'], 'is required for a noun axis (they, them, their, theirs, themself, pluralVerbs)'), undefined)
          : readPronouns(r, obj.pronouns, [...path, 'pronouns']);
      if (pronouns) level.pronouns = pronouns;
      break;
    }
    case 'age':
      level.years = r.number(obj, 'years', path, { integer: true, min: 0, max: 120 });
      break;
    case 'sentence': {
      const sentence =
        obj.sentence === undefined
          ? (r.problem([...path, 'sentence'], 'is required for a sentence axis (third, first)'), undefined)
          : r.record(obj.sentence, [...path, 'sentence']);
      if (sentence) {
        const third = r.string(sentence, 'third', [...path, 'sentence']);
        const first = r.string(sentence, 'first', [...path, 'sentence']);
        const general = r.string(sentence, 'general', [...path, 'sentence'], { optional: true });
        const child = r.string(sentence, 'child', [...path, 'sentence'], { optional: true });
        r.unknownKeys(sentence, ['third', 'first', 'general', 'child'], [...path, 'sentence']);
        if (third && first) level.sentence = { third, first, ...(general ? { general } : {}), ...(child ? { child } : {}) };
        for (const [form, text] of [
          ['third', third],
          ['first', first],
          ['general', general],
          ['child', child],
        ] as const)
          if (text) checkArticles(r, text, [...path, 'sentence', form]);
      }
      break;
    }
    case 'perturbation': {
      const perturb = readPerturbations(r, obj.perturb, [...path, 'perturb'], file);
      if (perturb?.length) level.perturb = perturb;
      break;
    }
  }
  return level;
}

/**
 * A written "a"/"an" must agree with the word after it ("a Arabic interpreter" is refused), and one before a
 * placeholder cannot be checked here: the renderer chooses it when the sentence says {{a}}.
 */
function checkArticles(r: FieldReader, text: string, path: (string | number)[]): void {
  for (const m of text.matchAll(/(?<![\w{])(an?)\s+(\{\{[^}]*\}\}|[^\s,;.]+)/gi)) {
    const [written, next] = [m[1]!, m[2]!];
    if (next.startsWith('{{')) {
      r.problem(path, `"${written} ${next}": an article before a placeholder cannot agree with every value; write "{{a}} ${next}"`);
      continue;
    }
    const right = indefiniteArticle(next);
    if (written.toLowerCase() !== right)
      r.problem(
        path,
        `"${written} ${next}" should read "${written[0] === 'A' ? right[0]!.toUpperCase() + right.slice(1) : right} ${next}"; fix it, or write "{{a}} ${next}" to let the renderer choose (and set \`article:\` on the level if the rule in docs/template-format.md gets this word wrong)`,
      );
  }
}

/** `words: { role: text }`: other forms of the level's word, each a non-empty string; role names as placeholders allow. */
function readWords(r: FieldReader, raw: unknown, path: (string | number)[]): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  const obj = r.record(raw, path);
  if (!obj) return undefined;
  const words: Record<string, string> = {};
  for (const [role, text] of Object.entries(obj)) {
    if (!/^[a-z][a-z0-9_]*$/.test(role))
      r.problem([...path, role], 'a role is lowercase letters, digits and underscores (it names a placeholder)');
    else if (typeof text !== 'string' || text.trim() === '') r.problem([...path, role], 'expected the word as a non-empty string');
    else words[role] = text;
  }
  return words;
}

function readPronouns(r: FieldReader, raw: unknown, path: (string | number)[]): Pronouns | undefined {
  const obj = r.record(raw, path);
  if (!obj) return undefined;
  r.unknownKeys(obj, PRONOUN_FIELDS, path);
  const they = r.string(obj, 'they', path);
  const them = r.string(obj, 'them', path);
  const their = r.string(obj, 'their', path);
  const theirs = r.string(obj, 'theirs', path);
  const themself = r.string(obj, 'themself', path);
  const plural = obj.pluralVerbs;
  if (plural !== undefined && typeof plural !== 'boolean') r.problem([...path, 'pluralVerbs'], 'expected true or false');
  if (!they || !them || !their || !theirs || !themself) return undefined;
  return { they, them, their, theirs, themself, pluralVerbs: plural === true };
}

/** The id of the level that states nothing, which a study adds to an axis with `unstated: true`. */
export const UNSTATED = 'unstated';

/** The level of `axis` that renders no cue at all. */
export function unstatedLevel(axis: Pick<Axis, 'slot'>): Level {
  return { id: UNSTATED, label: 'Not stated', unstated: true, ...(axis.slot === 'noun' ? { noun: 'person', childNoun: 'child' } : {}) };
}

/** An age level for any number of years, so a study can choose ages the shipped file does not list. */
export function ageLevel(years: number): Level {
  return { id: String(years), label: `${years} years`, years };
}
