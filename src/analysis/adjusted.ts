import type { Axis } from '../demographics/types.js';
import type { AnalysedScore } from '../score/table.js';
import { studentTQuantile, studentTSf } from '../stats/distributions.js';
import { fixedEffectsRegression, type FixedEffectsResult, type MatchedStratum } from '../stats/fixedEffectsRegression.js';
import { waldTest } from '../stats/waldTest.js';
import { rateRatio, type BinaryContrastStats } from './binary.js';
import { eachPair, someMarginal, type ContrastPairs } from '../pairing/pairs.js';

/**
 * Error amplification when matched sets give no exact partners (sampled and list designs, imported data with
 * several axes changed at once): a level variant is not compared with the all-reference variant of its vignette,
 * which also differs on the other axes, but each level's effect is estimated with every other axis held fixed.
 *
 * Model (one model and endpoint): for variant i of vignette v and replicate r, with event y_i ∈ {0, 1},
 *   y_i = α_{v,r} + Σ_axes Σ_{levels ≠ reference} β_{axis,level}·[variant i has that level] + ε_i,
 * a linear probability model with a fixed effect per matched set (vignette × replicate; each vignette is its own
 * control, as in the paired tests) and cluster-robust (CR1) errors over vignettes, tested with t(G − 1) — see
 * `fixedEffectsRegression`. β_{axis,level} is the adjusted difference in event rate (points / 100); with one pair
 * per vignette and one axis it is the paired difference and its test the paired t test.
 *
 * Rates are standardised to the level's own variants: `rateLevel` is their observed event rate and
 * `rateReference` = rateLevel − β, the model's rate for the same variants with this axis at reference and every
 * other cue unchanged, so `difference` = β and `ratio` = rateLevel / rateReference. The ratio's interval is the
 * delta method on log(ratio) with the cluster influence of β and of rateLevel (cluster-robust, t(G − 1)).
 */
export interface AdjustedContrast
  extends Pick<
    BinaryContrastStats,
    'nVignettes' | 'nPairs' | 'rateReference' | 'rateLevel' | 'difference' | 'differenceCi' | 'ratio' | 'ratioCi' | 'statistic' | 'p'
  > {
  standardError: number;
  /** Degrees of freedom of the t test: vignettes − 1. */
  df: number;
  /** Rows at the level whose event is unknown (request error, unscored), left out of the model. */
  nExcluded: number;
}

export interface AdjustedAxisTest {
  axis: string;
  levels: string[];
  nVignettes: number;
  statistic: number;
  df: number;
  denominatorDf: number;
  p: number;
}

interface Column {
  axis: string;
  level: string;
  /** 0: the level's effect (in every run); 1: its change in the second run, when two runs are fitted together. */
  run: number;
}

export interface AdjustedFit {
  columns: Column[];
  result: FixedEffectsResult;
  /** Per column: level rows that count (their matched set also holds a row with this axis at reference). */
  levelRows: { n: number; sum: number; byCluster: Map<number, { n: number; sum: number }>; excluded: number }[];
}

/** A binary endpoint's event as the model's 0/1 outcome. */
export function eventValue(counts: (o: AnalysedScore['outcome']) => boolean | null): (s: AnalysedScore) => number | null {
  return (s) => {
    const event = counts(s.outcome);
    return event === null ? null : event ? 1 : 0;
  };
}

/** Whether any contrast of the model pairs a variant with a partner that differs on more than one axis. */
export function needsAdjustment(groups: readonly ContrastPairs[]): boolean {
  return groups.some(someMarginal);
}

/**
 * Fits the model on every reference and demographic variant the contrasts of one model hold. `value` gives a
 * variant's outcome: the endpoint's event as 0/1, or a signed deviation (null: unknown or not applicable, left out).
 *
 * With two runs of the same cases (`runs` = [A's contrasts, B's]) the model is fitted to both at once: matched sets
 * are vignette × replicate × run, clusters stay the vignettes (both runs asked the same cases, so the comparison is
 * paired), and every level gets a second indicator that is 1 only in run B: its coefficient is the change in the
 * adjusted effect from A to B (`adjustedChange` in src/compare/).
 */
