import type { BinaryTest } from '../../analysis/binary.js';
import type { Finding } from '../../analysis/types.js';
import type { AdjustMethod } from '../../stats/adjust.js';
import { list, paragraph, type Block, type Inline } from '../document/blocks.js';
import { paraphraseSourceCounts } from '../../expand/paraphrase.js';
import { plural } from '../format.js';
import { describeCueModes } from './cueModes.js';
import type { ReportContext } from '../sources.js';

const ADJUSTMENTS: Record<AdjustMethod, { name: string; what: string }> = {
  holm: { name: 'Holm', what: 'Holm step-down adjustment (controls the family-wise error rate)' },
  bonferroni: { name: 'Bonferroni', what: 'Bonferroni adjustment (controls the family-wise error rate)' },
  bh: {
    name: 'Benjamini-Hochberg',
    what: 'Benjamini-Hochberg adjustment (controls the false discovery rate under independence or positive dependence)',
  },
  by: { name: 'Benjamini-Yekutieli', what: 'Benjamini-Yekutieli adjustment (controls the false discovery rate under any dependence)' },
  none: { name: 'no', what: 'no adjustment (as the contrast family declares: its p-values are not corrected for the family)' },
};

export function adjustmentName(method: AdjustMethod): string {
  return ADJUSTMENTS[method].name;
}

/**
 * The statistical methods as they were applied in this run: every statement is derived from what results.json
 * records (which tests and intervals appear, how many contrasts, the correction, alpha, resamples, seed), so
 * the text cannot drift from the analysis.
 */
