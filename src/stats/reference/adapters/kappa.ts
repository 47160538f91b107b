/**
 * Adapter for `kappa.json` (Cohen unweighted/linear/quadratic from the k x k table; Fleiss from counts).
 * The fixtures' CI is the plain Wald interval κ ± z·SE (it can leave [−1, 1]): `interval: 'wald'`.
 */
import { cohensKappa, type KappaWeights } from '../../cohensKappa.js';
import { fleissKappa } from '../../fleissKappa.js';
import { numberMatrix, oneOf, optionalNumber, stringField, type ReferenceAdapter } from '../types.js';

const WEIGHTS: readonly KappaWeights[] = ['none', 'linear', 'quadratic'];

export const kappaAdapter: ReferenceAdapter = {
  test: 'kappa',
  optionKeys: ['kind', 'weights', 'conf_level'],
  run(input, options) {
    const kind = oneOf(stringField(options, 'kind'), ['cohen', 'fleiss'], 'kappa kind');
    const table = numberMatrix(input, 'table');
    if (kind === 'fleiss') return { kappa: fleissKappa(table) };
    const r = cohensKappa(table, {
      weights: oneOf(stringField(options, 'weights', 'none'), WEIGHTS, 'kappa weights'),
      confLevel: optionalNumber(options, 'conf_level') ?? 0.95,
      interval: 'wald',
    });
    return {
      kappa: r.kappa,
      std_kappa: r.stdKappa,
      std_kappa0: r.stdKappa0,
      ci_low: r.ciLow,
      ci_high: r.ciHigh,
      z: r.z,
      pvalue_two_sided: r.pValue,
    };
  },
};
