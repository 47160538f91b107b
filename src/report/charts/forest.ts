import { agreement, familyLabel } from '../../analysis/sentence.js';
import { percent, pValue } from '../format.js';
import type { ReportContext } from '../sources.js';
import { BORDERLINE, chartBase, GREY, NOT_SIGNIFICANT, ORANGE, RED, SIGNIFICANT, toPoints, type Chart } from './common.js';

/**
 * Forest plot of error amplification: one row per model × axis level, the difference in error rate against the
 * reference (points) with its interval at the family's level (the one consistent with the adjusted significance the
 * colour shows; the unadjusted 95% interval for a results.json that has none), a zero line for "no difference".
 * Significant contrasts are red diamonds, the rest grey circles (shape as well as colour, for readers who cannot
 * tell red from grey).
 */
export function forestChart(ctx: ReportContext): Chart | null {
  const findings = ctx.results.findings;
  if (findings.length === 0) return null;
  const family = familyLabel(findings, ctx.manifest.analysis.alpha);
  const simultaneous = family !== undefined;
  const label = family ?? '95% CI, unadjusted';
  const interval = (f: (typeof findings)[number]) => (simultaneous ? f.differenceCiSimultaneous : f.differenceCi);
  const rows = findings.map((f) => ({
    contrast: ctx.contrastLabel(f),
    difference: toPoints(f.difference),
    low: toPoints(interval(f)?.[0]) ?? toPoints(f.difference),
    high: toPoints(interval(f)?.[1]) ?? toPoints(f.difference),
    errorReference: percent(f.rateReference),
    errorLevel: percent(f.rateLevel),
    pAdjusted: pValue(f.pAdjusted),
    significance: {
      significant: SIGNIFICANT,
      'not-significant': NOT_SIGNIFICANT,
      'borderline-test-only': BORDERLINE,
      'borderline-interval-only': BORDERLINE,
    }[agreement(f.significant, simultaneous ? f.differenceCiSimultaneous : undefined)],
  }));
  const y = { field: 'contrast', type: 'nominal', sort: null, title: null } as const;
  const title = 'Error amplification by demographic level';
  return {
    name: 'forest',
    title,
    caption: [
      `Difference in error rate (wrong, refused or unparseable) between each level and its reference over the same vignettes, in percentage points, with ${simultaneous ? `intervals at the family's level (${label}), the ones consistent with the adjusted significance the colour shows (orange triangles: borderline, the adjusted test and the interval disagree); the unadjusted 95% intervals are in the findings table` : 'unadjusted 95% confidence intervals'}. Right of zero: the level is answered wrongly more often.`,
    ],
    spec: {
      ...chartBase(title, `percentage points vs reference, ${label}`),
      data: { values: rows },
      width: 480,
      height: { step: 20 },
      layer: [
        { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 0 } } },
        {
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            y,
            x: { field: 'low', type: 'quantitative', title: 'difference in error rate (points)' },
            x2: { field: 'high' },
            color: { field: 'significance', type: 'nominal' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 80, opacity: 1 },
          encoding: {
            y,
            x: { field: 'difference', type: 'quantitative' },
            color: {
              field: 'significance',
              type: 'nominal',
              scale: { domain: [SIGNIFICANT, BORDERLINE, NOT_SIGNIFICANT], range: [RED, ORANGE, GREY] },
              title: null,
              legend: { orient: 'bottom', direction: 'vertical' },
            },
            shape: {
              field: 'significance',
              type: 'nominal',
              scale: { domain: [SIGNIFICANT, BORDERLINE, NOT_SIGNIFICANT], range: ['diamond', 'triangle-up', 'circle'] },
              title: null,
            },
            tooltip: [
              { field: 'contrast', type: 'nominal' },
              { field: 'errorReference', type: 'nominal', title: 'error at reference' },
              { field: 'errorLevel', type: 'nominal', title: 'error at level' },
              { field: 'difference', type: 'quantitative', title: 'difference (points)' },
              { field: 'low', type: 'quantitative', title: `${label}, low` },
              { field: 'high', type: 'quantitative', title: `${label}, high` },
              { field: 'pAdjusted', type: 'nominal', title: 'adjusted p' },
            ],
          },
        },
      ],
    },
  };
}
