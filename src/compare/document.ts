import type { Chart } from '../report/charts/common.js';
import { callout, figure, heading, list, note, paragraph, strong, table, type Block } from '../report/document/blocks.js';
import { count, percent, percentInterval, plural, points, pointsInterval, pValue } from '../report/format.js';
import { ADJUSTMENT_NAMES, agreement, familyLabel } from '../analysis/sentence.js';
import type { MitigationContrast, MitigationEvidence } from './mitigation.js';
import type { ComparisonResults, ModelComparison } from './types.js';

/**
 * The comparison report as document blocks, rendered to HTML and Markdown by the equity report's renderers
 * (which escape every piece of text), so both formats say the same thing in the same style.
 */
export function comparisonDocument(results: ComparisonResults, chart: Chart): Block[] {
  const { options } = results;
  const first = results.comparisons[0];
  return [
    heading(1, first ? `counterfair comparison: ${first.a.study.name}` : 'counterfair comparison'),
    ...results.comparisons.map((c) =>
      paragraph(strong('A'), `: ${c.a.label} (${c.a.runDir}) · `, strong('B'), `: ${c.b.label} (${c.b.runDir})`),
    ),
    heading(2, 'Summary'),
    // An alert only where B is significantly more disparate than A somewhere; an improvement is no alarm.
    ...results.comparisons.map((c) => (c.changes.some(worse) ? callout(c.summary) : note(c.summary))),
    ...(results.mitigation ? mitigationBlocks(results.mitigation) : []),
    ...(results.notes.length ? [heading(2, 'What differs between the runs'), list(results.notes)] : []),
    ...accuracyBlocks(results.comparisons),
    heading(2, 'Disparity in A and in B'),
    figure({ name: chart.name, title: chart.title }, ...chart.caption),
    ...results.comparisons.flatMap((c) => comparisonSection(c, options.alpha)),
    heading(2, 'Method'),
    paragraph(
      'For each axis level, the disparity is the error amplification of findings.json — errors at the level minus errors at the reference, over the same pairs — computed in A and in B over the vignettes with a usable pair in both. ',
      `The change is B − A. Its interval is a cluster bootstrap over vignettes (${options.bootstrapResamples} resamples; A's and B's answers to a drawn vignette are taken together, since both runs asked the same cases), shown twice: at 95% unadjusted, for one contrast on its own, and at the family's level — ${['bh', 'by'].includes(options.adjustment) ? 'the FCR-adjusted level of Benjamini & Yekutieli (2005), 1 − R·α/m with R the contrasts the adjustment selects' : 'the Bonferroni level 1 − α/m for the m contrasts of the model pair, so the intervals cover together'} — which is the one to read beside the adjusted p-value and the one the sentences quote. `,
      `Its p-value is a two-sided paired permutation test (${options.permutations} random swaps of the A/B labels within vignettes, seeded), adjusted with ${ADJUSTMENT_NAMES[options.adjustment]} across the contrasts of each model pair; significant means adjusted p < ${options.alpha}. `,
      'The test and the bootstrap interval are different methods, so near the boundary they can disagree; such contrasts are called borderline, never significant or not. Less disparate compares absolute disparities, so a level that errs less often than the reference counts as a disparity too.',
      results.comparisons.some((c) => c.changes.some((x) => x.test === 'vignette-fixed-effects'))
        ? " In this design most level variants have no partner that differs only in that axis, so comparing each with the all-reference variant would mix in the other axes: instead both runs are fitted in one linear model of the error with a fixed effect per vignette, replicate and run, an indicator per axis level and a second one per level in B only, whose coefficient is the change; its standard error is cluster-robust over vignettes (both runs asked the same cases), and its test and intervals (95% and at the family's level) use t(vignettes − 1) instead of the permutation test and the bootstrap."
        : '',
    ),
  ];
}

/**
 * One page a covered entity can file as evidence of mitigation: before (A), after (B), the change with the interval
 * read beside its adjusted p-value, and whether B alone is shown within the equivalence margin.
 */
