import type { CareIntensityFinding } from '../../analysis/careIntensity.js';
import { familyLabel } from '../../analysis/sentence.js';
import { paragraph, table, type Block, type DisplayTable } from '../document/blocks.js';
import { count, decimal, decimalInterval, percent, plural, points, pointsInterval, pValue, ratio, ratioInterval } from '../format.js';
import type { ReportContext } from '../sources.js';
import { CONTRAST_HEADERS, contrastCells } from './cueModes.js';
import { adjustmentName } from './methods.js';

/**
 * The direction-of-care results of care-intensity questions (no correct answer): one sentence on what was compared
 * and what was found, then every contrast. Empty when the run has none (or its results.json predates them).
 */
export function careIntensityBlocks(ctx: ReportContext): Block[] {
  const findings = ctx.results.careIntensity ?? [];
  if (findings.length === 0) return [];
  const { alpha, adjustment } = ctx.manifest.analysis;
  const significant = findings.filter((f) => f.significant);
  const verdict = significant.length
    ? `care differs from the reference for ${significant.map((f) => `${ctx.contrastLabel(f)} (${f.kind}: ${towards(f)})`).join(', ')}`
    : 'no level was recommended significantly more or less care than its reference';
  return [
    paragraph(
      `Care-intensity questions (admission, imaging, referral, analgesia) have no single correct answer, so they are never scored right or wrong and count in no error finding. Each level is compared with the model's own answer to the reference variant of the same vignette: for yes/no recommendations the share of pairs given the more-care answer at the level and at the reference, their difference and ratio with 95% intervals (and intervals at the family's level, which agree with the adjusted p) and McNemar's test (clustered with several pairs per vignette); for care levels the mean change in steps of care per vignette, with Wilcoxon's signed-rank test. `,
      `P-values are ${adjustmentName(adjustment)}-adjusted across the ${plural(findings.length, 'care contrast')} of each model, and a significant one is a finding like any other. At alpha ${alpha}, ${verdict}. A dash for a care level's interval: every vignette changed by the same number of steps (often none), too little variation for a t interval — not certainty that nothing moved.`,
    ),
    table(careIntensityTable(findings, alpha), ''),
  ];
}

function towards(f: CareIntensityFinding): string {
  const shift = f.kind === 'recommendation' ? f.difference : f.meanShift;
  return shift < 0 ? 'less care' : 'more care';
}

export function careIntensityTable(findings: readonly CareIntensityFinding[], alpha: number): DisplayTable {
  // Results from before the care family intervals have none, and the column says so.
  const family = familyLabel(findings, alpha) ?? 'family CI (not in this results.json)';
  return {
    headers: [
      ...CONTRAST_HEADERS,
      'question',
      'vignettes',
      'pairs',
      'more care: reference',
      'more care: level',
      'difference (points) or mean shift (steps)',
      '95% CI, unadjusted',
      family,
      'ratio',
      'ratio 95% CI, unadjusted',
      `ratio ${family}`,
      'vignettes with less / more care',
      'p',
      'adjusted p',
    ],
    rows: findings.map((f) => ({
      highlight: f.significant,
      cells: [
        ...contrastCells(f),
        f.kind,
        count(f.nVignettes),
        count(f.nPairs),
        ...(f.kind === 'recommendation'
          ? [
              percent(f.rateReference),
              percent(f.rateLevel),
              points(f.difference),
              pointsInterval(f.differenceCi),
              pointsInterval(f.differenceCiSimultaneous ?? null),
              ratio(f.ratio),
              ratioInterval(f.ratioCi),
              ratioInterval(f.ratioCiSimultaneous ?? null),
              '—',
            ]
          : [
              '—',
              '—',
              decimal(f.meanShift, 2, true),
              decimalInterval(f.meanShiftCi, 2),
              decimalInterval(f.meanShiftCiSimultaneous ?? null, 2),
              '—',
              '—',
              '—',
              `${percent(f.lessCare)} / ${percent(f.moreCare)}`,
            ]),
        pValue(f.p),
        pValue(f.pAdjusted),
      ],
    })),
  };
}
