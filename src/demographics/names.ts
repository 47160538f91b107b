import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Faker } from '@faker-js/faker';
import { FieldReader } from '../util/fields.js';
import { deriveSeed } from '../util/hash.js';
import type { Problem } from '../util/problems.js';
import { readYamlFile } from '../util/yaml.js';

/** Names associated with a combination of levels (e.g. race=black, sex=female), with where they come from. */
export interface NamePool {
  match: Record<string, string>;
  names: string[];
  source: string;
}

export interface NamePools {
  first: NamePool[];
  last: NamePool[];
}

export const NAMES_FILE = join('names', 'names.yaml');

/** Loads `names/names.yaml` under the demographics folder; absent file means no pools (Faker only). */
export function loadNamePools(demographicsDir: string, problems: Problem[]): NamePools {
  const file = join(demographicsDir, NAMES_FILE);
  if (!existsSync(file)) return { first: [], last: [] };
  const source = readYamlFile(file, problems);
  if (!source) return { first: [], last: [] };
  const r = new FieldReader(source, problems);
  const root = r.record(source.value, []);
  if (!root) return { first: [], last: [] };
  r.unknownKeys(root, ['first', 'last'], []);
  return { first: readPools(r, root.first, 'first'), last: readPools(r, root.last, 'last') };
}

function readPools(r: FieldReader, raw: unknown, key: string): NamePool[] {
  // Keys other than names and source are the axes a pool matches, so there is no fixed key list to check.
  return r.recordList(raw, [key], undefined, (obj, at) => {
    const names = r.stringList(obj, 'names', at);
    const source = r.string(obj, 'source', at);
    const match: Record<string, string> = {};
    for (const [axis, level] of Object.entries(obj)) {
      if (axis === 'names' || axis === 'source') continue;
      if (typeof level === 'string') match[axis] = level;
      else r.problem([...at, axis], 'expected a level id');
    }
    if (names && names.length > 0 && source) return { match, names, source };
    if (names) r.problem([...at, 'names'], 'needs at least one name');
    return undefined;
  });
}

/** The two parts of a name, as `names/names.yaml` keys them: the given name and the surname. */
export type NamePart = 'first' | 'last';

/** A combination of the levels the pools choose by, for which some part of the name has no pool. */
export interface NameFallback {
  /** Level of every study axis a pool chooses by (axis id -> level id), in study axis order. */
  levels: Record<string, string>;
  /** The parts that fall back to a generic Faker (en) name. */
  parts: NamePart[];
}

/**
 * The patient's name for one vignette and one combination of levels. Each part is drawn on its own, from a seed
 * derived from the study seed, the vignette and only the levels its pool chooses by: the shipped given-name pools
 * choose by race/ethnicity x sex, the surname pools by race/ethnicity alone. So a pair that changes sex keeps the
 * surname, a pair that changes only age, insurance or language keeps the whole name, and a pair that changes
 * race/ethnicity may change both. A pool matches when every axis it names has that level; without one, Faker
 * supplies the part (a given name by sex when sex is known, a surname by vignette only), never a name of any pool of
 * that part, so it carries no level's cue.
 */
export function patientName(
  faker: Faker,
  pools: NamePools,
  levels: Readonly<Record<string, string>>,
  studySeed: number,
  vignetteId: string,
): string {
  const sex = levels.sex === 'female' || levels.sex === 'male' ? levels.sex : undefined;
  const first = drawPart(
    faker,
    pools.first,
    levels,
    deriveSeedFor(studySeed, vignetteId, 'first'),
    () => faker.person.firstName(sex),
    sex ? [`sex=${sex}`] : [],
  );
  const last = drawPart(faker, pools.last, levels, deriveSeedFor(studySeed, vignetteId, 'last'), () => faker.person.lastName(), []);
  return `${first} ${last}`;
}

/** One part of the name, seeded by the levels of the axes its pool (or, without one, its fallback) depends on. */
function drawPart(
  faker: Faker,
  pools: readonly NamePool[],
  levels: Readonly<Record<string, string>>,
  seed: (key: readonly string[]) => number,
  fallback: () => string,
  fallbackKey: readonly string[],
): string {
  const pool = findPool(pools, levels);
  if (!pool) {
    faker.seed(seed(fallbackKey));
    return genericName(pools, fallback);
  }
  faker.seed(
    seed(
      Object.keys(pool.match)
        .sort()
        .map((axis) => `${axis}=${pool.match[axis]}`),
    ),
  );
  return faker.helpers.arrayElement(pool.names);
}

/** Faker draws before a generic name part gives up on avoiding the pools (each draw is ~3% likely to hit one). */
const GENERIC_NAME_DRAWS = 50;

/**
 * A generic part must signal no level: Faker's lists hold names that are also in the pools (Tyrone, Washington,
 * Nguyen), which would give a level without a pool another level's cue. So the draw is repeated, from the same seeded
 * sequence, until it gives a name in no pool of this part.
 */
function genericName(pools: readonly NamePool[], draw: () => string): string {
  for (let i = 0; i < GENERIC_NAME_DRAWS; i++) {
    const name = draw();
    if (!pools.some((p) => p.names.includes(name))) return name;
  }
  throw new Error(
    `patientName: ${GENERIC_NAME_DRAWS} generic names in a row were in the name pools; the pools cover too much of Faker's list to draw a name that signals no level`,
  );
}

function deriveSeedFor(studySeed: number, vignetteId: string, part: NamePart): (key: readonly string[]) => number {
  return (key) => deriveSeed(studySeed, 'name', part, vignetteId, ...key);
}

/**
 * Every combination of study levels for which a part of the name has no pool, over the study axes the pools
 * choose by (the other axes never change a name). Conservative: a vignette that pins an axis the study does not
 * vary may still find a pool at run time.
 */
export function nameFallbacks(pools: NamePools, axes: readonly { id: string; levels: readonly { id: string }[] }[]): NameFallback[] {
  const keyed = new Set([...pools.first, ...pools.last].flatMap((p) => Object.keys(p.match)));
  let combinations: Record<string, string>[] = [{}];
  for (const axis of axes.filter((a) => keyed.has(a.id)))
    combinations = combinations.flatMap((c) => axis.levels.map((l) => ({ ...c, [axis.id]: l.id })));
  return combinations.flatMap((levels) => {
    const parts = (['first', 'last'] as const).filter((part) => !findPool(pools[part], levels));
    return parts.length > 0 ? [{ levels, parts }] : [];
  });
}

/** "race=aian, sex=female (given name and surname)", with each level shown by `label`. */
export function describeNameFallback(f: NameFallback, label: (axis: string, level: string) => string): string {
  const levels = Object.entries(f.levels)
    .map(([axis, level]) => label(axis, level))
    .join(', ');
  return `${levels || 'every patient'} (${f.parts.map((p) => (p === 'first' ? 'given name' : 'surname')).join(' and ')})`;
}

function findPool(pools: readonly NamePool[], levels: Readonly<Record<string, string>>): NamePool | undefined {
  return pools.find((p) => Object.entries(p.match).every(([axis, level]) => levels[axis] === level));
}
