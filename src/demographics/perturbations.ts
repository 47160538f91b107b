import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FieldReader } from '../util/fields.js';
import type { Problem } from '../util/problems.js';
import { readYamlFile, type FieldPath } from '../util/yaml.js';
import type { Perturbation, PerturbationRule } from './types.js';

/** The folder, beside the axis files, that holds rule tables (`perturbations/<table>.yaml`). */
export const PERTURBATIONS_DIR = 'perturbations';

/**
 * A perturbation level's `perturb:` list: `{ typos: 0.05 }`, `{ lowercase: true }`, `{ spacing: 0.2 }` or
 * `{ rules: <table> }`, applied in order. Problems are recorded with file, line and field.
 */
export function readPerturbations(r: FieldReader, raw: unknown, path: FieldPath, axisFile: string): Perturbation[] | undefined {
  if (raw === undefined) return [];
  const list = r.list(raw, path);
  if (!list) return undefined;
  const out: Perturbation[] = [];
  list.forEach((item, i) => {
    const at = [...path, i];
    const obj = r.record(item, at);
    if (!obj) return;
    const keys = Object.keys(obj);
    if (keys.length !== 1) {
      r.problem(at, 'give exactly one of typos (a rate), lowercase (true), spacing (a rate) or rules (a table name)');
      return;
    }
    const key = keys[0]!;
    switch (key) {
      case 'typos':
      case 'spacing': {
        const rate = r.number(obj, key, at, { min: 0, max: 0.5 });
        if (rate !== undefined) out.push({ kind: key, rate });
        break;
      }
      case 'lowercase':
        if (obj.lowercase !== true) r.problem([...at, 'lowercase'], 'expected true');
        else out.push({ kind: 'lowercase' });
        break;
      case 'rules': {
        const table = r.string(obj, 'rules', at);
        if (table === undefined) break;
        const rules = readRuleTable(join(dirname(axisFile), PERTURBATIONS_DIR, `${table}.yaml`), r.problems, r, [...at, 'rules']);
        if (rules) out.push({ kind: 'rules', table, rules });
        break;
      }
      default:
        r.problem([...at, key], `is not a perturbation; use typos, lowercase, spacing or rules`);
    }
  });
  return out;
}

function readRuleTable(file: string, problems: Problem[], from: FieldReader, at: FieldPath): PerturbationRule[] | undefined {
  if (!existsSync(file)) {
    from.problem(at, `names a rule table that is not there (${file}); write it, or name one of the tables in ${PERTURBATIONS_DIR}/`);
    return undefined;
  }
  const source = readYamlFile(file, problems);
  if (!source) return undefined;
  const r = new FieldReader(source, problems);
  const root = r.record(source.value, []);
  if (!root) return undefined;
  r.unknownKeys(root, ['description', 'sources', 'rules'], []);
  const before = problems.length;
  const rules = r.recordList(root.rules, ['rules'], ['match', 'replace', 'note'], (obj, path) => {
    const match = r.string(obj, 'match', path);
    const replace = r.string(obj, 'replace', path);
    const note = r.string(obj, 'note', path);
    if (match === undefined || replace === undefined || note === undefined) return undefined;
    try {
      new RegExp(match, 'giu');
    } catch (err) {
      r.problem([...path, 'match'], `is not a regular expression: ${(err as Error).message}`);
      return undefined;
    }
    if (/\d/.test(replace.replace(/\$\d/g, '')))
      r.problem([...path, 'replace'], 'writes a digit; a perturbation must never add or change a number');
    return { match, replace, note };
  });
  if (rules.length === 0 && problems.length === before) r.problem(['rules'], 'lists no rule');
  return problems.length === before ? rules : undefined;
}
