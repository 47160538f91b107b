import type { AdjustedFit } from '../analysis/adjusted.js';
import { studentTQuantile, studentTSf } from '../stats/distributions.js';
import type { MeasuredChange } from './disparityChange.js';

/**
 * The change from run A to run B of one level's adjusted effect, from a fit of both runs (`fitAdjusted([A, B], …)`):
 * the level's run-B coefficient, with its cluster-robust interval at `confLevel` and t(G − 1) test. Each side's
 * disparity is the adjusted effect in that run, its reference rate the level rate minus that effect. Undefined when
 * the level has no usable variant in both runs.
 */
export function adjustedChange(fit: AdjustedFit, axis: string, level: string, confLevel: number): MeasuredChange | undefined {
  const a = fit.columns.findIndex((c) => c.axis === axis && c.level === level && c.run === 0);
  const b = fit.columns.findIndex((c) => c.axis === axis && c.level === level && c.run === 1);
  if (a < 0 || b < 0) return undefined;
  const { result } = fit;
  const inA = fit.levelRows[a]!;
  const inB = fit.levelRows[b]!;
  const shared = [...inA.byCluster.keys()].filter((g) => inB.byCluster.has(g)).length;
  if (inA.n === 0 || inB.n === 0 || shared === 0) return undefined;
  const effectA = result.coefficients[a]!;
  const change = result.coefficients[b]!;
  const se = Math.sqrt(result.covariance[b]![b]!);
  const seA = Math.sqrt(result.covariance[a]![a]!);
  // B's effect is effectA + change: its variance adds both and their covariance.
  const seB = Math.sqrt(result.covariance[a]![a]! + result.covariance[b]![b]! + 2 * result.covariance[a]![b]!);
  const usable = result.estimable[a] && result.estimable[b] && se > 0 && Number.isFinite(se);
  const q = studentTQuantile(1 - (1 - confLevel) / 2, result.df);
  const rateLevelA = inA.sum / inA.n;
  const rateLevelB = inB.sum / inB.n;
  return {
    nVignettes: shared,
    nPairsA: inA.n,
    nPairsB: inB.n,
    rateReferenceA: rateLevelA - effectA,
    rateLevelA,
    rateReferenceB: rateLevelB - (effectA + change),
    rateLevelB,
    disparityA: effectA,
    disparityB: effectA + change,
    change,
    changeCi: usable ? [change - q * se, change + q * se] : null,
    disparityCiA: usable && seA > 0 ? [effectA - q * seA, effectA + q * seA] : null,
    disparityCiB: usable && seB > 0 ? [effectA + change - q * seB, effectA + change + q * seB] : null,
    test: 'vignette-fixed-effects',
    p: usable ? Math.min(1, 2 * studentTSf(Math.abs(change / se), result.df)) : change === 0 ? 1 : NaN,
  };
}
