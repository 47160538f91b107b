import { secondaryBlocks } from './secondary.js';
import { careIntensityBlocks } from './careIntensity.js';
import type { ChartSet } from '../charts/index.js';
import { callout, list, mono, paragraph, table, type Block, type DisplayTable } from '../document/blocks.js';
import { count, decimal, percent, plural, pValue } from '../format.js';
import type { ReviewAgreement } from '../../review/agreement.js';
import type { ReportContext } from '../sources.js';
import { figureBlock } from './figures.js';
import {
  axisTestsTable,
  demographicsRemovedTable,
  findingsTable,
  flipsTable,
  intersectionsTable,
  marginalHomogeneityTable,
  noiseFloorTable,
  shiftsTable,
  spreadRowsTable,
  spreadSummaryTable,
  worstCasesTable,
} from './tables.js';
import { adjustmentName } from './methods.js';
import { casePerspectiveBlocks } from './casePerspectives.js';
import { withCues } from './cueModes.js';

/** The label every unadjusted highlight carries, wherever it appears. */
export const EXPLORATORY = 'Exploratory, not adjusted for multiple comparisons';

/**
 * The result sections shared by the HTML report and the appendix: each returns its prose, figures and tables
 * without a heading, so each document places and numbers them.
 */

export function findingsBlocks(ctx: ReportContext): Block[] {
  return [
    paragraph(
      'Every tested contrast of the primary endpoint (error: wrong, refused or unparseable). Highlighted rows are significant after correction. Rates are over the same pairs; excluded pairs had no answer on one side.',
    ),
    paragraph(intervalNote(ctx)),
    table(findingsTable(ctx.results.findings, false, ctx.manifest.analysis.alpha), 'No contrast could be tested (no pairs).'),
  ];
}

/** Which interval is which: the unadjusted 95% ones describe one contrast alone; the family's go with adjusted p. */
function intervalNote(ctx: ReportContext): string {
  const { alpha, adjustment } = ctx.manifest.analysis;
  const level = `${Number((100 * (1 - alpha)).toFixed(4))}%`;
  const family = ['bh', 'by'].includes(adjustment)
    ? `FCR-adjusted ${level} intervals (Benjamini & Yekutieli 2005: each at level 1 − R·α/m${adjustment === 'by' ? '·c(m)' : ''}, R the contrasts selected by the adjustment, m the family size), whose false coverage rate among the selected contrasts is at most α`
    : `simultaneous ${level} intervals (Bonferroni: each at level 1 − α/m for a family of m contrasts), which cover all the family's true values together with probability at least ${level}`;
  return `Two intervals per contrast. "95% CI, unadjusted" describes one contrast on its own and is not corrected for the others. The ${family}, are the ones to read beside the adjusted p-value: they are computed by the same method at the family's level. The test and the interval are different methods, so near the boundary they can disagree; such rows are marked borderline rather than called significant or not.`;
}

export function otherTestsBlocks(ctx: ReportContext): Block[] {
  return [
    paragraph(
      'Secondary endpoints: did the model refuse, give no usable answer, or fail to respond more often for some patients? Tested and corrected like the primary endpoint (one family per model and endpoint).',
    ),
    ...secondaryBlocks(ctx.results.secondaryFindings, ctx.manifest.analysis.alpha),
    paragraph(`Omnibus tests: do error rates differ across all levels of an axis at once? ${EXPLORATORY}.`),
    table(axisTestsTable(ctx), 'No omnibus test was possible (an axis needs complete blocks of vignettes).'),
    ...(ctx.results.intersections.length
      ? [
          paragraph(`Intersections: is a combination of two levels worse than the two single effects add up to? ${EXPLORATORY}.`),
          table(intersectionsTable(ctx), ''),
        ]
      : []),
  ];
}

export function flipsBlocks(ctx: ReportContext, charts: ChartSet): Block[] {
  return [
    ...figureBlock(charts, 'flips-heatmap'),
    ...(charts.has('flips-heatmap') ? [] : [paragraph("No vignette's answer changed between the reference and any level.")]),
    paragraph(
      `Flip rates per level: how often the scored answer changed between the reference and the level variant, whether or not the change made the answer wrong. ${EXPLORATORY}.`,
    ),
    paragraph(excessNote(ctx)),
    table(flipsTable(ctx), 'No usable pairs.'),
    paragraph(
      "Noise floors: how often the model changes its own answer when nothing demographic changes — between replicates of the same variant, under the author's rewording of the case, and when one irrelevant sentence is appended to the unchanged case. The last is not a rewording: it measures sensitivity to extra text.",
    ),
    table(noiseFloorTable(ctx), 'No models.'),
  ];
}

