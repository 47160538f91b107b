import type { Axis } from '../demographics/types.js';
import { adjustPValues, type AdjustMethod } from '../stats/adjust.js';
import { resampleIndices } from '../stats/cluster-bootstrap-sums.js';
import { deriveSeed } from '../util/hash.js';
import { binaryContrast, VignetteCounter, type VignetteCounts } from './binary.js';
import { ENDPOINTS, type Endpoint } from './endpoints.js';
import type { ContrastPairs } from './pairs.js';
import { describeFinding } from './sentence.js';
import { simultaneousLevel } from './simultaneous.js';
import type { Finding, SimultaneousIntervals } from './types.js';

export interface AnalysisOptions {
  alpha: number;
  adjustment: AdjustMethod;
  mcnemar: 'exact' | 'midp';
  seed: number;
  bootstrapResamples: number;
}

/**
 * Disparity of every axis level against its reference, per model and endpoint, then a multiple-comparison
 * adjustment across the contrasts of the same model and endpoint (one family per model and endpoint: each model
 * is audited on its own). Order: model, then study axis order, then level order.
 */
export function analyzeFindings(contrasts: readonly ContrastPairs[], axes: readonly Axis[], modelIds: readonly string[], endpoint: Endpoint, options: AnalysisOptions): Finding[] {
  const counts = ENDPOINTS[endpoint];
  const findings: Finding[] = [];
  for (const modelId of modelIds) {
    const raw: Omit<Finding, 'pAdjusted' | 'significant' | 'sentence' | keyof SimultaneousIntervals>[] = [];
    const countsOf: VignetteCounts[][] = [];
    // One seed and one table of resample draws per model and endpoint, shared by its contrasts (the draws are
    // the bootstrap's main cost); results do not depend on the order contrasts are visited.
    const seed = deriveSeed(options.seed, 'bootstrap', endpoint, modelId);
    const drawTables = new Map<number, Uint32Array>();
    const draws = (nClusters: number) => {
      let table = drawTables.get(nClusters);
      if (!table) drawTables.set(nClusters, (table = resampleIndices(seed, nClusters, options.bootstrapResamples)));
      return table;
    };
    for (const axis of axes) {
      for (const level of axis.levels) {
        const group = contrasts.find((c) => c.modelId === modelId && c.axis === axis.id && c.level === level.id);
        if (!group) continue;
        const counter = new VignetteCounter();
        let excluded = 0;
        for (const pair of group.pairs) {
          const reference = counts(pair.reference.outcome);
          const atLevel = counts(pair.level.outcome);
          if (reference === null || atLevel === null) excluded++;
          else counter.add(pair.vignetteId, reference, atLevel);
        }
        countsOf.push(counter.sorted());
        const stats = binaryContrast(countsOf.at(-1)!, { seed, bootstrapResamples: options.bootstrapResamples, intervals: intervalsFor(endpoint), mcnemar: options.mcnemar, draws });
        raw.push({ endpoint, model: modelId, axis: axis.id, level: level.id, reference: axis.reference, ...stats, adjustment: options.adjustment, nExcludedPairs: excluded });
      }
    }
    const adjusted = adjustPValues(raw.map((f) => f.p), options.adjustment);
    const family = simultaneousLevel(raw.map((f) => f.p), adjusted, options.adjustment, options.alpha);
    raw.forEach((f, i) => {
      const pAdjusted = adjusted[i]!;
      // The same interval methods at the family's level, on the same resample draws.
      const at = Number.isFinite(family.level) ? binaryContrast(countsOf[i]!, { seed, bootstrapResamples: options.bootstrapResamples, intervals: intervalsFor(endpoint), mcnemar: options.mcnemar, draws, confLevel: family.level }) : undefined;
      const simultaneous: SimultaneousIntervals = { differenceCiSimultaneous: at?.differenceCi ?? null, ratioCiSimultaneous: at?.ratioCi ?? null, simultaneousLevel: family.level, simultaneousKind: family.kind, familySize: family.familySize };
      const finding: Finding = { ...f, ...simultaneous, pAdjusted, significant: pAdjusted < options.alpha, sentence: '' };
      finding.sentence = describeFinding(finding, axes, options.alpha);
      findings.push(finding);
    });
  }
  return findings;
}

/** Bootstrap intervals for the primary endpoint; cluster-robust Wald intervals for the secondary ones (cheaper). */
function intervalsFor(endpoint: Endpoint): 'bootstrap' | 'cluster-robust' {
  return endpoint === 'error' ? 'bootstrap' : 'cluster-robust';
}
