import type { Axis } from '../demographics/types.js';
import type { ScoreList } from '../score/rows.js';
import { raoScottProportion } from '../stats/raoScottProportion.js';
import type { AnalysedScore } from '../score/table.js';
import type { Design } from '../study/types.js';
import { isWrong } from '../pairing/pairs.js';

/** Whether the design varies this axis jointly with the others, so that its levels are balanced over them. */
function crossed(design: Design, axis: string): boolean {
  switch (design.kind) {
    case 'one-at-a-time':
    case 'list':
      return false;
    case 'factorial':
      return design.axes.includes(axis);
    case 'sampled':
      return true;
  }
}

/**
 * Accuracy of one model for one demographic level, over every answer given at that level (FDA's draft guidance on
 * AI-enabled device software functions asks for performance by race, ethnicity, sex and age group beside the
 * overall figure). Unpaired, descriptive: the paired contrasts (findings) are what test a disparity.
 */
export interface SubgroupPerformance {
  model: string;
  axis: string;
  level: string;
  /** The axis's reference level: its answers are every variant with this axis at reference. */
  reference: boolean;
  /** Answers scored (a request error or an answer awaiting a judge is not one). */
  answers: number;
  correct: number;
  /** Vignettes contributing answers: the clusters of the interval. */
  vignettes: number;
  accuracy: number;
  accuracyCi: [number, number];
  /** 1 − accuracy: wrong, refused or unparseable, as error amplification counts them. */
  errorRate: number;
  errorRateCi: [number, number];
  /** Of the interval: answers of one vignette are correlated (replicates, factorial cells), so counts are divided by it. */
  designEffect: number;
}

/**
 * Per model, axis and level: correct answers among scored answers with a cluster-robust 95% interval (vignettes are
 * the clusters; `raoScottProportion`). Reference and demographic variants only (controls are not a level).
 *
 * A level's answers must not carry another axis's effect: in a one-at-a-time design the medicaid variant is also
 * race=white, and pooling it into "white" would show a race difference made by insurance. So a variant counts for
 * its level on an axis only when every other axis is at its reference (or pinned by the vignette), except axes the
 * design crosses with it (a factorial's axes among themselves, a sampled design's): those are balanced across the
 * levels, and pooled.
 */
export function analyzeSubgroups(
  scores: ScoreList,
  axes: readonly Axis[],
  modelIds: readonly string[],
  design: Design,
): SubgroupPerformance[] {
  // `model\0axis\0level` -> vignette -> [answers, correct]
  const cells = new Map<string, Map<string, [number, number]>>();
  // Per axis, the other axes a variant must hold at reference to count for its level (computed once, not per score).
  const heldAxes = new Map(
    axes.map((axis) => [axis, axes.filter((other) => other !== axis && !(crossed(design, axis.id) && crossed(design, other.id)))]),
  );
  // The cells a variant counts for depend on its model, attributes and pinned axes only: computed once per
  // (model, attributes object, pinned object) — variants share these objects — not once per score and axis.
  const known = new Map<string, Map<object, Map<object, Map<string, [number, number]>[]>>>();
  const cellsOf = (s: AnalysedScore): Map<string, [number, number]>[] => {
    let byAttributes = known.get(s.modelId);
    if (!byAttributes) known.set(s.modelId, (byAttributes = new Map()));
    let byPinned = byAttributes.get(s.attributes);
    if (!byPinned) byAttributes.set(s.attributes, (byPinned = new Map()));
    let counted = byPinned.get(s.pinned);
    if (counted) return counted;
    counted = [];
    for (const axis of axes) {
      const level = s.attributes[axis.id];
      if (level === undefined) continue;
      const held = heldAxes.get(axis)!;
      if (
        held.some(
          (other) => s.attributes[other.id] !== undefined && s.attributes[other.id] !== other.reference && s.pinned[other.id] === undefined,
        )
      )
        continue;
      const key = `${s.modelId}\u0000${axis.id}\u0000${level}`;
      let byVignette = cells.get(key);
      if (!byVignette) cells.set(key, (byVignette = new Map()));
      counted.push(byVignette);
    }
    byPinned.set(s.pinned, counted);
    return counted;
  };
  for (const s of scores) {
    if (s.kind !== 'reference' && s.kind !== 'demographic') continue;
    const wrong = isWrong(s.outcome);
    if (wrong === null) continue;
    for (const byVignette of cellsOf(s)) {
      const cell = byVignette.get(s.vignetteId) ?? [0, 0];
      cell[0]++;
      if (!wrong) cell[1]++;
      byVignette.set(s.vignetteId, cell);
    }
  }
  const rows: SubgroupPerformance[] = [];
  for (const model of modelIds)
    for (const axis of axes)
      for (const level of axis.levels) {
        const byVignette = cells.get(`${model}\u0000${axis.id}\u0000${level.id}`);
        if (!byVignette) continue;
        const r = raoScottProportion([...byVignette.values()].map(([trials, events]) => ({ trials, events })));
        rows.push({
          model,
          axis: axis.id,
          level: level.id,
          reference: level.id === axis.reference,
          answers: r.trials,
          correct: r.events,
          vignettes: r.clusters,
          accuracy: r.estimate,
          accuracyCi: [r.low, r.high],
          errorRate: 1 - r.estimate,
          errorRateCi: [1 - r.high, 1 - r.low],
          designEffect: r.designEffect,
        });
      }
  return rows;
}
