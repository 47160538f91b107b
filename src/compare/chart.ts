import type { Axis } from '../demographics/types.js';
import { agreement } from '../analysis/sentence.js';
import {
  BLUE,
  BORDERLINE,
  chartBase,
  GREY,
  NOT_SIGNIFICANT,
  ORANGE,
  RED,
  SIGNIFICANT,
  toPoints,
  type Chart,
} from '../report/charts/common.js';
import { pValue } from '../report/format.js';
import { levelLabel } from './sentences.js';
import type { ComparisonResults } from './types.js';

/**
 * Dumbbell chart: one row per model pair × axis level, A's and B's error amplification (points against the
 * reference) as two dots joined by a bar; the bar is red when the change is significant after adjustment. A dot
 * nearer the dashed zero line is the less disparate version.
 */
export function dumbbellChart(results: ComparisonResults, axes: readonly Axis[]): Chart {
  const several = results.comparisons.length > 1;
  const rows = results.comparisons.flatMap((c) =>
    c.changes.map((ch) => ({
      contrast: `${several ? `${c.a.model} → ${c.b.model} · ` : ''}${levelLabel(axes, ch.axis, ch.level)}`,
      A: toPoints(ch.disparityA),
      B: toPoints(ch.disparityB),
      change: toPoints(ch.change),
      changeLow: toPoints((ch.changeCiSimultaneous ?? ch.changeCi)?.[0]),
      changeHigh: toPoints((ch.changeCiSimultaneous ?? ch.changeCi)?.[1]),
      pAdjusted: pValue(ch.pAdjusted),
      significance: {
        significant: SIGNIFICANT,
        'not-significant': NOT_SIGNIFICANT,
        'borderline-test-only': BORDERLINE,
        'borderline-interval-only': BORDERLINE,
      }[agreement(ch.significant, ch.changeCiSimultaneous)],
    })),
  );
  // One model pair: name the versions in the legend; several: the rows name the models and the legend says A/B.
  const only = several ? undefined : results.comparisons[0];
  const versionA = only ? `A: ${only.a.label}` : 'A';
  const versionB = only ? `B: ${only.b.label}` : 'B';
  const y = { field: 'contrast', type: 'nominal', sort: null, title: null } as const;
  const title = 'Error amplification in A and in B';
  return {
    name: 'dumbbell',
    title,
    caption: [
      `Difference in error rate between each level and its axis's reference level (percentage points) in ${versionA} and ${versionB}, over the vignettes both could answer. A red bar: the change is statistically significant after adjustment and its interval at the family's level excludes no change; orange: borderline (the adjusted test and that interval disagree). Nearer the dashed zero line is less disparate.`,
    ],
    spec: {
      ...chartBase(title, 'percentage points vs reference'),
      data: { values: rows },
      width: 480,
      height: { step: 22 },
      resolve: { scale: { color: 'independent', shape: 'independent' } },
      layer: [
        { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 0 } } },
        {
          mark: { type: 'rule', strokeWidth: 3 },
          encoding: {
            y,
            x: { field: 'A', type: 'quantitative', title: 'Error rate difference (percentage points)' },
            x2: { field: 'B' },
            color: {
              field: 'significance',
              type: 'nominal',
              scale: { domain: [SIGNIFICANT, BORDERLINE, NOT_SIGNIFICANT], range: [RED, ORANGE, '#cccccc'] },
              title: 'change B − A',
              legend: { orient: 'bottom' },
            },
          },
        },
        {
          transform: [
            { fold: ['A', 'B'], as: ['side', 'disparity'] },
            { calculate: `datum.side === 'A' ? ${JSON.stringify(versionA)} : ${JSON.stringify(versionB)}`, as: 'version' },
          ],
          mark: { type: 'point', filled: true, size: 90, opacity: 1 },
          encoding: {
            y,
            x: { field: 'disparity', type: 'quantitative' },
            color: {
              field: 'version',
              type: 'nominal',
              scale: { domain: [versionA, versionB], range: [GREY, BLUE] },
              title: null,
              legend: { orient: 'bottom' },
            },
            shape: {
              field: 'version',
              type: 'nominal',
              scale: { domain: [versionA, versionB], range: ['circle', 'diamond'] },
              title: null,
            },
            tooltip: [
              { field: 'contrast', type: 'nominal' },
              { field: 'version', type: 'nominal' },
              { field: 'disparity', type: 'quantitative', title: 'difference (points)' },
              { field: 'change', type: 'quantitative', title: 'change B − A (points)' },
              { field: 'changeLow', type: 'quantitative', title: 'change CI at the family level, low' },
              { field: 'changeHigh', type: 'quantitative', title: 'change CI at the family level, high' },
              { field: 'pAdjusted', type: 'nominal', title: 'adjusted p' },
            ],
          },
        },
      ],
    },
  };
}
