/** Adapter for `multipletests.json` (statsmodels method names → AdjustMethod); the `r` block is `p.adjust`. */
import type { AdjustMethod } from '../../adjust.js';
import { multipleTests } from '../../multipleTests.js';
import { numberArray, oneOf, optionalNumber, stringField, type Json, type ReferenceAdapter } from '../types.js';

const METHOD_MAP: Record<string, AdjustMethod> = { bonferroni: 'bonferroni', holm: 'holm', fdr_bh: 'bh', fdr_by: 'by' };

function run(input: Record<string, Json>, options: Record<string, Json>) {
  const name = oneOf(stringField(options, 'method'), Object.keys(METHOD_MAP), 'multipletests method');
  return multipleTests(numberArray(input, 'pvalues'), METHOD_MAP[name]!, optionalNumber(options, 'alpha') ?? 0.05);
}

export const multipletestsAdapter: ReferenceAdapter = {
  test: 'multipletests',
  optionKeys: ['method', 'alpha'],
  run(input, options) {
    const r = run(input, options);
    return { pvalues_adjusted: r.adjusted, reject: r.reject };
  },
  runR: (call, input, options) => (call === 'p.adjust' ? run(input, options).adjusted : undefined),
};