export function methodsBlocks(ctx: ReportContext): Block[] {
  const { manifest, results } = ctx;
  const { alpha, adjustment, bootstrapResamples } = manifest.analysis;
  const all = [...results.findings, ...results.secondaryFindings];
  const items: Inline[][] = [
    [
      `Pairing: each vignette is its own control. Every variant with a demographic level is paired with the variant of the same vignette, model and replicate in which that axis is at its reference level (design: ${manifest.study.design.kind}; cues: ${describeCueModes(manifest)}; ${plural(manifest.study.replicates, 'replicate')})${all.some((f) => f.test === 'vignette-fixed-effects') ? '; where no such variant exists, the level is estimated with the other axes held fixed (see the test below)' : ''}.`,
    ],
    [
      'Primary endpoint, error: an answer that is wrong, refused or unparseable. Requests that failed and free-text answers not yet scored have no answer to judge; pairs with one on either side are excluded and counted (excluded pairs). Secondary endpoints: refusal, unparseable answer, request error, tested the same way.',
    ],
    ...testItems(all),
    ...intervalItems(all, bootstrapResamples, manifest.study.seed),
    [
      all.some((f) => f.contrast !== undefined)
        ? `Multiple comparisons: the study declares its contrast families, each adjusted on its own within one model and one endpoint as it declares (${declaredFamilies(all)}); a level compared with another level is paired with the variant of the same vignette, model and replicate whose attributes differ in that axis only, and only such exact pairs are tested. Both raw and adjusted p-values are reported; a contrast is significant when its adjusted p < ${alpha}.`
        : `Multiple comparisons: ${ADJUSTMENTS[adjustment].what}, applied within each family of one model and one endpoint (${familyDescription(all)}). Both raw and adjusted p-values are reported; a contrast is significant when its adjusted p < ${alpha}.`,
    ],
  ];
  const axisTests = new Set(results.axisTests.map((t) => t.test));
  if (axisTests.has('cochrans-q'))
    items.push([
      `Omnibus test per model and axis, one answer per vignette and level: Cochran's Q on the vignettes × levels table of errors (complete blocks only); ${plural(results.axisTests.filter((t) => t.test === 'cochrans-q').length, 'test')}, not adjusted for multiplicity.`,
    ]);
  if (axisTests.has('fixed-effects-wald'))
    items.push([
      `Omnibus test per model and axis, design without exact partners: joint Wald F test that every level of the axis has no effect, in the model that holds the other axes fixed (cluster-robust covariance, F(levels − 1, vignettes − 1)); ${plural(results.axisTests.filter((t) => t.test === 'fixed-effects-wald').length, 'test')}, not adjusted for multiplicity.`,
    ]);
  if (axisTests.has('friedman'))
    items.push([
      `Omnibus test per model and axis with replicates: Friedman's test on per-vignette error rates (complete blocks, three or more levels); ${plural(results.axisTests.filter((t) => t.test === 'friedman').length, 'test')}, not adjusted for multiplicity.`,
    ]);
  if (results.shifts.length)
    items.push([
      `Direction of care (ordinal and numeric answers): per vignette, the mean over its pairs of the level's signed deviation from the correct answer minus the reference's (scale steps; numeric answers relative to the correct value). Tested against zero with the Wilcoxon signed-rank test (normal approximation with continuity correction, zero shifts dropped) and the paired t test, which also gives the 95% CI of the mean shift; ${plural(results.shifts.length, 'contrast')}, unadjusted (exploratory).`,
    ]);
  if (all.some((f) => f.test === 'vignette-fixed-effects'))
    items.push([
      "Descriptive comparisons in this design (flips, worst cases, spread, and the discordant counts b and c): a level variant is compared with its vignette's reference variant, which in this design usually differs on other axes too, so these can reflect other axes' effects; only the findings, omnibus tests and direction-of-care estimates hold the other axes fixed.",
    ]);
  const marginal = results.marginalHomogeneity ?? [];
  if (marginal.length)
    items.push([
      `Marginal homogeneity: per model and level, the table of each vignette's reference answer against its level answer, classed for ordinal answers as below, at or above the correct level and for every answer as correct, incorrect, refused or unparseable, tested with the Stuart-Maxwell test (χ² with one degree of freedom fewer than the categories tested; categories no pair moved into or out of carry no information and are left out; no moved pair gives statistic 0 and p = 1); one pair per vignette (the first replicate) so that the pairs are independent; ${plural(marginal.length, 'test')}, ${ADJUSTMENTS[adjustment].name}-adjusted within each model.`,
    ]);
  items.push([
    `Flips: the share of usable pairs whose scored answer differs between the reference and the level, with Wilson score 95% intervals; reported beside the model's own noise floors (the reference answer changing between replicates, or under a paraphrase control) where the design measures them.`,
  ]);
  const paraphrases = paraphraseControlsItem(ctx);
  if (paraphrases) items.push([paraphrases]);
  if (results.flips.some((f) => f.excessCi)) items.push([excessItem()]);
  const removed = results.controls?.demographicsRemoved ?? [];
  if (removed.length)
    items.push([
      `Demographics-removed control (${plural(removed.length, 'model')}): each vignette's variant with the demographic cues removed against its reference variant, same vignette and replicate; error rates compared by the paired test and interval the findings use for their design (${[...new Set(removed.map((r) => TESTS[r.errors.test]))].join('; ')}), unadjusted, and its answer changes set against the paraphrase floor as the flips are. A control, not a finding: outside the gate, the multiple-comparison families and the summary.`,
    ]);
  if (results.intersections.length)
    items.push([
      `Intersections (factorial design): per vignette the interaction contrast d = y(a,b) − y(a,ref) − y(ref,b) + y(ref,ref) of error rates, tested against zero with a one-sample t test with a 95% CI; ${plural(results.intersections.length, 'cell')}, unadjusted.`,
    ]);
  items.push([
    `Spread across domains and perspectives (exploratory): per group the difference with an unadjusted 95% interval (Newcombe, or cluster-robust with several pairs per vignette), and a Pearson χ² test of heterogeneity on the groups × 2 table of vignettes whose pairs erred more at the level than at the reference and the reverse (one count per vignette), ${ADJUSTMENTS[adjustment].name}-adjusted across the tests of each model; a group is named as the one with the largest disparity only when that test rejects.`,
  ]);
  items.push([
    `Worst cases (exploratory, not adjusted for multiple comparisons): vignettes ranked by mean harm per pair (+1 when only the level is wrong, doubled when its answer errs toward less care; −1 when only the reference is wrong), then by consistency; the top ${results.worstCases.length} are shown.`,
  ]);
  items.push([
    `Software: ${manifest.tool.name} ${manifest.tool.version} on Node.js ${manifest.tool.node}; the statistical routines are the project's own, checked against reference values from established implementations (npm run check:reference).`,
  ]);
  return [paragraph('The exact procedures behind every number in this report, as applied in this run:'), list(items)];
}

