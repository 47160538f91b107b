import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { libraryTable, replaceTableBlock, TABLE_END, TABLE_START } from '../../src/template/libraryTable.js';
import type { Vignette } from '../../src/template/types.js';
import { repoRoot } from '../helpers/paths.js';

const v = (
  domain: string,
  type: 'choice' | 'yesno',
  perspective: 'patient' | 'clinician',
  tags: string[] = [],
  probe?: Vignette['probe'],
) =>
  ({
    domain,
    perspective,
    tags,
    probe,
    question: type === 'choice' ? { type, stem: 's', options: { A: 'a', B: 'b' }, answer: 'A' } : { type, stem: 's', answer: 'yes' },
  }) as unknown as Vignette;

describe('library table', () => {
  it('counts by domain, type and perspective, tagged vignettes and race-myth probes, with totals', () => {
    const probe = { axis: 'race', levels: ['black'], myth: 'm' };
    const table = libraryTable([
      v('b', 'choice', 'patient', ['race-based-medicine'], probe),
      v('a', 'yesno', 'clinician', ['race-based-medicine']),
      v('a', 'choice', 'clinician'),
    ]);
    expect(table.split('\n')).toEqual([
      '| domain | choice | yesno | patient | clinician | general | race-based-medicine | race-myth probes | total |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| a | 1 | 1 | 0 | 2 | 0 | 1 | 0 | 2 |',
      '| b | 1 | 0 | 1 | 0 | 0 | 1 | 1 | 1 |',
      '| **all** | 2 | 1 | 1 | 2 | 0 | 2 | 1 | 3 |',
    ]);
    expect(replaceTableBlock(`x\n${TABLE_START}\nold\n${TABLE_END}\ny`, 'new')).toBe(`x\n${TABLE_START}\nnew\n${TABLE_END}\ny`);
  });

  it('is up to date in templates/README.md', () => {
    expect(() => execFileSync('npx', ['tsx', 'scripts/libraryTable.ts', '--check'], { cwd: repoRoot, stdio: 'pipe' })).not.toThrow();
  });
});
