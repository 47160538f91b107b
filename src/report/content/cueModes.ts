import { ADJUSTMENT_NAMES } from '../../analysis/sentence.js';
import { changesBlocks } from '../../compare/document.js';
import type { CueModeResults } from '../../compare/cueModes.js';
import type { Manifest } from '../../pipeline/manifest.js';
import { manifestCueModes } from '../../pipeline/manifest.js';
import type { CueMode } from '../../template/render.js';
import { callout, heading, paragraph, type Block } from '../document/blocks.js';
import type { ReportContext } from '../sources.js';

/** A table cell or chart label with the cue mode of a run that crosses modes: "black (implicit cues)"; unchanged otherwise. */
export function withCues(text: string, row: { cues?: CueMode }): string {
  return row.cues ? `${text} (${row.cues} cues)` : text;
}

/** The columns that name a contrast against its reference, first in every per-contrast table. */
export const CONTRAST_HEADERS = ['model', 'axis', 'level', 'reference'] as const;

/** A contrast's cells under CONTRAST_HEADERS: its level with the cue mode of a run that crosses modes. */
export function contrastCells(row: { model: string; axis: string; level: string; reference: string; cues?: CueMode }): string[] {
  return [row.model, row.axis, withCues(row.level, row), row.reference];
}

/** The study's cue modes in words, for methods and the study description. */
export function describeCueModes(manifest: Pick<Manifest, 'study'>): string {
  const modes = manifestCueModes(manifest);
  if (modes.length === 1) return modes[0]!;
  return `crossed, ${modes.join(' and ')}: every level assignment rendered once in each mode, on the same vignettes and filler; each mode analysed on its own (pairs and multiple-comparison families within one mode), controls rendered once in the ${modes[0]} mode`;
}

/**
 * The report's cue-mode section, for a run that crosses modes: per model and pair of modes, which mode's disparities
 * are smaller (the summary sentence compare writes from the numbers in the table beside it), the table of each
 * level's disparity in both modes and the change, and how it was computed. Nothing for a run with one mode.
 */
export function cueModeBlocks(ctx: Pick<ReportContext, 'results' | 'axes' | 'manifest'>): Block[] {
  const results: CueModeResults | undefined = ctx.results.cueModes;
  if (!results) return [];
  const { options } = results;
  return [
    paragraph(
      `The study crossed cue modes (${manifestCueModes(ctx.manifest).join(', ')}): the same vignettes, with the same levels and filler, were rendered once per mode. `,
      'For each model and level present in two modes, the disparity is the error-rate difference against the reference within one mode (as in the findings above), over the vignettes with a usable pair in both modes, and the change is B − A (implicit minus explicit; both minus either). ',
      `The modes' answers are paired by vignette: the interval is a cluster bootstrap over vignettes (${options.bootstrapResamples} resamples, a drawn vignette's answers in both modes taken together), the p-value a two-sided paired permutation test (${options.permutations} seeded swaps of the mode labels within vignettes), ${ADJUSTMENT_NAMES[options.adjustment]}-adjusted across the levels of each model and pair of modes; significant means adjusted p < ${options.alpha}. `,
      results.comparisons.some((c) => c.changes.some((x) => x.test === 'vignette-fixed-effects'))
        ? 'Where level variants have no partner differing in that axis alone, both modes are fitted in one within-vignette linear model with a term per level in B, whose coefficient is the change (cluster-robust standard error, t with vignettes − 1 degrees of freedom). '
        : '',
      'A change says how much more (or less) a level is disadvantaged when the cue is a name rather than stated; it does not say which cue is realistic.',
    ),
    ...results.comparisons.flatMap((c) => [
      heading(3, `${c.model}: ${c.a} cues (A) vs ${c.b} cues (B)`),
      callout(c.summary),
      ...changesBlocks(c, options.alpha),
    ]),
  ];
}
