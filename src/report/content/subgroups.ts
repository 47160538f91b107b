import type { SubgroupPerformance } from '../../analysis/subgroups.js';
import { paragraph, table, type Block, type DisplayTable } from '../document/blocks.js';
import { count, percent, percentInterval } from '../format.js';
import type { ReportContext } from '../sources.js';

/**
 * Subgroup performance in the shape regulators ask for (accuracy and error rate per demographic group with
 * intervals), said to be descriptive: each level's answers are pooled over vignettes, unpaired; the findings are what
 * test whether a level differs from its reference on the same cases.
 */
export function subgroupBlocks(ctx: ReportContext): Block[] {
  const rows = ctx.results.subgroups;
  if (rows === undefined)
    return [paragraph('This run was analysed before subgroup performance was computed; run `counterfair analyze` again to add it.')];
  const multiModel = ctx.modelIds.length > 1;
  const cues = rows.some((r) => r.cues !== undefined);
  const display: DisplayTable = {
    headers: [
      ...(multiModel ? ['model'] : []),
      ...(cues ? ['cues'] : []),
      'axis',
      'level',
      'answers',
      'vignettes',
      'accuracy',
      'accuracy 95% CI',
      'error rate',
      'error rate 95% CI',
    ],
    rows: rows.map((r: SubgroupPerformance & { cues?: string }) => ({
      cells: [
        ...(multiModel ? [r.model] : []),
        ...(cues ? [r.cues ?? ''] : []),
        ctx.axes.find((a) => a.id === r.axis)?.label ?? r.axis,
        `${ctx.levelLabel(r.axis, r.level)}${r.reference ? ' (reference)' : ''}`,
        count(r.answers),
        count(r.vignettes),
        percent(r.accuracy),
        percentInterval(r.accuracyCi),
        percent(r.errorRate),
        percentInterval(r.errorRateCi),
      ],
    })),
  };
  return [
    paragraph(
      "Accuracy per demographic level: every scored answer given at that level, pooled over vignettes (a refusal or an unreadable answer counts as not correct; a failed request is left out). Intervals are 95% cluster-robust intervals with vignettes as clusters (Wilson limits on counts divided by the design effect, t critical value). These figures are descriptive and unpaired; whether a level's errors differ from its reference's on the same cases is what the paired findings test.",
    ),
    table(display, 'No scored answers at any level.'),
  ];
}
