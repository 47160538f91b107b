/**
 * Adapter for `proportion_ci.json`: single proportion (wilson; beta / clopper_pearson / exact), paired
 * difference (newcombe_hybrid_score, wald) and risk ratio (log_wald (Katz), with `shift_zeros`).
 */
import { clopperPearsonInterval } from '../../clopperPearson.js';
import { newcombePairedDifference } from '../../newcombePairedDifference.js';
import { riskRatio } from '../../riskRatio.js';
import { waldPairedDifference } from '../../waldPairedDifference.js';
import { wilsonInterval } from '../../wilson.js';
import { booleanField, numberField, numberMatrix, oneOf, optionalNumber, stringField, type ReferenceAdapter } from '../types.js';

export const proportionCiAdapter: ReferenceAdapter = {
  test: 'proportion_ci',
  optionKeys: ['kind', 'method', 'conf_level', 'shift_zeros'],
  run(input, options) {
    const kind = oneOf(stringField(options, 'kind'), ['single_proportion', 'paired_difference', 'risk_ratio'], 'proportion_ci kind');
    const confLevel = optionalNumber(options, 'conf_level') ?? 0.95;
    if (kind === 'single_proportion') {
      const method = oneOf(stringField(options, 'method'), ['wilson', 'beta', 'clopper_pearson', 'exact'], 'single-proportion method');
      const [k, n] = [numberField(input, 'count'), numberField(input, 'nobs')];
      const r = method === 'wilson' ? wilsonInterval(k, n, { confLevel }) : clopperPearsonInterval(k, n, { confLevel });
      return { estimate: r.estimate, ci_low: r.low, ci_high: r.high };
    }
    if (kind === 'paired_difference') {
      const method = oneOf(stringField(options, 'method'), ['newcombe_hybrid_score', 'wald'], 'paired-difference method');
      const t = {
        n11: numberField(input, 'n11'),
        n10: numberField(input, 'n10'),
        n01: numberField(input, 'n01'),
        n00: numberField(input, 'n00'),
      };
      if (method === 'newcombe_hybrid_score') {
        const r = newcombePairedDifference(t, { confLevel });
        return { estimate: r.estimate, ci_low: r.low, ci_high: r.high, phi: r.phi };
      }
      const r = waldPairedDifference(t, { confLevel });
      return { estimate: r.estimate, ci_low: r.low, ci_high: r.high, se: r.se };
    }
    oneOf(stringField(options, 'method', 'log_wald (Katz)'), ['log_wald (Katz)', 'log_wald', 'katz'], 'risk-ratio method');
    const r = riskRatio(numberMatrix(input, 'table'), { confLevel, shiftZeros: booleanField(options, 'shift_zeros', false) });
    return { estimate: r.estimate, log_estimate: r.logEstimate, log_se: r.logSe, ci_low: r.low, ci_high: r.high };
  },
};
