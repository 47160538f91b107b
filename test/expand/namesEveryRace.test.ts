import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNamePools } from '../../src/demographics/names.js';
import { expandStudy } from '../../src/expand/expand.js';
import type { Variant } from '../../src/expand/types.js';
import { loadStudy } from '../../src/study/load.js';
import { InputError } from '../../src/util/problems.js';
import { fromRoot } from '../helpers/paths.js';

/**
 * What a user sees in the case text, over the whole shipped library and every race level: the name of each variant,
 * compared between pairs that change one thing. Written from the rendered text, not from the name module.
 */
function studyWith(cues: string, design: string, allowFallback: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterfair-names-every-race-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    [
      'seed: 47',
      `templates: [${fromRoot('templates')}]`,
      `demographics: ${fromRoot('demographics')}`,
      'axes:',
      '  race: {}',
      '  sex: {}',
      '  age: { levels: ["30", "75"], reference: "30" }',
      '  insurance: {}',
      '  language: { levels: [english, arabic] }',
      `design: ${design}`,
      `cues: ${cues}`,
      ...(allowFallback ? ['names: { allow_fallback: true }'] : []),
      'models: [{ id: sim, provider: simulated }]',
    ].join('\n'),
  );
  return file;
}

/** The one name a variant's case text gives ("... named Ebony Washington"). */
function shownName(v: Variant): { given: string; surname: string } {
  const names = [...v.messages[1]!.content.matchAll(/named (\S+) ([^\s.,;:!?]+)/g)].map((m) => ({ given: m[1]!, surname: m[2]! }));
  expect(names.length, `${v.variantId} names the patient`).toBeGreaterThan(0);
  expect(new Set(names.map((n) => `${n.given} ${n.surname}`)).size, `${v.variantId} gives one name`).toBe(1);
  return names[0]!;
}

function pairsOf(variants: readonly Variant[]): { a: Variant; b: Variant; changed: string[] }[] {
  const demographic = variants.filter((v) => v.kind === 'reference' || v.kind === 'demographic');
  const byVignette = new Map<string, Variant[]>();
  for (const v of demographic) byVignette.set(v.vignetteId, [...(byVignette.get(v.vignetteId) ?? []), v]);
  const pairs: { a: Variant; b: Variant; changed: string[] }[] = [];
  for (const group of byVignette.values())
    group.forEach((a, i) => {
      for (const b of group.slice(i + 1))
        pairs.push({ a, b, changed: Object.keys(a.attributes).filter((axis) => a.attributes[axis] !== b.attributes[axis]) });
    });
  return pairs;
}

const pools = loadNamePools(fromRoot('demographics'), []);
const surnamesOf = (race: string) => new Set(pools.last.filter((p) => p.match.race === race).flatMap((p) => p.names));
const givenNamesOf = (race: string, sex: string) =>
  new Set(pools.first.filter((p) => p.match.race === race && p.match.sex === sex).flatMap((p) => p.names));
const everyPooledGivenName = new Set(pools.first.flatMap((p) => p.names));

