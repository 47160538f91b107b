import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES, ratio, readGoldCorpus, scoreCorpus } from '../../bench/templatizeScore.js';
import { ageLevel, loadAxes } from '../../src/demographics/load.js';
import { loadVignettes } from '../../src/template/load.js';
import { type AxisValue, renderText } from '../../src/template/render.js';
import { validateVignettes } from '../../src/template/validate.js';
import type { Problem } from '../../src/util/problems.js';

const axes = loadAxes('demographics', []);
const corpus = readGoldCorpus('test/templatize/dev/cases.jsonl');
const score = scoreCorpus(corpus, axes);

describe('templatize on the development corpus (test/templatize/dev)', () => {
  it('holds at least 60 cases with gold markup', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  it('reaches the recall floors: 98 % for age, sex words and pronouns; 90 % for the rest', () => {
    const recall = (a: (typeof ATTRIBUTES)[number]) => ratio(score.byAttribute[a].found, score.byAttribute[a].gold) ?? 1;
    for (const a of ['age', 'sex', 'pronoun'] as const)
      expect(recall(a), `${a}: missed ${JSON.stringify(score.missed.filter((m) => m.attribute === a))}`).toBeGreaterThanOrEqual(0.98);
    for (const a of ['title', 'race', 'insurance', 'language', 'ambiguous'] as const) expect(recall(a), a).toBeGreaterThanOrEqual(0.9);
    for (const a of ATTRIBUTES)
      expect(ratio(score.byAttribute[a].correct, score.byAttribute[a].detected) ?? 1, `precision of ${a}`).toBeGreaterThanOrEqual(0.95);
  });

  it('slots nothing inside a clinical term', () => {
    expect(corpus.some((c) => c.traps.length > 0)).toBe(true);
    expect(score.falseInTerms).toEqual([]);
  });

  it('leaves out exactly the cases that cannot round-trip or vary nothing, each with its reason', () => {
    const left = score.outcomes.flatMap((o) => (o.kind === 'rejected' ? [[o.case.id, o.reason] as const] : []));
    expect(left.map(([id]) => id)).toEqual(['dev-002', 'dev-011', 'dev-033', 'dev-044', 'dev-062']);
    const why = Object.fromEntries(left);
    expect(why['dev-011']).toMatch(/does not give the text back.*An 8-year-old/);
    expect(why['dev-062']).toMatch(/normalises whitespace/);
    for (const id of ['dev-002', 'dev-033', 'dev-044'])
      expect(why[id]).toMatch(/specific to one sex, so sex is not varied, and nothing else can be/);
    // A sex-specific case that varies something else is kept, with sex pinned.
    const pregnant = score.outcomes.find((o) => o.case.id === 'dev-005');
    expect(pregnant?.kind === 'template' && [pregnant.template.varies, pregnant.template.excluded?.map((e) => e.axis)]).toEqual([
      ['race'],
      ['age', 'sex'],
    ]);
  });

  it('every accepted template loads and validates as a library file, and renders its case back byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templatize-'));
    const file = join(dir, 'dev.yaml');
    const accepted = score.outcomes.flatMap((o) => (o.kind === 'template' ? [o] : []));
    writeFileSync(file, stringify({ domain: 'dev', vignettes: accepted.map((o) => o.template) }, { lineWidth: 0 }));
    const problems: Problem[] = [];
    const vignettes = loadVignettes([{ kind: 'yaml', file }], problems);
    validateVignettes(
      vignettes,
      axes.filter((a) => a.id !== 'gender-identity'),
      axes,
      problems,
    );
    expect(problems).toEqual([]);
    expect(vignettes).toHaveLength(accepted.length);
    for (const [i, o] of accepted.entries()) {
      const values: AxisValue[] = [];
      for (const [axisId, level] of Object.entries(o.own))
        if (axisId !== 'age')
          values.push({
            axis: axes.find((a) => a.id === axisId)!,
            level: axes.find((a) => a.id === axisId)!.levels.find((l) => l.id === level)!,
          });
      if (o.own.age !== undefined) values.push({ axis: axes.find((a) => a.id === 'age')!, level: ageLevel(o.own.age) });
      const rendered = renderText(vignettes[i]!.text, { perspective: 'clinician', values, filler: {}, silentAxes: [], cues: 'explicit' });
      expect(rendered.text, o.case.id).toBe(o.case.text);
    }
  });
});
