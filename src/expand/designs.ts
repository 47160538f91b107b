import type { Axis } from '../demographics/types.js';
import type { Design } from '../study/types.js';
import { hashUniform } from '../util/hash.js';

/** Levels of the varied axes, by axis id; axes not listed stay at the vignette's base (reference or pinned). */
export type Assignment = Map<string, string>;

/**
 * The demographic assignments of one vignette under a design, reference first, without duplicates.
 * `varied` are the study axes this vignette may vary; `base` holds every study axis at reference or pinned.
 */
export function designAssignments(
  design: Design,
  varied: readonly Axis[],
  base: ReadonlyMap<string, string>,
  seed: number,
  vignetteId: string,
): Assignment[] {
  const out: Assignment[] = [new Map(base)];
  const seen = new Set([assignmentKey(base)]);
  const add = (changes: Iterable<[string, string]>) => {
    const a = new Map(base);
    for (const [axis, level] of changes) a.set(axis, level);
    const key = assignmentKey(a);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(a);
    }
  };
  switch (design.kind) {
    case 'one-at-a-time':
      for (const axis of varied) for (const level of axis.levels) if (level.id !== axis.reference) add([[axis.id, level.id]]);
      break;
    case 'factorial': {
      const crossed = varied.filter((a) => design.axes.includes(a.id));
      for (const combination of product(crossed.map((a) => a.levels.map((l): [string, string] => [a.id, l.id])))) add(combination);
      break;
    }
    case 'sampled': {
      // Each axis gets a list of n levels cycling through all its levels, shuffled by seeded keys; row i of the
      // lists is assignment i. Every level appears floor(n/k) or ceil(n/k) times before duplicates are dropped.
      const columns = varied.map((axis) => {
        const cycle = Array.from({ length: design.n }, (_, i) => axis.levels[i % axis.levels.length]!.id);
        const keys = cycle.map((_, i) => hashUniform(seed, 'sampled', vignetteId, axis.id, String(i)));
        return cycle
          .map((level, i) => ({ level, key: keys[i]! }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.level);
      });
      for (let i = 0; i < design.n; i++) add(varied.map((axis, j) => [axis.id, columns[j]![i]!]));
      break;
    }
    case 'list':
      for (const assignment of design.assignments) add(Object.entries(assignment).filter(([axis]) => varied.some((a) => a.id === axis)));
      break;
  }
  return out;
}

function* product(lists: readonly [string, string][][]): Generator<[string, string][]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [head, ...rest] = lists;
  for (const item of head!) for (const tail of product(rest)) yield [item, ...tail];
}

function assignmentKey(a: ReadonlyMap<string, string>): string {
  return [...a.entries()].map(([k, v]) => `${k}=${v}`).join(',');
}
