/**
 * Adapter for `wilcoxon_signed_rank.json` (SciPy option names → WilcoxonOptions). The `r` block is
 * `wilcox.test(paired=TRUE, exact=..., correct=...)`: zeros dropped (R's only zero method), `V` = R+.
 */
import { wilcoxonSignedRank, type Alternative, type WilcoxonMethod, type WilcoxonZeroMethod } from '../../wilcoxon.js';
import { booleanField, numberArray, oneOf, stringField, type Json, type ReferenceAdapter } from '../types.js';

const ZERO_METHODS: readonly WilcoxonZeroMethod[] = ['wilcox', 'pratt', 'zsplit'];
const METHODS: readonly WilcoxonMethod[] = ['exact', 'approx'];
const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];
const R_CALL = /^wilcox\.test\(paired=TRUE,exact=(TRUE|FALSE)(?:,correct=(TRUE|FALSE))?\)$/;

function run(
  input: Record<string, Json>,
  options: Record<string, Json>,
  zeroMethod: WilcoxonZeroMethod,
  method: WilcoxonMethod,
  correction: boolean,
) {
  return wilcoxonSignedRank(numberArray(input, 'x'), numberArray(input, 'y'), {
    zeroMethod,
    method,
    correction,
    alternative: oneOf(stringField(options, 'alternative', 'two-sided'), ALTERNATIVES, 'alternative'),
  });
}

export const wilcoxonAdapter: ReferenceAdapter = {
  test: 'wilcoxon_signed_rank',
  optionKeys: ['zero_method', 'method', 'correction', 'alternative'],
  run(input, options) {
    const r = run(
      input,
      options,
      oneOf(stringField(options, 'zero_method', 'wilcox'), ZERO_METHODS, 'wilcoxon zero_method'),
      oneOf(stringField(options, 'method', 'exact'), METHODS, 'wilcoxon method'),
      booleanField(options, 'correction', false),
    );
    return {
      statistic: r.statistic,
      pvalue: r.pValue,
      zstatistic: r.zStatistic,
      r_plus: r.rPlus,
      r_minus: r.rMinus,
      n_used: r.nUsed,
      n_zero: r.nZero,
    };
  },
  runR(call, input, options) {
    const m = R_CALL.exec(call);
    if (!m) return undefined;
    const r = run(input, options, 'wilcox', m[1] === 'TRUE' ? 'exact' : 'approx', m[2] === 'TRUE');
    return { pvalue: r.pValue, V: r.rPlus };
  },
};