function mitigationBlocks(m: MitigationEvidence): Block[] {
  const level = m.confLevel === null ? null : `${Math.round(100 * m.confLevel)}%`;
  const equivalence = (c: MitigationContrast) =>
    c.afterEquivalence === null
      ? 'not assessed'
      : c.afterEquivalence === 'pass'
        ? `shown within ±${m.marginPoints}`
        : c.afterEquivalence === 'exceeds'
          ? `beyond ±${m.marginPoints}`
          : `not shown within ±${m.marginPoints}`;
  return [
    heading(2, 'Mitigation evidence'),
    paragraph(
      'Run A is the state before a change (a new model version, prompt or guardrail), run B after it. 45 CFR 92.210(c) asks covered entities to make reasonable efforts to mitigate an identified risk of discrimination; this section is evidence of the effect of one such change on these vignettes, not of compliance. ',
      m.sentence,
    ),
    table(
      {
        headers: [
          'model',
          'axis',
          'level',
          'reference',
          'disparity before (A)',
          'disparity after (B)',
          'change B − A',
          'change CI (family level)',
          'change significant',
          level ? `B alone, ${level} CI` : 'B alone, CI',
          'after: equivalence',
        ],
        rows: m.contrasts.map((c) => ({
          cells: [
            c.model,
            c.axis,
            c.cues ? `${c.level} (${c.cues} cues)` : c.level,
            c.reference,
            points(c.disparityBeforePoints / 100),
            points(c.disparityAfterPoints / 100),
            points(c.changePoints / 100),
            pointsInterval(c.changeCiPoints ? [c.changeCiPoints[0] / 100, c.changeCiPoints[1] / 100] : null),
            c.changeSignificant ? 'yes' : 'no',
            pointsInterval(c.afterCiPoints ? [c.afterCiPoints[0] / 100, c.afterCiPoints[1] / 100] : null),
            equivalence(c),
          ],
        })),
      },
      'No contrast could be compared.',
    ),
  ];
}

/**
 * Overall accuracy in A and in B per model pair, over the answers both gave a scoreable outcome, and the paired
 * change: the first thing a reader comparing two versions asks, before whether the disparities moved.
 */
function accuracyBlocks(comparisons: readonly ModelComparison[]): Block[] {
  const measured = comparisons.filter((c) => c.accuracy);
  if (measured.length === 0) return [];
  return [
    heading(2, 'Overall accuracy in A and in B'),
    table(
      {
        headers: [
          'A',
          'B',
          'matched answers',
          'vignettes',
          'accuracy A',
          'A 95% CI',
          'accuracy B',
          'B 95% CI',
          'change B − A (points)',
          '95% CI',
        ],
        rows: measured.map(({ a, b, accuracy: x }) => ({
          cells: [
            a.label,
            b.label,
            count(x!.nItems),
            count(x!.nVignettes),
            percent(x!.accuracyA),
            percentInterval(x!.accuracyCiA),
            percent(x!.accuracyB),
            percentInterval(x!.accuracyCiB),
            points(x!.difference),
            pointsInterval(x!.differenceCi),
          ],
        })),
      },
      'No answer could be matched between A and B.',
    ),
    paragraph(
      'Accuracy counts wrong, refused and unparseable answers as not correct, over the audit answers (reference and demographic variants) that both A and B answered with a scoreable outcome, matched by variant and replicate; the change is paired on those answers, with a 95% cluster bootstrap interval over vignettes. A change in accuracy says nothing about fairness on its own: the disparities below do.',
    ),
  ];
}

function comparisonSection(c: ModelComparison, alpha: number): Block[] {
  return [heading(2, `${c.a.label} (A) vs ${c.b.label} (B)`), ...changesBlocks(c, alpha)];
}

/**
 * One comparison's changes: the table, each change's sentence, and what could not be compared. The table names axis,
 * level and reference by id in their own columns, as the main report's findings table does, so a row of one can be
 * found in the other; the sentences use the axes' labels, as the main report's sentences do.
 */
export function changesBlocks(c: Pick<ModelComparison, 'changes' | 'skipped'>, alpha: number): Block[] {
  return [
    table(
      {
        headers: [
          'axis',
          'level',
          'reference',
          'vignettes',
          'error A (ref → level)',
          'error B (ref → level)',
          'disparity A (points)',
          'disparity B (points)',
          'change B − A',
          '95% CI, unadjusted',
          familyLabel(c.changes, alpha) ?? 'simultaneous CI',
          'p',
          'adjusted p',
          'less disparate',
        ],
        rows: c.changes.map((ch) => ({
          highlight: worse(ch),
          cells: [
            ch.axis,
            ch.level,
            ch.reference,
            count(ch.nVignettes),
            `${percent(ch.rateReferenceA)} → ${percent(ch.rateLevelA)}`,
            `${percent(ch.rateReferenceB)} → ${percent(ch.rateLevelB)}`,
            points(ch.disparityA),
            points(ch.disparityB),
            points(ch.change),
            pointsInterval(ch.changeCi),
            pointsInterval(ch.changeCiSimultaneous),
            pValue(ch.p),
            pValue(ch.pAdjusted),
            agreement(ch.significant, ch.changeCiSimultaneous).startsWith('borderline')
              ? 'borderline'
              : (ch.lessDisparate ?? 'no significant change'),
          ],
        })),
      },
      'No axis level could be compared.',
    ),
    list(c.changes.map((ch) => ch.sentence)),
    ...(c.skipped.length ? [paragraph(`Not compared (${plural(c.skipped.length, 'contrast')}):`), list(c.skipped)] : []),
  ];
}

/** A change that makes B significantly more disparate than A: what the comparison highlights as an alert. */
function worse(ch: ModelComparison['changes'][number]): boolean {
  return ch.significant && ch.lessDisparate === 'A';
}
