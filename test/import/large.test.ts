import { describe, expect, it } from 'vitest';
import { AcrossRowChecks, RunBuilder } from '../../src/import/build.js';
import type { ImportMapping } from '../../src/import/mapping.js';
import type { Observation } from '../../src/import/observations.js';

const mapping: ImportMapping = {
  format: 'long',
  columns: { vignette: 'case', gold: 'gold', answer: 'answer', model: 'model', options: [] },
  axes: [{ id: 'race', column: 'race', reference: 'white' }],
  variants: [],
  reference: null,
  answers: 'extracted',
  defaults: { model: 'm', domain: 'imported', type: null, perspective: 'clinician' },
};

/** Observations of a long file: vignettes x 2 models x 4 race levels, gold letters A-D, the replicate last seen 2. */
function observations(n: number): Observation[] {
  const levels = ['white', 'black', 'hispanic', 'asian'];
  return Array.from({ length: n }, (_, i): Observation => {
    const vignette = Math.floor(i / 8);
    const gold = 'ABCD'[vignette % 4]!;
    return {
      line: i + 2,
      vignetteId: `case-${vignette}`,
      model: `m${Math.floor(i / 4) % 2}`,
      replicate: i === n - 1 ? 2 : 0,
      attributes: { race: levels[i % 4]! },
      answer: i % 5 === 0 ? 'E' : gold,
      gold,
      synonyms: [],
      type: null,
      options: [],
      domain: 'imported',
      text: '',
    };
  });
}

describe('import of a large file', () => {
  // 70,000 answers used to exit 3: Math.max(...one argument per answer) overflowed the call stack.
  it('checks and builds 200,000 answers without overflowing the stack, letters and replicates read from every row', () => {
    const obs = observations(200_000);
    const problems: unknown[] = [];
    const checks = new AcrossRowChecks('big.csv', mapping, (p) => problems.push(p));
    const builder = new RunBuilder('big.csv', mapping);
    for (const o of obs) {
      checks.add(o);
      builder.add(o);
    }
    checks.finish();
    expect(problems).toEqual([]);
    const run = builder.build();
    expect(run.answers).toBe(200_000);
    expect(run.vignettes).toHaveLength(25_000);
    expect(run.replicates).toBe(3);
    // An extracted answer E reaches past the golds' D, so the options run A-E.
    expect(Object.keys((run.vignettes[0]!.question as { options: Record<string, string> }).options)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});
