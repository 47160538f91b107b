import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/load.js';
import { InputError, type Problem } from '../../src/util/problems.js';
import { fixture } from '../helpers/paths.js';

describe('a study without demographics:', () => {
  it('is one problem, not a complaint about every YAML file beside the study (the study itself included)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-no-demographics-'));
    const file = join(dir, 'study.yaml');
    writeFileSync(
      file,
      `seed: 1\ntemplates: [${fixture('study/templates')}]\naxes: [race]\nmodels:\n  - { id: sim, provider: simulated }\n`,
    );
    writeFileSync(join(dir, 'other.yaml'), 'anything: 1\n');
    let problems: readonly Problem[] = [];
    try {
      loadStudy(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems = e.problems;
    }
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'demographics: is required',
      'axes: expected a mapping (key: value), got a list',
    ]);
  });
});
