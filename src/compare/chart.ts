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
import type { ComparisonResults } from './types.js';

/**
 * Dumbbell chart: one row per model pair × axis level, A's and B's error amplification (points against the
 * reference) as two dots joined by a bar; the bar is red when the change is significant after adjustment. A dot
 * nearer the dashed zero line is the less disparate version. Each version's dot carries its own 95% interval and sits
 * a little above (A) or below (B) the row's centre line, with its own colour and shape, so equal values never hide
 * one version under the other.
 */
export function dumbbellChart(results: ComparisonResults): Chart {
  const several = results.comparisons.length > 1;
  const rows = results.comparisons.flatMap((c) =>
    c.changes.map((ch) => ({
      contrast: `${several ? `${c.a.model} → ${c.b.model} · ` : ''}${ch.axis}: ${ch.level}`,
      A: toPoints(ch.disparityA),
      B: toPoints(ch.disparityB),
      lowA: toPoints(ch.disparityCiA?.[0]),
      highA: toPoints(ch.disparityCiA?.[1]),
      lowB: toPoints(ch.disparityCiB?.[0]),
      highB: toPoints(ch.disparityCiB?.[1]),
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
  // A above, B below the row's centre line: coinciding estimates stay visible as two marks.
  const yOffset = { field: 'version', type: 'nominal' as const, scale: { domain: [versionA, versionB], paddingOuter: 0.5 } };
  const versionColor = {
    field: 'version',
    type: 'nominal' as const,
    scale: { domain: [versionA, versionB], range: [GREY, BLUE] },
    title: null,
    legend: { orient: 'bottom' as const },
  };
  return {
    name: 'dumbbell',
    title,
    caption: [
      `Difference in error rate between each level and its axis's reference level (percentage points) in ${versionA} (grey circle, above the line) and ${versionB} (blue diamond, below it), over the vignettes both could answer, each with its 95% interval (thin line). Overlapping intervals do not mean no change: the change's own interval and test are in the table. A red bar: the change is statistically significant after adjustment and its interval at the family's level excludes no change; orange: borderline (the adjusted test and that interval disagree). Nearer the dashed zero line is less disparate.`,
    ],
    spec: {
      ...chartBase(title, 'percentage points vs reference'),
      data: { values: rows },
      width: 480,
      // A fixed height, not a step: the offset points would ask the row band for a second, conflicting step.
      height: Math.max(1, rows.length) * 28,
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
            // One record per version, with its estimate and interval, placed above (A) or below (B) the row's centre.
            { fold: ['A', 'B'], as: ['side', 'disparity'] },
            { calculate: `datum.side === 'A' ? ${JSON.stringify(versionA)} : ${JSON.stringify(versionB)}`, as: 'version' },
            { calculate: "datum.side === 'A' ? datum.lowA : datum.lowB", as: 'low' },
            { calculate: "datum.side === 'A' ? datum.highA : datum.highB", as: 'high' },
          ],
          layer: [
            {
              mark: { type: 'rule', strokeWidth: 1.5 },
              encoding: { y, yOffset, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, color: versionColor },
            },
            {
              mark: { type: 'point', filled: true, size: 80, opacity: 1 },
              encoding: {
                y,
                yOffset,
                x: { field: 'disparity', type: 'quantitative' },
                color: versionColor,
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
                  { field: 'low', type: 'quantitative', title: '95% CI, low' },
                  { field: 'high', type: 'quantitative', title: '95% CI, high' },
                  { field: 'change', type: 'quantitative', title: 'change B − A (points)' },
                  { field: 'changeLow', type: 'quantitative', title: 'change CI at the family level, low' },
                  { field: 'changeHigh', type: 'quantitative', title: 'change CI at the family level, high' },
                  { field: 'pAdjusted', type: 'nominal', title: 'adjusted p' },
                ],
              },
            },
          ],
        },
      ],
    },
  };
}
