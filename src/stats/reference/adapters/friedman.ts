/** Adapter for `friedman.json` (rows = blocks, columns = treatments); the `r` block is `friedman.test`. */
import { friedman } from '../../friedman.js';
import { numberMatrix, type ReferenceAdapter } from '../types.js';

export const friedmanAdapter: ReferenceAdapter = {
  test: 'friedman',
  optionKeys: [],
  run(input) {
    const r = friedman(numberMatrix(input, 'data'));
    return { statistic: r.statistic, pvalue: r.pValue, df: r.df };
  },
  runR(call, input) {
    if (call !== 'friedman.test') return undefined;
    const r = friedman(numberMatrix(input, 'data'));
    return { statistic: r.statistic, pvalue: r.pValue };
  },
};
