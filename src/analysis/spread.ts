import { adjustPValues, type AdjustMethod } from '../stats/adjust.js';
import { chiSquareHomogeneity } from '../stats/chiSquareHomogeneity.js';
import { binaryContrast, VignetteCounter, type IntervalMethod, type VignetteCounts } from './binary.js';
import { eachPair, isWrong, type ContrastPairs } from '../pairing/pairs.js';

/** Error and amplification of one contrast within one domain or one perspective. */
export interface SpreadRow {
  model: string;
  axis: string;
  level: string;
  by: 'domain' | 'perspective';
  group: string;
  nPairs: number;
  rateReference: number;
  rateLevel: number;
  difference: number;
  /** Vignettes of the group with a usable pair. */
  nVignettes: number;
  /** 95% interval of `difference` within the group (unadjusted): Newcombe with one pair per vignette, else cluster-robust Wald. */
  differenceCi: [number, number] | null;
  ciMethod: IntervalMethod;
}

/**
 * Does the disparity differ between groups? Pearson χ² on the groups × 2 table of vignettes whose pairs erred more
 * at the level than at the reference, and the reverse (vignettes with no net difference are left out). One count
 * per vignette, so replicates and factorial cells of a vignette are never counted as independent. It tests whether
 * the direction of disagreement — the paired odds ratio — is the same in every group.
 */
export interface SpreadHeterogeneity {
  test: 'chi-square-discordant-vignettes';
  /** Groups with at least one vignette that differs between the reference and the level. */
  nGroups: number;
  statistic: number;
  df: number;
  p: number;
  /** Adjusted across the heterogeneity tests of one model (the run's adjustment); NaN when untestable. */
  pAdjusted: number;
}

export interface SpreadSummary {
  model: string;
  axis: string;
  level: string;
  by: 'domain' | 'perspective';
  /**
   * The group with the largest observed difference. Only a finding when `worstGroupSupported`: otherwise it is the
   * largest of several noisy estimates (small groups reach extremes most easily) and the report does not name it.
   */
  worstGroup: string;
  worstDifference: number;
  /** Standard deviation of the difference across groups (a mean can hide one domain's disaster). */
  sdDifference: number;
  heterogeneity: SpreadHeterogeneity;
  /** True only when the heterogeneity test rejects after adjustment (pAdjusted < alpha). Exploratory. */
  worstGroupSupported: boolean;
}

export interface SpreadOptions {
  alpha: number;
  adjustment: AdjustMethod;
}

/** Breaks every contrast down by clinical domain and by perspective, and tests whether the groups differ. */
export function analyzeSpread(
  contrasts: readonly ContrastPairs[],
  options: SpreadOptions,
): { rows: SpreadRow[]; summaries: SpreadSummary[] } {
  const rows: SpreadRow[] = [];
  const summaries: SpreadSummary[] = [];
  for (const contrast of contrasts) {
    // Per-vignette counts once per contrast; a vignette's domain and perspective are the same in all its pairs.
    const counter = new VignetteCounter();
    const groupOf = new Map<string, { domain: string; perspective: string }>();
    for (const p of eachPair(contrast)) {
      const ref = isWrong(p.reference.outcome);
      const lvl = isWrong(p.level.outcome);
      if (ref === null || lvl === null) continue;
      counter.add(p.vignetteId, ref, lvl);
      if (!groupOf.has(p.vignetteId)) groupOf.set(p.vignetteId, { domain: p.level.domain, perspective: p.level.perspective });
    }
    const counts = counter.sorted();
    for (const by of ['domain', 'perspective'] as const) {
      const groups = new Map<string, VignetteCounts[]>();
      for (const v of counts) {
        const key = groupOf.get(v.vignetteId)![by];
        const members = groups.get(key);
        if (members) members.push(v);
        else groups.set(key, [v]);
      }
      const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
      const discordant: number[][] = [];
      const these = sorted.map(([group, members]): SpreadRow => {
        // Tests and point estimates only: the interval is Newcombe's or the cluster-robust one, no resampling.
        const stats = binaryContrast(members, { seed: 0, bootstrapResamples: 0, intervals: 'cluster-robust' });
        discordant.push([
          members.filter((v) => v.levelEvents > v.referenceEvents).length,
          members.filter((v) => v.levelEvents < v.referenceEvents).length,
        ]);
        return {
          model: contrast.modelId,
          axis: contrast.axis,
          level: contrast.level,
          by,
          group,
          nPairs: stats.nPairs,
          rateReference: stats.rateReference,
          rateLevel: stats.rateLevel,
          difference: stats.difference,
          nVignettes: stats.nVignettes,
          differenceCi: stats.differenceCi,
          ciMethod: stats.ciMethod,
        };
      });
      rows.push(...these);
      if (these.length === 0) continue;
      const worst = these.reduce((a, b) => (b.difference > a.difference ? b : a));
      const m = these.reduce((a, r) => a + r.difference, 0) / these.length;
      const sd = these.length > 1 ? Math.sqrt(these.reduce((a, r) => a + (r.difference - m) ** 2, 0) / (these.length - 1)) : 0;
      const test = chiSquareHomogeneity(discordant);
      const heterogeneity: SpreadHeterogeneity = {
        test: 'chi-square-discordant-vignettes',
        nGroups: discordant.filter(([b, c]) => b! + c! > 0).length,
        statistic: test.statistic,
        df: test.df,
        p: test.pValue,
        pAdjusted: NaN,
      };
      summaries.push({
        model: contrast.modelId,
        axis: contrast.axis,
        level: contrast.level,
        by,
        worstGroup: worst.group,
        worstDifference: worst.difference,
        sdDifference: sd,
        heterogeneity,
        worstGroupSupported: false,
      });
    }
  }
  // One family per model, as for the findings: every heterogeneity test of its contrasts, by domain and perspective.
  for (const model of new Set(summaries.map((s) => s.model))) {
    const family = summaries.filter((s) => s.model === model);
    const adjusted = adjustPValues(
      family.map((s) => s.heterogeneity.p),
      options.adjustment,
    );
    family.forEach((s, i) => {
      s.heterogeneity.pAdjusted = adjusted[i]!;
      s.worstGroupSupported = adjusted[i]! < options.alpha && s.worstDifference > 0;
    });
  }
  return { rows, summaries };
}
