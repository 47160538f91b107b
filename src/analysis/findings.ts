import type { Axis } from '../demographics/types.js';
import { adjustPValues, type AdjustMethod } from '../stats/adjust.js';
import { deriveSeed } from '../util/hash.js';
import { DEFAULT_TARGET_RATIO, detectableEffect, detectableFromStandardError, familyAlpha } from '../power/detectable.js';
import { criticalCounts } from '../power/mcnemarPower.js';
import { adjustedContrast, eventValue, fitAdjusted, needsAdjustment, type AdjustedContrast } from './adjusted.js';
import { binaryContrast, type BinaryContrastStats, VignetteCounter, type VignetteCounts } from './binary.js';
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
  /** Confidence level of the intervals (default 0.95; the equivalence gate asks for 1 − 2·alpha). */
  confLevel?: number;
  /** The amplification each error finding's power is stated against (`analysis.target_ratio`, default 1.5). */
  targetRatio?: number;
}

/**
 * Disparity of every axis level against its reference, per model and endpoint, then a multiple-comparison
 * adjustment across the contrasts of the same model and endpoint (one family per model and endpoint: each model
 * is audited on its own). Order: model, then study axis order, then level order.
 *
 * Where every level variant has an exact partner (one-at-a-time and factorial designs), the paired tests of
 * `binaryContrast` are used. Where some do not (sampled and list designs, imports with several axes changed at
 * once), comparing with the all-reference variant would attribute other axes' effects to this one, so every
 * level of the model is estimated with the other axes held fixed (`fitAdjusted`, test `vignette-fixed-effects`);
 * the discordant counts b and c are then the unadjusted ones against the vignette's reference variant.
 */
export function analyzeFindings(
  contrasts: readonly ContrastPairs[],
  axes: readonly Axis[],
  modelIds: readonly string[],
  endpoint: Endpoint,
  options: AnalysisOptions,
): Finding[] {
  const counts = ENDPOINTS[endpoint];
  const findings: Finding[] = [];
  for (const modelId of modelIds) {
    const raw: Omit<Finding, 'pAdjusted' | 'significant' | 'sentence' | keyof SimultaneousIntervals>[] = [];
    const rawCounts: VignetteCounts[][] = [];
    const estimates: (AdjustedContrast | undefined)[] = [];
    const seed = deriveSeed(options.seed, 'bootstrap', endpoint, modelId);
    const groups = contrasts.filter((c) => c.modelId === modelId);
    const fit = needsAdjustment(groups) ? fitAdjusted([groups], axes, eventValue(counts)) : undefined;
    for (const axis of axes) {
      for (const level of axis.levels) {
        const group = groups.find((c) => c.axis === axis.id && c.level === level.id);
        if (!group) continue;
        const counter = new VignetteCounter();
        let excluded = 0;
        for (const pair of group.pairs) {
          const reference = counts(pair.reference.outcome);
          const atLevel = counts(pair.level.outcome);
          if (reference === null || atLevel === null) excluded++;
          else counter.add(pair.vignetteId, reference, atLevel);
        }
        const sorted = counter.sorted();
        const estimate = fit ? adjustedContrast(fit, axis.id, level.id, options.confLevel ?? 0.95) : undefined;
        const stats = estimate
          ? withAdjustedEstimate(binaryContrast(sorted, { seed, bootstrapResamples: 0, mcnemar: options.mcnemar }), estimate)
          : {
              ...binaryContrast(sorted, {
                seed,
                bootstrapResamples: options.bootstrapResamples,
                mcnemar: options.mcnemar,
                confLevel: options.confLevel,
              }),
              nExcluded: excluded,
            };
        const { nExcluded, ...contrast } = stats;
        rawCounts.push(sorted);
        estimates.push(estimate);
        raw.push({
          endpoint,
          model: modelId,
          axis: axis.id,
          level: level.id,
          reference: axis.reference,
          ...contrast,
          adjustment: options.adjustment,
          nExcludedPairs: nExcluded,
        });
      }
    }
    const adjusted = adjustPValues(
      raw.map((f) => f.p),
      options.adjustment,
    );
    const family = simultaneousLevel(
      raw.map((f) => f.p),
      adjusted,
      options.adjustment,
      options.alpha,
    );
    // What each error contrast could have detected, at the alpha its family's adjustment leaves it (primary endpoint only).
    const mdeAlpha = familyAlpha(options.alpha, raw.length, options.adjustment);
    const critical = criticalCounts(mdeAlpha);
    raw.forEach((f, i) => {
      const pAdjusted = adjusted[i]!;
      const targetRatio = options.targetRatio ?? DEFAULT_TARGET_RATIO;
      const estimate = estimates[i];
      const detectable =
        endpoint !== 'error'
          ? {}
          : estimate
            ? detectableFromStandardError(estimate.standardError, estimate.df, estimate.nPairs, f.rateReference, mdeAlpha, targetRatio)
            : detectableEffect(rawCounts[i]!, f.rateReference, mdeAlpha, targetRatio, critical);
      // The same interval methods at the family's level.
      const at = !Number.isFinite(family.level)
        ? undefined
        : estimate
          ? adjustedContrast(fit!, f.axis, f.level, family.level)
          : binaryContrast(rawCounts[i]!, {
              seed,
              bootstrapResamples: options.bootstrapResamples,
              mcnemar: options.mcnemar,
              confLevel: family.level,
            });
      const simultaneous: SimultaneousIntervals = {
        differenceCiSimultaneous: at?.differenceCi ?? null,
        ratioCiSimultaneous: at?.ratioCi ?? null,
        simultaneousLevel: family.level,
        simultaneousKind: family.kind,
        familySize: family.familySize,
      };
      const finding: Finding = { ...f, ...simultaneous, pAdjusted, significant: pAdjusted < options.alpha, ...detectable, sentence: '' };
      finding.sentence = describeFinding(finding, axes, options.alpha);
      findings.push(finding);
    });
  }
  return findings;
}

/** The adjusted estimate and test in place of the marginal pairs' ones; b and c stay as the descriptive counts. */
function withAdjustedEstimate(marginal: BinaryContrastStats, a: AdjustedContrast): BinaryContrastStats & { nExcluded: number } {
  return {
    ...marginal,
    nVignettes: a.nVignettes,
    nPairs: a.nPairs,
    rateReference: a.rateReference,
    rateLevel: a.rateLevel,
    difference: a.difference,
    differenceCi: a.differenceCi,
    ratio: a.ratio,
    ratioCi: a.ratioCi,
    oddsRatio: NaN,
    test: 'vignette-fixed-effects',
    statistic: a.statistic,
    p: a.p,
    logP: Math.log(a.p),
    ciMethod: 'vignette-fixed-effects',
    ratioCiMethod: 'vignette-fixed-effects',
    nExcluded: a.nExcluded,
  };
}
