import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Variant } from '../../src/expand/types.js';
import { readFinalResponses } from '../../src/pipeline/loadRun.js';
import type { AnalyzedStudy } from '../../src/pipeline/analyzeRun.js';

const hash = (c: string) => c.repeat(64);
const line = (key: string, variantId: string, replicate: number, error: string | null, text = 'x') =>
  JSON.stringify({ key, modelId: 'm', variantId, replicate, text, error: error === null ? null : { kind: 'http', message: error } });

describe('readFinalResponses', () => {
  it('keeps per request its first success, else its last failure, in plan order, unknown records last; finalOf() the same for a few keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterfair-final-'));
    writeFileSync(
      join(dir, 'responses.jsonl'),
      [
        line('not-a-hash-1', 'unknown', 0, 'lost'),
        line(hash('b'), 'v2', 0, 'first failure'),
        line(`${hash('a')}.1`, 'v1', 1, null, 'replicate one'),
        line(hash('b'), 'v2', 0, 'second failure'),
        line(hash('a'), 'v1', 0, 'refused'),
        line(hash('a'), 'v1', 0, null, 'answered'),
        line(hash('a'), 'v1', 0, null, 'answered again'),
        line('not-a-hash-0', 'unknown', 0, null, 'kept'),
        // Two different keys that would read alike if hex keys were stored as their bytes without a mark.
        line(Buffer.from(hash('c'), 'hex').toString('latin1'), 'unknown', 0, null, 'packed look-alike'),
        line(hash('c'), 'v3', 0, null, 'hash c'),
        // A hash with a suffix beyond Latin-1, and one whose suffix would read alike written as Latin-1 bytes.
        line(`${hash('d')}.\u0141`, 'unknown', 0, null, 'wide suffix'),
        line(`${hash('d')}.A`, 'unknown', 0, null, 'narrow suffix'),
      ].join('\n'),
    );
    const study = { modelIds: ['m'] } as AnalyzedStudy;
    const variants = ['v1', 'v2', 'v3'].map((variantId) => ({ variantId }) as Variant);
    const final = readFinalResponses({ dir, study, variants });
    expect(final.size).toBe(9);
    expect([...final].map((r) => r.text ?? r.error?.message)).toEqual([
      'answered',
      'replicate one',
      'x',
      'hash c',
      'x',
      'kept',
      'packed look-alike',
      'wide suffix',
      'narrow suffix',
    ]);
    expect([...final].map((r) => r.error?.message ?? null)).toEqual([null, null, 'second failure', null, 'lost', null, null, null, null]);
    const some = final.finalOf(new Set([hash('b'), hash('a'), 'not-a-hash-1', 'never-asked']));
    expect([...some].map(([key, r]) => [key, r.error?.message ?? r.text])).toEqual([
      ['not-a-hash-1', 'lost'],
      [hash('b'), 'second failure'],
      [hash('a'), 'answered'],
    ]);
  });
});
