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

/**
 * Shared top-level settings: schema, font, white background (PNGs are not transparent), and the title left-aligned
 * with any qualifier as a subtitle broken into short lines, so a long title never makes a chart wider than its
 * plot (a centred title wider than the plot widens the chart on both sides, and a phone then has to shrink it).
 */
export function chartBase(title: string, subtitle?: string): Pick<TopLevelSpec, '$schema' | 'config' | 'background' | 'title'> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, anchor: 'start', ...(subtitle ? { subtitle: wrapWords(subtitle, TITLE_LINE) } : {}) },
    background: 'white',
    config: { font: CHART_FONT, axis: { labelLimit: 260 }, legend: { labelLimit: 260 }, view: { stroke: '#ddd' } },
  };
}

/** Characters per subtitle line: about 300 px of 11 px DejaVu Sans. */
const TITLE_LINE = 48;

/** Text broken at spaces into lines of at most `width` characters (a longer word keeps a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
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

/** A heat map cell's key: row and column joined by a character no label contains. */
export function cellKey(row: string, column: string): string {
  return `${row}\u0000${column}`;
}

/** The [row, column] pairs of a heat map's grid that have no cell. */
export function absentCells(rows: readonly string[], columns: readonly string[], present: ReadonlySet<string>): [string, string][] {
  return rows.flatMap((row) =>
    columns.filter((column) => !present.has(cellKey(row, column))).map((column): [string, string] => [row, column]),
  );
}

/**
 * A heat map layer writing each cell's value (the `text` field) inside it, white on the dark end of the colour
 * scale (`shade` field above `dark`), so a colour never has to be read alone.
 */
export function cellText(text: string, shade: string, dark: number): LayerOf {
  return {
    mark: { type: 'text', fontSize: 8 },
    encoding: {
      text: { field: text, type: 'nominal' },
      color: { condition: { test: `abs(datum[${JSON.stringify(shade)}]) > ${dark}`, value: 'white' }, value: '#222' },
    },
  };
}

/**
 * Heat map layers marking the grid's empty places as "n/a" in a white, outlined cell (its own data: rows of the
 * same row and column fields), so a missing cell is never taken for a zero; none when the grid is full.
 */
export function missingCells(values: Record<string, string>[]): LayerOf[] {
  if (values.length === 0) return [];
  return [
    { data: { values }, mark: { type: 'rect', fill: 'white', stroke: '#bbb', strokeWidth: 0.5, strokeDash: [2, 2] } },
    { data: { values }, mark: { type: 'text', text: 'n/a', fontSize: 7, color: '#777' } },
  ];
}

/** One layer of a layered Vega-Lite spec. */
type LayerOf = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];