export function fitAdjusted(
  runs: readonly (readonly ContrastPairs[])[],
  axes: readonly Axis[],
  value: (s: AnalysedScore) => number | null,
): AdjustedFit {
  const base = axes.flatMap((axis) => axis.levels.filter((l) => l.id !== axis.reference).map((l) => ({ axis: axis.id, level: l.id })));
  const columns: Column[] = runs.flatMap((_, run) => base.map((c) => ({ ...c, run })));
  const baseIndex = new Map(base.map((c, i) => [`${c.axis}\u0000${c.level}`, i]));
  const rowsOf = runs.map((groups) => {
    const rows = new Map<string, AnalysedScore>();
    for (const g of groups) for (const p of eachPair(g)) for (const s of [p.reference, p.level]) rows.set(s.key, s);
    return rows;
  });
  const vignettes = [...new Set(rowsOf.flatMap((rows) => [...rows.values()].map((s) => s.vignetteId)))].sort();
  const clusterOf = new Map(vignettes.map((v, i) => [v, i]));
  const sets = new Map<string, { run: number; members: AnalysedScore[] }>();
  rowsOf.forEach((rows, run) => {
    for (const key of [...rows.keys()].sort()) {
      const s = rows.get(key)!;
      const id = `${run}\u0000${s.vignetteId}\u0000${s.replicate}`;
      const set = sets.get(id) ?? { run, members: [] };
      set.members.push(s);
      sets.set(id, set);
    }
  });
  const dummies = (s: AnalysedScore, run: number): number[] => {
    const x = new Array<number>(columns.length).fill(0);
    for (const axis of axes) {
      const level = s.attributes[axis.id];
      if (level === undefined || level === axis.reference || axis.id in s.pinned) continue;
      const i = baseIndex.get(`${axis.id}\u0000${level}`);
      if (i === undefined) continue;
      x[i] = 1;
      if (run > 0) x[run * base.length + i] = 1;
    }
    return x;
  };
  const strata: MatchedStratum[] = [];
  const levelRows: AdjustedFit['levelRows'] = columns.map(() => ({ n: 0, sum: 0, byCluster: new Map(), excluded: 0 }));
  for (const id of [...sets.keys()].sort()) {
    const { run, members } = sets.get(id)!;
    const known = members.flatMap((s) => {
      const y = value(s);
      return y === null ? [] : [{ s, y, x: dummies(s, run) }];
    });
    const cluster = clusterOf.get(members[0]!.vignetteId)!;
    columns.forEach((c, j) => {
      if (c.run !== run) return;
      const axis = axes.find((a) => a.id === c.axis)!;
      const atReference = known.some((r) => r.s.attributes[c.axis] === axis.reference && !(c.axis in r.s.pinned));
      for (const s of members) {
        if (s.attributes[c.axis] !== c.level || c.axis in s.pinned) continue;
        const y = value(s);
        const tally = levelRows[j]!;
        if (y === null) tally.excluded++;
        else if (atReference) {
          tally.n++;
          tally.sum += y;
          const byCluster = tally.byCluster.get(cluster) ?? { n: 0, sum: 0 };
          byCluster.n++;
          byCluster.sum += y;
          tally.byCluster.set(cluster, byCluster);
        }
      }
    });
    if (known.length >= 2) strata.push({ cluster, y: known.map((r) => r.y), x: known.map((r) => r.x) });
  }
  const result = fixedEffectsRegression({ strata, nColumns: columns.length });
  return { columns, result, levelRows };
}

/** The adjusted contrast of one level, or undefined when the model has no column for it. */
export function adjustedContrast(fit: AdjustedFit, axis: string, level: string, confLevel: number): AdjustedContrast | undefined {
  const j = fit.columns.findIndex((c) => c.axis === axis && c.level === level && c.run === 0);
  if (j < 0) return undefined;
  const { result } = fit;
  const tally = fit.levelRows[j]!;
  const beta = result.coefficients[j]!;
  const se = Math.sqrt(result.covariance[j]![j]!);
  const rateLevel = tally.n ? tally.sum / tally.n : NaN;
  const rateReference = rateLevel - beta;
  const t = beta / se;
  const q = studentTQuantile(1 - (1 - confLevel) / 2, result.df);
  const usable = result.estimable[j] && tally.n > 0 && Number.isFinite(se) && se > 0;
  const base = {
    nVignettes: tally.byCluster.size,
    nPairs: tally.n,
    rateLevel,
    nExcluded: tally.excluded,
    df: result.df,
    standardError: se,
  };
  if (!usable) {
    const difference = result.estimable[j] ? beta : NaN;
    return {
      ...base,
      rateReference: result.estimable[j] ? rateReference : NaN,
      difference,
      differenceCi: null,
      ratio: NaN,
      ratioCi: null,
      statistic: NaN,
      p: difference === 0 ? 1 : NaN,
    };
  }
  return {
    ...base,
    rateReference,
    difference: beta,
    differenceCi: [beta - q * se, beta + q * se],
    ratio: rateReference > 0 ? rateLevel / rateReference : rateRatio(rateLevel, 0),
    ratioCi: ratioInterval(fit, j, rateLevel, rateReference, q),
    statistic: t,
    p: Math.min(1, 2 * studentTSf(Math.abs(t), result.df)),
  };
}

/** Delta-method interval for log(m / (m − β)) from the clusters' influence on β and on the level rate m. */
function ratioInterval(fit: AdjustedFit, j: number, m: number, reference: number, q: number): [number, number] | null {
  if (!(m > 0) || !(reference > 0)) return null;
  const { result } = fit;
  const tally = fit.levelRows[j]!;
  const dm = 1 / m - 1 / reference;
  const dBeta = 1 / reference;
  let variance = 0;
  result.clusters.forEach((g, i) => {
    const own = tally.byCluster.get(g);
    const influenceM = own ? (own.sum - m * own.n) / tally.n : 0;
    variance += (dm * influenceM + dBeta * result.influence[i]![j]!) ** 2;
  });
  const se = Math.sqrt(result.smallSampleFactor * variance);
  if (!Number.isFinite(se)) return null;
  const log = Math.log(m / reference);
  return [Math.exp(log - q * se), Math.exp(log + q * se)];
}

/** Joint Wald F test that every estimable level of the axis has no effect (the adjusted omnibus test). */
export function adjustedAxisTest(fit: AdjustedFit, axis: string): AdjustedAxisTest | undefined {
  const indices = fit.columns.flatMap((c, j) => (c.axis === axis && c.run === 0 && fit.result.estimable[j] ? [j] : []));
  if (indices.length === 0 || fit.result.df < 1) return undefined;
  const beta = indices.map((j) => fit.result.coefficients[j]!);
  const covariance = indices.map((a) => indices.map((b) => fit.result.covariance[a]![b]!));
  const test = waldTest(beta, covariance, fit.result.df);
  const vignettes = new Set(indices.flatMap((j) => [...fit.levelRows[j]!.byCluster.keys()]));
  return {
    axis,
    levels: indices.map((j) => fit.columns[j]!.level),
    nVignettes: vignettes.size,
    statistic: test.statistic,
    df: test.df,
    denominatorDf: test.denominatorDf,
    p: test.pValue,
  };
}
