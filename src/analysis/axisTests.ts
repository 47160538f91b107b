import type { Axis } from '../demographics/types.js';
import { cochransQ } from '../stats/cochransQ.js';
import { friedman } from '../stats/friedman.js';
import { adjustedAxisTest, eventValue, fitAdjusted, needsAdjustment } from './adjusted.js';
import { eachPair, isWrong, type ContrastPairs } from '../pairing/pairs.js';
import { scoreIdentity, type AnalysedScore } from '../score/table.js';

/** One omnibus test per model and axis: do error rates differ across all the axis's levels at once? */
export interface AxisTest {
  model: string;
  axis: string;
  levels: string[];
  nVignettes: number;
  test: 'cochrans-q' | 'friedman' | 'fixed-effects-wald';
  statistic: number;
  df: number;
  /** `fixed-effects-wald` only: the F test's denominator degrees of freedom (vignettes − 1). */
  denominatorDf?: number;
  p: number;
}

/**
 * Cochran's Q on the vignettes x levels table of wrong (0/1) when each vignette gives one answer per level;
 * Friedman on per-vignette error rates when vignettes give several (replicates), which needs 3+ levels.
 * Only vignettes with every level observed enter (complete blocks). Where level variants have no exact partner
 * (sampled and list designs), the blocks would mix other axes' effects in, so the test is instead the joint Wald F
 * test of the axis's levels in the model that holds the other axes fixed (`fitAdjusted`).
 */
export function analyzeAxes(contrasts: readonly ContrastPairs[], axes: readonly Axis[], modelIds: readonly string[]): AxisTest[] {
  const out: AxisTest[] = [];
  for (const model of modelIds) {
    const modelGroups = contrasts.filter((c) => c.modelId === model);
    if (needsAdjustment(modelGroups)) {
      const fit = fitAdjusted([modelGroups], axes, eventValue(isWrong));
      for (const axis of axes) {
        const t = adjustedAxisTest(fit, axis.id);
        if (t)
          out.push({
            model,
            axis: axis.id,
            levels: [axis.reference, ...t.levels],
            nVignettes: t.nVignettes,
            test: 'fixed-effects-wald',
            statistic: t.statistic,
            df: t.df,
            denominatorDf: t.denominatorDf,
            p: Number.isNaN(t.p) ? 1 : t.p,
          });
      }
      continue;
    }
    for (const axis of axes) {
      const groups = modelGroups.filter((c) => c.axis === axis.id);
      if (groups.length === 0) continue;
      const levels = [axis.reference, ...groups.map((g) => g.level)];
      const cells = new Map<string, Map<string, [number, number]>>(); // vignette -> level -> [wrong, n]
      const add = (vignette: string, level: string, wrong: boolean | null) => {
        if (wrong === null) return;
        const row = cells.get(vignette) ?? new Map<string, [number, number]>();
        const cell = row.get(level) ?? [0, 0];
        cell[0] += wrong ? 1 : 0;
        cell[1]++;
        row.set(level, cell);
        cells.set(vignette, row);
      };
      // Each reference answer once, however many levels it partners: known by its record or table row (one per
      // request key), not by its key, which a table builds as a string on every read.
      const referenceSeen = new Set<AnalysedScore | number>();
      for (const g of groups) {
        for (const p of eachPair(g)) {
          add(p.vignetteId, g.level, isWrong(p.level.outcome));
          const reference = scoreIdentity(p.reference);
          if (!referenceSeen.has(reference)) {
            referenceSeen.add(reference);
            add(p.vignetteId, axis.reference, isWrong(p.reference.outcome));
          }
        }
      }
      const complete = [...cells.entries()].filter(([, row]) => levels.every((l) => row.has(l))).sort(([a], [b]) => a.localeCompare(b));
      if (complete.length < 2) continue;
      const single = complete.every(([, row]) => levels.every((l) => row.get(l)![1] === 1));
      if (single) {
        const q = cochransQ(complete.map(([, row]) => levels.map((l) => row.get(l)![0])));
        out.push({
          model,
          axis: axis.id,
          levels,
          nVignettes: complete.length,
          test: 'cochrans-q',
          statistic: q.statistic,
          df: q.df,
          p: Number.isNaN(q.pValue) ? 1 : q.pValue,
        });
      } else if (levels.length >= 3) {
        const f = friedman(complete.map(([, row]) => levels.map((l) => row.get(l)![0] / row.get(l)![1])));
        out.push({
          model,
          axis: axis.id,
          levels,
          nVignettes: complete.length,
          test: 'friedman',
          statistic: f.statistic,
          df: f.df,
          p: Number.isNaN(f.pValue) ? 1 : f.pValue,
        });
      }
    }
  }
  return out;
}
