import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listTemplateFiles, loadVignettes } from '../../src/template/load.js';
import type { BuiltinQuestion, Vignette } from '../../src/template/types.js';
import { fromRoot } from '../helpers/paths.js';
import type { Formula } from './formulas/core.js';

/**
 * Every calculated answer key of the shipped library is recomputed here from the numbers in its vignette
 * (issue #19): a calculations entry names the vignette, a formula (test/library/formulas/*.ts) and its inputs. An
 * input is a fact of the case and must be written in the vignette's text (or be a pinned age or sex); `given`
 * holds guideline constants and judgement points, which the text or rationale must state; `judged` holds values read
 * off the text by counting or judgement (risk factors present, troponin × limit), explained in `why`. Every numeric
 * vignette is either recomputed or listed in not-calculated.json with the reason.
 */
type Value = number | string;
interface Calculation {
  vignette: string;
  formula: string;
  inputs: Record<string, Value>;
  given?: Record<string, Value>;
  judged?: Record<string, Value>;
  why?: string;
}

const problems: unknown[] = [];
const library = loadVignettes(
  listTemplateFiles([fromRoot('templates')], []).map((file) => ({ kind: 'yaml' as const, file })),
  problems as never[],
);
const byId = new Map(library.map((v) => [v.id, v]));

const calculationsDir = fromRoot('test/library/calculations');
const calculationFiles = readdirSync(calculationsDir).filter((f) => f.endsWith('.json') && f !== 'not-calculated.json');
const calculations = calculationFiles.flatMap((file) =>
  (JSON.parse(readFileSync(`${calculationsDir}/${file}`, 'utf8')) as Calculation[]).map((c) => ({ ...c, file })),
);
const notCalculated = JSON.parse(readFileSync(`${calculationsDir}/not-calculated.json`, 'utf8')) as { vignette: string; reason: string }[];

const formulaFiles = readdirSync(fromRoot('test/library/formulas')).filter((f) => f.endsWith('.ts'));
const formulaSets = await Promise.all(
  formulaFiles.map(async (f) => ({
    file: f,
    formulas: ((await import(`./formulas/${f}`)) as { formulas: Record<string, Formula> }).formulas,
  })),
);
const formulas = new Map<string, Formula>();
const duplicateFormulas: string[] = [];
for (const set of formulaSets)
  for (const [name, formula] of Object.entries(set.formulas)) {
    if (formulas.has(name)) duplicateFormulas.push(`${name} (again in ${set.file})`);
    formulas.set(name, formula);
  }

/** Every number written in a text, read as a number ("1.40" → 1.4, "10,000" → 10000). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
}

/**
 * Whether an input is stated by the vignette: a pinned age or sex, a number written in `where`, or (a criterion
 * present in the case, passed as the phrase that states it) a phrase written in `where`, case aside.
 */
function written(v: Vignette, name: string, value: Value, where: string): boolean {
  const pinned = v.excluded.find((e) => (typeof value === 'string' ? e.axis === name : e.axis === 'age' && name === 'age'));
  if (pinned && String(pinned.value) === String(value)) return true;
  if (typeof value === 'string') return where.toLowerCase().replace(/\s+/g, ' ').includes(value.toLowerCase());
  return numbersIn(where).some((n) => Math.abs(n - value) < 1e-12);
}

describe('recomputed answer keys of the shipped library', () => {
  it('loads the library and every formula once', () => {
    expect(problems).toEqual([]);
    expect(duplicateFormulas).toEqual([]);
    expect(calculations.length).toBeGreaterThanOrEqual(15);
  });

  for (const c of calculations)
    it(`${c.vignette} (${c.formula}, ${c.file})`, () => {
      const v = byId.get(c.vignette);
      expect(v, `${c.file}: no vignette "${c.vignette}" in templates/`).toBeDefined();
      const formula = formulas.get(c.formula);
      expect(formula, `${c.file}: unknown formula "${c.formula}"`).toBeDefined();
      if (!v || !formula) return;
      for (const [name, value] of Object.entries(c.inputs))
        expect(written(v, name, value, v.text), `input ${name}=${value} is not written in the text nor pinned`).toBe(true);
      for (const [name, value] of Object.entries(c.given ?? {}))
        expect(written(v, name, value, `${v.text} ${v.rationale}`), `given ${name}=${value} is not stated in the rationale`).toBe(true);
      if (c.judged) expect(c.why?.trim().length ?? 0, 'judged values need a `why`').toBeGreaterThan(10);
      const computed = formula({ ...c.given, ...c.judged, ...c.inputs });
      const q = v.question as BuiltinQuestion;
      if (q.type === 'numeric') {
        const tolerance = Math.max(q.tolerance, 0.5 * 10 ** -decimals(q.answer));
        expect(Math.abs(computed - q.answer), `computed ${computed}, key ${q.answer} ± ${q.tolerance}`).toBeLessThanOrEqual(tolerance);
      } else if (q.type === 'ordinal') expect(computed).toBe(q.answer);
      else expect.fail(`${c.vignette} is a ${q.type} question; only numeric and ordinal keys are recomputed`);
    });

  it('recomputes or explains every numeric key', () => {
    const covered = new Set([...calculations.map((c) => c.vignette), ...notCalculated.map((n) => n.vignette)]);
    const missing = library.filter((v) => v.question.type === 'numeric' && !covered.has(v.id)).map((v) => v.id);
    expect(missing, 'add a calculations entry or a not-calculated.json reason').toEqual([]);
    for (const n of notCalculated) expect(byId.get(n.vignette)?.question.type, n.vignette).toBe('numeric');
  });
});

function decimals(x: number): number {
  const text = String(x);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}
