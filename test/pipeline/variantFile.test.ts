import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandStudy } from '../../src/expand/expand.js';
import { VariantFile } from '../../src/pipeline/variantFile.js';
import { loadStudy } from '../../src/study/load.js';
import { fromRoot } from '../helpers/paths.js';
import { scratchDir } from '../run/fixture.js';

describe('VariantFile', () => {
  const { study, vignettes } = loadStudy(fromRoot('examples/quickstart.yaml'));
  const expanded = () => expandStudy(study, vignettes, study.systemPrompt);

  it('writes the variants as they are expanded and reads them back in order and by position', () => {
    const expected = [...expanded()];
    const path = join(scratchDir('variant-file'), 'variants.jsonl');
    const file = VariantFile.write(path, expanded());
    try {
      expect(file.length).toBe(expected.length);
      expect([...file]).toEqual(expected);
      expect([...file]).toEqual(expected); // walked again from the start
      for (const index of [0, 1, 517, expected.length - 1]) expect(file.at(index)).toEqual(expected[index]);
      expect(file.at(expected.length)).toBeUndefined();
      expect(file.at(-1)).toBeUndefined();
      // The same JSONL every reader of a run directory expects.
      expect(readFileSync(path, 'utf8')).toBe(expected.map((v) => `${JSON.stringify(v)}\n`).join(''));
    } finally {
      file.close();
    }
  });

  it('handles a study without variants', () => {
    const path = join(scratchDir('variant-file-empty'), 'variants.jsonl');
    const file = VariantFile.write(path, []);
    expect(file.length).toBe(0);
    expect([...file]).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe('');
    file.close();
  });
});
