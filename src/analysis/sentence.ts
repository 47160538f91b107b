import { formatPValue } from '../util/pValue.js';
import type { Axis } from '../demographics/types.js';
import { ENDPOINT_WORDS } from './endpoints.js';
import type { Finding } from './types.js';

const ADJUSTMENT_NAMES = { holm: 'Holm', bonferroni: 'Bonferroni', bh: 'Benjamini-Hochberg', by: 'Benjamini-Yekutieli' } as const;

/** A sentence a clinician can read: what changed, by how much, and whether it survives correction. */
export function describeFinding(f: Finding, axes: readonly Axis[], alpha: number): string {
  const axis = axes.find((a) => a.id === f.axis);
  const label = (id: string) => axis?.levels.find((l) => l.id === id)?.label ?? id;
  // Without a pair nothing was tested: "not significant" (adjusted p = NaN) would read as a clean result.
  if (f.nPairs === 0) return `No usable pair for model ${f.model} at ${label(f.level)} against ${label(f.reference)} (${(axis?.label ?? f.axis).toLowerCase()}): ${f.nExcludedPairs} pairs lacked an answer on one side (failed requests or unscored answers), so nothing was tested.`;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const points = `${f.difference >= 0 ? '+' : ''}${(100 * f.difference).toFixed(1)} points`;
  const ci = f.differenceCi ? ` (95% CI ${(100 * f.differenceCi[0]).toFixed(1)} to ${(100 * f.differenceCi[1]).toFixed(1)})` : '';
  const ratio = Number.isFinite(f.ratio) ? `, ${f.ratio.toFixed(2)} times the reference rate` : '';
  const verdict = f.significant
    ? `This difference is statistically significant after ${ADJUSTMENT_NAMES[f.adjustment]} correction (adjusted p = ${formatPValue(f.pAdjusted)}).`
    : `This difference is not statistically significant at ${alpha} after ${ADJUSTMENT_NAMES[f.adjustment]} correction (adjusted p = ${formatPValue(f.pAdjusted)}).`;
  return (
    `Across ${f.nVignettes} vignettes, model ${f.model} ${ENDPOINT_WORDS[f.endpoint]} ${pct(f.rateLevel)} of the time when the patient's ` +
    `${(axis?.label ?? f.axis).toLowerCase()} was given as ${label(f.level)}, against ${pct(f.rateReference)} for ${label(f.reference)}: ` +
    `${points}${ci}${ratio}. ${verdict}`
  );
}