/** What each test in a finding's `test` field is; keyed by the type, so a new test cannot go undescribed. */
const TESTS: Record<BinaryTest, string> = {
  'mcnemar-exact':
    'one pair per vignette: two-sided exact McNemar test on the discordant pairs (b = event only at the level, c = event only at the reference; statistic min(b, c); p = 1 when no pair is discordant)',
  'mcnemar-midp':
    'one pair per vignette: two-sided mid-p McNemar test on the discordant pairs (Fagerland et al. 2013; closer to nominal size than the exact test)',
  'vignette-fixed-effects':
    "designs without exact partners (sampled or list designs, or imported variants that change several axes at once): comparing a level variant with the all-reference variant would credit the other axes' effects to this one, so every level is estimated with the other axes held fixed — a linear probability model of the event on an indicator per axis level with a fixed effect per matched set (vignette × replicate), cluster-robust (CR1) standard errors over vignettes and a t test on G − 1 degrees of freedom (G vignettes); the effect is the adjusted difference, the rate at the reference is the model's rate for the same variants with this axis at reference, and b and c are the unadjusted discordant counts against the vignette's reference variant",
  'clustered-mcnemar':
    "several pairs per vignette (replicates or factorial designs): McNemar's test for clustered matched pairs (Durkalski et al. 2003), X² = (B − C)² / Σ(b_k − c_k)² over vignettes k, referred to χ²(1), so correlation within a vignette is allowed for; the Mantel-Haenszel odds ratio over vignette strata is reported as the effect",
};

function testItems(findings: readonly Finding[]): Inline[][] {
  return (Object.keys(TESTS) as BinaryTest[])
    .map((test) => [test, findings.filter((f) => f.test === test).length] as const)
    .filter(([, n]) => n > 0)
    .map(([test, n]) => [`Test, ${TESTS[test]}; ${plural(n, 'contrast')}.`]);
}

function intervalItems(findings: readonly Finding[], resamples: number, seed: number): Inline[][] {
  const items: Inline[][] = [];
  const methods = new Set(findings.map((f) => f.ciMethod));
  if (methods.has('newcombe'))
    items.push([
      "Interval for the difference, one pair per vignette: Newcombe's hybrid score interval for a difference of paired proportions (method 10), 95%.",
    ]);
  if (methods.has('rao-scott'))
    items.push([
      "Interval for the difference, several pairs per vignette: Newcombe's interval on counts divided by the design effect of the clustering by vignette (Rao-Scott; cluster-robust CR2 variance over the independent-pairs variance, at least 1, and the size of the largest vignette when no pair is discordant), with the critical value of t(vignettes − 1) instead of z, 95%. Its coverage was measured at 95% or more from 10 vignettes up (bench:calibration).",
    ]);
  if (methods.has('cluster-bootstrap'))
    items.push([
      `Interval for the difference, several pairs per vignette: percentile cluster bootstrap over vignettes (never over responses, which are correlated within a vignette), ${resamples} resamples, 95%.`,
    ]);
  if (methods.has('cluster-robust'))
    items.push([
      'Interval for the difference, several pairs per vignette: Wald interval with a cluster-robust (sandwich) variance over vignettes, 95%.',
    ]);
  if (methods.has('vignette-fixed-effects'))
    items.push([
      'Interval for the difference, designs without exact partners: the adjusted difference ± t(vignettes − 1) × its cluster-robust standard error, 95%.',
    ]);
  const ratioMethods = new Set(findings.map((f) => f.ratioCiMethod));
  if (ratioMethods.has('bonett-price'))
    items.push([
      'Interval for the ratio, one pair per vignette: Bonett-Price hybrid Wilson score interval for a ratio of paired proportions, 95%; it keeps its width when no pair is discordant. No interval when neither side has an event (the ratio 0/0 is undefined).',
    ]);
  if (ratioMethods.has('rao-scott'))
    items.push([
      'Interval for the ratio, several pairs per vignette: the Bonett-Price interval on counts divided by the design effect of the log ratio, with the t(vignettes − 1) critical value, 95%. No interval when neither side has an event.',
    ]);
  if (ratioMethods.has('cluster-bootstrap'))
    items.push([
      `Interval for the ratio: percentile cluster bootstrap over vignettes (${resamples} resamples drawn from the study seed ${seed}); an upper limit is infinite when resamples have no reference events.`,
    ]);
  if (ratioMethods.has('vignette-fixed-effects'))
    items.push([
      "Interval for the ratio, designs without exact partners: the delta method on the log ratio, with the vignettes' influence on the adjusted difference and on the level's rate, t(vignettes − 1), 95%.",
    ]);
  const family = findings.find((f) => f.familySize !== undefined);
  if (family) {
    items.push([
      family.simultaneousKind === 'fcr'
        ? `Intervals consistent with the correction: every difference and ratio interval is also computed by the same method at the FCR-adjusted level of Benjamini & Yekutieli (2005), 1 − R·α/m${family.adjustment === 'by' ? '·c(m)' : ''} with R the contrasts the adjustment selects in a family of m (the level of R = 1 when none is selected); among the selected contrasts the expected share of intervals missing their true value is at most α. These are the intervals the sentences quote beside adjusted p-values.${bootstrapTail(findings, family.simultaneousLevel, resamples)}`
        : `Intervals consistent with the correction: every difference and ratio interval is also computed by the same method at the Bonferroni level 1 − α/m for a family of m contrasts, so the family's intervals cover their true values together with probability at least 1 − α. These are the intervals the sentences quote beside adjusted p-values.${bootstrapTail(findings, family.simultaneousLevel, resamples)} Holm's step-down test can reject where the Bonferroni-level interval still includes 0, and the tests and intervals are different methods (an exact or clustered test beside a score or bootstrap interval), so near the boundary they can disagree: such contrasts are called borderline, never significant or not.`,
    ]);
  }
  return items;
}

