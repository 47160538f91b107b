/** Adapter for `cochrans_q.json`. */
import { cochransQ } from '../../cochransQ.js';
import { numberMatrix, type ReferenceAdapter } from '../types.js';

export const cochransQAdapter: ReferenceAdapter = {
  test: 'cochrans_q',
  optionKeys: [],
  run(input) {
    const r = cochransQ(numberMatrix(input, 'x'));
    return { statistic: r.statistic, pvalue: r.pValue, df: r.df };
  },
};
