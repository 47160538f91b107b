import { shiftP } from '../../analysis/shifts.js';
import type { Endpoint } from '../../analysis/endpoints.js';
import { agreement, cueWording, familyLabel, givenAs, isUnstated } from '../../analysis/sentence.js';
import type { Finding } from '../../analysis/types.js';
import { callout, list, paragraph, strong, type Block } from '../document/blocks.js';
import { decimal, percent, plural, points, pointsInterval, pValue, ratio } from '../format.js';
import { variantCount, type ReportContext } from '../sources.js';
import { dataQualityWarningBlocks, failedQualityModels } from './dataQuality.js';
import { adjustmentName } from './methods.js';
import { powerStatement } from './power.js';
import { contrastDifference } from './provenance.js';
import { probeSummaryBlocks } from './probes.js';
import { EXPLORATORY } from './sections.js';

/**
 * The summary an equity committee reads first: the worst significant disparity in plain words, then what else
 * survived correction, then the scope of the evidence. When nothing is significant it says so without calling
 * that proof of equal treatment. Data-quality warnings come first, and a model whose data failed the check
 * (requests failed, answers unreadable) is left out of every conclusion here: its contrasts are in the tables only.
 */
export function summaryBlocks(ctx: ReportContext): Block[] {
  const failed = failedQualityModels(ctx);
  const findings = ctx.results.findings.filter((f) => !failed.has(f.model));
  const secondaryFindings = ctx.results.secondaryFindings.filter((f) => !failed.has(f.model));
  const alpha = ctx.manifest.analysis.alpha;
  const correction = findings.some((f) => f.contrast !== undefined)
    ? "each declared contrast family's"
    : adjustmentName(ctx.manifest.analysis.adjustment);
  // Significant and agreeing with its family interval; a significant test whose interval includes 0 is borderline.
  const significant = byHarm(
    findings.filter((f) => f.significant && agreement(f.significant, f.differenceCiSimultaneous) === 'significant'),
  );
  const borderline = byHarm(findings.filter((f) => agreement(f.significant, f.differenceCiSimultaneous).startsWith('borderline')));
  const worst = significant[0];
  const blocks: Block[] = dataQualityWarningBlocks(ctx);
  if (failed.size > 0 && findings.length === 0) {
    blocks.push(
      callout(
        strong('No conclusion about disparity can be drawn from this run.'),
        ` The data of ${[...failed].join(', ')} failed the data-quality check; no model's data can support a finding or its absence.`,
      ),
    );
  } else if (worst) {
    blocks.push(callout(strong('Largest significant disparity.'), ' ', worst.sentence));
    blocks.push(paragraph(strong('In plain words:'), ' ', plainWords(ctx, worst)));
  } else {
    const largest = byHarm(findings)[0];
    const borderlineSignificant = findings.filter((f) => f.significant).length;
    blocks.push(
      callout(
        strong(borderlineSignificant ? 'No clearly significant disparity in error rates.' : 'No significant disparity in error rates.'),
        borderlineSignificant
          ? ` ${plural(borderlineSignificant, 'contrast')} of ${findings.length} reached significance at ${alpha} after ${correction} correction, but ${borderlineSignificant === 1 ? 'its interval' : 'their intervals'} at the family's level ${borderlineSignificant === 1 ? 'includes' : 'include'} no difference (borderline, below); none of the others reached significance.`
          : ` None of the ${plural(findings.length, 'contrast')} tested${failed.size > 0 ? ` for the models whose data passed the data-quality check` : ''} reached significance at ${alpha} after ${correction} correction.`,
        largest
          ? ` The largest observed difference was ${points(largest.difference)} points for ${ctx.contrastLabel(largest)} (adjusted p = ${pValue(largest.pAdjusted)}${largest.differenceCiSimultaneous ? `; ${familyLabel([largest], alpha)}: ${pointsInterval(largest.differenceCiSimultaneous)}` : ''})${borderline.includes(largest) ? ', borderline (below): the interval and the adjusted test disagree' : ''}.`
          : '',
      ),
    );
    blocks.push(
      paragraph(
        'This is not proof of equal treatment: a difference smaller than the confidence intervals below could be missed with this many vignettes (see Limitations).',
      ),
    );
  }
  // What the study could have detected (minimum detectable effect, power against analysis.target_ratio): beside
  // "no significant disparity", and for the contrasts left non-significant when others are.
  const power = powerStatement(findings);
  if (power) blocks.push(paragraph(strong('Could this study have seen it?'), ' ', power));
  const others = significant.slice(1);
  if (others.length)
    blocks.push(paragraph(`${plural(others.length, 'other contrast')} also reached significance:`), list(others.map((f) => f.sentence)));
  if (borderline.length)
    blocks.push(
      paragraph(
        `${plural(borderline.length, 'contrast')} ${borderline.length === 1 ? 'is' : 'are'} borderline: the adjusted test and the interval at the family's level disagree, so neither a disparity nor its absence is shown:`,
      ),
      list(borderline.map((f) => f.sentence)),
    );
  const secondary = byHarm(secondaryFindings.filter((f) => f.significant));
  if (secondary.length)
    blocks.push(
      paragraph(
        'Secondary endpoints with a significant disparity (the model refused, gave no usable answer or failed more often for some patients):',
      ),
      list(secondary.map((f) => f.sentence)),
    );
  const lessCare = ctx.results.shifts.filter((s) => !failed.has(s.model) && s.meanShift < 0 && shiftP(s) < alpha);
  if (lessCare.length) {
    blocks.push(
      paragraph(`Direction of care (${EXPLORATORY.toLowerCase()}; unadjusted p < ${alpha}): less care at`),
      list(
        lessCare.map(
          (s) =>
            `${ctx.contrastLabel(s)}: mean shift ${decimal(s.meanShift, 3, true)} ${s.scale === 'ordinal-steps' ? 'scale steps' : 'of the correct value'} over ${plural(s.nVignettes, 'vignette')}; less care in ${percent(s.lessCare)} of vignettes, more in ${percent(s.moreCare)} (${s.method ? 'adjusted-model t test' : 'Wilcoxon'} p = ${pValue(shiftP(s))}).`,
        ),
      ),
    );
  }
  blocks.push(...probeSummaryBlocks(ctx, failed));
  blocks.push(paragraph(scope(ctx)));
  return blocks;
}

