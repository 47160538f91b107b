import type { CasePerspectiveComparison } from '../../analysis/casePerspectives.js';
import { simultaneousLabel } from '../../analysis/sentence.js';
import type { AdjustMethod } from '../../stats/adjust.js';
import { paragraph, table, type Block } from '../document/blocks.js';
import { count, percent, plural, points, pointsInterval, pValue } from '../format.js';
import type { ReportContext } from '../sources.js';
import { adjustmentName } from './methods.js';

/**
 * Perspective on equal content: the cases the library tells from several perspectives, their reference variants'
 * error rates compared paired by case. Nothing when the run has no such cases.
 */
export function casePerspectiveBlocks(ctx: ReportContext): Block[] {
  const rows = ctx.results.casePerspectives;
  if (!rows) return [];
  const { alpha, adjustment } = ctx.manifest.analysis;
  const significant = rows.filter((r) => r.significant);
  return [
    paragraph(
      `The same clinical cases asked from two perspectives (vignettes sharing a case): the error rate of each perspective's reference variant, paired by case and replicate, so the comparison is of the perspective alone and not of what each perspective's cases are about. Paired test and interval as for the findings, ${adjustmentName(adjustment)}-adjusted across each model's perspective comparisons. `,
      rows.length === 0
        ? 'No case was answered usably in two perspectives.'
        : significant.length === 0
          ? `No pair of perspectives differs significantly (adjusted p < ${alpha}).`
          : significant
              .map(
                (r) =>
                  `${r.model}: on ${plural(r.nCases, 'case')}, asked as ${r.perspectiveB} the error rate was ${percent(r.rateB)} against ${percent(r.rateA)} as ${r.perspectiveA} (${points(r.difference)} points, ${familyInterval(r, alpha, adjustment)}; adjusted p ${pValue(r.pAdjusted)}).`,
              )
              .join(' '),
    ),
    table(
      {
        headers: [
          'model',
          'perspective A',
          'perspective B',
          'cases',
          'pairs',
          'error A',
          'error B',
          'B − A (points)',
          '95% CI, unadjusted',
          'family CI',
          'test',
          'p',
          'adjusted p',
        ],
        rows: rows.map((r) => ({
          highlight: r.significant,
          cells: [
            r.model,
            r.perspectiveA,
            r.perspectiveB,
            count(r.nCases),
            count(r.nPairs),
            percent(r.rateA),
            percent(r.rateB),
            points(r.difference),
            pointsInterval(r.differenceCi),
            pointsInterval(r.differenceCiSimultaneous ?? null),
            r.test,
            pValue(r.p),
            pValue(r.pAdjusted),
          ],
        })),
      },
      'No case was answered usably in two perspectives.',
    ),
  ];
}

/** "simultaneous 95% CI, Holm family of 3: +2.0 to +9.0", the interval at the level of the adjusted p beside it. */
function familyInterval(r: CasePerspectiveComparison, alpha: number, adjustment: AdjustMethod): string {
  // A results.json from before the family intervals has only the 95% one.
  if (r.familySize === undefined) return `95% CI ${pointsInterval(r.differenceCi)}`;
  return `${simultaneousLabel(r.simultaneousKind, alpha, adjustment, r.familySize)}: ${pointsInterval(r.differenceCiSimultaneous)}`;
}
