/**
 * Linear regression with a fixed effect per matched set (stratum) and a cluster-robust covariance: the
 * "within" estimator of panel econometrics, used to estimate one level's effect holding every other
 * covariate fixed when matched sets contain variants that differ in several ways at once.
 *
 * Model, for row i of stratum s:  y_i = α_s + x_iᵀβ + ε_i.
 * The α_s are removed by centring within strata (Frisch–Waugh–Lovell): ẏ_i = y_i − ȳ_s, ẋ_i = x_i − x̄_s,
 *   β̂ = (ẊᵀẊ)⁻¹ Ẋᵀẏ.
 * Covariance (CR1, clusters g each holding whole strata):
 *   V = c · (ẊᵀẊ)⁻¹ [Σ_g u_g u_gᵀ] (ẊᵀẊ)⁻¹,  u_g = Σ_{i∈g} ẋ_i e_i,  e_i = ẏ_i − ẋ_iᵀβ̂,
 *   c = G/(G−1) · (N−1)/(N−p),
 * with G clusters, N rows in strata of two or more rows, p estimable coefficients; tests and intervals use
 * t(G−1). The strata's own effects are nested in the clusters and are not counted in p (as Stata's
 * `xtreg, fe vce(cluster)`). With one pair per stratum and cluster and a single 0/1 covariate that differs
 * within the pair, β̂ is the mean paired difference and β̂/√V is exactly the paired t statistic.
 *
 * Columns that do not vary within any stratum, or that are a linear combination of earlier columns (within
 * strata), are not estimable: their coefficient is NaN and they are left out of V (reported in `estimable`).
 * Each cluster's influence on β̂, (ẊᵀẊ)⁻¹u_g, is returned so that callers can build delta-method
 * intervals for functions of β̂ and other cluster means.
 *
 * References: Cameron A.C., Miller D.L. (2015) A practitioner's guide to cluster-robust inference. Journal of
 * Human Resources 50:317-372 (CR1, G−1 degrees of freedom, fixed effects nested in clusters). Wooldridge J.M.
 * (2010) Econometric Analysis of Cross Section and Panel Data, 2nd ed., ch. 10 (within estimator).
 *
 * @example
 * // three matched pairs, one covariate: the mean paired difference and the paired t test
 * fixedEffectsRegression({ nColumns: 1, strata: [
 *   { cluster: 0, y: [1, 0], x: [[1], [0]] }, { cluster: 1, y: [1, 1], x: [[1], [0]] }, { cluster: 2, y: [0, 0], x: [[1], [0]] } ] });
 * // coefficients [1/3], covariance [[1/9]], df 2
 */

export interface MatchedStratum {
  /** Index of the cluster (0 ≤ cluster) the stratum belongs to; strata of one cluster share its influence. */
  cluster: number;
  /** Outcome of each row. */
  y: readonly number[];
  /** Covariates of each row, `nColumns` long. */
  x: readonly (readonly number[])[];
}

export interface FixedEffectsInput {
  strata: readonly MatchedStratum[];
  nColumns: number;
}

export interface FixedEffectsResult {
  /** β̂; NaN where `estimable` is false. */
  coefficients: number[];
  estimable: boolean[];
  /** CR1 cluster-robust covariance of β̂ (NaN rows and columns where not estimable). */
  covariance: number[][];
  /** (ẊᵀẊ)⁻¹u_g per cluster that contributes (same order as `clusters`). */
  influence: number[][];
  /** The cluster index of each influence row. */
  clusters: number[];
  /** The small-sample factor c = G/(G−1)·(N−1)/(N−p). */
  smallSampleFactor: number;
  /** Degrees of freedom for t and F reference distributions: G − 1. */
  df: number;
  nObservations: number;
  nClusters: number;
}

const ALIAS_TOLERANCE = 1e-9;

