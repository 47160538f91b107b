import type { Axis } from '../demographics/types.js';
import type { ScoreList } from '../score/rows.js';
import { adjustPValues, type AdjustMethod } from '../stats/adjust.js';
import { deriveSeed } from '../util/hash.js';
import { DEFAULT_TARGET_RATIO, detectableEffect, detectableFromStandardError, familyAlpha } from '../power/detectable.js';
import { criticalCounts } from '../power/mcnemarPower.js';
import { adjustedContrast, eventValue, fitAdjusted, needsAdjustment, type AdjustedContrast, type AdjustedFit } from './adjusted.js';
import { binaryContrast, type BinaryContrastStats, VignetteCounter, type VignetteCounts } from './binary.js';
import { DiscordantOutcomeCounter } from './discordantOutcomes.js';
import { ENDPOINTS, type Endpoint } from './endpoints.js';
import { contrastFamilies, levelComparisons, type ContrastFamily } from './contrasts.js';
import { eachPair, pairComparisons, pairContrasts, type ContrastPairs } from '../pairing/pairs.js';
import type { ContrastSpec } from '../study/contrasts.js';
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
  /** Declared contrast families (`contrasts:`); absent: every level against its axis's reference, in one family. */
  contrasts?: readonly ContrastSpec[];
}

/**
 * The pairs the findings need: every level against its axis's reference (`pairContrasts`), and the declared
 * comparisons against another level (`pairComparisons`).
 */
export function findingPairs(
  scores: ScoreList,
  axes: readonly Axis[],
  options: Pick<AnalysisOptions, 'contrasts' | 'adjustment'>,
  base: readonly ContrastPairs[] = pairContrasts(scores, axes),
): ContrastPairs[] {
  if (!options.contrasts) return [...base];
  return [...base, ...pairComparisons(scores, levelComparisons(contrastFamilies(options.contrasts, axes, options.adjustment), axes))];
}

/**
 * Disparity of every compared level, per model and endpoint, then a multiple-comparison adjustment within each
 * family of the same model and endpoint (each model is audited on its own). Without declared contrasts there is one
 * family per model and endpoint, every axis level against its reference, in study axis order then level order. With
 * `contrasts:` each declared family is its own (its comparisons in the declared order, its own adjustment), and its
 * findings carry the family's name as `contrast`; `reference` is then the level compared against.
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
  const families = contrastFamilies(options.contrasts, axes, options.adjustment);
  for (const modelId of modelIds) {
    const seed = deriveSeed(options.seed, 'bootstrap', endpoint, modelId);
    const groups = contrasts.filter((c) => c.modelId === modelId);
    const againstReference = groups.filter((c) => c.versus === undefined);
    const fit = needsAdjustment(againstReference) ? fitAdjusted([againstReference], axes, eventValue(counts)) : undefined;
    for (const family of families) findings.push(...familyFindings(family, groups, fit, { modelId, seed, endpoint, axes, options }));
  }
  return findings;
}

interface FamilyContext {
  modelId: string;
  seed: number;
  endpoint: Endpoint;
  axes: readonly Axis[];
  options: AnalysisOptions;
}

/** The findings of one family of one model and endpoint: each comparison tested, then adjusted within the family. */
function familyFindings(
  family: ContrastFamily,
  groups: readonly ContrastPairs[],
  fit: AdjustedFit | undefined,
  { modelId, seed, endpoint, axes, options }: FamilyContext,
): Finding[] {
  const counts = ENDPOINTS[endpoint];
  const findings: Finding[] = [];
  const raw: Omit<Finding, 'pAdjusted' | 'significant' | 'sentence' | keyof SimultaneousIntervals>[] = [];
  const rawCounts: VignetteCounts[][] = [];
  const estimates: (AdjustedContrast | undefined)[] = [];
  for (const comparison of family.comparisons) {
    const axis = axes.find((a) => a.id === comparison.axis)!;
    const againstReference = comparison.versus === axis.reference;
    const group = groups.find(
      (c) => c.axis === axis.id && c.level === comparison.level && c.versus === (againstReference ? undefined : comparison.versus),
    );
    // A declared comparison without a single pair is reported as untested, never dropped without a word.
    if (!group && family.name === undefined) continue;
    const counter = new VignetteCounter();
    const outcomes = endpoint === 'error' ? new DiscordantOutcomeCounter() : undefined;
    let excluded = 0;
    for (const pair of group ? eachPair(group) : []) {
      const reference = counts(pair.reference.outcome);
      const atLevel = counts(pair.level.outcome);
      if (reference === null || atLevel === null) excluded++;
      else {
        counter.add(pair.vignetteId, reference, atLevel);
        outcomes?.add(pair.reference.outcome, pair.level.outcome);
      }
    }
    const sorted = counter.sorted();
    // The adjusted model estimates levels against their axis's reference only; declared level pairs are all exact.
    const estimate = fit && againstReference ? adjustedContrast(fit, axis.id, comparison.level, options.confLevel ?? 0.95) : undefined;
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
      level: comparison.level,
      reference: comparison.versus,
      ...contrast,
      adjustment: family.adjustment,
      nExcludedPairs: nExcluded,
      ...(family.name === undefined ? {} : { contrast: family.name }),
      ...(outcomes ? { discordantOutcomes: outcomes.counts() } : {}),
    });
  }
  const adjusted = adjustPValues(
    raw.map((f) => f.p),
    family.adjustment,
  );
  const simultaneous = simultaneousLevel(
    raw.map((f) => f.p),
    adjusted,
    family.adjustment,
    options.alpha,
  );
  // What each error contrast could have detected, at the alpha its family's adjustment leaves it (primary endpoint only).
  const mdeAlpha = familyAlpha(options.alpha, raw.length, family.adjustment);
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
    const at = !Number.isFinite(simultaneous.level)
      ? undefined
      : estimate
        ? adjustedContrast(fit!, f.axis, f.level, simultaneous.level)
        : binaryContrast(rawCounts[i]!, {
            seed,
            bootstrapResamples: options.bootstrapResamples,
            mcnemar: options.mcnemar,
            confLevel: simultaneous.level,
          });
    const intervals: SimultaneousIntervals = {
      differenceCiSimultaneous: at?.differenceCi ?? null,
      ratioCiSimultaneous: at?.ratioCi ?? null,
      simultaneousLevel: simultaneous.level,
      simultaneousKind: simultaneous.kind,
      familySize: simultaneous.familySize,
    };
    const finding: Finding = { ...f, ...intervals, pAdjusted, significant: pAdjusted < options.alpha, ...detectable, sentence: '' };
    finding.sentence = describeFinding(finding, axes, options.alpha);
    findings.push(finding);
  });
  return findings;
}

/** The adjusted estimate and test in place of the marginal pairs' ones; b and c stay as the descriptive counts. */
export function withAdjustedEstimate(marginal: BinaryContrastStats, a: AdjustedContrast): BinaryContrastStats & { nExcluded: number } {
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