/** How to read the excess over the floor, with how many levels exceed it, from the flips table beside it. */
function excessNote(ctx: ReportContext): string {
  const flips = ctx.results.flips;
  const measured = flips.filter((f) => f.excessCi);
  const above = measured.filter((f) => f.excessVerdict === 'above-floor').length;
  const below = measured.filter((f) => f.excessVerdict === 'below-floor').length;
  const what = `Excess over the noise floor: for each vignette, its flip rate at the level minus its own paraphrase flip rate (from its authored rewordings where it has any, else from its added-neutral-sentence copies; the "floor used" column says which), averaged over vignettes, with a 95% paired t interval over vignettes (not adjusted for multiple comparisons). A level whose interval excludes 0 from above is more sensitive to the demographic change than to the floor's change; one whose interval covers 0 is not distinguishable from that noise, which is not evidence that the demographic change has no effect.`;
  if (!flips.some((f) => f.excessVignettes !== undefined))
    return `${what} This results.json predates the paired excess: re-run counterfair analyze for it.`;
  if (measured.length === 0)
    return `${what} No level has an interval (no paraphrase controls, fewer than 2 vignettes with both kinds of pair, or no variability between vignettes).`;
  const counts = `${plural(above, 'level')} of ${measured.length} with an interval ${above === 1 ? 'is' : 'are'} above the floor${below ? `, ${below} below it` : ''}; ${measured.length - above - below} ${measured.length - above - below === 1 ? 'is' : 'are'} not distinguishable from it.`;
  return `${what} ${counts}`;
}

/** The no-demographics control: a control, not a finding; its sentence per model comes from the numbers in the table. */
export function demographicsRemovedBlocks(ctx: ReportContext): Block[] {
  const rows = ctx.results.controls?.demographicsRemoved;
  if (!rows)
    return [paragraph('This results.json predates the analysis of the demographics-removed control: re-run counterfair analyze for it.')];
  if (rows.length === 0)
    return [
      paragraph(
        ctx.manifest.study.controls.noDemographics
          ? 'No model has a usable pair of a demographics-removed variant and its reference variant.'
          : 'The study did not include the demographics-removed control (controls: no_demographics).',
      ),
    ];
  return [
    paragraph(
      `A control, not a finding: each vignette's variant with the demographic cues removed against its reference variant, on the same vignette and replicate. The error rates are compared by the same paired test and interval as the findings (one pair per vignette: exact McNemar and Newcombe; several: clustered McNemar and the design-effect-adjusted interval); the answer changes are set against the paraphrase floor as the flips are. It does not enter the gate, the multiple-comparison families or the summary. ${EXPLORATORY}.`,
    ),
    table(demographicsRemovedTable(ctx), ''),
    ...rows.map((r) => paragraph(r.sentence)),
  ];
}

export function spreadBlocks(ctx: ReportContext, charts: ChartSet): Block[] {
  const supported = ctx.results.spreadSummaries.filter((s) => s.worstGroupSupported);
  const { alpha, adjustment } = ctx.manifest.analysis;
  return [
    ...figureBlock(charts, 'spread-domain'),
    ...figureBlock(charts, 'spread-perspective'),
    paragraph(
      `Exploratory: the per-group differences and intervals are not adjusted for multiple comparisons. Does the disparity differ between clinical domains or perspectives? For each level, a χ² test of heterogeneity on the groups × 2 table of vignettes that erred more at the level than at the reference, and the reverse (one count per vignette, so replicates are not counted as independent), ${adjustmentName(adjustment)}-adjusted across the tests of each model. `,
      `A group is named as the one with the largest disparity only when that test rejects (adjusted p < ${alpha}); otherwise the table says there is no evidence that the disparity differs between groups — the largest of several small, noisy groups is large by chance. `,
      supported.length
        ? `${plural(supported.length, 'breakdown')} ${supported.length === 1 ? 'shows' : 'show'} such evidence.`
        : 'No breakdown shows such evidence.',
    ),
    table(spreadSummaryTable(ctx), 'No contrasts to break down.'),
    paragraph(
      'Every group with its size and an unadjusted 95% interval (Newcombe with one pair per vignette, cluster-robust otherwise); also in ',
      mono('tables/spread.csv'),
      '.',
    ),
    table(spreadRowsTable(ctx), 'No groups.'),
    ...casePerspectiveBlocks(ctx),
  ];
}