describe('names over every shipped vignette and every race level, as the case text shows them', () => {
  for (const cues of ['implicit', 'both']) {
    for (const design of ['one-at-a-time', '{ kind: factorial, axes: [race, sex, language] }']) {
      it(`${cues} cues, ${design}: sex-only pairs keep the surname; age/insurance/language-only pairs keep the name; every race's surname is from its pool`, () => {
        const { study, vignettes } = loadStudy(studyWith(cues, design, true));
        const variants = [...expandStudy(study, vignettes, study.systemPrompt)];
        const named = variants.filter((v) => v.kind === 'reference' || v.kind === 'demographic');
        // Every shipped vignette is named, and every vignette that varies race has an aian and an nhpi patient.
        expect(new Set(named.map((v) => v.vignetteId))).toEqual(new Set(vignettes.map((v) => v.id)));
        for (const vignette of vignettes.filter((v) => !v.excluded.some((e) => e.axis === 'race')))
          for (const race of ['aian', 'nhpi'])
            expect(
              named.some((v) => v.vignetteId === vignette.id && v.attributes.race === race),
              `${vignette.id} race=${race}`,
            ).toBe(true);

        for (const v of named) {
          const { given, surname } = shownName(v);
          const race = v.attributes.race!;
          expect(surnamesOf(race).has(surname), `${v.variantId}: surname ${surname} from the ${race} pool`).toBe(true);
          const sex = v.attributes.sex!;
          // aian and nhpi have no given-name pool: their given name is the generic fallback, from no pool at all.
          if (race === 'aian' || race === 'nhpi')
            expect(everyPooledGivenName.has(given), `${v.variantId}: generic given name ${given}`).toBe(false);
          else expect(givenNamesOf(race, sex).has(given), `${v.variantId}: given name ${given} from the ${race} ${sex} pool`).toBe(true);
        }

        const pairs = pairsOf(variants);
        const sexOnly = pairs.filter((p) => p.changed.length === 1 && p.changed[0] === 'sex');
        const otherOnly = pairs.filter(
          (p) => p.changed.length > 0 && p.changed.every((axis) => ['age', 'insurance', 'language'].includes(axis)),
        );
        const raceOnly = pairs.filter((p) => p.changed.length === 1 && p.changed[0] === 'race');
        expect(sexOnly.length).toBeGreaterThan(50);
        expect(otherOnly.length).toBeGreaterThan(100);
        expect(raceOnly.some((p) => [p.a, p.b].some((v) => v.attributes.race === 'aian'))).toBe(true);
        for (const { a, b } of sexOnly) expect(shownName(b).surname, `${a.variantId} vs ${b.variantId}`).toBe(shownName(a).surname);
        for (const { a, b } of otherOnly) expect(shownName(b), `${a.variantId} vs ${b.variantId}`).toEqual(shownName(a));
        // No two race levels share a surname pool, so a race-only pair, aian and nhpi included, changes the surname.
        for (const { a, b } of raceOnly) expect(shownName(b).surname, `${a.variantId} vs ${b.variantId}`).not.toBe(shownName(a).surname);
      });
    }
  }

  it('the study lists exactly the given-name fallbacks of aian and nhpi, and no surname fallback', () => {
    const { study } = loadStudy(studyWith('implicit', 'one-at-a-time', true));
    expect(study.names.fallbacks).toEqual([
      { levels: { race: 'aian', sex: 'female' }, parts: ['first'] },
      { levels: { race: 'aian', sex: 'male' }, parts: ['first'] },
      { levels: { race: 'nhpi', sex: 'female' }, parts: ['first'] },
      { levels: { race: 'nhpi', sex: 'male' }, parts: ['first'] },
    ]);
  });

  it('without allow_fallback the same study is refused for the two levels without given names, and only those', () => {
    let error: unknown;
    try {
      loadStudy(studyWith('both', 'one-at-a-time', false));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const messages = (error as InputError).problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^axes\.race: level "aian" \(American Indian or Alaska Native\) has no given-name pool, /);
    expect(messages[1]).toMatch(/^axes\.race: level "nhpi" \(Native Hawaiian or Pacific Islander\) has no given-name pool, /);
    for (const m of messages)
      expect(m).toContain(
        'its patients would get a generic given name, the same as any other level without one (the surname still comes from its pool), and its contrast would test only the surname',
      );
  });

  it('the shipped surname pools of different race levels share no surname, and every race level has one', () => {
    const { study } = loadStudy(studyWith('explicit', 'one-at-a-time', false));
    const race = study.allAxes.find((a) => a.id === 'race')!;
    const seen = new Map<string, string>();
    for (const level of race.levels) {
      const names = surnamesOf(level.id);
      expect(names.size, level.id).toBeGreaterThanOrEqual(8);
      for (const n of names) {
        expect(seen.get(n), `${n} in ${level.id}`).toBeUndefined();
        seen.set(n, level.id);
      }
    }
    for (const p of pools.last) expect(p.source.length).toBeGreaterThan(0);
  });
});
