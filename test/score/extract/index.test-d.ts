import { describe, expectTypeOf, it } from 'vitest';
import { extractAnswer, type Extraction } from '../../../src/score/extract/index.js';

describe('extractAnswer', () => {
  it('types the value by question type', () => {
    expectTypeOf(extractAnswer('', { type: 'yesno' })).toEqualTypeOf<Extraction<'yes' | 'no'>>();
    expectTypeOf(extractAnswer('', { type: 'numeric', unit: 'mg' })).toEqualTypeOf<Extraction<number>>();
    expectTypeOf(extractAnswer('', { type: 'choice', options: {} })).toEqualTypeOf<Extraction<string>>();
  });
});
