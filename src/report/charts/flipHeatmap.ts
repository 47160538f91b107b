import type { FlipCell } from '../data/flipMatrix.js';
import { byText } from '../order.js';
import type { ReportContext } from '../sources.js';
import { absentCells, cellKey, cellText, chartBase, missingCells, round, type Chart } from './common.js';

/** Rows beyond this make the heat map unreadable and the page heavy; the full matrix is in a CSV. */
export const HEATMAP_VIGNETTE_LIMIT = 60;

/** Which vignettes the heat map shows: those that flipped at all, the most flips first, at most the limit. */
export function heatmapVignettes(
  cells: readonly FlipCell[],
  limit = HEATMAP_VIGNETTE_LIMIT,
): { shown: string[]; total: number; withFlips: number } {
  const flipsByVignette = new Map<string, number>();
  for (const c of cells) flipsByVignette.set(c.vignetteId, (flipsByVignette.get(c.vignetteId) ?? 0) + c.flips);
  const flipped = [...flipsByVignette].filter(([, flips]) => flips > 0).sort(([a, fa], [b, fb]) => fb - fa || byText(a, b));
  return { shown: flipped.slice(0, limit).map(([id]) => id), total: flipsByVignette.size, withFlips: flipped.length };
}

/**
 * Heat map of flips: vignettes (rows) × demographic levels (columns), coloured by the share of pairs whose
 * answer changed from the reference. Only vignettes that flipped somewhere are drawn (a row of zeros says
 * nothing), the most flips first, capped so the page stays readable.
 */
export function flipHeatmapChart(ctx: ReportContext): Chart | null {
  const cells = ctx.flipCells;
  const { shown, total, withFlips } = heatmapVignettes(cells);
  if (shown.length === 0) return null;
  const rank = new Map(shown.map((id, i) => [id, i]));
  const levels = [...new Map(cells.map((c) => [ctx.contrastLabel(c), c])).values()]
    .sort(ctx.contrastOrder)
    .map((c) => ctx.contrastLabel(c));
  const values = cells
    .filter((c) => rank.has(c.vignetteId))
    .sort((a, b) => rank.get(a.vignetteId)! - rank.get(b.vignetteId)! || ctx.contrastOrder(a, b))
    .map((c) => ({
      vignette: c.vignetteId,
      contrast: ctx.contrastLabel(c),
      share: round(c.share),
      flips: c.flips,
      pairs: c.nPairs,
      label: `${c.flips}/${c.nPairs}`,
    }));
  const missing = absentCells(shown, levels, new Set(values.map((v) => cellKey(v.vignette, v.contrast)))).map(([vignette, contrast]) => ({
    vignette,
    contrast,
  }));
  const scope =
    shown.length < withFlips
      ? `the ${shown.length} vignettes with the most flips (of ${withFlips} that flipped at all; ${total} in total)`
      : `the ${withFlips} of ${total} vignettes whose answer changed for at least one level`;
  const title = 'Flips: vignettes whose answer changed with the demographics';
  return {
    name: 'flips-heatmap',
    title,
    caption: [
      `Share of reference/level pairs whose scored answer differs, for ${scope}; each cell reads flips/pairs. Cells marked n/a: the vignette has no usable pair for that level (the axis is excluded for it, or an answer is missing), which is not the same as no flip (0/1). Every vignette is in tables/flip-matrix.csv.`,
    ],
    spec: {
      ...chartBase('Flips', 'vignettes whose answer changed with the demographics'),
      data: { values },
      width: { step: 26 },
      height: { step: 14 },
      encoding: {
        x: { field: 'contrast', type: 'nominal', sort: levels, title: null, axis: { labelAngle: -40, orient: 'top' } },
        y: { field: 'vignette', type: 'nominal', sort: shown, title: null, axis: { labelFontSize: 9 } },
      },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            color: {
              field: 'share',
              type: 'quantitative',
              scale: { domain: [0, 1], range: ['#f2f2f2', '#b2182b'] },
              title: ['share of pairs', 'whose answer', 'changed'],
            },
            tooltip: [
              { field: 'vignette', type: 'nominal' },
              { field: 'contrast', type: 'nominal', title: 'level' },
              { field: 'flips', type: 'quantitative' },
              { field: 'pairs', type: 'quantitative' },
            ],
          },
        },
        cellText('label', 'share', 0.5),
        ...missingCells(missing),
      ],
    },
  };
}
