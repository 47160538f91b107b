import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNamePools, nameFallbacks } from '../../src/demographics/names.js';
import { expandStudy } from '../../src/expand/expand.js';
import type { Variant } from '../../src/expand/types.js';
import { loadStudy } from '../../src/study/load.js';
import { fromRoot } from '../helpers/paths.js';

/** A study over the shipped library with every race level that has a name pool, written as a user would. */
function studyWith(cues: string, design: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-names-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'seed: 31',
      `templates: [${fromRoot('templates')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      '  race: { levels: [white, black, hispanic, asian, mena] }',
      '  sex: {}',
      '  age: { levels: ["45", "75"], reference: "45" }',
      '  insurance: {}',
      '  language: { levels: [english, spanish] }',
      `design: ${design}`,
      `cues: ${cues}`,
      'models: [{ id: sim, provider: simulated }]',
    ].join('\n'),
  );
  return file;
}

/** Given name and surname as the case text shows them ("... named Ebony Washington"), one name per variant. */
function shownName(v: Variant): { given: string; surname: string } | undefined {
  const names = [...v.messages[1]!.content.matchAll(/named (\S+) ([^\s.,;:!?]+)/g)].map((m) => ({ given: m[1]!, surname: m[2]! }));
  expect(new Set(names.map((n) => `${n.given} ${n.surname}`)).size, v.variantId).toBeLessThanOrEqual(1);
  return names[0];
}

/** Pairs of variants of one vignette, both named, with the axes on which their levels differ. */
function namedPairs(variants: readonly Variant[]): { a: Variant; b: Variant; changed: string[] }[] {
  const demographic = variants.filter((v) => v.kind === 'reference' || v.kind === 'demographic').filter((v) => shownName(v));
  const pairs: { a: Variant; b: Variant; changed: string[] }[] = [];
  demographic.forEach((a, i) => {
    for (const b of demographic.slice(i + 1)) {
      if (b.vignetteId !== a.vignetteId) continue;
      pairs.push({ a, b, changed: Object.keys(a.attributes).filter((axis) => a.attributes[axis] !== b.attributes[axis]) });
    }
  });
  return pairs;
}

describe('implicit name cues change only the demographic part of the name', () => {
  for (const cues of ['implicit', 'both']) {
    for (const design of ['one-at-a-time', '{ kind: factorial, axes: [race, sex, insurance] }']) {
      it(`${cues} cues, ${design}: a sex-only pair keeps the surname, a race-only pair changes it, other pairs keep the whole name`, () => {
        const { study, vignettes } = loadStudy(studyWith(cues, design));
        const pairs = namedPairs([...expandStudy(study, vignettes, study.systemPrompt)]);
        const sexOnly = pairs.filter((p) => p.changed.length === 1 && p.changed[0] === 'sex');
        const raceOnly = pairs.filter((p) => p.changed.length === 1 && p.changed[0] === 'race');
        const neither = pairs.filter((p) => p.changed.length > 0 && !p.changed.includes('race') && !p.changed.includes('sex'));
        expect(sexOnly.length).toBeGreaterThan(50);
        expect(raceOnly.length).toBeGreaterThan(200);
        expect(neither.length).toBeGreaterThan(200);
        for (const { a, b } of sexOnly) {
          expect(shownName(b)!.surname, `${a.variantId} vs ${b.variantId}`).toBe(shownName(a)!.surname);
          expect(shownName(b)!.given, `${a.variantId} vs ${b.variantId}`).not.toBe(shownName(a)!.given); // the pools of the two sexes share no name
        }
        // The shipped surname pools of different races share no surname, so the surname carries the race cue.
        for (const { a, b } of raceOnly) expect(shownName(b)!.surname, `${a.variantId} vs ${b.variantId}`).not.toBe(shownName(a)!.surname);
        for (const { a, b } of neither) expect(shownName(b), `${a.variantId} vs ${b.variantId}`).toEqual(shownName(a));
      });
    }
  }

  it('the shipped pools support it: given names for both sexes and a surname pool for every race level, given names for every race level but two', () => {
    const pools = loadNamePools(fromRoot('demographics'), []);
    const { study } = loadStudy(studyWith('explicit', 'one-at-a-time'));
    const race = study.allAxes.find((a) => a.id === 'race')!;
    const sex = study.allAxes.find((a) => a.id === 'sex')!;
    for (const p of pools.first) expect(Object.keys(p.match).sort()).toEqual(['race', 'sex']);
    for (const p of pools.last) expect(Object.keys(p.match)).toEqual(['race']);
    const fallbacks = nameFallbacks(pools, [race, sex]);
    expect(fallbacks).toEqual([
      { levels: { race: 'aian', sex: 'female' }, parts: ['first'] },
      { levels: { race: 'aian', sex: 'male' }, parts: ['first'] },
      { levels: { race: 'nhpi', sex: 'female' }, parts: ['first'] },
      { levels: { race: 'nhpi', sex: 'male' }, parts: ['first'] },
    ]);
  });
});
