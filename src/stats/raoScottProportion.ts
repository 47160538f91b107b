/**
 * Confidence interval for one proportion when the trials come in clusters (several answers per vignette:
 * replicates, factorial cells, the reference variant counted for every axis), as the paired intervals of
 * `raoScottPairedIntervals` do for a difference: the same estimator, bounds and reference distribution.
 *
 * Method (Rao & Scott 1992, "divide the counts by the design effect"):
 * 1. p = E / N over N trials with E events in G clusters.
 * 2. Design effect: the cluster-robust variance with the CR2 (Bell–McCaffrey) leverage correction over the
 *    binomial variance,
 *      V_CR2 = Σ_v u_v² / (1 − m_v/N) / N²,  u_v = e_v − p·m_v,      V_iid = p(1 − p) / N,
 *    with m_v the cluster's trials and e_v its events.
 * 3. The design effect is bounded to [1, max m_v]: never narrower than independent trials, never wider than
 *    perfectly correlated ones. When it cannot be estimated (p is 0 or 1: both variances are 0) it is max m_v,
 *    the conservative bound.
 * 4. Wilson limits on the counts divided by the design effect, with the critical value of t(G − 1) instead of z
 *    (the Bell–McCaffrey reference distribution for a mean over G clusters).
 * With one trial per cluster the design effect is 1 and the interval is Wilson's with a t(G − 1) critical value.
 * Fewer than 2 clusters, or no trials: NaN limits (nothing to estimate a cluster variance from).
 *
 * References: Rao J.N.K., Scott A.J. (1992) Biometrics 48:577-585; Bell R.M., McCaffrey D.F. (2002) Survey
 * Methodology 28:169-181; Wilson E.B. (1927) JASA 22:209-212.
 *
 * @example
 * raoScottProportion([{ trials: 3, events: 2 }, { trials: 3, events: 3 }, { trials: 3, events: 0 }]);
 */
import { studentTQuantile } from './distributions.js';
import type { ProportionInterval } from './types.js';
import { wilsonLimits } from './wilson.js';

/** One cluster's trials and events (a vignette's answers at a level, and how many were correct). */
export interface ClusterCounts {
  trials: number;
  events: number;
}

export interface RaoScottProportion extends ProportionInterval {
  trials: number;
  events: number;
  clusters: number;
  designEffect: number;
  /** Degrees of freedom of the t critical value: G − 1. */
  df: number;
}

export function raoScottProportion(clusters: readonly ClusterCounts[], options: { confLevel?: number } = {}): RaoScottProportion {
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`raoScottProportion: confLevel must be in (0, 1) (got ${confLevel})`);
  if (!Array.isArray(clusters)) throw new Error('raoScottProportion: clusters must be an array');
  let N = 0;
  let E = 0;
  let maxTrials = 0;
  clusters.forEach((v, i) => {
    if (!Number.isInteger(v.trials) || !Number.isInteger(v.events) || v.events < 0 || v.events > v.trials)
      throw new Error(`raoScottProportion: cluster ${i} needs integer events between 0 and its trials (${JSON.stringify(v)})`);
    N += v.trials;
    E += v.events;
    maxTrials = Math.max(maxTrials, v.trials);
  });
  const G = clusters.length;
  const df = G - 1;
  const p = N > 0 ? E / N : NaN;
  if (df < 1 || N === 0) return { estimate: p, low: NaN, high: NaN, trials: N, events: E, clusters: G, designEffect: NaN, df };
  let vCluster = 0;
  for (const v of clusters) {
    const leverage = 1 - v.trials / N;
    if (leverage > 0) vCluster += (v.events - p * v.trials) ** 2 / leverage;
  }
  const vIid = N * p * (1 - p);
  const designEffect = vIid > 0 ? Math.min(maxTrials, Math.max(1, vCluster / vIid)) : maxTrials;
  const { low, high } = wilsonLimits(E / designEffect, N / designEffect, studentTQuantile(0.5 + 0.5 * confLevel, df));
  return { estimate: p, low, high, trials: N, events: E, clusters: G, designEffect, df };
}
