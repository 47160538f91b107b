import type { DiagnosisRankFinding } from '../../analysis/diagnosisRank.js';
import { familyLabel } from '../../analysis/sentence.js';
import { list, paragraph, table, type Block, type DisplayTable } from '../document/blocks.js';
import { count, decimal, decimalInterval, percent, plural, pValue } from '../format.js';
import type { ReportContext } from '../sources.js';
import { CONTRAST_HEADERS, contrastCells } from './cueModes.js';
import { adjustmentName } from './methods.js';

/**
 * The rank at which differential-diagnosis answers name the correct diagnosis, each level against the model's own
 * reference variant: what was compared and how absence counts, each contrast's sentence (which says what its
 * interval excludes), then the table. Empty when the run has no differential question (or predates the analysis).
 */
export function diagnosisRankBlocks(ctx: ReportContext): Block[] {
  const findings = ctx.results.diagnosisRanks ?? [];
  if (findings.length === 0) return [];
  const { alpha, adjustment } = ctx.manifest.analysis;
  const significant = findings.filter((f) => f.significant);
  const verdict = significant.length
    ? `the rank differs from the reference for ${significant.map((f) => `${ctx.contrastLabel(f)} (${f.meanRankShift > 0 ? 'named later' : 'named earlier'})`).join(', ')}`
    : 'no level changed the rank significantly; read each interval below for the shifts the data rule out';
  return [
    paragraph(
      `Differential-diagnosis questions ask for a ranked list. Per pair (the same vignette and replicate, the level against the model's own reference variant) the rank of the correct diagnosis at the level minus its rank at the reference, averaged per vignette; positive means named later. A diagnosis left out, or named only beyond the number of diagnoses asked for, counts as one place past the end of the list, so omissions also count apart (listed at the reference, left out at the level, and the reverse). Intervals are t intervals over vignettes, at 95% and at the family's level (the one each sentence quotes beside the adjusted p); the test is Wilcoxon's signed-rank test on the vignettes' shifts. `,
      `P-values are ${adjustmentName(adjustment)}-adjusted across the ${plural(findings.length, 'rank contrast')} of each model. At alpha ${alpha}, ${verdict}.`,
    ),
    list(findings.map((f) => f.sentence)),
    table(diagnosisRankTable(findings, alpha), ''),
  ];
}

export function diagnosisRankTable(findings: readonly DiagnosisRankFinding[], alpha: number): DisplayTable {
  return {
    headers: [
      ...CONTRAST_HEADERS,
      'vignettes',
      'pairs',
      'mean rank shift',
      '95% CI, unadjusted',
      familyLabel(findings, alpha) ?? 'family CI (not in this results.json)',
      'pairs named later / earlier',
      'listed at reference, left out at level',
      'left out at reference, listed at level',
      'p',
      'adjusted p',
    ],
    rows: findings.map((f) => ({
      highlight: f.significant,
      cells: [
        ...contrastCells(f),
        count(f.nVignettes),
        count(f.nPairs),
        decimal(f.meanRankShift, 2, true),
        decimalInterval(f.meanRankShiftCi, 2),
        decimalInterval(f.meanRankShiftCiSimultaneous ?? null, 2),
        `${percent(f.rankedLower)} / ${percent(f.rankedHigher)}`,
        count(f.presentAtReferenceAbsentAtLevel),
        count(f.absentAtReferencePresentAtLevel),
        pValue(f.p),
        pValue(f.pAdjusted),
      ],
    })),
  };
}