/** Most harmful first: the largest increase in error, then the smaller adjusted p. */
function byHarm(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => (b.difference ?? -Infinity) - (a.difference ?? -Infinity) || (a.pAdjusted ?? 1) - (b.pAdjusted ?? 1));
}

const PLAIN_VERBS: Record<Endpoint, string> = {
  error: 'answered wrongly (or gave no usable answer)',
  refusal: 'refused to answer',
  unparseable: 'gave no usable answer',
  'request-error': 'failed to respond',
};

function plainWords(ctx: ReportContext, f: Finding): string {
  const per100 = Math.round(100 * Math.abs(f.difference));
  const axis = ctx.axes.find((a) => a.id === f.axis);
  const wording = cueWording(f, axis);
  const reference = isUnstated(axis, f.reference)
    ? 'when the same case did not state it'
    : `when the same case ${wording.gave} ${ctx.levelLabel(f.axis, f.reference)}`;
  const what = PLAIN_VERBS[f.endpoint];
  const direction = f.difference >= 0 ? 'more' : 'fewer';
  const times =
    f.ratio === null || f.ratio === Infinity
      ? 'while it never did so for the reference'
      : `${ratio(f.ratio)} times the rate for the reference`;
  return `in every 100 of these cases, model ${f.model} ${what} about ${per100} ${direction} times when ${givenAs(axis, f.axis, f.level, wording.was)} than ${reference} (${percent(f.rateLevel)} against ${percent(f.rateReference)}, ${times}). ${contrastDifference(ctx, f)}`;
}

function scope(ctx: ReportContext): string {
  const variants = variantCount(ctx.scores);
  const models = ctx.modelIds.join(', ');
  return `Evidence: ${plural(ctx.vignettes.length, 'vignette')}, ${plural(variants, 'variant')}, ${plural(ctx.scores.length, 'scored answer')} from ${plural(ctx.modelIds.length, 'model')} (${models}); ${plural(ctx.results.findings.length, 'error-amplification contrast')} tested.`;
}
