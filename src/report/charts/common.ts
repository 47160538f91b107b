import type { TopLevelSpec } from 'vega-lite';
import type { Inline } from '../document/blocks.js';

/**
 * The one font of every chart, in the browser and in Node: the PNG renderer is given exactly this font's files
 * (assets/fonts), so the Vega-Lite config must name it or text would not render.
 */
export const CHART_FONT = 'DejaVu Sans';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A chart of the report: its file name stem, title, the Vega-Lite spec (data inline) and a caption. */
export interface Chart {
  name: string;
  title: string;
  spec: TopLevelSpec;
  caption: Inline[];
}

/** Shared top-level settings: schema, font, white background (PNGs are not transparent). */
export function chartBase(title: string): Pick<TopLevelSpec, '$schema' | 'config' | 'background'> & { title: string } {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    background: 'white',
    config: { font: CHART_FONT, axis: { labelLimit: 260 }, legend: { labelLimit: 260 }, view: { stroke: '#ddd' } },
  };
}

/** Rounds for compact, stable embedded data (six decimals are far below any plotted resolution). */
export function round(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null;
}

/** Proportion to percentage points, rounded. */
export function toPoints(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? round(100 * x) : null;
}

export const SIGNIFICANT = 'significant after correction';
export const NOT_SIGNIFICANT = 'not significant';
/** The adjusted test and the interval at the family's level disagree: neither a disparity nor its absence is shown. */
export const BORDERLINE = 'borderline (test and interval disagree)';
export const ORANGE = '#e67e22';
export const RED = '#c0392b';
export const GREY = '#7f8c8d';
export const BLUE = '#2c7fb8';
