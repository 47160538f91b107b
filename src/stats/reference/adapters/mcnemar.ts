/**
 * Adapter for `mcnemar.json`: table [[n11,n10],[n01,n00]] → mcnemar(b=n10, c=n01).
 * Methods: exact, midp, asymptotic (with `correction`), asymptotic_cc. `cc_convention` (statsmodels, the
 * default of `expected`, or r) selects the continuity correction at b = c. The `r` block is checked under R's
 * conventions: `binom.test_pvalue` (exact), `mcnemar.test(correct=FALSE|TRUE)`.
 */
import { mcnemar, type McNemarCcConvention, type McNemarMethod, type McNemarOptions } from '../../mcnemar.js';
import { booleanField, numberMatrix, oneOf, stringField, type Json, type ReferenceAdapter } from '../types.js';

const METHODS: readonly McNemarMethod[] = ['exact', 'midp', 'asymptotic', 'asymptotic_cc'];
const CONVENTIONS: readonly McNemarCcConvention[] = ['statsmodels', 'r'];

function discordant(input: Record<string, Json>): [number, number] {
  const table = numberMatrix(input, 'table');
  const b = table[0]?.[1];
  const c = table[1]?.[0];
  if (b === undefined || c === undefined) throw new Error('mcnemar adapter: table must be 2x2');
  return [b, c];
}

const R_CALLS: Record<string, McNemarOptions> = {
  'mcnemar.test(correct=FALSE)': { method: 'asymptotic' },
  'mcnemar.test(correct=TRUE)': { method: 'asymptotic_cc', ccConvention: 'r' },
};

export const mcnemarAdapter: ReferenceAdapter = {
  test: 'mcnemar',
  optionKeys: ['method', 'correction', 'cc_convention'],
  run(input, options) {
    const [b, c] = discordant(input);
    const method = oneOf(stringField(options, 'method', 'exact'), METHODS, 'mcnemar method');
    const correction = booleanField(options, 'correction', false);
    const ccConvention = oneOf(stringField(options, 'cc_convention', 'statsmodels'), CONVENTIONS, 'mcnemar cc_convention');
    // statsmodels' (|0|-1)^2/0 = Infinity for an empty corrected table is reproduced only under its convention.
    const r = mcnemar(b, c, { method, correction, ccConvention, zeroDiscordant: ccConvention === 'statsmodels' ? 'statsmodels' : 'nan' });
    return { statistic: r.statistic, pvalue: r.pValue, n_discordant: r.nDiscordant, b: r.b, c: r.c, df: r.df };
  },
  runR(call, input) {
    const [b, c] = discordant(input);
    if (call === 'binom.test_pvalue') return mcnemar(b, c, { method: 'exact' }).pValue;
    const options = R_CALLS[call];
    if (!options) return undefined;
    const r = mcnemar(b, c, options);
    return { statistic: r.statistic, pvalue: r.pValue };
  },
};
