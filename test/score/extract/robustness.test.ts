import { describe, expect, it } from 'vitest';
import { extractChoice, extractNumeric, extractOrdinal } from '../../../src/score/extract/index.js';
import { HOSTILE, extractAll } from './hostile.js';

describe('extractors on hostile input', () => {
  // Totality only: speed on these inputs is measured by `npm run bench:hostile-input`, not asserted here.
  it.each(Object.entries(HOSTILE))('stay total on %s', (_name, text) => {
    const { results } = extractAll(text); // the refusal detector runs too: it must not throw
    for (const result of results) expect(['answer', 'refusal', 'unparseable']).toContain(result.kind);
  });

  it('tolerates odd question parameters', () => {
    expect(extractChoice('B', {}).kind).toBe('unparseable');
    expect(extractOrdinal('2', []).kind).toBe('unparseable');
    expect(extractNumeric('75 mg', '').kind).not.toBe('answer');
    expect(extractNumeric('75 furlongs', 'furlongs')).toMatchObject({ kind: 'answer', value: 75 });
  });
});