export function fixedEffectsRegression(input: FixedEffectsInput): FixedEffectsResult {
  const { strata, nColumns: k } = input;
  if (!Number.isInteger(k) || k < 1) throw new Error(`fixedEffectsRegression: nColumns must be a positive integer (got ${k})`);
  strata.forEach((s, i) => {
    if (!Number.isInteger(s.cluster) || s.cluster < 0)
      throw new Error(`fixedEffectsRegression: stratum ${i} has cluster ${s.cluster}; expected a non-negative integer`);
    if (s.y.length !== s.x.length)
      throw new Error(`fixedEffectsRegression: stratum ${i} has ${s.y.length} outcomes but ${s.x.length} covariate rows`);
    s.x.forEach((row, j) => {
      if (row.length !== k) throw new Error(`fixedEffectsRegression: stratum ${i}, row ${j} has ${row.length} covariates; expected ${k}`);
      if (!row.every(Number.isFinite) || !Number.isFinite(s.y[j]!))
        throw new Error(`fixedEffectsRegression: stratum ${i}, row ${j} has a non-finite value`);
    });
  });

  const used = strata.filter((s) => s.y.length >= 2);
  const centred = used.map(centre);
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  let n = 0;
  for (const s of centred) {
    for (let i = 0; i < s.y.length; i++) {
      const xi = s.x[i]!;
      for (let a = 0; a < k; a++) {
        if (xi[a] === 0) continue;
        xty[a]! += xi[a]! * s.y[i]!;
        for (let b = 0; b < k; b++) xtx[a]![b]! += xi[a]! * xi[b]!;
      }
    }
    n += s.y.length;
  }
  const { inverse, estimable } = invertWithAliasing(xtx);
  const coefficients = estimable.map((ok, a) => (ok ? inverse[a]!.reduce((sum, v, b) => sum + v * xty[b]!, 0) : NaN));
  const beta = coefficients.map((b, a) => (estimable[a] ? b : 0));

  // Cluster scores u_g = Σ ẋ_i e_i, in ascending cluster order (deterministic sums).
  const scores = new Map<number, number[]>();
  for (let s = 0; s < centred.length; s++) {
    const { x, y } = centred[s]!;
    const cluster = used[s]!.cluster;
    let u = scores.get(cluster);
    if (!u) scores.set(cluster, (u = new Array<number>(k).fill(0)));
    for (let i = 0; i < y.length; i++) {
      const xi = x[i]!;
      let e = y[i]!;
      for (let a = 0; a < k; a++) e -= xi[a]! * beta[a]!;
      for (let a = 0; a < k; a++) u[a]! += xi[a]! * e;
    }
  }
  const clusters = [...scores.keys()].sort((a, b) => a - b);
  const influence = clusters.map((g) => {
    const u = scores.get(g)!;
    return inverse.map((row, a) => (estimable[a] ? row.reduce((sum, v, b) => sum + v * u[b]!, 0) : NaN));
  });
  const nClusters = clusters.length;
  const p = estimable.filter(Boolean).length;
  const smallSampleFactor = nClusters > 1 && n > p ? (nClusters / (nClusters - 1)) * ((n - 1) / (n - p)) : NaN;
  const covariance = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) =>
      estimable[a] && estimable[b] ? smallSampleFactor * influence.reduce((sum, f) => sum + f[a]! * f[b]!, 0) : NaN,
    ),
  );
  return { coefficients, estimable, covariance, influence, clusters, smallSampleFactor, df: nClusters - 1, nObservations: n, nClusters };
}

function centre(s: MatchedStratum): { y: number[]; x: number[][] } {
  const m = s.y.length;
  const k = s.x[0]!.length;
  const yMean = s.y.reduce((a, b) => a + b, 0) / m;
  const xMean = new Array<number>(k).fill(0);
  for (const row of s.x) for (let a = 0; a < k; a++) xMean[a]! += row[a]! / m;
  return { y: s.y.map((v) => v - yMean), x: s.x.map((row) => row.map((v, a) => v - xMean[a]!)) };
}

/**
 * Inverse of a symmetric positive semi-definite matrix over its estimable columns, chosen greedily in order by
 * an incremental Cholesky factorisation: a column whose residual variance after the earlier accepted columns is
 * below ALIAS_TOLERANCE × its own is aliased (zero rows and columns in the returned inverse).
 */
function invertWithAliasing(a: readonly (readonly number[])[]): { inverse: number[][]; estimable: boolean[] } {
  const k = a.length;
  const accepted: number[] = [];
  const l: number[][] = []; // lower-triangular factor of a[accepted][accepted], row per accepted column
  const estimable = new Array<boolean>(k).fill(false);
  for (let j = 0; j < k; j++) {
    const diag = a[j]![j]!;
    if (!(diag > 0)) continue;
    const row = accepted.map(() => 0);
    for (let r = 0; r < accepted.length; r++) {
      let v = a[j]![accepted[r]!]!;
      for (let c = 0; c < r; c++) v -= row[c]! * l[r]![c]!;
      row[r] = v / l[r]![r]!;
    }
    const residual = diag - row.reduce((s, v) => s + v * v, 0);
    if (residual <= ALIAS_TOLERANCE * diag) continue;
    row.push(Math.sqrt(residual));
    l.push(row);
    accepted.push(j);
    estimable[j] = true;
  }
  // inverse of L Lᵀ = L⁻ᵀ L⁻¹, with L⁻¹ by forward substitution
  const m = accepted.length;
  const lInv = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let c = 0; c < m; c++) {
    for (let r = c; r < m; r++) {
      let v = r === c ? 1 : 0;
      for (let t = c; t < r; t++) v -= l[r]![t]! * lInv[t]![c]!;
      lInv[r]![c] = v / l[r]![r]!;
    }
  }
  const inverse = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) {
      let v = 0;
      for (let t = Math.max(r, c); t < m; t++) v += lInv[t]![r]! * lInv[t]![c]!;
      inverse[accepted[r]!]![accepted[c]!] = v;
    }
  }
  return { inverse, estimable };
}
