import { list, paragraph, type Block } from '../document/blocks.js';
import { decimal, plural } from '../format.js';
import type { ReportContext } from '../sources.js';
import { nameFallbackSentence } from './names.js';
import { describeSubset } from '../../study/subset.js';
import { provenance, referenceStandardClaim } from './provenance.js';
import { HEATMAP_VIGNETTE_LIMIT, heatmapVignettes } from '../charts/flipHeatmap.js';

/**
 * What this evidence cannot show. General limits of counterfactual vignette audits first, then the ones this
 * run's data makes concrete (simulated models, excluded pairs, missing noise floors, the smallest difference
 * the intervals rule out).
 */
export function limitationsBlocks(ctx: ReportContext, within: 'report' | 'appendix'): Block[] {
  // The appendix is the document a regulator files: it refers to its own sections, never to "the appendix".
  const axesTable = within === 'appendix' ? 'the axes table of section 3' : "the appendix's axes table";
  const mapping =
    within === 'appendix'
      ? 'the last section relates the evidence to specific requirements'
      : 'the appendix (appendix.md) relates the evidence to specific requirements';
  const items = [
    'Vignettes are written cases, not patients. Behaviour on them may differ from behaviour on real records, in real workflows, with real prompts; the audit tests the model, not a deployed system or the clinicians using it.',
    `${provenance(ctx).kind === 'supplied' ? 'The variants were supplied, not constructed by counterfair, which cannot verify what differs between them.' : `Only the demographic cues in the text change between variants (each cue word for word in ${axesTable}).`} Disparities that arise elsewhere (what gets documented, who is offered the tool, how outputs are acted on, differential data quality) are not measured.`,
    'Each axis is studied through the levels and cue wording chosen in the study; other groups, other cue styles (names, dialect, implicit signals) and other languages can behave differently. Insurance type is an equity-relevant attribute but not a protected characteristic under every law.',
    `${referenceStandardClaim(ctx)} Answers are scored by automatic extractors; a mis-scored answer counts as wrong or unparseable. Clinician review of a sample is advised before relying on the scores.`,
    'A non-significant contrast is not evidence of equal treatment: differences inside its confidence interval remain possible. Significance is assessed within one model and one endpoint per family; axis tests, shifts and intersections are unadjusted and exploratory.',
    'Results describe the model version, parameters and system prompt recorded in the manifest, at the time of the run. Hosted models change without notice; repeat the audit after any change.',
  ];
  const models = ctx.manifest.models.filter((m) => m.kind === 'simulated').map((m) => String(m.id));
  if (models.length)
    items.unshift(
      `This run used the built-in simulated model (${models.join(', ')}), whose errors and biases are programmed: its findings demonstrate the method, not the behaviour of any real model.`,
    );
  // First of all: a smoke test's findings must never be read as the study's.
  if (ctx.manifest.subset)
    items.unshift(
      `This run asked only a subset of the study (${describeSubset(ctx.manifest.subset)}), as a smoke test: its findings do not describe the study, and their intervals are wider than a full run's.`,
    );
  const names = nameFallbackSentence(ctx);
  if (names) items.push(names);
  const excluded = ctx.results.findings.reduce((sum, f) => sum + (f.nExcludedPairs ?? 0), 0);
  if (excluded > 0)
    items.push(
      `${plural(excluded, 'pair')} had no answer on one side (request error or unscored free text) and were left out of the error contrasts; they are counted per contrast in the findings table.`,
    );
  const widest = Math.max(0, ...ctx.results.findings.map((f) => (f.differenceCi ? (f.differenceCi[1] - f.differenceCi[0]) / 2 : 0)));
  if (widest > 0)
    items.push(
      `Precision: the widest unadjusted 95% interval of an error difference spans about ±${decimal(100 * widest, 1)} points around its estimate; smaller disparities cannot be excluded with ${plural(ctx.vignettes.length, 'vignette')}.`,
    );
  for (const floor of ctx.results.noiseFloors) {
    if (!floor.replicate)
      items.push(
        `Model ${floor.model}: one replicate per variant, so its own run-to-run variability (replicate noise floor) is not measured; some flips may be noise.`,
      );
    if (!floor.paraphrase)
      items.push(
        `Model ${floor.model}: no paraphrase controls, so its sensitivity to changes in wording that leave the case unchanged (paraphrase noise floor) is not measured.`,
      );
    else if (floor.paraphraseBySource && !floor.paraphraseBySource.authored)
      items.push(
        `Model ${floor.model}: no authored rewording was answered, so its paraphrase floor is its sensitivity to an added neutral sentence, not to rewording; flips are compared with that.`,
      );
  }
  const heatmap = heatmapVignettes(ctx.flipCells);
  if (heatmap.withFlips > HEATMAP_VIGNETTE_LIMIT)
    items.push(
      `The flip heat map shows ${heatmap.shown.length} of the ${heatmap.withFlips} vignettes that flipped; every vignette is in tables/flip-matrix.csv.`,
    );
  return [list(items), paragraph(`Nothing in this ${within} establishes compliance with any law or guidance; ${mapping}.`)];
}