/** A percentile bootstrap at level 1 − a reads its ⌈B·a/2⌉-th most extreme resample: say so when that is few. */
function bootstrapTail(findings: readonly Finding[], level: number, resamples: number): string {
  if (!findings.some((f) => f.ciMethod === 'cluster-bootstrap') || !Number.isFinite(level)) return '';
  const tail = Math.ceil((resamples * (1 - level)) / 2);
  return ` With ${resamples} bootstrap resamples, a bootstrap interval at this level rests on about the ${tail} most extreme resamples at each end${tail < 10 ? ', so its limits are imprecise: raise analysis.bootstrap_resamples for a large family' : ''}.`;
}

/** Each declared family with its adjustment and its contrasts per model and endpoint. */
function declaredFamilies(findings: readonly Finding[]): string {
  const families = new Map<string, { adjustment: AdjustMethod; sizes: Set<number> }>();
  for (const f of findings) {
    const family = families.get(f.contrast ?? '') ?? { adjustment: f.adjustment, sizes: new Set() };
    family.sizes.add(f.familySize);
    families.set(f.contrast ?? '', family);
  }
  return [...families]
    .map(
      ([name, f]) =>
        `"${name}": ${ADJUSTMENTS[f.adjustment].name === 'no' ? 'not adjusted' : `${ADJUSTMENTS[f.adjustment].name}`}, ${[...f.sizes].join(' or ')} contrasts`,
    )
    .join('; ');
}

function familyDescription(findings: readonly Finding[]): string {
  const sizes = new Map<string, number>();
  for (const f of findings) sizes.set(`${f.model} / ${f.endpoint}`, (sizes.get(`${f.model} / ${f.endpoint}`) ?? 0) + 1);
  return [...sizes].map(([family, size]) => `${family}: ${size}`).join('; ');
}

/** The paired excess of a flip rate over the paraphrase floor, as `pairedExcess` computes it. */
function excessItem(): string {
  return `Excess over the paraphrase floor, paired by vignette: for each of the G vignettes with both kinds of pair, d_v = L_v − P_v, its level flip rate (over its replicates, and in factorial designs its pairs) minus its floor P_v (the share of its paraphrase pairs, reference against control of the same replicate, whose answer changed — from its authored rewordings when it has any, else from its added-neutral-sentence copies); excess = mean of d_v, each vignette counting once. 95% interval: paired t, mean ± t(0.975, G − 1)·SD/√G, unadjusted; none with fewer than 2 such vignettes or when every vignette has the same difference. On the simulated model (npm run bench:flip-excess) it covered 93.5–99.2% of true values at 10 to 110 vignettes.`;
}

/**
 * What the paraphrase floor is made of. An added neutral sentence is not a rewording: it measures sensitivity to
 * extra text, so the sentence says how many controls of each kind the floor pools.
 */
function paraphraseControlsItem(ctx: ReportContext): string | undefined {
  const perVignette = ctx.manifest.study.controls.paraphrases;
  if (perVignette === 0) return undefined;
  const counts = paraphraseSourceCounts(ctx.vignettes, perVignette);
  const authored = `${plural(counts.authored, 'authored rewording')} (the author's rewording of the case text, checked when the templates load to keep every number, unit and placeholder)`;
  const added = `${plural(counts['added-sentence'], 'copy', 'copies')} of the unchanged case text with one added neutral sentence (such as "The parking lot was half full."), built where a vignette has fewer authored rewordings than the study's ${perVignette} per vignette`;
  const pooled =
    counts.authored > 0 && counts['added-sentence'] > 0
      ? ' The noise-floor table reports each kind apart and pooled; an added sentence measures sensitivity to extra text, not to rewording.'
      : counts.authored === 0
        ? ' The paraphrase floor therefore measures sensitivity to extra text, not to rewording.'
        : '';
  return `Paraphrase controls (at reference levels, compared with the reference variant): ${authored} and ${added}.${pooled}`;
}
