import { groupErrors, type GroupBy } from '../data/groupErrors.js';
import { percent, points } from '../format.js';
import type { ReportContext } from '../sources.js';
import { withCues } from '../content/cueModes.js';
import { absentCells, BLUE, cellKey, cellText, chartBase, missingCells, toPoints, type Chart } from './common.js';

/**
 * Error and amplification by clinical domain or by perspective: on top the error rate of the reference
 * variants per group (the baseline), below it a heat map of the amplification of every level within each
 * group (points, diverging around zero), because a mean across domains can hide one domain's disaster.
 */
export function spreadChart(ctx: ReportContext, by: GroupBy): Chart | null {
  const rows = ctx.results.spread.filter((r) => r.by === by);
  if (rows.length === 0) return null;
  const multiModel = ctx.modelIds.length > 1;
  const rowLabel = (model: string, group: string) => (multiModel ? `${model} · ${group}` : group);
  const groups = [...new Set(rows.map((r) => rowLabel(r.model, r.group)))].sort();
  const levelOf = (r: (typeof rows)[number]) => withCues(`${r.axis}: ${r.level}`, r);
  const levels = [...new Map(rows.map((r) => [levelOf(r), r])).values()].sort(ctx.contrastOrder).map(levelOf);
  const baseline = groupErrors(ctx, by).map((g) => ({
    group: rowLabel(g.model, g.group),
    error: toPoints(g.errorRate),
    answers: g.nAnswers,
  }));
  const cells = rows.map((r) => ({
    group: rowLabel(r.model, r.group),
    level: levelOf(r),
    difference: toPoints(r.difference),
    errorReference: percent(r.rateReference),
    errorLevel: percent(r.rateLevel),
    pairs: r.nPairs,
    label: points(r.difference, 0),
  }));
  const missing = absentCells(groups, levels, new Set(cells.map((c) => cellKey(c.group, c.level)))).map(([group, level]) => ({
    group,
    level,
  }));
  const extreme = Math.max(5, ...cells.map((c) => Math.abs(c.difference ?? 0)));
  const y = { field: 'group', type: 'nominal', sort: groups, title: by } as const;
  const title = `Error and amplification by ${by}`;
  return {
    name: `spread-${by}`,
    title,
    caption: [
      `Top: error rate of the reference variants in each ${by}. Below: error amplification (level minus reference, percentage points, same pairs) of every level within each ${by}; red is worse for the level, blue better, and each cell gives the difference in whole points; n/a: no pairs for that level in that group (not a zero). Small groups are noisy: check the pair counts in tables/spread.csv. Exploratory, not adjusted for multiple comparisons.`,
    ],
    spec: {
      ...chartBase(title),
      vconcat: [
        {
          data: { values: baseline },
          width: 140,
          height: { step: 16 },
          mark: { type: 'bar', color: BLUE },
          encoding: {
            y,
            x: { field: 'error', type: 'quantitative', title: 'error at reference (%)', scale: { domain: [0, 100] } },
            tooltip: [
              { field: 'group', type: 'nominal' },
              { field: 'error', type: 'quantitative', title: 'error (%)' },
              { field: 'answers', type: 'quantitative' },
            ],
          },
        },
        {
          data: { values: cells },
          width: { step: 30 },
          height: { step: 16 },
          encoding: {
            y: { ...y, title: null },
            x: { field: 'level', type: 'nominal', sort: levels, title: null, axis: { labelAngle: -40, orient: 'top' } },
          },
          layer: [
            {
              mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
              encoding: {
                color: {
                  field: 'difference',
                  type: 'quantitative',
                  scale: { scheme: 'redblue', reverse: true, domain: [-extreme, extreme] },
                  title: ['level minus', 'reference (points)'],
                  legend: { orient: 'bottom' },
                },
                tooltip: [
                  { field: 'group', type: 'nominal', title: by },
                  { field: 'level', type: 'nominal' },
                  { field: 'errorReference', type: 'nominal', title: 'error at reference' },
                  { field: 'errorLevel', type: 'nominal', title: 'error at level' },
                  { field: 'difference', type: 'quantitative', title: 'difference (points)' },
                  { field: 'pairs', type: 'quantitative' },
                ],
              },
            },
            cellText('label', 'difference', extreme / 2),
            ...missingCells(missing),
          ],
        },
      ],
    },
  };
}