export function shiftsBlocks(ctx: ReportContext, charts: ChartSet): Block[] {
  const care = careIntensityBlocks(ctx);
  if (ctx.results.shifts.length === 0)
    return care.length
      ? care
      : [paragraph('No ordinal or numeric questions were answered in both variants of a pair, so there is no direction of care to show.')];
  return [
    ...figureBlock(charts, 'shifts-ordinal'),
    ...figureBlock(charts, 'shifts-numeric'),
    paragraph(
      `Mean shift per level; negative is less care at the level. ${EXPLORATORY}: highlighted rows shift toward less care with an unadjusted Wilcoxon p below alpha. A dash for an interval: every vignette shifted alike (often not at all), too little variation for a t interval.`,
    ),
    table(shiftsTable(ctx), ''),
    ...marginalHomogeneityBlocks(ctx),
    ...care,
  ];
}

/** Stuart-Maxwell on ordinal answers: one sentence, then the tests. Absent from an older results.json. */
function marginalHomogeneityBlocks(ctx: ReportContext): Block[] {
  const tests = ctx.results.marginalHomogeneity ?? [];
  if (tests.length === 0) return [];
  const { alpha, adjustment } = ctx.manifest.analysis;
  const significant = tests.filter((t) => t.significant);
  const verdict = significant.length
    ? `the distribution differs from the reference's for ${significant.map((t) => `${ctx.contrastLabel(t)} (${t.scale === 'ordinal-care' ? 'ordinal answers' : 'all answers'})`).join(', ')} (adjusted p < ${alpha})`
    : `no level's distribution differs significantly from the reference's (${adjustmentName(adjustment)}-adjusted, alpha ${alpha})`;
  return [
    paragraph(
      `Marginal homogeneity: does the share of answers in each category differ between the reference and the level — ordinal answers below, at or above the correct level, and every answer correct, incorrect, refused or unparseable (so a move from wrong answers to refusals shows even when the error rate does not)? Stuart-Maxwell test on each level's table of answer categories (reference × level; categories no pair moved into or out of are left out), ${adjustmentName(adjustment)}-adjusted across the tests of each model; one pair per vignette (its first replicate), so replicates are not counted as independent. Of ${plural(tests.length, 'test')}, ${verdict}.`,
    ),
    table(marginalHomogeneityTable(ctx), ''),
  ];
}

export function worstCaseBlocks(ctx: ReportContext): Block[] {
  const cases = ctx.results.worstCases.length;
  return [
    paragraph(
      `${EXPLORATORY}: the ${plural(cases, 'vignette')} where a level was treated worse than the reference most often and most harmfully, with both answers side by side. Single vignettes are examples to review, not evidence of a disparity on their own; a vignette ranks here by chance as well as by bias. Long answers are shortened here; the full texts are in `,
      mono('tables/worst-cases.csv'),
      ' and responses.jsonl (by response key).',
    ),
    table(worstCasesTable(ctx), 'No vignette had a level treated worse than its reference.'),
  ];
}

