/**
 * Confidence intervals for the difference and the ratio of two paired proportions when the pairs come in
 * clusters (several pairs per vignette: replicates, factorial cells), with nominal coverage down to about
 * ten clusters.
 *
 * Method (Rao & Scott 1992, "divide the counts by the design effect", applied to the paired intervals):
 * 1. Pool the pairs into one paired table [[n11, b], [c, n00]] over N pairs in G clusters; x = level, y = reference.
 * 2. Design effect of the difference D = (b − c)/N: the cluster-robust variance with the CR2 (Bell–McCaffrey)
 *    leverage correction over the independent-pairs variance,
 *      V_CR2 = Σ_v u_v² / (1 − m_v/N) / N²,  u_v = (l_v − r_v) − D·m_v,    V_iid = (b + c − N·D²) / N²,
 *    with m_v the cluster's pairs and l_v, r_v its events at the level and the reference (for the mean of
 *    cluster totals, CR2 is exactly this: the leverage of cluster v is m_v/N).
 *    Design effect of the ratio: the same with the log-ratio influence u_v = l_v/L − r_v/R (L, R the event
 *    totals) against its independent-pairs value Σ_i (x_i/L − y_i/R)².
 * 3. Each design effect is bounded to [1, max m_v]: never narrower than independent pairs, and never wider than
 *    perfectly correlated pairs (a cluster of m pairs carries at least the information of one). When it cannot
 *    be estimated (no discordant pair: both variances are 0) it is max m_v, the conservative bound — this is
 *    the case where a bootstrap or a sandwich interval collapses to [0, 0] and [1, 1].
 * 4. Counts divided by the design effect go into Newcombe's hybrid score interval (difference) and the
 *    Bonett–Price hybrid Wilson interval (ratio), with the critical value of t(G − 1) instead of z
 *    (the Bell–McCaffrey reference distribution for a mean over G clusters), which accounts for the
 *    design effect itself being estimated from G clusters.
 * Coverage on the simulated model (bench:calibration, 3 replicates per vignette): 98.0%, 98.2%, 96.2%, 95.4% for
 * the difference at 10, 15, 30, 110 vignettes — conservative at the smallest sizes because of the lower bound 1 on
 * the design effect (without it, about 95% at 10 vignettes); the percentile cluster bootstrap gave 89.4% to 94.5%. No events on either side:
 * the difference interval is still proper (Newcombe), the ratio 0/0 is undefined and its interval is null.
 * Fewer than 2 clusters: NaN limits and a null ratio interval (nothing to estimate a cluster variance from).
 *
 * References: Rao J.N.K., Scott A.J. (1992) Biometrics 48:577-585; Bell R.M., McCaffrey D.F. (2002) Survey
 * Methodology 28:169-181; Pustejovsky J.E., Tipton E. (2018) J Bus Econ Stat 36:672-683; Newcombe R.G. (1998)
 * Stat Med 17:2635-2650; Bonett D.G., Price R.M. (2006) Stat Med 25:3039-3047.
 *
 * @example
 * raoScottPairedIntervals([{ pairs: 3, referenceEvents: 1, levelEvents: 2, levelOnly: 1, referenceOnly: 0 }, ...]);
 */
import { bonettPriceRatio } from './bonettPriceRatio.js';
import { studentTQuantile } from './distributions.js';
import { newcombePairedDifference } from './newcombePairedDifference.js';
import type { PairedClusterCounts, ProportionInterval } from './types.js';

export interface RaoScottPairedIntervals {
  difference: ProportionInterval;
  /** null when neither side has an event (the ratio is 0/0) or there are fewer than 2 clusters. */
  ratio: ProportionInterval | null;
  designEffectDifference: number;
  designEffectRatio: number;
  /** Degrees of freedom of the t critical value: G − 1. */
  df: number;
  criticalValue: number;
}

export function raoScottPairedIntervals(
  clusters: readonly PairedClusterCounts[],
  options: { confLevel?: number } = {},
): RaoScottPairedIntervals {
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`raoScottPairedIntervals: confLevel must be in (0, 1) (got ${confLevel})`);
  if (!Array.isArray(clusters) || clusters.length === 0) throw new Error('raoScottPairedIntervals: at least one cluster is required');
  let N = 0;
  let L = 0;
  let R = 0;
  let b = 0;
  let c = 0;
  let maxPairs = 0;
  clusters.forEach((v, i) => {
    const { pairs, referenceEvents, levelEvents, levelOnly, referenceOnly } = v;
    const counts = [pairs, referenceEvents, levelEvents, levelOnly, referenceOnly];
    if (
      !counts.every((x) => Number.isInteger(x) && x >= 0) ||
      levelOnly > levelEvents ||
      referenceOnly > referenceEvents ||
      levelEvents > pairs ||
      referenceEvents > pairs ||
      levelEvents - levelOnly !== referenceEvents - referenceOnly
    ) {
      throw new Error(`raoScottPairedIntervals: cluster ${i} is not a consistent set of paired counts (${JSON.stringify(v)})`);
    }
    N += pairs;
    L += levelEvents;
    R += referenceEvents;
    b += levelOnly;
    c += referenceOnly;
    maxPairs = Math.max(maxPairs, pairs);
  });
  const G = clusters.length;
  const df = G - 1;
  const criticalValue = df > 0 ? studentTQuantile(0.5 + 0.5 * confLevel, df) : NaN;
  const D = N > 0 ? (b - c) / N : NaN;
  if (df < 1 || N === 0) {
    return {
      difference: { estimate: D, low: NaN, high: NaN },
      ratio: null,
      designEffectDifference: NaN,
      designEffectRatio: NaN,
      df,
      criticalValue,
    };
  }
  let vDifference = 0;
  let vRatio = 0;
  for (const v of clusters) {
    const leverage = 1 - v.pairs / N;
    if (leverage <= 0) continue; // a cluster holding every pair (G ≥ 2 with empty clusters): no residual
    vDifference += (v.levelEvents - v.referenceEvents - D * v.pairs) ** 2 / leverage;
    if (L > 0 && R > 0) vRatio += (v.levelEvents / L - v.referenceEvents / R) ** 2 / leverage;
  }
  const iidDifference = b + c - N * D * D;
  const iidRatio = L > 0 && R > 0 ? (L - b) * (1 / L - 1 / R) ** 2 + b / (L * L) + c / (R * R) : 0;
  const bound = (ratio: number) => (Number.isFinite(ratio) ? Math.min(maxPairs, Math.max(1, ratio)) : maxPairs);
  const deffDifference = iidDifference > 0 ? bound(vDifference / iidDifference) : maxPairs;
  const deffRatio = iidRatio > 0 ? bound(vRatio / iidRatio) : maxPairs;
  const scaled = (deff: number) => ({ n11: (L - b) / deff, n10: b / deff, n01: c / deff, n00: (N - L - c) / deff });
  const newcombe = newcombePairedDifference(scaled(deffDifference), { confLevel, criticalValue, effectiveCounts: true });
  const difference = { estimate: D, low: newcombe.low, high: newcombe.high };
  const ratio =
    L + R === 0
      ? null
      : {
          ...bonettPriceRatio(scaled(deffRatio), { confLevel, criticalValue, effectiveCounts: true }),
          estimate: R === 0 ? Infinity : L / R,
        };
  return { difference, ratio, designEffectDifference: deffDifference, designEffectRatio: deffRatio, df, criticalValue };
}
