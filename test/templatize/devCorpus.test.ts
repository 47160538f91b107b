import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES, type CorpusScore, ratio, readGoldCorpus, scoreCorpus } from '../../bench/templatizeScore.js';
import { ageLevel, loadAxes } from '../../src/demographics/load.js';
import { loadVignettes } from '../../src/template/load.js';
import { type AxisValue, renderText } from '../../src/template/render.js';
import { validateVignettes } from '../../src/template/validate.js';
import type { Attribute } from '../../src/templatize/types.js';
import type { Problem } from '../../src/util/problems.js';

const axes = loadAxes('demographics', []);
const corpus = readGoldCorpus('test/templatize/dev/cases.jsonl');
const score = scoreCorpus(corpus, axes);
const recall = (s: CorpusScore, a: Attribute) => ratio(s.byAttribute[a].found, s.byAttribute[a].gold) ?? 1;
const precision = (s: CorpusScore, a: Attribute) => ratio(s.byAttribute[a].correct, s.byAttribute[a].detected) ?? 1;

/**
 * Floors at what the detector reaches (npx tsx bench/templatize.ts --only dev,dev2), so a change that loses
 * recall or precision fails. test/templatize/dev/ was keyed before the judgment rules of corpus/README.md and
 * differs from them in three classes: it marks relatives' nouns and the pronouns after them ambiguous (R5: plain),
 * "his" apart from "wife" (R4: "his wife" is one ambiguous span) and an interpreter naming no language (R10:
 * plain), and it keys a reporter's own pronoun and the object after it ambiguous ("His son says he found him": D5
 * keys "he" the son's, plain, and "him" the patient's). The detector follows the rules, so dev's ambiguous and
 * language floors and its pronoun precision sit below the others.
 */
function expectFloors(s: CorpusScore, recallFloors: Record<Attribute, number>, precisionFloor: number, ambiguousPrecision = 0.85) {
  for (const a of ATTRIBUTES) {
    expect(recall(s, a), `recall of ${a}: missed ${JSON.stringify(s.missed.filter((m) => m.attribute === a))}`).toBeGreaterThanOrEqual(
      recallFloors[a],
    );
    const spurious = s.spurious.filter((m) => m.attribute === a);
    expect(precision(s, a), `precision of ${a}: ${JSON.stringify(spurious)}`).toBeGreaterThanOrEqual(
      a === 'ambiguous' ? ambiguousPrecision : precisionFloor,
    );
  }
}

/** Every accepted template loads and validates as a library file, and renders its case back byte for byte. */
function expectAcceptedValid(s: CorpusScore, domain: string) {
  const dir = mkdtempSync(join(tmpdir(), 'templatize-'));
  const file = join(dir, `${domain}.yaml`);
  const accepted = s.outcomes.flatMap((o) => (o.kind === 'template' ? [o] : []));
  writeFileSync(file, stringify({ domain, vignettes: accepted.map((o) => o.template) }, { lineWidth: 0 }));
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
}

describe('templatize on the development corpus (test/templatize/dev)', () => {
  it('holds at least 60 cases with gold markup', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  it('reaches the recall floors: 97 % and more for age, sex words and pronouns; see above for ambiguous and language', () => {
    expectFloors(score, { age: 1, sex: 1, pronoun: 0.97, title: 1, race: 1, insurance: 1, language: 0.8, ambiguous: 0.15 }, 0.97);
  });

  it('slots nothing inside a clinical term', () => {
    expect(corpus.some((c) => c.traps.length > 0)).toBe(true);
    expect(score.falseInTerms).toEqual([]);
  });

  it('leaves out exactly the cases that cannot round-trip or vary nothing, each with its reason', () => {
    const left = score.outcomes.flatMap((o) => (o.kind === 'rejected' ? [[o.case.id, o.reason] as const] : []));
    expect(left.map(([id]) => id)).toEqual(['dev-002', 'dev-011', 'dev-033', 'dev-044']);
    const why = Object.fromEntries(left);
    expect(why['dev-011']).toMatch(/does not give the text back.*An 8-year-old/);
    for (const id of ['dev-002', 'dev-033', 'dev-044'])
      expect(why[id]).toMatch(/specific to one sex: .*, so sex is not varied, and nothing else can be/);
    // A sex-specific case that varies something else is kept, with sex pinned.
    const pregnant = score.outcomes.find((o) => o.case.id === 'dev-005');
    expect(pregnant?.kind === 'template' && [pregnant.template.varies, pregnant.template.excluded?.map((e) => e.axis)]).toEqual([
      ['race'],
      ['age', 'sex'],
    ]);
  });

  it('every accepted template loads and validates as a library file, and renders its case back byte for byte', () => {
    expectAcceptedValid(score, 'dev');
  });
});

const corpus2 = readGoldCorpus('test/templatize/dev2/cases.jsonl');
const score2 = scoreCorpus(corpus2, axes);

describe('templatize on the second development corpus (test/templatize/dev2, keyed blind by the rules of corpus/README.md)', () => {
  it('reaches the recall floors: 98 % and more for age, sex words and pronouns, 100 % for race, insurance and language, 90 % for ambiguous', () => {
    expectFloors(score2, { age: 1, sex: 0.99, pronoun: 0.995, title: 1, race: 1, insurance: 1, language: 1, ambiguous: 0.9 }, 0.97);
  });

  it('slots nothing inside a clinical term; at most one trap is listed for review, never slotted', () => {
    expect(score2.falseInTerms.filter((f) => f.slotted)).toEqual([]);
    expect(score2.falseInTerms.length).toBeLessThanOrEqual(1);
  });

  it('every accepted template loads and validates as a library file, and renders its case back byte for byte', () => {
    expectAcceptedValid(score2, 'dev2');
  });

  it('accepts at least 121 of its cases (lines kept with {{br}}), each left-out case with its reason', () => {
    expect(score2.accepted).toBeGreaterThanOrEqual(121);
    for (const o of score2.outcomes) if (o.kind === 'rejected') expect(o.reason.length, o.case.id).toBeGreaterThan(20);
  });
});

const corpus3 = readGoldCorpus('test/templatize/dev3/cases.jsonl');
const score3 = scoreCorpus(corpus3, axes);

describe('templatize on the third development corpus (test/templatize/dev3, pronoun-heavy EHR notes keyed blind)', () => {
  it("slots no trap: no other person's pronoun, title or age (a nurse's, a caller's, a clinician's, a named neighbour's)", () => {
    expect(score3.falseInTerms.filter((f) => f.slotted)).toEqual([]);
  });

  // Listing for review is the safe error: the gold keys as the patient's some pronouns after a person of the same sex
  // by a clinical reading ("her teacher, Ms. Reyes, noticed she 'stares off'"), which R6 leaves to the reviewer.
  it('reaches the floors: pronoun recall 96 % at 98.5 % precision, age, sex and title 100 %; more listed than the gold keys', () => {
    expectFloors(
      score3,
      { age: 1, sex: 1, pronoun: 0.96, title: 1, race: 0.7, insurance: 0.97, language: 1, ambiguous: 0.95 },
      0.985,
      0.55,
    );
  });

  it('every accepted template loads and validates as a library file, and renders its case back byte for byte', () => {
    expectAcceptedValid(score3, 'dev3');
  });
});