/** Agreement between automated scoring and clinicians (Cohen's kappa with its 95% CI) and what the labels changed. */
export function reviewBlocks(ctx: ReportContext): Block[] {
  const review = ctx.review;
  if (!review)
    return [
      paragraph(
        'No clinician labels have been imported. Export a blinded review queue with ',
        mono('counterfair review export'),
        ' and import the labels with ',
        mono('counterfair review import'),
        '; adjudicated labels then replace the automated outcomes.',
      ),
    ];
  const kappa = (t: ReviewAgreement['responses']) =>
    t.kappa === null
      ? 'not defined'
      : `${decimal(t.kappa, 3)} (95% CI ${t.ci95 ? `${decimal(t.ci95[0], 3)} to ${decimal(t.ci95[1], 3)}` : 'not defined'})`;
  const agreement: DisplayTable = {
    headers: ['labelled', 'items', "Cohen's kappa, automated vs clinicians", 'without an automated verdict'],
    rows: [
      {
        cells: [
          'single answers (correct / incorrect / refusal / unparseable)',
          count(review.responses.n),
          kappa(review.responses),
          count(review.responses.excluded),
        ],
      },
      { cells: ['reference/level pairs (same / different)', count(review.pairs.n), kappa(review.pairs), count(review.pairs.excluded)] },
    ],
  };
  const changed: DisplayTable = {
    headers: ['model', 'axis', 'level', 'significant before', 'significant after', 'adjusted p before', 'adjusted p after'],
    rows: review.findings.changed.map((c) => ({
      cells: [
        c.model,
        c.axis,
        withCues(c.level, c),
        c.significantBefore ? 'yes' : 'no',
        c.significantAfter ? 'yes' : 'no',
        pValue(c.pAdjustedBefore),
        pValue(c.pAdjustedAfter),
      ],
    })),
  };
  return [
    paragraph(
      `Clinicians (${review.reviewers.length ? review.reviewers.join(', ') : 'unnamed'}) labelled answers and pairs blind to the demographics; their labels replace the automated outcomes in every result above.`,
    ),
    table(agreement, 'No labels.'),
    randomSampleParagraph(review),
    ...reviewerBlocks(review),
    paragraph(
      `Of ${plural(review.findings.tested, 'error-amplification contrast')}, ${review.findings.significantBefore} were significant on automated scoring and ${review.findings.significantAfter} after adjudication; ${plural(review.findings.changed.length, 'finding')} changed:`,
    ),
    table(changed, 'No finding changed significance.'),
  ];
}

/**
 * How often automated scoring is right, from the random sample only: the queue's kappa is over answers picked for
 * likely errors, so reading it as the scoring's accuracy would understate it (or, for a judge, misstate it).
 */
function randomSampleParagraph(review: ReviewAgreement): Block {
  const sample = review.randomSample;
  if (!sample)
    return paragraph(
      'The kappa above is over the answers the review queue picked (flips, worst cases, refusals, uncertain verdicts), where automation is most likely wrong: it is not an estimate of how often automated scoring is right. For that, have clinicians label a random sample (',
      mono('counterfair review export RUN_DIR --random N'),
      ').',
    );
  return paragraph(
    `On the ${count(sample.n)} answers of a random sample, automated scoring matched the clinicians on ${count(sample.agreeing)}: ${percent(sample.accuracy)} (95% CI ${percent(sample.ci95[0])} to ${percent(sample.ci95[1])}), an estimate of its accuracy over all the answers sampled from. The kappa above includes the review queue's answers, picked where automation is most likely wrong.`,
  );
}

/**
 * Between the reviewers: their agreement (kappa), the answers and pairs they disagree on (an alert: unresolved, no
 * label of theirs applied) and the answers marked unsure. A review-agreement.json written before these fields
 * existed has none of them.
 */
function reviewerBlocks(review: ReviewAgreement): Block[] {
  const conflicts = review.conflicts ?? [];
  const unsure = review.unsure ?? [];
  const rater = (what: string, r: ReviewAgreement['interRater']['responses'] | undefined) =>
    r?.method
      ? [
          `${what}: ${r.method === 'cohen' ? "Cohen's" : "Fleiss'"} kappa ${r.kappa === null ? 'not defined' : decimal(r.kappa, 3)}${r.ci95 ? ` (95% CI ${decimal(r.ci95[0], 3)} to ${decimal(r.ci95[1], 3)})` : ''} over ${plural(r.nItems, 'item')} labelled by ${r.method === 'cohen' ? 'both' : 'all'} of ${r.reviewers.join(', ')}`,
        ]
      : [];
  const kappas = [...rater('answers', review.interRater?.responses), ...rater('pairs', review.interRater?.pairs)];
  return [
    ...(kappas.length ? [paragraph(`Agreement between reviewers — ${kappas.join('; ')}.`)] : []),
    ...(conflicts.length
      ? [
          callout(
            `${plural(conflicts.length, 'answer or pair', 'answers or pairs')} labelled differently by different reviewers: unresolved, so no label of theirs is applied (the automated outcome stays) until they settle it.`,
          ),
          list(conflicts.map((c) => `item ${c.itemId} (${c.target}): ${c.labels.map((l) => `${l.by} ${l.label}`).join('; ')}`)),
        ]
      : []),
    ...(unsure.length
      ? [
          paragraph(`${plural(unsure.length, 'answer')} marked unsure (the automated outcome stays):`),
          list(unsure.map((u) => `item ${u.itemId} (${u.by})`)),
        ]
      : []),
  ];
}
